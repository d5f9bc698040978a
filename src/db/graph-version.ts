/**
 * The graph's version stamp: what the loader (`npm run load`) writes after loading and
 * what the API reads to decide whether it understands the graph. The schema version is
 * the shape of the data (labels, properties, relationship types) this code reads; it
 * goes up with a change that needs a migration, and the API refuses to become ready on
 * a graph of a version it does not list here.
 */
import { cypher } from './cypher.js';
import type { Database } from './database.js';

/** The schema version the loader writes. */
export const SCHEMA_VERSION = 3;
/** Schema versions this build of the API can serve. */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [3];

export interface GraphVersion {
  schemaVersion: number;
  /** A hash of the seed content the graph was loaded from. */
  seedHash: string;
  /** When this schema version and seed were first loaded (ISO 8601). */
  loadedAt: string;
}

const GRAPH_VERSION = cypher('system/graph-version');

/** The stamp, or undefined when the graph was never loaded (read transaction). */
export async function readGraphVersion(db: Database): Promise<GraphVersion | undefined> {
  const [row] = await db.run(GRAPH_VERSION);
  if (!row || row.schemaVersion === null) return undefined;
  return { schemaVersion: Number(row.schemaVersion), seedHash: String(row.seedHash), loadedAt: String(row.loadedAt) };
}

export const isSupportedVersion = (version: GraphVersion | undefined): boolean =>
  version !== undefined && SUPPORTED_SCHEMA_VERSIONS.includes(version.schemaVersion);
