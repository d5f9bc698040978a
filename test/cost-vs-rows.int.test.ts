/**
 * The cost estimate against the work, on a grown graph: for representative operations
 * the rows the database returns never exceed the estimate, link lists are cut to their
 * `first` in the database, and nesting the defaults is priced over the budget.
 *
 * The shared test database must stay as seeded, so this file starts a Neo4j of its own
 * (a free port, a temporary directory), loads the seed and grows it with the
 * benchmark's synthetic supply network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildASTSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { growGraph } from '../bench/grow.js';
import { streamSyntheticGraph } from '../bench/synthetic.js';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { analyzeOperation } from '../src/analysis/analyze.js';
import { connect } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../src/local-neo4j/process.js';
import { MAX_ANALYSIS_STEPS, MAX_COST } from '../src/protections.js';
import { loadTypeDefs } from '../src/schema.js';
import { startTestServer, type TestServer } from './support/server.js';

const SYNTHETIC = { entities: 3000, facts: 15_000 };

let dir: string;
let local: LocalNeo4j | undefined;
let db: Database | undefined;
let server: TestServer | undefined;
/** Rows returned by the database since the last reset. */
let rows = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mgkg-cost-neo4j-'));
  local = await startLocalNeo4j({
    launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
    dir,
    port: await freePort(),
    heapMb: 768,
    pageCacheMb: 128,
    password: undefined,
  });
  db = await connect({ uri: local.uri, username: local.username, password: local.password, database: 'neo4j', queryTimeoutMs: 120_000, connectTimeoutMs: 30_000 });
  const seed = validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
  await loadSeed(db, seed);
  await growGraph(db, streamSyntheticGraph(SYNTHETIC, new Set(seed.entities.map((e) => e.id))), () => {});
  // Every query of the API reports the rows it returned; the background read of the
  // graph's version stamp is not part of any request.
  db.onQuery((event) => {
    if (event.query !== 'system/graph-version') rows += event.rows;
  });
  server = await startTestServer(db);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
  await local?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const schema = buildASTSchema(parse(loadTypeDefs().join('\n')));
const estimate = (text: string) => {
  const document = parse(text);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return analyzeOperation({ schema, document, operation, maxSteps: MAX_ANALYSIS_STEPS }).cost;
};

/** Runs an operation that must succeed; returns the rows the database returned for it. */
async function rowsOf(text: string): Promise<number> {
  rows = 0;
  const { status, body } = await server!.graphql(text);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return rows;
}

/** A count straight from the driver, outside the API and its row counter. */
const count = async (query: string) => {
  const { records } = await db!.driver.executeQuery(query, {}, { database: 'neo4j' });
  return Number(records[0]!.get('n'));
};

const OPERATIONS: Record<string, string> = {
  'a country and its members': `{ entity(id: "country:china") { name ... on Country { members { entity { id name } relationship { type evidence { sources { title } } } } } } }`,
  'an entity’s relationships with both ends': `{ entity(id: "company:bmw") { relationships(first: 20) { type from { name } to { name } item { name } evidence { claim sources { title } } } } }`,
  'a page of entities with their links': `{ entities(first: 20, orderBy: DEGREE_DESC) { edges { node { name sources { title } relationships(first: 10) { type } ... on Country { exports(first: 5) { id } members(first: 5) { entity { name } } } ... on Company { customers(first: 5) { entity { name } } } } } } }`,
  'search hits with suppliers and customers': `{ search(query: "magnesium", first: 10) { entity { name ... on Company { suppliers { entity { name } } customers(first: 5) { entity { name } } } } } }`,
  'two tiers upstream': `{ upstream(id: "company:bmw", maxDepth: 2, perTier: 50) { total tiers { total entities { entity { name } } } } }`,
  'a page of relationships with their sources': `{ relationships(first: 50) { totalCount edges { node { type from { name } to { name } evidence { sources { title } } } } } }`,
};

describe('Cost estimate against rows read, on a grown graph', () => {
  it('grew the graph', async () => {
    expect(await count('MATCH (e:Entity) RETURN count(e) AS n')).toBeGreaterThan(SYNTHETIC.entities);
    expect(await count('MATCH (:Entity {id: "country:china"})<-[:LOCATED_IN|MEMBER_OF]-(m) RETURN count(m) AS n')).toBeGreaterThan(200);
  });

  it.each(Object.entries(OPERATIONS))('%s: reads no more rows than estimated', async (name, text) => {
    const cost = estimate(text);
    const read = await rowsOf(text);
    console.log(`${name}: estimated ${cost}, ${read} rows read`);
    expect(cost).toBeLessThanOrEqual(MAX_COST);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(cost);
  });

  it('cuts a link list to its first in the database', async () => {
    const members = await count('MATCH (:Entity {id: "country:china"})<-[:LOCATED_IN|MEMBER_OF]-(m) RETURN count(m) AS n');
    // The 7 links of the page, one row each, the entity and the links' other ends coming with them in one query.
    const read = await rowsOf('{ entity(id: "country:china") { ... on Country { members(first: 7) { relationship { id } } } } }');
    expect(members).toBeGreaterThan(7);
    expect(read).toBe(7);
  });

  it('prices nested link lists at their defaults over the budget, and runs them with small pages', async () => {
    // Link fields used to be priced at 10 items and read in full: on this graph China's
    // members alone are hundreds, each with its customers. At their default of 50 the
    // nesting is now priced over the budget; asked with small pages, it reads little.
    const nested = (n: string) =>
      `{ entities(first: 100, orderBy: DEGREE_DESC) { edges { node { ... on Country { members${n} { entity { ... on Company { customers${n} { entity { name } } } } } } } } } }`;
    expect(estimate(nested(''))).toBeGreaterThan(MAX_COST);
    const { status, body } = await server!.graphql(nested(''));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });

    const small = nested('(first: 3)');
    const read = await rowsOf(small);
    expect(read).toBeLessThanOrEqual(estimate(small));
    const unbounded = await count(
      `MATCH (c:Country)<-[:LOCATED_IN|MEMBER_OF]-(m:Company) OPTIONAL MATCH (m)-[r:SUPPLIES|LICENSES_TO|EXPORTS_TO]->() RETURN count(*) AS n`,
    );
    // What reading every member and every customer would return, for comparison.
    console.log(`nested members/customers: ${read} rows read with first: 3; ${unbounded} rows without a cut`);
    expect(unbounded).toBeGreaterThan(read);
  });
});
