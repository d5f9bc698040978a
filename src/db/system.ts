/** Service-level reads: the database version and the graph's size. */
import { cypher } from './cypher.js';
import type { Database } from './database.js';
import type { HealthRow } from './rows.js';

const HEALTH = cypher('system/health');

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
