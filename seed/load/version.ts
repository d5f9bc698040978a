/**
 * The loader's side of the graph version (src/db/graph-version.ts): migrations from an
 * older schema version, a hash of the seed content, and the stamp written after a load.
 * The API only reads the stamp; only the loader writes it.
 */
import { createHash } from 'node:crypto';
import { cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import { type GraphVersion, readGraphVersion, SCHEMA_VERSION } from '../../src/db/graph-version.js';
import { type Metric, METRICS, metricWords } from '../vocabulary.js';
import type { SeedGraph } from './validate.js';
import type { Status } from './write.js';

/** One step from schema version `to - 1` to `to`; it must be idempotent (it may be retried). */
export interface Migration {
  to: number;
  description: string;
  run(db: Database): Promise<void>;
}

/**
 * Steps in order of `to`. Version 1 is the first stamped shape; a graph loaded before
 * stamps existed has the version-1 shape.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    to: 2,
    description: 'facts carry statements, scopes and conditions; seeded facts are rewritten and fact_refs rebuilt',
    async run(db) {
      await db.runStatements(cypher('seed/migrate-v2'));
      await db.runStatements(cypher('schema/constraints'));
      await db.run(cypher('schema/await-indexes'));
    },
  },
  {
    to: 3,
    description: 'fact search also finds a fact by the words of its metric; fact_text is rebuilt over metricWords',
    async run(db) {
      const words = Object.fromEntries((Object.keys(METRICS) as Metric[]).map((metric) => [metric, metricWords(metric)]));
      await db.run(cypher('seed/set-metric-words'), { words });
      await db.runStatements(cypher('seed/migrate-v3'));
      await db.runStatements(cypher('schema/constraints'));
      await db.run(cypher('schema/await-indexes'));
    },
  },
];

/** A hash of the validated seed: the same content gives the same hash, whatever the file layout. */
export function seedHash(graph: SeedGraph): string {
  return createHash('sha256').update(JSON.stringify(graph)).digest('hex').slice(0, 16);
}

/** Runs the steps above the graph's stored version; returns their descriptions. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const current = (await readGraphVersion(db))?.schemaVersion ?? 1;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the graph has schema version ${current}, newer than this loader's ${SCHEMA_VERSION}; load it with a newer build`,
    );
  }
  const applied: string[] = [];
  for (const step of migrations.filter((m) => m.to > current && m.to <= SCHEMA_VERSION)) {
    await step.run(db);
    applied.push(`${step.to}: ${step.description}`);
  }
  return applied;
}

export interface StampResult extends GraphVersion {
  status: Status;
}

/** Writes the stamp (only when it changes) in a write transaction. */
export async function stampGraphVersion(db: Database, hash: string): Promise<StampResult> {
  const [row] = await db.run(cypher('seed/stamp-version'), { schemaVersion: SCHEMA_VERSION, seedHash: hash });
  return {
    status: row!.status as Status,
    schemaVersion: Number(row!.schemaVersion),
    seedHash: String(row!.seedHash),
    loadedAt: String(row!.loadedAt),
  };
}
