/**
 * Direct Bolt access to the service's Neo4j, beside the API: the graph checksum (did a
 * request change the data?) and "does the database answer?" for the outage scenario.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';

export interface BoltTarget {
  uri: string;
  password: string;
}

export interface Checksum {
  nodes: number;
  relationships: number;
  labels: number;
  propertyKeys: number;
  /** sha256 (first 16 hex digits) over every node: labels and properties. */
  nodeHash: string;
  /** sha256 over every relationship: type, the ends' properties' hash, and its properties. */
  relationshipHash: string;
}

function open(target: BoltTarget, connectionTimeout = 10_000): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic('neo4j', target.password), {
    connectionTimeout,
    connectionAcquisitionTimeout: connectionTimeout,
    maxConnectionPoolSize: 2,
    logging: { level: 'error', logger: () => {} },
  });
}

/** Sorts object keys and turns Neo4j integers into numbers, so equal graphs serialise equally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, x: unknown) => {
    if (neo4j.isInt(x)) return x.toString();
    if (typeof x === 'bigint') return x.toString();
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      if (typeof (x as { toString?: unknown }).toString === 'function' && x.constructor?.name !== 'Object') {
        return String(x); // temporal and spatial values
      }
      return Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)));
    }
    return x;
  });
}

const hash = (rows: string[]) => createHash('sha256').update(rows.sort().join('\n')).digest('hex').slice(0, 16);

export async function checksum(target: BoltTarget): Promise<Checksum> {
  const driver = open(target);
  try {
    const run = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: 'neo4j' })).records;
    const nodes = await run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const rels = await run(
      'MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(a) AS from, properties(b) AS to, properties(r) AS props',
    );
    const labels = await run('CALL db.labels() YIELD label RETURN count(label) AS n');
    const keys = await run('CALL db.propertyKeys() YIELD propertyKey RETURN count(propertyKey) AS n');
    return {
      nodes: nodes.length,
      relationships: rels.length,
      labels: Number(labels[0]?.get('n')),
      propertyKeys: Number(keys[0]?.get('n')),
      nodeHash: hash(nodes.map((r) => canonical([[...r.get('labels')].sort(), r.get('props')]))),
      relationshipHash: hash(rels.map((r) => canonical([r.get('type'), r.get('from'), r.get('to'), r.get('props')]))),
    };
  } finally {
    await driver.close();
  }
}

/** True when the database runs a query within `timeoutMs` (a fresh connection each time). */
export async function databaseAnswers(target: BoltTarget, timeoutMs = 2000): Promise<boolean> {
  const driver = open(target, timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = driver.executeQuery('RETURN 1 AS ok', {}, { database: 'neo4j' }).then(() => true);
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    return await Promise.race([query, late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    void driver.close().catch(() => {});
  }
}
