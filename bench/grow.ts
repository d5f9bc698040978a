/**
 * Writes the synthetic graph (synthetic.ts) into the database in UNWIND batches through
 * the cypher/bench write queries, after the project's constraints and indexes, and
 * waits for the indexes to catch up so the measured reads use them.
 */
import { applySchema } from '../seed/load/write.js';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import type { SyntheticGraph } from './synthetic.js';

const CREATE_SOURCES = cypher('bench/create-sources');
const CREATE_ENTITIES = cypher('bench/create-entities');
const CREATE_FACTS = cypher('bench/create-facts');
const AWAIT_INDEXES = cypher('schema/await-indexes');

export const WRITE_BATCH = 5000;

async function writeBatches<T>(
  db: Database,
  rows: readonly T[],
  write: (batch: readonly T[]) => Promise<number>,
  what: string,
  progress: (line: string) => void,
): Promise<void> {
  let written = 0;
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    written += await write(rows.slice(i, i + WRITE_BATCH));
    progress(`  ${what}: ${written}/${rows.length}`);
  }
  if (written !== rows.length) throw new Error(`wrote ${written} of ${rows.length} synthetic ${what}; some ends were missing`);
}

const created = (rows: { created?: unknown }[]) => Number(rows[0]?.created ?? 0);

/** Adds the synthetic graph to the database; returns when its indexes are online. */
export async function growGraph(db: Database, graph: SyntheticGraph, progress: (line: string) => void): Promise<void> {
  await applySchema(db);
  await writeBatches(db, graph.sources, async (batch) => created(await db.run(CREATE_SOURCES, { rows: batch })), 'sources', progress);
  await writeBatches(db, graph.entities, async (batch) => created(await db.run(CREATE_ENTITIES, { rows: batch })), 'entities', progress);
  await writeBatches(db, graph.facts, async (batch) => created(await db.run(CREATE_FACTS, { rows: batch })), 'facts', progress);
  await db.run(AWAIT_INDEXES);
}
