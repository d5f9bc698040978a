/**
 * Curated writes survive a crash of the database: on a Neo4j of its own, a burst of
 * writes is cut by SIGKILL to the JVM; after a restart on the same data, every write
 * that was acknowledged is there, none is there in part (an entity, its audit entry and
 * its idempotency key are all present or all absent), and retrying the others with
 * their keys applies each once.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { int } from '../src/db/convert.js';
import { type OwnNeo4j, startOwnNeo4j } from './support/own-neo4j.js';
import { startTestServer, type TestServer } from './support/server.js';

const KEY = 'outage-curator-key-0123456789';
const auth = {
  ...loadConfig({}).auth,
  curatorKeys: [{ name: 'outage-curator', sha256: createHash('sha256').update(KEY).digest('hex') }],
};

let neo4j: OwnNeo4j | undefined;
let server: TestServer | undefined;

beforeAll(async () => {
  neo4j = await startOwnNeo4j('curation-outage');
  server = await startTestServer(neo4j.db, { auth });
});

afterAll(async () => {
  await server?.close();
  await neo4j?.stop();
});

const UPSERT = `mutation($input: EntityInput!, $key: String) {
  upsertEntity(input: $input, idempotencyKey: $key) { status replayed entity { id aliases } }
}`;

const input = (i: number) => ({ id: `company:outage-${i}`, name: `Outage Company ${i}`, aliases: [`OC${i}`], description: `Written in burst position ${i}.` });

async function write(i: number): Promise<{ acknowledged: boolean; body: any }> {
  try {
    const response = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ query: UPSERT, variables: { input: input(i), key: `outage-key-${i}` } }),
    });
    const body = (await response.json()) as any;
    return { acknowledged: response.status === 200 && !body.errors, body };
  } catch (error) {
    return { acknowledged: false, body: String(error) };
  }
}

/** Per write: is the entity there, how many CREATE audit entries it has, is its key stored. */
async function state(n: number) {
  const rows = await neo4j!.db.run({
    name: 'test/outage-state',
    mode: 'read',
    text: `
      UNWIND range(0, $n - 1) AS i
      OPTIONAL MATCH (e:Entity {id: 'company:outage-' + toString(i)})
      CALL (i) { MATCH (c:Change {targetId: 'company:outage-' + toString(i), action: 'CREATE'}) RETURN count(c) AS creates }
      CALL (i) { MATCH (k:IdempotencyKey) WHERE k.response CONTAINS '"company:outage-' + toString(i) + '"' RETURN count(k) AS keys }
      RETURN i, e IS NOT NULL AS present, e.aliases AS aliases, e.nameKeys AS nameKeys, creates, keys ORDER BY i`,
  }, { n: int(n) });
  return rows.map((r) => ({ i: Number(r.i), present: r.present === true, aliases: r.aliases, nameKeys: r.nameKeys, creates: Number(r.creates), keys: Number(r.keys) }));
}

describe('Curation: a write interrupted by killing Neo4j', () => {
  it('loses nothing acknowledged, leaves nothing half-written, and a retry with the key applies once', { timeout: 240_000 }, async () => {
    const BEFORE = 5;
    const BURST = 20;
    for (let i = 0; i < BEFORE; i += 1) expect((await write(i)).acknowledged).toBe(true);

    // A burst of writes, with the JVM killed while they run.
    const burst = Array.from({ length: BURST }, (_, j) => write(BEFORE + j));
    await new Promise((resolve) => setTimeout(resolve, 150));
    neo4j!.kill();
    const results = await Promise.all(burst);
    const acknowledged = new Set([...Array.from({ length: BEFORE }, (_, i) => i), ...results.flatMap((r, j) => (r.acknowledged ? [BEFORE + j] : []))]);
    // Some of the burst must have been cut off, or the kill came too late to test anything.
    expect(acknowledged.size).toBeLessThan(BEFORE + BURST);

    await server!.close();
    await neo4j!.restart();
    server = await startTestServer(neo4j!.db, { auth });

    const after = await state(BEFORE + BURST);
    for (const row of after) {
      // All or nothing: the entity, its one audit entry and its key together.
      expect(row, `write ${row.i}`).toEqual(
        row.present
          ? { i: row.i, present: true, aliases: [`OC${row.i}`], nameKeys: [`oc${row.i}`, `outage company ${row.i}`], creates: 1, keys: 1 }
          : { i: row.i, present: false, aliases: null, nameKeys: null, creates: 0, keys: 0 },
      );
      if (acknowledged.has(row.i)) expect(row.present, `acknowledged write ${row.i}`).toBe(true);
    }

    // Every write retried with its key: the committed ones replay, the others apply, once.
    for (let i = 0; i < BEFORE + BURST; i += 1) {
      const retry = await write(i);
      expect(retry.acknowledged, JSON.stringify(retry.body)).toBe(true);
      expect(retry.body.data.upsertEntity.replayed).toBe(after[i]!.present);
    }
    for (const row of await state(BEFORE + BURST)) expect(row).toMatchObject({ present: true, creates: 1, keys: 1 });
  });
});
