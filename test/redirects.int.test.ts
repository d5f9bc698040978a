/**
 * Merged-away ids in read arguments: after mergeEntities, the old id of a company, a
 * country, a commodity and a policy (one of them merged twice, so its redirect was
 * re-pointed) answers every read argument that names an entity exactly as the
 * survivor's id does, in the same number of round trips; an id that never existed is
 * still NOT_FOUND with the same message. It writes, so it runs on a Neo4j of its own
 * (empty but for the schema), and every id it makes starts with `rdr-` or `<kind>:rdr-`.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type OwnNeo4j, startOwnNeo4j } from './support/own-neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

const CURATOR_KEY = 'rdr-curator-key-0123456789';

let neo4j: OwnNeo4j | undefined;
let server: TestServer;

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${CURATOR_KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const { status, body } = await gql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

/** The survivors, and the ids merged into them. */
const NEW = { company: 'company:rdr-smelter', country: 'country:rdr-land', commodity: 'commodity:rdr-metal', policy: 'policy:rdr-controls' };
const OLD = { company: 'company:rdr-smelter-old', country: 'country:rdr-land-old', commodity: 'commodity:rdr-metal-old', policy: 'policy:rdr-controls-old' };
/** Merged into company:rdr-smelter-old, which was then merged into the survivor: a chain of two. */
const OLDER_COMPANY = 'company:rdr-smelter-older';
const NEVER = { company: 'company:rdr-never', country: 'country:rdr-never', commodity: 'commodity:rdr-never', policy: 'policy:rdr-never' };

const SOURCE = { id: 'rdr-src', publisher: 'Redirect Test Wire', title: 'Redirect test facts', date: '2026-02-01', kind: 'MARKET_SURVEY' };
const ENTITIES = [
  { id: NEW.company, name: 'Rdr Smelter', description: 'A test smelter.' },
  { id: OLD.company, name: 'Rdr Smelter Duplicate', description: 'The test smelter, entered twice.' },
  { id: OLDER_COMPANY, name: 'Rdr Smelter Triplicate', description: 'The test smelter, entered three times.' },
  { id: 'company:rdr-maker', name: 'Rdr Parts Maker', description: 'A test maker of parts.' },
  { id: 'company:rdr-carmaker', name: 'Rdr Car Maker', description: 'A test car maker.' },
  { id: 'company:rdr-foundry', name: 'Rdr Foundry', description: 'A test foundry.' },
  { id: NEW.country, name: 'Rdr Land', description: 'A test country.' },
  { id: OLD.country, name: 'Rdr Land Duplicate', description: 'The test country, entered twice.' },
  { id: NEW.commodity, name: 'Rdr Metal', description: 'A test metal.' },
  { id: OLD.commodity, name: 'Rdr Metal Duplicate', description: 'The test metal, entered twice.' },
  { id: NEW.policy, name: 'Rdr Export Controls', description: 'A test export control.' },
  { id: OLD.policy, name: 'Rdr Export Controls Duplicate', description: 'The test export control, entered twice.' },
];
// Every fact names the ids that will be merged away, so each answer below depends on the merge having moved them.
const fact = (id: string, type: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  from,
  to,
  period: '2026-01',
  claim: `Redirect test: ${from} ${type} ${to}.`,
  source: SOURCE.id,
  ...extra,
});
const FACTS = [
  fact('rdr-smelter-supplies-maker', 'SUPPLIES', OLD.company, 'company:rdr-maker', { item: OLD.commodity, figure: { value: 500, unit: 't' } }),
  fact('rdr-maker-supplies-carmaker', 'SUPPLIES', 'company:rdr-maker', 'company:rdr-carmaker'),
  fact('rdr-older-supplies-foundry', 'SUPPLIES', OLDER_COMPANY, 'company:rdr-foundry', { item: NEW.commodity }),
  fact('rdr-smelter-located', 'LOCATED_IN', OLD.company, OLD.country),
  fact('rdr-land-produces-metal', 'PRODUCES', OLD.country, OLD.commodity, { period: '2025', figure: { value: 1000, unit: 't' } }),
  fact('rdr-controls-restrict-metal', 'RESTRICTS', OLD.policy, OLD.commodity, {
    period: '2026-01/..',
    scope: { items: [OLD.commodity], origins: [OLD.country] },
  }),
];

const MERGE = `mutation($survivor: ID!, $merged: ID!) { mergeEntities(survivor: $survivor, merged: $merged) { status entity { id formerIds } } }`;

beforeAll(async () => {
  neo4j = await startOwnNeo4j('redirects');
  // A Neo4j of its own beside the run's plans its first walks slowly (as in curation.int.test.ts).
  server = await startTestServer(neo4j.db, {
    limits: { ...loadConfig({}).limits, requestDeadlineMs: 90_000 },
    auth: { ...loadConfig({}).auth, curatorKeys: [{ name: 'rdr-curator', sha256: createHash('sha256').update(CURATOR_KEY).digest('hex') }] },
  });
  await ok(`mutation($input: SourceInput!) { upsertSource(input: $input) { status } }`, { input: SOURCE });
  for (const input of ENTITIES) await ok(`mutation($input: EntityInput!) { upsertEntity(input: $input) { status } }`, { input });
  for (const input of FACTS) await ok(`mutation($input: FactInput!) { assertFact(input: $input) { status } }`, { input });
  // older → old first, then old → survivor: the first redirect must follow on to the survivor.
  const merges: [string, string][] = [
    [OLD.company, OLDER_COMPANY],
    [NEW.company, OLD.company],
    [NEW.country, OLD.country],
    [NEW.commodity, OLD.commodity],
    [NEW.policy, OLD.policy],
  ];
  for (const [survivor, merged] of merges) {
    expect((await ok(MERGE, { survivor, merged })).mergeEntities.status).toBe('MERGED');
  }
});

afterAll(async () => {
  await server?.close();
  await neo4j?.stop();
});

const WALK = 'root { id } total tiers { tier total entities { entity { id } nature path { nodes { id } hops { relationships { id } } } } }';
const PATH = 'length nodes { id } nature hops { dependent { id } provider { id } relationships { id } }';
const EXPOSURE = `subject { id } through { id } exposed direct { id }
  paths { at { id } because { id } path { nodes { id } } scope { clause { id } matched unverified } }`;
const EXPOSED = 'through { id } total entities { entity { id } distance at { id } because { id } path { nodes { id } } scope { matched } }';

/** Every read argument that names an entity, with the ids given as variables. */
const EVERY_ARGUMENT = `query($company: ID!, $country: ID!, $commodity: ID!, $policy: ID!) {
  entity: entity(id: $company) { id name formerIds }
  entityLinks: entity(id: $company) { id sources { id } relationships { id } ... on Company { suppliers { entity { id } } } }
  upstream: upstream(id: "company:rdr-maker", maxDepth: 3, commodity: $commodity) { ${WALK} }
  downstream: downstream(id: $company, maxDepth: 3) { ${WALK} }
  pathTo: dependencyPaths(from: "company:rdr-carmaker", to: $company) { ${PATH} }
  pathFrom: dependencyPaths(from: $company, to: "company:rdr-carmaker", direction: DOWNSTREAM) { ${PATH} }
  exposureOf: exposure(id: $company, country: $country) { ${EXPOSURE} }
  toCountry: exposure(id: "company:rdr-carmaker", country: $country) { ${EXPOSURE} }
  toPolicy: exposure(id: "company:rdr-carmaker", policy: $policy) { ${EXPOSURE} }
  exposedToCountry: exposedTo(country: $country) { ${EXPOSED} }
  exposedToPolicy: exposedTo(policy: $policy) { ${EXPOSED} }
  subgraph: subgraph(ids: [$company, "company:rdr-smelter"], depth: 2) { nodes { id } edges { id } truncated }
  byEntity: relationships(filter: { entity: $company }) { totalCount edges { node { id from { id } to { id } item { id } } } }
  byItem: relationships(filter: { item: $commodity }) { totalCount edges { node { id } } }
  trade: tradeFigures(place: $country, commodity: $commodity) { totalCount edges { node { id figure { value unit } } } }
  country: entity(id: $country) { id ... on Country { production(commodity: $commodity) { id } exports(commodity: $commodity) { id } imports(commodity: $commodity) { id } } }
  history: history(id: $company) { action targetId actor }
}`;

describe('Merged-away ids in read arguments', () => {
  it('every read argument answers the old id exactly as the survivor\'s id, chains included', { timeout: 300_000 }, async () => {
    const now = await ok(EVERY_ARGUMENT, NEW);
    // The answers are about something: each argument's query found the merged facts.
    expect(now.entity).toEqual({ id: NEW.company, name: 'Rdr Smelter', formerIds: [OLD.company, OLDER_COMPANY].sort() });
    expect(now.upstream.total).toBeGreaterThan(0);
    expect(now.downstream.total).toBeGreaterThan(0);
    expect(now.pathTo.length).toBeGreaterThan(0);
    expect(now.pathFrom.length).toBeGreaterThan(0);
    expect(now.exposureOf.direct.map((r: any) => r.id)).toEqual(['rdr-smelter-located']);
    expect(now.toCountry.exposed).toBe(true);
    expect(now.toPolicy.exposed).toBe(true);
    expect(now.exposedToCountry.entities.map((e: any) => e.entity.id)).toContain('company:rdr-carmaker');
    expect(now.exposedToPolicy.entities.map((e: any) => e.entity.id)).toContain('company:rdr-carmaker');
    expect(now.subgraph.edges.length).toBeGreaterThan(0);
    expect(now.byEntity.totalCount).toBe(3);
    // The lookup that reads its link fields in the same query (links.cypher's lookups).
    expect(now.entityLinks.id).toBe(NEW.company);
    expect(now.entityLinks.relationships.map((r: any) => r.id).sort()).toEqual(now.byEntity.edges.map((e: any) => e.node.id).sort());
    expect(now.entityLinks.sources.length).toBeGreaterThan(0);
    expect(now.byItem.totalCount).toBeGreaterThan(0);
    expect(now.trade.edges.map((e: any) => e.node.id)).toEqual(['rdr-land-produces-metal']);
    expect(now.country.production.map((r: any) => r.id)).toEqual(['rdr-land-produces-metal']);
    expect(now.history.filter((h: any) => h.action === 'MERGE').length).toBeGreaterThan(0);

    expect(await ok(EVERY_ARGUMENT, OLD)).toEqual(now);
    // The id merged into an id that was merged in turn goes straight to the survivor.
    expect(await ok(EVERY_ARGUMENT, { ...OLD, company: OLDER_COMPANY })).toEqual(now);
  });

  it('an old id costs no more round trips than the survivor\'s id, but for the lists that look their ids up', async () => {
    // The redirect is followed inside the query that looks the id up (the entity loader's,
    // cypher/entities/by-ids.cypher, or the search's, cypher/dependencies/ends.cypher), so
    // most questions run the same queries whichever id it is given. Small questions, whose
    // DataLoader batches do not depend on timing.
    const queriesOf = async (query: string, variables: Record<string, string>) => {
      const names: string[] = [];
      // The server's graph-version watch polls in the background, whatever is asked.
      const stop = neo4j!.db.onQuery((event) => void (event.query !== 'system/graph-version' && names.push(event.query)));
      try {
        await ok(query, variables);
      } finally {
        stop();
      }
      return names.sort();
    };
    // [question, what an old id runs beyond the survivor's]: the fact lists and the
    // subgraph look their id arguments up in their own query, and run once more with the
    // survivor's id when one was merged away (their filters need it before the query).
    const questions: [string, string[]][] = [
      ['query($company: ID!) { upstream(id: "company:rdr-carmaker", maxDepth: 3) { total } downstream(id: $company) { total } }', []],
      ['query($company: ID!) { dependencyPaths(from: "company:rdr-carmaker", to: $company) { length } }', []],
      ['query($country: ID!, $policy: ID!) { a: exposure(id: "company:rdr-carmaker", country: $country) { exposed } b: exposedTo(policy: $policy) { total } }', []],
      ['query($company: ID!, $commodity: ID!) { relationships(filter: { entity: $company, item: $commodity }) { totalCount } }', ['relationships/list']],
      ['query($country: ID!, $commodity: ID!) { tradeFigures(place: $country, commodity: $commodity) { totalCount } }', ['relationships/list']],
      ['query($company: ID!) { subgraph(ids: [$company]) { truncated } history(id: $company) { action } }', ['dependencies/subgraph']],
    ];
    for (const [query, more] of questions) {
      const fresh = await queriesOf(query, NEW);
      expect(fresh.length, query).toBeGreaterThan(0);
      expect(await queriesOf(query, OLD), query).toEqual([...fresh, ...more].sort());
    }
  });

  it('an id that never existed is NOT_FOUND as before, in every argument', async () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['query($id: ID!) { upstream(id: $id) { total } }', { id: NEVER.company }, 'id', `No entity has the id "${NEVER.company}".`],
      ['query($id: ID!) { downstream(id: "company:rdr-maker", commodity: $id) { total } }', { id: NEVER.commodity }, 'commodity', `No commodity has the id "${NEVER.commodity}".`],
      ['query($id: ID!) { dependencyPaths(from: $id, to: "company:rdr-maker") { length } }', { id: NEVER.company }, 'from', `No entity has the id "${NEVER.company}".`],
      ['query($id: ID!) { dependencyPaths(from: "company:rdr-maker", to: $id) { length } }', { id: NEVER.company }, 'to', `No entity has the id "${NEVER.company}".`],
      ['query($id: ID!) { exposure(id: $id, country: "country:rdr-land") { exposed } }', { id: NEVER.company }, 'id', `No entity has the id "${NEVER.company}".`],
      ['query($id: ID!) { exposure(id: "company:rdr-maker", country: $id) { exposed } }', { id: NEVER.country }, 'country', `No country has the id "${NEVER.country}".`],
      ['query($id: ID!) { exposure(id: "company:rdr-maker", policy: $id) { exposed } }', { id: NEVER.policy }, 'policy', `No policy has the id "${NEVER.policy}".`],
      ['query($id: ID!) { exposedTo(country: $id) { total } }', { id: NEVER.country }, 'country', `No country has the id "${NEVER.country}".`],
      ['query($id: ID!) { exposedTo(policy: $id) { total } }', { id: NEVER.policy }, 'policy', `No policy has the id "${NEVER.policy}".`],
      ['query($id: ID!) { subgraph(ids: ["company:rdr-maker", $id]) { truncated } }', { id: NEVER.company }, 'ids', `No entity has the id "${NEVER.company}".`],
      ['query($id: ID!) { relationships(filter: { entity: $id }) { totalCount } }', { id: NEVER.company }, 'filter.entity', `No entity has the id "${NEVER.company}".`],
      ['query($id: ID!) { relationships(filter: { item: $id }) { totalCount } }', { id: NEVER.commodity }, 'filter.item', `No item has the id "${NEVER.commodity}".`],
      ['query($id: ID!) { tradeFigures(place: $id) { totalCount } }', { id: NEVER.country }, 'place', `No place has the id "${NEVER.country}".`],
      ['query($id: ID!) { tradeFigures(commodity: $id) { totalCount } }', { id: NEVER.commodity }, 'commodity', `No commodity has the id "${NEVER.commodity}".`],
      ['query($id: ID!) { entity(id: "country:rdr-land") { ... on Country { production(commodity: $id) { id } } } }', { id: NEVER.commodity }, 'commodity', `No commodity has the id "${NEVER.commodity}".`],
    ];
    for (const [query, variables, argument, message] of cases) {
      const { body } = await gql(query, variables);
      expect(body.errors, query).toHaveLength(1);
      expect(body.errors[0], query).toMatchObject({ message, extensions: { code: 'NOT_FOUND', argument } });
    }
    // Lookups answer null, and history is empty, as before.
    expect(await ok('query($id: ID!) { entity(id: $id) { id } history(id: $id) { action } }', { id: NEVER.company })).toEqual({ entity: null, history: [] });
  });

  it('an old id of the wrong kind is BAD_USER_INPUT, naming the id as given', async () => {
    const { body } = await gql('query($id: ID!) { exposedTo(country: $id) { total } }', { id: OLD.company });
    expect(body.errors[0]).toMatchObject({ message: `country: ${OLD.company} is a Company, not a Country or Region`, extensions: { code: 'BAD_USER_INPUT' } });
  });
});
