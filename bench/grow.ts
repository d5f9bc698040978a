/**
 * Writes the synthetic graph (synthetic.ts) into the database in UNWIND batches through
 * the cypher/bench write queries, after the project's constraints and indexes, and
 * waits for the indexes to catch up so the measured reads use them. Facts are drawn
 * from the generator one batch at a time, so memory stays flat at any size; entities
 * are written first (facts need their ends) and get their sources once every fact is
 * drawn.
 */
import { applySchema } from '../seed/load/write.js';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { WRITE_BATCH } from './args.js';
import type { SyntheticStream } from './synthetic.js';

const CREATE_SOURCES = cypher('bench/create-sources');
const CREATE_ENTITIES = cypher('bench/create-entities');
const CREATE_FACTS = cypher('bench/create-facts');
const SET_ENTITY_SOURCES = cypher('bench/set-entity-sources');
const AWAIT_INDEXES = cypher('schema/await-indexes');

/** How fast the synthetic graph was written (bench/README.md, "Bulk load"). */
export interface LoadFigures {
  sources: number;
  entities: number;
  facts: number;
  /** Rows per UNWIND batch (one transaction each). */
  batchSize: number;
  /** Writing the entities (and sources). */
  entitySeconds: number;
  /** Drawing and writing the facts. */
  factSeconds: number;
  /** Setting the entities' sources and waiting for the indexes to come online. */
  finishSeconds: number;
  /** All of it, schema included. */
  seconds: number;
  entitiesPerSecond: number;
  factsPerSecond: number;
  /** CPU seconds Neo4j's JVM used while the facts were written (NaN where unknown): the cost, whatever the machine's load. */
  factNeo4jCpuSeconds: number;
  /** Facts per CPU second of Neo4j. */
  factsPerNeo4jCpuSecond: number;
}

/** Splits any sequence into arrays of at most `size`, lazily. */
export function* batches<T>(rows: Iterable<T>, size: number): Generator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a batch size must be a whole number above 0, got ${size}`);
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Rows written per second, or 0 when nothing was timed. */
export function rate(rows: number, seconds: number): number {
  return seconds > 0 ? rows / seconds : 0;
}

async function writeBatches<T>(
  rows: Iterable<T>,
  total: number,
  batchSize: number,
  write: (batch: readonly T[]) => Promise<number>,
  what: string,
  progress: (line: string) => void,
): Promise<void> {
  let written = 0;
  let reported = 0;
  const started = performance.now();
  for (const batch of batches(rows, batchSize)) {
    written += await write(batch);
    // A line every 10% or so at large sizes, every batch at small ones.
    if (written - reported >= Math.max(batchSize, total / 10) || written === total) {
      reported = written;
      const seconds = (performance.now() - started) / 1000;
      progress(`  ${what}: ${written}/${total} (${Math.round(rate(written, seconds))}/s)`);
    }
  }
  if (written !== total) throw new Error(`wrote ${written} of ${total} synthetic ${what}; some ends were missing`);
}

const counted = (rows: Record<string, unknown>[], key: string) => Number(rows[0]?.[key] ?? 0);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Adds the synthetic graph to the database; returns when its indexes are online. */
export async function growGraph(
  db: Database,
  graph: SyntheticStream,
  progress: (line: string) => void,
  batchSize = WRITE_BATCH,
  neo4jCpuSeconds: () => number = () => Number.NaN,
): Promise<LoadFigures> {
  const started = performance.now();
  await applySchema(db);
  const entitiesStarted = performance.now();
  const create = (query: typeof CREATE_SOURCES) => async (batch: readonly unknown[]) => counted(await db.run(query, { rows: batch }), 'created');
  await writeBatches(graph.sources, graph.sources.length, batchSize, create(CREATE_SOURCES), 'sources', progress);
  await writeBatches(graph.entities, graph.entities.length, batchSize, create(CREATE_ENTITIES), 'entities', progress);
  const entitySeconds = seconds(entitiesStarted);
  const factsStarted = performance.now();
  const cpuBefore = neo4jCpuSeconds();
  await writeBatches(graph.facts, graph.factCount, batchSize, create(CREATE_FACTS), 'facts', progress);
  const factSeconds = seconds(factsStarted);
  const factNeo4jCpuSeconds = neo4jCpuSeconds() - cpuBefore;
  const finishStarted = performance.now();
  const sourced = graph.entities.map((e) => ({ id: e.props.id, sourceIds: e.props.sourceIds }));
  await writeBatches(
    sourced,
    sourced.length,
    batchSize,
    async (batch) => counted(await db.run(SET_ENTITY_SOURCES, { rows: batch }), 'updated'),
    'entity sources',
    () => {},
  );
  await db.run(AWAIT_INDEXES);
  return {
    sources: graph.sources.length,
    entities: graph.entities.length,
    facts: graph.factCount,
    batchSize,
    entitySeconds,
    factSeconds,
    finishSeconds: seconds(finishStarted),
    seconds: seconds(started),
    entitiesPerSecond: rate(graph.entities.length, entitySeconds),
    factsPerSecond: rate(graph.factCount, factSeconds),
    factNeo4jCpuSeconds,
    factsPerNeo4jCpuSecond: Number.isFinite(factNeo4jCpuSeconds) ? rate(graph.factCount, factNeo4jCpuSeconds) : Number.NaN,
  };
}
