/**
 * Writes a validated seed to Neo4j: constraints and indexes first, then sources,
 * entities and facts, each batch in its own write transaction, merged on stable ids,
 * then the version stamp (version.ts). Content hashes make a second load of the same
 * seed write nothing and report it unchanged.
 */
import { cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import { entityProps, factProps, SEEDED, sourceProps } from '../../src/domain/props.js';
import type { SeedGraph } from './validate.js';
import { migrate, seedHash, type StampResult, stampGraphVersion } from './version.js';

export const BATCH_SIZE = 500;

export type Status = 'created' | 'updated' | 'unchanged';

export interface LoadReport {
  /** Counts by label (Source and entity kinds) or relationship type, then status. */
  nodes: Record<string, Record<Status, number>>;
  relationships: Record<string, Record<Status, number>>;
  /** Seeded data no longer in the seed: deleted with `prune`, otherwise only listed. */
  stale: { what: string; label: string; id: string }[];
  pruned: number;
  /** Migration steps applied before loading (empty when the graph was current). */
  migrations: string[];
  /** The version stamp after the load (GraphMeta). */
  version: StampResult;
}

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) out.push(rows.slice(i, i + BATCH_SIZE));
  return out;
}

function tally(into: Record<string, Record<Status, number>>, label: string, status: Status): void {
  into[label] ??= { created: 0, updated: 0, unchanged: 0 };
  into[label][status] += 1;
}

/** Creates the constraints and indexes the graph relies on and waits for them to be online. */
export async function applySchema(db: Database): Promise<void> {
  await db.runStatements(cypher('schema/constraints'));
  await db.run(cypher('schema/await-indexes'));
}

export async function loadSeed(
  db: Database,
  graph: SeedGraph,
  options: { prune?: boolean } = {},
): Promise<LoadReport> {
  await applySchema(db);
  const migrations = await migrate(db);
  const report: Omit<LoadReport, 'version'> = { nodes: {}, relationships: {}, stale: [], pruned: 0, migrations };

  for (const batch of batches(graph.sources)) {
    const rows = batch.map((s) => ({ id: s.id, ...sourceProps(s, SEEDED) }));
    const result = await db.run(cypher('seed/merge-sources'), { rows });
    for (const row of result) tally(report.nodes, 'Source', row.status as Status);
  }
  for (const batch of batches(graph.entities)) {
    const rows = batch.map((e) => ({ id: e.id, kind: e.kind, ...entityProps(e, SEEDED) }));
    const result = await db.run(cypher('seed/merge-entities'), { rows });
    for (const row of result) tally(report.nodes, String(row.label), row.status as Status);
  }
  for (const batch of batches(graph.facts)) {
    const rows = batch.map((f) => ({ id: f.id, type: f.type, from: f.from, to: f.to, ...factProps(f, SEEDED) }));
    const result = await db.run(cypher('seed/merge-facts'), { rows });
    for (const row of result) tally(report.relationships, String(row.type), row.status as Status);
  }

  const ids = {
    sourceIds: graph.sources.map((s) => s.id),
    entityIds: graph.entities.map((e) => e.id),
    factKeys: graph.facts.map((f) => `${f.type} ${f.id}`),
  };
  const stale = (await db.run(cypher('seed/stale'), ids)).map((row) => ({
    what: String(row.what),
    label: String(row.label),
    id: String(row.id),
  }));
  // A fact retyped in the seed is replaced on every load, like one whose ends moved.
  const factIds = new Set(graph.facts.map((f) => f.id));
  const retyped = stale.filter((s) => s.what === 'relationship' && factIds.has(s.id));
  if (retyped.length > 0) await db.run(cypher('seed/delete-retyped'), { facts: retyped.map((s) => ({ type: s.label, id: s.id })) });
  report.stale = stale.filter((s) => !retyped.includes(s));
  if (options.prune && report.stale.length > 0) {
    const [row] = await db.run(cypher('seed/prune-stale'), ids);
    report.pruned = Number(row?.deleted ?? 0);
  }
  // Last, so a load that failed half-way leaves the previous stamp (and its hash) in place.
  return { ...report, version: await stampGraphVersion(db, seedHash(graph)) };
}
