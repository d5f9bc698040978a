/**
 * The bench's stock Apollo Server (bench/overhead/stock.ts), the reference side of the
 * open-loop load and the overhead's baseline, on the seed graph: it must answer the
 * load's two operations exactly as the API does, or the bench drops it from the load
 * (a reference that answers something else measures nothing), and it must do so in one
 * query per request, as the floor does, so that it measures Apollo Server and Express
 * and not a second round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDifference } from '../bench/floor/compare.js';
import { mix } from '../bench/load/load.js';
import { ENTITY_NAME, pickTargets, SUPPLIERS_NAME } from '../bench/load/operations.js';
import { type StockServer, startStockServer } from '../bench/overhead/stock.js';
import type { Database } from '../src/db/database.js';
import { openTestDb } from './support/neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

let db: Database;
let api: TestServer;
let stock: StockServer;
beforeAll(async () => {
  db = await openTestDb();
  api = await startTestServer(db);
  stock = await startStockServer(db);
});
afterAll(async () => {
  await stock.close();
  await api.close();
  await db.close();
});

const post = async (url: string, query: string, variables: unknown) => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: unknown; errors?: unknown };
};

describe('the stock Apollo reference of the load', () => {
  it("answers the load's supplier lookups and minimal lookups as the API does, in one query each", async () => {
    // The load's own choice of targets (companies with suppliers, entities spread over the ids).
    const targets = await pickTargets(db, { suppliers: 4, entities: 4 });
    expect(targets.suppliers.length).toBeGreaterThanOrEqual(2);
    const operations = mix(targets, 20);
    expect(new Set(operations.map((o) => o.name))).toEqual(new Set([SUPPLIERS_NAME, ENTITY_NAME]));
    const queries: string[] = [];
    // The API server's graph-version watch polls in the background, whatever is asked.
    const stop = db.onQuery((event) => {
      if (event.query !== 'system/graph-version') queries.push(event.query);
    });
    for (const operation of operations) {
      const ours = await post(api.url, operation.query, operation.variables);
      queries.length = 0;
      const theirs = await post(stock.url, operation.query, operation.variables);
      expect(queries).toEqual([operation.name === SUPPLIERS_NAME ? 'bench/floor-load-suppliers' : 'bench/floor-load-entity']);
      expect(ours.errors).toBeUndefined();
      expect(theirs.errors).toBeUndefined();
      expect(firstDifference(ours.data, theirs.data), JSON.stringify(operation.variables)).toBeNull();
    }
    stop();
    // The comparison covered suppliers with evidence and sources, not only empty lists.
    const first = (await post(stock.url, operations[0]!.query, operations[0]!.variables)).data as { entity: { suppliers: { relationship: { evidence: { sources: unknown[] } } }[] } };
    expect(first.entity.suppliers.length).toBeGreaterThan(0);
    expect(first.entity.suppliers.some((s) => s.relationship.evidence.sources.length > 0)).toBe(true);
  });

  it('answers the overhead’s { __typename } and the minimal lookup of an entity that is no company', async () => {
    expect((await post(stock.url, '{ __typename }', {})).data).toEqual({ __typename: 'Query' });
    const nonCompany = await post(stock.url, 'query($id: ID!) { entity(id: $id) { id name kind } }', { id: 'country:china' });
    expect(nonCompany.data).toEqual({ entity: { id: 'country:china', name: expect.any(String), kind: 'COUNTRY' } });
  });
});
