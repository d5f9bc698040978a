/** Service-level reads: the database version (for logs and the benchmark) and the graph's size. */
import { cypher } from './cypher.js';
import type { Database } from './database.js';
import type { HealthRow } from './rows.js';

const HEALTH = cypher('system/health');
const GRAPH_SIZE = cypher('system/graph-size');

export interface GraphSize {
  entities: number;
  relationships: number;
  sources: number;
}

/** The database's version and edition with the graph's size (not public: see schema/base.graphql). */
export async function readHealth(db: Database): Promise<HealthRow> {
  const [row] = await db.run(HEALTH);
  return {
    status: 'OK',
    neo4jVersion: String(row?.version ?? 'unknown'),
    neo4jEdition: String(row?.edition ?? 'unknown'),
    entities: Number(row?.entities ?? 0),
    relationships: Number(row?.relationships ?? 0),
    sources: Number(row?.sources ?? 0),
  };
}

export async function readGraphSize(db: Database): Promise<GraphSize> {
  const [row] = await db.run(GRAPH_SIZE);
  return {
    entities: Number(row?.entities ?? 0),
    relationships: Number(row?.relationships ?? 0),
    sources: Number(row?.sources ?? 0),
  };
}
