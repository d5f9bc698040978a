/**
 * Curated writes over HTTP: who may write, every kind of bad input refused with nothing
 * changed, dry runs, idempotent replays, concurrent writes to one entity, retraction
 * hidden from every answer, merges, and new facts cited by the dependency answers at
 * once. It writes, so it runs on a seeded Neo4j of its own (the run's shared graph stays
 * as the seed made it, for the tests that check the whole graph); its ids start with
 * `test-` or `<kind>:test-` all the same.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { createLogger } from '../src/logger.js';
import { applyExport } from '../seed/export/apply.js';
import { layOutSeed } from '../seed/export/layout.js';
import { readGraph } from '../seed/export/read.js';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { type OwnNeo4j, startOwnNeo4j } from './support/own-neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

const CURATOR_KEY = 'test-curator-key-0123456789';
const READER_KEY = 'test-reader-key-0123456789';
const JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let neo4j: OwnNeo4j | undefined;
let db: Database;
let server: TestServer;

beforeAll(async () => {
  neo4j = await startOwnNeo4j('curation', { seed: true });
  db = neo4j.db;
  // A Neo4j of its own beside the run's, on two cores, plans its first walks slowly.
  server = await startTestServer(db, {
    limits: { ...loadConfig({}).limits, requestDeadlineMs: 90_000 },
    auth: {
      ...loadConfig({}).auth,
      curatorKeys: [{ name: 'test-curator', sha256: sha(CURATOR_KEY) }],
      readerKeys: [{ name: 'test-reader', sha256: sha(READER_KEY) }],
      jwt: { secret: JWT_SECRET, rolesClaim: 'roles' },
    },
  });
});

afterAll(async () => {
  await server?.close();
  await neo4j?.stop();
});

async function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = { authorization: `Bearer ${CURATOR_KEY}` }) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Runs an operation that must succeed and returns its data. */
async function ok(query: string, variables: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const { status, body } = await gql(query, variables, headers);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

/** What a refused write must leave as it was: counts of everything, and the write version. */
async function fingerprint() {
  const [row] = await db.run({
    name: 'test/curation-fingerprint',
    mode: 'read',
    text: `
      CALL () { MATCH (n) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
      CALL () { MATCH (c:Change) RETURN count(c) AS changes }
      CALL () { MATCH (n) WHERE n.id STARTS WITH 'test-' OR n.id CONTAINS ':test-' RETURN collect(n.id + ' ' + coalesce(n.seedHash, '')) AS ours }
      CALL () { MATCH ()-[r]->() WHERE r.id STARTS WITH 'test-' RETURN collect(r.id + ' ' + r.seedHash) AS ourFacts }
      OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
      RETURN nodes, relationships, changes, ours, ourFacts, m.writeVersion AS writeVersion`,
  });
  return row;
}

const UPSERT_SOURCE = `mutation($input: SourceInput!, $dryRun: Boolean, $key: String) {
  upsertSource(input: $input, dryRun: $dryRun, idempotencyKey: $key) { status replayed dryRun source { id title url } changes { action targetId fields } }
}`;
const UPSERT_ENTITY = `mutation($input: EntityInput!, $dryRun: Boolean, $key: String) {
  upsertEntity(input: $input, dryRun: $dryRun, idempotencyKey: $key) { status replayed dryRun entity { id name aliases description kind } changes { id action targetKind targetId before after fields actor } }
}`;
const ASSERT = `mutation($input: FactInput!, $dryRun: Boolean, $key: String) {
  assertFact(input: $input, dryRun: $dryRun, idempotencyKey: $key) {
    status replayed dryRun changes { action targetKind targetId fields }
    relationship { id type from { id } to { id } figure { value unit metric } evidence { claim period { text start end } nature sources { id } } }
  }
}`;
const RETRACT = `mutation($id: ID!, $reason: String!) {
  retractFact(id: $id, reason: $reason) { status relationship { id } retracted { id type fromId toId reason retractedBy } changes { action targetId } }
}`;
const MERGE = `mutation($survivor: ID!, $merged: ID!, $dryRun: Boolean) {
  mergeEntities(survivor: $survivor, merged: $merged, dryRun: $dryRun) { status entity { id aliases formerIds } changes { action targetKind targetId } }
}`;

const source = {
  id: 'test-src-smelter-news',
  publisher: 'Test Metals Wire',
  title: 'A test smelter starts supplying a test maker',
  date: '2026-02-01',
  kind: 'MARKET_SURVEY',
  url: 'https://example.org/test-smelter',
};
const smelter = { id: 'company:test-smelter', name: 'Test Smelter Works', aliases: ['TSW Magnesium'], description: 'A test smelter in China.' };
const land = { id: 'country:test-land', name: 'Test Land', description: 'A country that exists only in tests.' };
const maker = { id: 'company:test-maker', name: 'Test Parts Maker', description: 'A test maker of magnesium parts.' };
const supplies = {
  id: 'test-smelter-supplies-maker',
  type: 'SUPPLIES',
  from: 'company:test-smelter',
  to: 'company:test-maker',
  period: '2026-01',
  claim: 'Test Smelter Works began shipping zirconolite-grade ingot to Test Parts Maker.',
  source: 'test-src-smelter-news',
  figure: { value: 1200, unit: 't' },
};
const located = {
  id: 'test-smelter-located-in-china',
  type: 'LOCATED_IN',
  from: 'company:test-smelter',
  to: 'country:test-land',
  period: '2026-01',
  claim: 'Test Smelter Works operates in Test Land.',
  source: 'test-src-smelter-news',
};

describe('Curation: who may write', () => {
  it('without a token: 401 UNAUTHENTICATED, nothing written', async () => {
    const before = await fingerprint();
    const { status, body } = await gql(UPSERT_ENTITY, { input: { ...maker, id: 'company:test-nobody' } }, {});
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].message).toBe('Writes need a curator token: send "Authorization: Bearer <API key or JWT>".');
    expect(await fingerprint()).toEqual(before);
  });

  it('with a wrong key or a forged JWT: 401; with a reader key or a JWT without the role: 403 FORBIDDEN; nothing written', async () => {
    const before = await fingerprint();
    const input = { input: { ...maker, id: 'company:test-nobody' } };
    const forged = await new SignJWT({ roles: ['curator'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setExpirationTime('5m').sign(new TextEncoder().encode('another-secret-that-is-long-enough-000'));
    const expired = await new SignJWT({ roles: ['curator'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('old').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(JWT_SECRET));
    for (const token of ['not-a-key-at-all-0000', forged, expired]) {
      const { status, body } = await gql(UPSERT_ENTITY, input, { authorization: `Bearer ${token}` });
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const roleless = await new SignJWT({ roles: ['reader'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('rita').setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
    const tokens: Record<string, string>[] = [{ authorization: `Bearer ${READER_KEY}` }, { 'x-api-key': READER_KEY }, { authorization: `Bearer ${roleless}` }];
    for (const headers of tokens) {
      const { status, body } = await gql(UPSERT_ENTITY, input, headers);
      expect(status).toBe(403);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toMatch(/^"(test-reader|rita)" may not write: writes need the curator role\.$/);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('reads stay open without a token', async () => {
    const data = await ok('{ entity(id: "country:china") { name } }', {}, {});
    expect(data.entity.name).toBe('China');
  });

  it('a JWT with the curator role may write, as its subject', async () => {
    const jwt = await new SignJWT({ roles: ['curator'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('test-jwt-curator').setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
    const data = await ok(UPSERT_ENTITY, { input: { id: 'company:test-jwt-made', name: 'Test JWT Made Co', description: 'Made with a JWT.' }, dryRun: true }, { authorization: `Bearer ${jwt}` });
    expect(data.upsertEntity).toMatchObject({ status: 'CREATED', dryRun: true, changes: [{ action: 'CREATE', actor: 'test-jwt-curator' }] });
  });
});

describe('Curation: writes and what readers see', () => {
  it('creates a source, two entities and facts, each audited, with the seed\'s properties', async () => {
    expect((await ok(UPSERT_SOURCE, { input: source })).upsertSource).toMatchObject({ status: 'CREATED', source: { id: source.id, url: source.url } });
    expect((await ok(UPSERT_ENTITY, { input: smelter })).upsertEntity).toMatchObject({ status: 'CREATED', entity: { id: smelter.id, kind: 'COMPANY', aliases: ['TSW Magnesium'] } });
    expect((await ok(UPSERT_ENTITY, { input: maker })).upsertEntity.status).toBe('CREATED');
    expect((await ok(UPSERT_ENTITY, { input: land })).upsertEntity.status).toBe('CREATED');
    const asserted = (await ok(ASSERT, { input: supplies })).assertFact;
    expect(asserted).toMatchObject({
      status: 'CREATED',
      relationship: { id: supplies.id, type: 'SUPPLIES', figure: { value: 1200, unit: 't' }, evidence: { period: { start: '2026-01-01', end: '2026-01-31' }, nature: 'REPORTED', sources: [{ id: source.id }] } },
    });
    // The fact, and the sources of the entities it names (derived from their facts, as the loader derives them).
    expect(asserted.changes.map((c: any) => `${c.action} ${c.targetKind} ${c.targetId} ${c.fields.join(',')}`)).toEqual([
      'CREATE FACT test-smelter-supplies-maker ' + asserted.changes[0].fields.join(','),
      'UPDATE ENTITY company:test-smelter sourceIds',
      'UPDATE ENTITY company:test-maker sourceIds',
    ]);
    await ok(ASSERT, { input: located });
    const [stored] = await db.run({
      name: 'test/curation-props',
      mode: 'read',
      text: `MATCH (e:Entity:Company {id: 'company:test-smelter'})-[r:SUPPLIES]->() RETURN properties(e) AS e, properties(r) AS r`,
    });
    expect(stored!.e).toMatchObject({ seeded: false, curatedBy: 'test-curator', kind: 'Company', sourceIds: [source.id], nameKeys: ['test smelter works', 'tsw magnesium'] });
    expect(String((stored!.e as any).curatedAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stored!.r).toMatchObject({ seeded: false, curatedBy: 'test-curator', refSourceIds: [source.id], sourceIds: [source.id], quantity: 1200, unit: 't', periodStart: '2026-01-01' });
  });

  it('a new fact is cited at once by upstream, dependencyPaths, exposure, search and entity links', { timeout: 180_000 }, async () => {
    const data = await ok(`{
      upstream(id: "company:test-maker", maxDepth: 1) { tiers { entities { entity { id } path { hops { relationships { id evidence { sources { id } } } } } } } }
      dependencyPaths(from: "company:test-maker", to: "company:test-smelter") { hops { relationships { id } } }
      exposure(id: "company:test-maker", country: "country:test-land") { exposed paths { at { id } path { hops { relationships { id } } } } }
      searchFacts(query: "zirconolite") { relationship { id } }
      byAlias: entityByName(name: "TSW Magnesium") { id }
      entity(id: "company:test-maker") { ... on Company { suppliers { entity { id } relationship { id } } } }
    }`);
    const reached = data.upstream.tiers[0].entities.find((e: any) => e.entity.id === 'company:test-smelter');
    expect(reached.path.hops[0].relationships).toEqual([{ id: supplies.id, evidence: { sources: [{ id: source.id }] } }]);
    expect(data.dependencyPaths[0].hops[0].relationships).toEqual([{ id: supplies.id }]);
    expect(data.exposure.exposed).toBe(true);
    expect(data.exposure.paths.some((p: any) => p.at.id === 'company:test-smelter' && p.path.hops[0].relationships[0].id === supplies.id)).toBe(true);
    expect(data.searchFacts).toEqual([{ relationship: { id: supplies.id } }]);
    expect(data.byAlias).toEqual({ id: 'company:test-smelter' });
    expect(data.entity.suppliers).toEqual([{ entity: { id: 'company:test-smelter' }, relationship: { id: supplies.id } }]);
  });

  it('asserting the same fact again changes nothing and records nothing', async () => {
    const before = await fingerprint();
    expect((await ok(ASSERT, { input: supplies })).assertFact).toMatchObject({ status: 'UNCHANGED', changes: [] });
    expect(await fingerprint()).toEqual(before);
  });

  it('aliases are added to the stored ones (compared by key) and removed on request', async () => {
    const data = (await ok(UPSERT_ENTITY, { input: { id: smelter.id, aliases: ['TSW', 'tsw  magnesium'], removeAliases: [] } })).upsertEntity;
    expect(data).toMatchObject({ status: 'UPDATED', entity: { aliases: ['TSW Magnesium', 'TSW'] } });
    expect(data.changes[0].fields).toEqual(['aliases', 'nameKeys']);
    expect(JSON.parse(data.changes[0].before).aliases).toEqual(['TSW Magnesium']);
    const removed = (await ok(UPSERT_ENTITY, { input: { id: smelter.id, removeAliases: ['tsw'] } })).upsertEntity;
    expect(removed.entity.aliases).toEqual(['TSW Magnesium']);
    expect((await ok('{ entityByName(name: "TSW") { id } }')).entityByName).toBeNull();
  });
});

describe('Curation: bad input is refused with nothing changed', () => {
  const refused = async (query: string, variables: Record<string, unknown>, code: string, message: string | RegExp, status = 200) => {
    const before = await fingerprint();
    const { status: got, body } = await gql(query, variables);
    expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body)).toBe(code);
    if (typeof message === 'string') expect(body.errors[0].message).toBe(message);
    else expect(body.errors[0].message).toMatch(message);
    expect(got).toBe(status);
    expect(await fingerprint()).toEqual(before);
  };
  const fact = (changes: Record<string, unknown>) => ({ input: { ...supplies, id: 'test-bad-fact', ...changes } });

  it('an unknown relationship type', () =>
    refused(ASSERT, fact({ type: 'SELLS_TO' }), 'BAD_USER_INPUT', /^Variable "\$input" got invalid value "SELLS_TO" at "input\.type"/, 400));

  it('a type joining the wrong kinds', () =>
    refused(ASSERT, fact({ type: 'PRODUCES', to: 'country:china', item: null }), 'BAD_USER_INPUT',
      'Nothing was written: input.to: PRODUCES cannot end at a Country ("country:china"); allowed: Commodity, Product'));

  it('an unknown source, or none', async () => {
    await refused(ASSERT, fact({ source: 'test-no-such-source' }), 'BAD_USER_INPUT', 'Nothing was written: input.source: unknown source "test-no-such-source"');
    await refused(ASSERT, fact({ source: undefined }), 'BAD_USER_INPUT', /^Variable "\$input" got invalid value .* Field "source" of required type "ID!" was not provided\.$/, 400);
  });

  it('a figure without a unit, with an unknown unit, or with a unit its metric does not take', async () => {
    await refused(ASSERT, fact({ figure: { value: 3 } }), 'BAD_USER_INPUT', /Field "unit" of required type "String!" was not provided\.$/, 400);
    await refused(ASSERT, fact({ figure: { value: 3, unit: 'tons' } }), 'BAD_USER_INPUT', /^Nothing was written: input\.figure\.unit: unknown unit "tons" \(expected one of t, /);
    await refused(
      ASSERT,
      fact({ type: 'HAS_METRIC', to: 'commodity:magnesium', item: null, figure: { value: 3, unit: 't', metric: 'SHARE_OF_WORLD_OUTPUT' } }),
      'BAD_USER_INPUT',
      'Nothing was written: input.figure.unit: a SHARE_OF_WORLD_OUTPUT figure is in percent, not t',
    );
  });

  it('an entity that does not exist', () =>
    refused(ASSERT, fact({ to: 'company:test-ghost' }), 'BAD_USER_INPUT', 'Nothing was written: input.to: unknown entity "company:test-ghost"'));

  it('an invalid period', () =>
    refused(ASSERT, fact({ period: '2025-13' }), 'BAD_USER_INPUT',
      'Nothing was written: input.period: "2025-13" is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or start/end)'));

  it('an oversized claim, name or description', async () => {
    await refused(ASSERT, fact({ claim: 'x'.repeat(1001) }), 'BAD_USER_INPUT', 'Nothing was written: input.claim: must be at most 1000 characters');
    await refused(UPSERT_ENTITY, { input: { ...maker, id: 'company:test-long', name: 'N'.repeat(201) } }, 'BAD_USER_INPUT', 'Nothing was written: input.name: must be at most 200 characters');
    await refused(UPSERT_ENTITY, { input: { ...maker, id: 'company:test-long', description: 'd'.repeat(2001) } }, 'BAD_USER_INPUT', 'Nothing was written: input.description: must be at most 2000 characters');
  });

  it('a name or alias another entity owns, compared by key', async () => {
    await refused(UPSERT_ENTITY, { input: { id: 'company:test-copy', name: 'Test Copy', aliases: ['U.S. magnesium LLC'], description: 'A copy.' } }, 'CONFLICT',
      'Nothing was written: input.aliases[0]: "U.S. magnesium LLC" already finds "company:us-magnesium" (US Magnesium); names are compared without case, punctuation or suffixes such as Limited');
    await refused(UPSERT_ENTITY, { input: { id: smelter.id, aliases: ['china'] } }, 'CONFLICT', /^Nothing was written: input\.aliases\[1\]: "china" already finds "country:china"/);
  });

  it('a new entity without a description, an id of no kind, a source without a date or a note', async () => {
    await refused(UPSERT_ENTITY, { input: { id: 'company:test-bare', name: 'Test Bare' } }, 'BAD_USER_INPUT', 'Nothing was written: input.description: required for a new entity');
    await refused(UPSERT_ENTITY, { input: { id: 'widget:test-x', name: 'X', description: 'x' } }, 'BAD_USER_INPUT',
      'Nothing was written: input.id: must look like "<kind>:<kebab-slug>" with a known kind (company:, country:, commodity: …), got "widget:test-x"');
    await refused(UPSERT_SOURCE, { input: { ...source, id: 'test-src-undated', date: null } }, 'BAD_USER_INPUT',
      'Nothing was written: input.dateNote: required when date is null (say what is known of when it was written)');
  });

  it('retracting a fact that does not exist, merging an entity that does not exist', async () => {
    await refused(RETRACT, { id: 'test-no-such-fact', reason: 'wrong' }, 'NOT_FOUND', 'No fact has the id "test-no-such-fact" (a retracted fact is no longer one).');
    await refused(MERGE, { survivor: maker.id, merged: 'company:test-ghost' }, 'NOT_FOUND', 'No entity has the id "company:test-ghost".');
    await refused(MERGE, { survivor: maker.id, merged: 'country:china' }, 'BAD_USER_INPUT',
      'Nothing was written: merged: "country:china" is a Country and "company:test-maker" a Company; only entities of one kind merge');
  });
});

describe('Curation: dry runs, idempotency, concurrency', () => {
  it('a dry run reports what would change and writes nothing', async () => {
    const before = await fingerprint();
    const data = (await ok(UPSERT_ENTITY, { input: { id: 'company:test-dry', name: 'Test Dry Run Co', description: 'Never written.' }, dryRun: true })).upsertEntity;
    expect(data).toMatchObject({ status: 'CREATED', dryRun: true, entity: { id: 'company:test-dry', name: 'Test Dry Run Co' } });
    expect(data.changes).toMatchObject([{ action: 'CREATE', targetKind: 'ENTITY', targetId: 'company:test-dry', before: null }]);
    const retract = (await ok(`mutation { retractFact(id: "${supplies.id}", reason: "checking", dryRun: true) { status dryRun } }`)).retractFact;
    expect(retract).toEqual({ status: 'RETRACTED', dryRun: true });
    expect(await fingerprint()).toEqual(before);
    expect((await ok('{ entity(id: "company:test-dry") { id } }')).entity).toBeNull();
  });

  it('the same key twice writes once and answers the same; another request under it is IDEMPOTENCY_KEY_REUSED', async () => {
    const input = { id: 'company:test-idem', name: 'Test Idempotent Co', description: 'Written once.' };
    const first = (await ok(UPSERT_ENTITY, { input, key: 'test-key-1' })).upsertEntity;
    const middle = await fingerprint();
    const again = (await ok(UPSERT_ENTITY, { input, key: 'test-key-1' })).upsertEntity;
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await fingerprint()).toEqual(middle);
    const history = (await ok('{ history(id: "company:test-idem") { action } }')).history;
    expect(history).toEqual([{ action: 'CREATE' }]);
    const { body } = await gql(UPSERT_ENTITY, { input: { ...input, description: 'Something else.' }, key: 'test-key-1' });
    expect(body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(body.errors[0].message).toBe('idempotencyKey: "test-key-1" was already used for a different request; use a new key for a new write.');
    expect(await fingerprint()).toEqual(middle);
    // The header works as the argument does.
    const headers = { authorization: `Bearer ${CURATOR_KEY}`, 'idempotency-key': 'test-key-2' };
    const viaHeader = { id: 'company:test-idem-header', name: 'Test Header Key Co', description: 'Keyed by header.' };
    expect((await ok(UPSERT_ENTITY, { input: viaHeader }, headers)).upsertEntity.replayed).toBe(false);
    expect((await ok(UPSERT_ENTITY, { input: viaHeader }, headers)).upsertEntity.replayed).toBe(true);
  });

  it('ten parallel alias additions to one entity all land (no lost update)', async () => {
    await ok(UPSERT_ENTITY, { input: { id: 'company:test-busy', name: 'Test Busy Co', description: 'Written ten times at once.' } });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => gql(UPSERT_ENTITY, { input: { id: 'company:test-busy', aliases: [`Busy Alias ${i}`] } })),
    );
    for (const r of results) expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    const entity = (await ok('{ entity(id: "company:test-busy") { aliases } }')).entity;
    expect([...entity.aliases].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Busy Alias ${i}`).sort());
    expect((await ok('{ history(id: "company:test-busy", first: 20) { action } }')).history).toHaveLength(11);
  });
});

describe('Curation: retraction and merge', () => {
  it('a retracted fact leaves walks, paths, exposure, lists, search, links and the subgraph, and stays in history', { timeout: 180_000 }, async () => {
    const retracted = (await ok(RETRACT, { id: supplies.id, reason: 'The shipment was a test.' })).retractFact;
    expect(retracted).toMatchObject({ status: 'RETRACTED', relationship: null, retracted: { id: supplies.id, type: 'SUPPLIES', fromId: smelter.id, toId: maker.id, reason: 'The shipment was a test.', retractedBy: 'test-curator' } });
    const data = await ok(`{
      upstream(id: "company:test-maker", maxDepth: 2) { total }
      dependencyPaths(from: "company:test-maker", to: "company:test-smelter") { length }
      exposure(id: "company:test-maker", country: "country:test-land") { exposed }
      exposedTo(country: "country:test-land", maxDepth: 2, first: 100) { entities { entity { id } } }
      searchFacts(query: "zirconolite") { relationship { id } }
      relationships(filter: {sourceId: "test-src-smelter-news"}) { totalCount edges { node { id } } }
      relationship(id: "test-smelter-supplies-maker") { id }
      subgraph(ids: ["company:test-maker"], depth: 1) { edges { id } }
      entity(id: "company:test-maker") { degree relationships { id } ... on Company { suppliers { entity { id } } } }
      history(id: "test-smelter-supplies-maker") { action before after }
      retractedFacts(first: 100) { id reason }
    }`);
    expect(data.upstream.total).toBe(0);
    expect(data.dependencyPaths).toEqual([]);
    expect(data.exposure.exposed).toBe(false);
    expect(data.exposedTo.entities.map((e: any) => e.entity.id)).not.toContain('company:test-maker');
    expect(data.searchFacts).toEqual([]);
    expect(data.relationships).toEqual({ totalCount: 1, edges: [{ node: { id: located.id } }] });
    expect(data.relationship).toBeNull();
    expect(data.subgraph.edges).toEqual([]);
    expect(data.entity).toEqual({ degree: 0, relationships: [], suppliers: [] });
    expect(data.history.map((h: any) => h.action)).toEqual(['RETRACT', 'CREATE']);
    expect(JSON.parse(data.history[0].after)).toMatchObject({ retractionReason: 'The shipment was a test.', type: 'SUPPLIES', claim: supplies.claim });
    expect(data.retractedFacts).toContainEqual({ id: supplies.id, reason: 'The shipment was a test.' });
    // The maker no longer cites the source: its sources are derived from its facts.
    expect((await ok('{ entity(id: "company:test-maker") { sources { id } } }')).entity.sources).toEqual([]);
  });

  it('a merge moves facts and aliases to the survivor, and the old id finds the survivor', async () => {
    await ok(UPSERT_ENTITY, { input: { id: 'company:test-smelter-dup', name: 'Test Smelter Duplicate', aliases: ['TSD'], description: 'The same smelter, entered twice.' } });
    await ok(ASSERT, { input: { ...supplies, id: 'test-dup-supplies-maker', from: 'company:test-smelter-dup', claim: 'The duplicate supplies the maker.' } });
    const merged = (await ok(MERGE, { survivor: smelter.id, merged: 'company:test-smelter-dup' })).mergeEntities;
    expect(merged).toMatchObject({ status: 'MERGED', entity: { id: smelter.id, aliases: ['TSW Magnesium', 'Test Smelter Duplicate', 'TSD'], formerIds: ['company:test-smelter-dup'] } });
    const data = await ok(`{
      old: entity(id: "company:test-smelter-dup") { id name }
      byOldName: entityByName(name: "Test Smelter Duplicate") { id }
      fact: relationship(id: "test-dup-supplies-maker") { from { id } }
      history(id: "company:test-smelter") { action targetId }
    }`);
    expect(data.old).toEqual({ id: smelter.id, name: smelter.name });
    expect(data.byOldName).toEqual({ id: smelter.id });
    expect(data.fact.from.id).toBe(smelter.id);
    expect(data.history.filter((h: any) => h.action === 'MERGE').map((h: any) => h.targetId).sort()).toEqual(['company:test-smelter', 'company:test-smelter-dup']);
    const { body } = await gql(UPSERT_ENTITY, { input: { id: 'company:test-smelter-dup', name: 'Again', description: 'again' } });
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Nothing was written: input.id: "company:test-smelter-dup" was merged into "company:test-smelter"; update that entity' });
  });
});

describe('Curation: secrets stay out of logs', () => {
  it('the logger redacts authorization headers, keys and tokens', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => lines.push(line) });
    logger.info({ req: { headers: { authorization: `Bearer ${CURATOR_KEY}`, 'x-api-key': READER_KEY } }, token: JWT_SECRET, config: { auth: { curatorKeys: [CURATOR_KEY] } } }, 'request');
    expect(lines.join('')).not.toContain(CURATOR_KEY);
    expect(lines.join('')).not.toContain(READER_KEY);
    expect(lines.join('')).not.toContain(JWT_SECRET);
    expect(lines.join('')).toContain('[redacted]');
  });
});

describe('README: the curation examples', () => {
  const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/```graphql curation\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it('each runs as written, in order, with a curator\'s token, and answers with data', { timeout: 180_000 }, async () => {
    for (const text of examples) {
      const data = await ok(text);
      for (const value of Object.values(data)) {
        expect(value, text).not.toBeNull();
        if (Array.isArray(value)) expect(value.length, text).toBeGreaterThan(0);
      }
    }
    const cited = await ok('{ history(id: "example-smelter-supplies-bmw") { action } retractedFacts(first: 100) { id } }');
    expect(cited.history.map((h: any) => h.action)).toEqual(['RETRACT', 'CREATE']);
  });
});

describe('Curation: what curators wrote survives a reload of the seed, and export brings it into the files', () => {
  it('an alias added to a seeded company through the API is kept by the loader and written by the export', { timeout: 180_000 }, async () => {
    const alias = 'Bayerische Motoren Werke';
    await ok('mutation ($alias: String!) { upsertEntity(input: { id: "company:bmw", aliases: [$alias] }) { status } }', { alias });
    const seedDir = resolve(PROJECT_ROOT, 'seed');
    const report = await loadSeed(db, validateSeed(readSeedFiles(seedDir, PROJECT_ROOT)), { prune: true });
    expect(report.curated).toContainEqual({ what: 'node', label: 'Company', id: 'company:bmw' });
    const bmw = await ok('{ entity(id: "company:bmw") { aliases } }');
    expect(bmw.entity.aliases).toContain(alias);

    const dir = mkdtempSync(join(tmpdir(), 'mgkg-curated-export-'));
    try {
      for (const part of ['sources.yaml', 'entities', 'facts']) cpSync(join(seedDir, part), join(dir, part), { recursive: true });
      const exported = layOutSeed(await readGraph(db), dir);
      expect(exported.summary.get('entities/companies.yaml')?.changed).toContain('company:bmw');
      applyExport(dir, exported);
      const companies = readFileSync(join(dir, 'entities', 'companies.yaml'), 'utf8');
      expect(companies).toContain(alias);
      expect(companies).not.toMatch(/curatedAt|curatedBy/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Ingestion: a new document taken in, reviewed, and answered from', () => {
  const text = readFileSync(resolve(PROJECT_ROOT, 'test', 'fixtures', 'ingest', 'shanxi-exports-2026-02.txt'), 'utf8');
  const sourceId = 'test-smm-2026-02-10-shanxi-exports';
  const INGEST = `mutation($input: DocumentInput!, $key: String, $dryRun: Boolean) {
    ingestDocument(input: $input, idempotencyKey: $key, dryRun: $dryRun) {
      status replayed dryRun source { id publisher title date url }
      mentions { entity { id } text start end }
      proposals { id kind status suggestedId name entityKind factType from { id } fromNewName to { id } figure { value unit change { value basis } } period nature passage }
    }
  }`;
  const input = {
    id: sourceId,
    publisher: 'SMM (Shanghai Metals Market)',
    title: 'Shanxi Producers Step Up Magnesium Ingot Shipments as Japanese Buyers Restock',
    date: '2026-02-10',
    url: 'https://example.org/test-shanxi-exports',
    kind: 'MARKET_SURVEY',
    text,
  };
  const ACCEPT = `mutation($id: ID!, $edits: ProposalEdits) {
    acceptProposal(id: $id, edits: $edits) { status proposal { id status resultId decidedBy } entity { id name } relationship { id type from { id } to { id } figure { value unit } evidence { claim note period { text } sources { id } } } }
  }`;

  it('needs a curator: without a token nothing is taken in, and proposals cannot be read', async () => {
    const before = await fingerprint();
    const refused = await gql(INGEST, { input }, {});
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await gql('{ proposals { id } }', {}, { authorization: `Bearer ${READER_KEY}` });
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toEqual(before);
  });

  it('stores the document as a source, links the known entities it names, and proposes the rest', async () => {
    const data = await ok(INGEST, { input, key: 'test-ingest-shanxi' });
    const result = data.ingestDocument;
    expect(result).toMatchObject({ status: 'CREATED', replayed: false, source: { id: sourceId, date: '2026-02-10', url: input.url } });
    for (const mention of result.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(result.mentions.map((m: { entity: { id: string } }) => m.entity.id)).toEqual(
      expect.arrayContaining(['country:china', 'commodity:magnesium-ingot', 'country:japan', 'country:south-korea', 'region:fugu', 'org:mofcom']),
    );
    expect(result.proposals.map((p: { id: string; kind: string; suggestedId: string }) => [p.id, p.kind, p.suggestedId])).toEqual([
      [`${sourceId}~1`, 'FACT', 'china-exports-magnesium-ingot-2026-01'],
      [`${sourceId}~2`, 'ENTITY', 'company:shanxi-yinguang-huasheng-magnesium-industry'],
      [`${sourceId}~3`, 'FACT', 'shanxi-yinguang-huasheng-magnesium-industry-has-capacity-2027'],
      [`${sourceId}~4`, 'ENTITY', 'company:qinghai-salt-lake-industry'],
      [`${sourceId}~5`, 'ENTITY', 'region:qinghai'],
      [`${sourceId}~6`, 'FACT', 'fugu-quotes-price-magnesium-ingot-2026-02-06'],
    ]);
    expect(result.proposals[0]).toMatchObject({
      factType: 'EXPORTS',
      from: { id: 'country:china' },
      to: { id: 'commodity:magnesium-ingot' },
      figure: { value: 41230, unit: 't', change: { value: 6.8, basis: 'YOY' } },
      period: '2026-01',
      nature: 'REPORTED',
      status: 'PENDING',
    });
    expect(result.proposals[2]).toMatchObject({ fromNewName: 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.', from: null, nature: 'PLAN' });
    // A retry under the same key answers the same and takes nothing in twice.
    const before = await fingerprint();
    const replay = await ok(INGEST, { input, key: 'test-ingest-shanxi' });
    expect(replay.ingestDocument.replayed).toBe(true);
    expect(replay.ingestDocument.proposals).toEqual(result.proposals);
    expect(await fingerprint()).toEqual(before);
  });

  it('readers see nothing proposed until it is accepted', async () => {
    const reader = { authorization: `Bearer ${READER_KEY}` };
    expect((await ok('{ entityByName(name: "Qinghai Salt Lake Industry Group") { id } }', {}, reader)).entityByName).toBeNull();
    expect((await ok('{ search(query: "Yinguang Huasheng") { entity { id } } }', {}, reader)).search).toEqual([]);
    const facts = await ok(`{ relationships(filter: { sourceId: "${sourceId}" }) { totalCount } }`, {}, reader);
    expect(facts.relationships.totalCount).toBe(0);
  });

  it('a fact proposal whose subject is a new name waits for that entity; a claim in the curator’s words is required', async () => {
    const before = await fingerprint();
    const early = await gql(ACCEPT, { id: `${sourceId}~3`, edits: { claim: 'Plans 120,000 t a year of capacity by 2027.', to: 'commodity:primary-magnesium' } });
    expect(early.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(early.body.errors[0].message).toContain('accept its entity proposal first');
    const unclaimed = await gql(ACCEPT, { id: `${sourceId}~1` });
    expect(unclaimed.body.errors[0].message).toContain('edits.claim: say what the passage states, in your own words');
    expect(await fingerprint()).toEqual(before);
  });

  it('accepted proposals are written with the document as their source and the passage in the note, and answers cite them at once', { timeout: 180_000 }, async () => {
    const company = await ok(ACCEPT, {
      id: `${sourceId}~2`,
      edits: { description: 'Shanxi magnesium producer planning to expand its capacity.', name: 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.' },
    });
    expect(company.acceptProposal).toMatchObject({
      status: 'CREATED',
      proposal: { status: 'ACCEPTED', resultId: 'company:shanxi-yinguang-huasheng-magnesium-industry', decidedBy: 'test-curator' },
      entity: { id: 'company:shanxi-yinguang-huasheng-magnesium-industry' },
    });
    const capacity = await ok(ACCEPT, {
      id: `${sourceId}~3`,
      edits: { from: 'company:shanxi-yinguang-huasheng-magnesium-industry', to: 'commodity:primary-magnesium', claim: 'The Shanxi producer plans capacity of 120,000 t a year by 2027.' },
    });
    expect(capacity.acceptProposal.relationship).toMatchObject({
      // The curator named the subject and the good: the id says them.
      id: 'shanxi-yinguang-huasheng-magnesium-industry-has-capacity-primary-magnesium-2027',
      type: 'HAS_CAPACITY',
      figure: { value: 120000, unit: 't' },
      evidence: { period: { text: '2027' }, sources: [{ id: sourceId }] },
    });
    const exports = await ok(ACCEPT, { id: `${sourceId}~1`, edits: { claim: 'China shipped 41,230 t of magnesium ingot abroad in January 2026, 6.8% more than a year before.' } });
    const fact = exports.acceptProposal.relationship;
    expect(fact).toMatchObject({ id: 'china-exports-magnesium-ingot-2026-01', type: 'EXPORTS', figure: { value: 41230, unit: 't' }, evidence: { sources: [{ id: sourceId }] } });
    expect(fact.evidence.note).toBe(
      'From the passage: “According to SMM statistics, China exported 41,230 mt of magnesium ingot in January 2026, up 6.8% YoY.”',
    );
    // Readers now find the new company, and the dependency answers cite the new source.
    const reader = { authorization: `Bearer ${READER_KEY}` };
    expect((await ok('{ entityByName(name: "Shanxi Yinguang Huasheng Magnesium Industry") { id } }', {}, reader)).entityByName).toEqual({
      id: 'company:shanxi-yinguang-huasheng-magnesium-industry',
    });
    const listed = await ok(`{ relationships(filter: { sourceId: "${sourceId}" }) { edges { node { id } } } }`, {}, reader);
    expect(listed.relationships.edges.map((e: any) => e.node.id).sort()).toEqual([
      'china-exports-magnesium-ingot-2026-01',
      'shanxi-yinguang-huasheng-magnesium-industry-has-capacity-primary-magnesium-2027',
    ]);
  });

  it('a supply deal taken in from another document and accepted as SUPPLIES is followed by the dependency answers, citing it', { timeout: 180_000 }, async () => {
    const offtake = readFileSync(resolve(PROJECT_ROOT, 'test', 'fixtures', 'ingest', 'north-america-offtake-2026-03.txt'), 'utf8');
    const id = 'test-smm-2026-03-03-offtake';
    const taken = await ok(INGEST, { input: { ...input, id, title: 'North American Magnesium Hopes Rest on New Offtake Deals', date: '2026-03-03', text: offtake } });
    const proposals = taken.ingestDocument.proposals.map((p: any) => [p.id, p.kind, p.suggestedId, p.fromNewName]);
    expect(proposals).toEqual([
      [`${id}~1`, 'ENTITY', 'company:nevada-clean-magnesium', null],
      [`${id}~2`, 'FACT', 'nevada-clean-magnesium-has-metric-2027', 'Nevada Clean Magnesium Inc.'],
      [`${id}~3`, 'FACT', 'united-states-imports-magnesium-2025', null],
      // "Canadian output": the subject named by its demonym.
      [`${id}~4`, 'FACT', 'canada-produces-2028', null],
    ]);
    await ok(ACCEPT, { id: `${id}~1`, edits: { description: 'Nevada company planning to produce magnesium.' } });
    const deal = await ok(ACCEPT, {
      id: `${id}~2`,
      edits: {
        type: 'SUPPLIES',
        from: 'company:nevada-clean-magnesium',
        to: 'company:general-motors',
        item: 'commodity:magnesium-alloy',
        claim: 'Nevada Clean Magnesium expects to deliver about 5,000 t of magnesium alloy parts to General Motors in 2027 under a new supply agreement.',
      },
    });
    // Its type and ends edited, the fact's id follows them.
    expect(deal.acceptProposal.relationship).toMatchObject({
      id: 'nevada-clean-magnesium-supplies-magnesium-alloy-2027',
      type: 'SUPPLIES',
      from: { id: 'company:nevada-clean-magnesium' },
      to: { id: 'company:general-motors' },
    });
    const reader = { authorization: `Bearer ${READER_KEY}` };
    const ask = (natures: string) =>
      ok(`{ upstream(id: "company:general-motors", maxDepth: 1, natures: [${natures}]) { tiers { entities { entity { id } nature path { hops { relationships { id evidence { sources { id } } } } } } } } }`, {}, reader);
    // A forecast: followed when forecasts are asked for, not by default.
    const reached = (answer: any) => answer.upstream.tiers.flatMap((t: any) => t.entities);
    expect(reached(await ask('REPORTED')).map((e: any) => e.entity.id)).not.toContain('company:nevada-clean-magnesium');
    const withForecasts = reached(await ask('REPORTED, FORECAST')).find((e: any) => e.entity.id === 'company:nevada-clean-magnesium');
    expect(withForecasts.nature).toBe('FORECAST');
    expect(withForecasts.path.hops[0].relationships).toEqual([{ id: 'nevada-clean-magnesium-supplies-magnesium-alloy-2027', evidence: { sources: [{ id }] } }]);
  });

  it('a change given with no figure is proposed, and accepting it needs the figure; a fact keeps one change and notes the others', { timeout: 180_000 }, async () => {
    const review = readFileSync(resolve(PROJECT_ROOT, 'test', 'fixtures', 'ingest', 'europe-demand-2026-04.txt'), 'utf8');
    const id = 'test-smm-2026-04-08-europe-demand';
    const REVIEW = `mutation($input: DocumentInput!) {
      ingestDocument(input: $input) {
        mentions { entity { id } text }
        proposals { id kind suggestedId fromNewName from { id } to { id } factType figure { value unit approximate change { value unit basis } otherChanges { value unit basis } } period nature reviewNote }
      }
    }`;
    const taken = (await ok(REVIEW, { input: { ...input, id, title: 'Chinese Magnesium Ingot Exports Climb Again as European Demand Warms Up', date: '2026-04-08', text: review } })).ingestDocument;
    // Demonyms link their country or region ("Canadian Light Metals" is not in the seed: its "Canadian" is Canada's).
    expect(taken.mentions.filter((m: any) => m.entity.id.startsWith('country:') || m.entity.id.startsWith('region:')).map((m: any) => [m.entity.id, m.text])).toEqual([
      ['country:china', 'Chinese'],
      ['region:europe', 'European'],
      ['country:china', 'Chinese'],
      ['region:europe', 'European'],
      ['country:japan', 'Japanese'],
      ['country:united-states', 'American'],
      ['region:fugu', 'Fugu area'],
      ['region:shaanxi', 'Shaanxi'],
      ['region:inner-mongolia', 'Inner Mongolia'],
      ['country:canada', 'Canadian'],
      ['country:canada', 'Canadian'],
    ]);
    expect(taken.proposals.map((p: any) => [p.id, p.kind, p.suggestedId])).toEqual([
      [`${id}~1`, 'FACT', 'china-exports-magnesium-ingot-2026-03'],
      [`${id}~2`, 'FACT', 'europe-imports-magnesium-alloy-2026-03'],
      [`${id}~3`, 'FACT', 'united-states-imports-magnesium-powder-2026-q1'],
      [`${id}~4`, 'FACT', 'fugu-quotes-price-magnesium-ingot-2026-03'],
      [`${id}~5`, 'FACT', 'shaanxi-produces-magnesium-2026-03'],
      [`${id}~6`, 'ENTITY', 'company:china-magnesium'],
      [`${id}~7`, 'FACT', 'china-magnesium-produces-magnesium-2026-q1'],
      [`${id}~8`, 'FACT', 'canada-produces-2026'],
      [`${id}~9`, 'ENTITY', 'region:quebec'],
    ]);
    expect(taken.proposals[0]).toMatchObject({
      from: { id: 'country:china' },
      figure: { value: 45870, unit: 't', change: { value: 12.3, unit: 'percent', basis: 'YOY' }, otherChanges: [{ value: 3.1, unit: 'percent', basis: 'MOM' }] },
      reviewNote: expect.stringContaining('also gives +3.1% month on month'),
    });
    expect(taken.proposals[3]).toMatchObject({
      factType: 'QUOTES_PRICE',
      from: { id: 'region:fugu' },
      to: { id: 'commodity:magnesium-ingot' },
      figure: { value: null, unit: null, approximate: false, change: { value: -3.5, unit: 'percent', basis: 'MOM' }, otherChanges: [] },
      period: '2026-03',
      reviewNote: expect.stringContaining('no figure for it to qualify'),
    });
    // Accepting a change alone without the figure writes nothing and says what is missing.
    const before = await fingerprint();
    const bare = await gql(ACCEPT, { id: `${id}~4`, edits: { claim: 'Fugu magnesium ingot prices fell 3.5% in March 2026 from February.' } });
    expect(bare.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bare.body.errors[0].message).toContain(
      'edits.figure: the passage gives a change (-3.5% month on month) and no figure; a fact holds a change only with the quantity it qualifies: give the figure (value and unit), or reject the proposal',
    );
    expect(await fingerprint()).toEqual(before);
    // With the figure (from the curator's price series), the proposed change is kept.
    const ACCEPT_CHANGE = ACCEPT.replace('figure { value unit }', 'figure { value unit change { value basis } }');
    const price = await ok(ACCEPT_CHANGE, {
      id: `${id}~4`,
      edits: { claim: 'Magnesium ingot in Fugu averaged 17,650 yuan/t in March 2026, 3.5% below February.', figure: { value: 17650, unit: 'CNY/t' } },
    });
    expect(price.acceptProposal.relationship).toMatchObject({
      id: 'fugu-quotes-price-magnesium-ingot-2026-03',
      type: 'QUOTES_PRICE',
      figure: { value: 17650, unit: 'CNY/t', change: { value: -3.5, basis: 'MOM' } },
      evidence: { period: { text: '2026-03' }, sources: [{ id }] },
    });
    // Two changes of one figure: the fact holds the year-on-year one, its note the other.
    const exports = await ok(ACCEPT_CHANGE, { id: `${id}~1`, edits: { claim: 'China shipped 45,870 t of magnesium ingot abroad in March 2026, 12.3% more than a year before.' } });
    expect(exports.acceptProposal.relationship).toMatchObject({ figure: { value: 45870, unit: 't', change: { value: 12.3, basis: 'YOY' } } });
    expect(exports.acceptProposal.relationship.evidence.note).toBe(
      'The passage also gives +3.1% month on month (a fact holds one change). From the passage: “According to SMM statistics, Chinese exporters shipped 45,870 mt of magnesium ingot in March 2026, up 12.3% YoY and 3.1% MoM.”',
    );
  });

  it('a rejected proposal leaves the queue with its reason; a decided proposal cannot be decided again', async () => {
    const rejected = await ok('mutation { rejectProposal(id: "test-smm-2026-02-10-shanxi-exports~5", reason: "Qinghai is a province we model later.") { status proposal { status note } } }');
    expect(rejected.rejectProposal).toEqual({ status: 'REJECTED', proposal: { status: 'REJECTED', note: 'Qinghai is a province we model later.' } });
    const pending = await ok(`{ proposals(sourceId: "${sourceId}") { id } }`);
    expect(pending.proposals.map((p: { id: string }) => p.id)).toEqual([`${sourceId}~4`, `${sourceId}~6`]);
    const before = await fingerprint();
    const again = await gql(ACCEPT, { id: `${sourceId}~5`, edits: { description: 'A province.' } });
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(await fingerprint()).toEqual(before);
    const history = await ok(`{ history(id: "${sourceId}~5") { action actor } }`);
    expect(history.history).toEqual([{ action: 'REJECT', actor: 'test-curator' }]);
  });

  it('refuses an empty or oversized document, changing nothing', async () => {
    const before = await fingerprint();
    const empty = await gql(INGEST, { input: { ...input, id: 'test-empty', text: '   ' } });
    expect(empty.body.errors[0].message).toBe('Nothing was written: input.text: the document is empty');
    const big = await gql(INGEST, { input: { ...input, id: 'test-big', text: 'Magnesium. '.repeat(4600) } });
    expect(big.body.errors[0].message).toContain('input.text: must be at most 50,000 characters');
    expect(await fingerprint()).toEqual(before);
  });
});
