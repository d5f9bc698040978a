/**
 * Authentication paths curation.int.test.ts does not take: JWTs verified with a local
 * JWKS file (JWT_JWKS_FILE), a JWKS file the service refuses at start-up, and
 * AUTH_REQUIRED_FOR_READS. The servers run over the run's shared seeded graph and write
 * nothing to it: accepted writes are dry runs, and refused ones must leave it as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthConfig, ConfigError, loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { createLogger } from '../src/logger.js';
import { openTestDb } from './support/neo4j.js';
import { childEnv } from './support/process.js';
import { startTestServer, type TestServer } from './support/server.js';

const CURATOR_KEY = 'auth-test-curator-key-0123456789';
const READER_KEY = 'auth-test-reader-key-0123456789';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'mgkg-auth-test-'));
const jwksFile = join(dir, 'jwks.json');
/** Writes `content` (JSON unless a string) to a file of its own in the temp dir; returns its path. */
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

let db: Database;
/** JWKS only (no JWT_SECRET), reads open. */
let jwksServer: TestServer;
/** JWKS and API keys, AUTH_REQUIRED_FOR_READS, its log lines captured. */
let closedServer: TestServer;
const closedLog: string[] = [];

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let es: KeyPair;
let rs: KeyPair;
let stranger: KeyPair;
let publicEs: JWK;
let privateEs: JWK;

beforeAll(async () => {
  [es, rs, stranger] = await Promise.all([
    generateKeyPair('ES256', { extractable: true }),
    generateKeyPair('RS256', { extractable: true }),
    generateKeyPair('ES256', { extractable: true }),
  ]);
  publicEs = { ...(await exportJWK(es.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' };
  privateEs = { ...(await exportJWK(es.privateKey)), kid: 'es-1', alg: 'ES256' };
  const publicRs = { ...(await exportJWK(rs.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' };
  writeFileSync(jwksFile, JSON.stringify({ keys: [publicEs, publicRs] }));

  db = await openTestDb();
  // Configured through the environment, as `npm start` is: loadConfig reads the file.
  const jwksOnly = loadConfig({ JWT_JWKS_FILE: jwksFile, CURATOR_API_KEYS: `auth-curator:${CURATOR_KEY}` }).auth;
  expect(jwksOnly.jwt.secret).toBeUndefined();
  jwksServer = await startTestServer(db, { auth: jwksOnly });
  const closed = loadConfig({
    JWT_JWKS_FILE: jwksFile,
    CURATOR_API_KEYS: `auth-curator:${CURATOR_KEY}`,
    READER_API_KEYS: `auth-reader:sha256:${sha(READER_KEY)}`,
    AUTH_REQUIRED_FOR_READS: 'true',
  }).auth;
  closedServer = await startTestServer(db, { auth: closed }, createLogger('info', { write: (line: string) => void closedLog.push(line) }));
});

afterAll(async () => {
  await jwksServer?.close();
  await closedServer?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(server: TestServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface TokenParts {
  alg?: string;
  /** undefined: no kid in the header. */
  kid?: string | undefined;
  /** undefined: no subject. */
  sub?: string | undefined;
  roles?: string[];
  /** null: no expiry. */
  exp?: string | number | null;
}

/** A token as an identity provider would issue it, with the parts a test changes. */
async function token(key: CryptoKey | Uint8Array, parts: TokenParts = {}) {
  const { alg = 'ES256', roles = ['curator'], exp = '5m' } = parts;
  const kid = 'kid' in parts ? parts.kid : 'es-1';
  const sub = 'sub' in parts ? parts.sub : 'jwks-curator';
  const jwt = new SignJWT({ roles }).setProtectedHeader(kid === undefined ? { alg } : { alg, kid }).setIssuedAt();
  if (sub !== undefined) jwt.setSubject(sub);
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(key);
}

/**
 * Everything a curated write would change: the audit trail, nodes and relationships
 * with our ids, idempotency keys and the write version. Not the graph's total counts:
 * other test files add nodes of their own to this shared database while this one runs.
 */
async function fingerprint() {
  const [row] = await db.run({
    name: 'test/auth-fingerprint',
    mode: 'read',
    text: `
      CALL () { MATCH (c:Change) RETURN count(c) AS changes }
      CALL () { MATCH (k:IdempotencyKey) RETURN count(k) AS keys }
      CALL () { MATCH (n) WHERE n.id CONTAINS 'auth-test' RETURN count(n) AS ours }
      CALL () { MATCH ()-[r]->() WHERE r.id CONTAINS 'auth-test' RETURN count(r) AS ourFacts }
      OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
      RETURN changes, keys, ours, ourFacts, m.writeVersion AS writeVersion`,
  });
  return row;
}

const UPSERT = `mutation($input: EntityInput!, $dryRun: Boolean) {
  upsertEntity(input: $input, dryRun: $dryRun) { status dryRun changes { action actor } }
}`;
const NEW_ENTITY = { id: 'company:auth-test-made', name: 'Auth Test Made Co', description: 'Made by the auth test.' };

describe('JWT_JWKS_FILE: tokens signed with a key of the set', () => {
  it('an ES256 or RS256 token with the curator role writes (dry run) as its subject', async () => {
    for (const jwt of [await token(es.privateKey), await token(rs.privateKey, { alg: 'RS256', kid: 'rs-1', sub: 'jwks-curator' })]) {
      const { status, body } = await post(jwksServer, UPSERT, { input: NEW_ENTITY, dryRun: true }, bearer(jwt));
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data.upsertEntity).toEqual({ status: 'CREATED', dryRun: true, changes: [{ action: 'CREATE', actor: 'jwks-curator' }] });
    }
    // A token without a kid is matched by its algorithm against the set's keys.
    const { body } = await post(jwksServer, UPSERT, { input: NEW_ENTITY, dryRun: true }, bearer(await token(es.privateKey, { kid: undefined, sub: 'no-kid' })));
    expect(body.data?.upsertEntity.changes[0].actor, JSON.stringify(body.errors)).toBe('no-kid');
  });

  it('a token with the key but not the role is FORBIDDEN, nothing written', async () => {
    const before = await fingerprint();
    const { status, body } = await post(jwksServer, UPSERT, { input: NEW_ENTITY }, bearer(await token(es.privateKey, { sub: 'jwks-reader', roles: ['reader'] })));
    expect(status).toBe(403);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: '"jwks-reader" may not write: writes need the curator role.' });
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses, with 401 UNAUTHENTICATED and nothing written: another key, expired, no expiry, wrong kid or alg, alg none, HS256, no subject', async () => {
    const before = await fingerprint();
    const publicAsSecret = new TextEncoder().encode(JSON.stringify(publicEs));
    const unsigned = (header: object, payload: object) =>
      `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    const now = Math.floor(Date.now() / 1000);
    // The set's RSA key signing with RS512 (WebCrypto keys are bound to one hash: import it again for SHA-512).
    const { alg: _alg, ...rsPrivate } = await exportJWK(rs.privateKey);
    const rs512 = (await importJWK(rsPrivate, 'RS512')) as CryptoKey;
    const refused: Record<string, string> = {
      'signed by a key not in the set, claiming its kid': await token(stranger.privateKey),
      'signed by a key not in the set, no kid': await token(stranger.privateKey, { kid: undefined }),
      expired: await token(es.privateKey, { exp: now - 60 }),
      'without an expiry': await token(es.privateKey, { exp: null }),
      'a kid the set does not have': await token(es.privateKey, { kid: 'es-2' }),
      'the RSA key under the EC key\'s kid': await token(rs.privateKey, { alg: 'RS256', kid: 'es-1' }),
      'RS512, which the set\'s RS256 key is not for': await token(rs512, { alg: 'RS512', kid: 'rs-1' }),
      'alg none': unsigned({ alg: 'none', kid: 'es-1' }, { sub: 'mallory', roles: ['curator'], exp: now + 300 }),
      'HS256 with only a JWKS configured': await token(new TextEncoder().encode('an-hs256-secret-that-is-long-enough-0000'), { alg: 'HS256', kid: undefined }),
      'HS256 keyed with the public key (algorithm confusion)': await token(publicAsSecret, { alg: 'HS256', kid: 'es-1' }),
      'without a subject': await token(es.privateKey, { sub: undefined }),
    };
    for (const [what, jwt] of Object.entries(refused)) {
      const { status, headers, body } = await post(jwksServer, UPSERT, { input: NEW_ENTITY }, bearer(jwt));
      expect(status, what).toBe(401);
      expect(headers.get('www-authenticate'), what).toBe('Bearer');
      expect(body.errors[0].extensions.code, what).toBe('UNAUTHENTICATED');
      expect(body.data ?? null, what).toBeNull();
      // The answer never repeats the token.
      expect(JSON.stringify(body), what).not.toContain(jwt);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('reads stay open when AUTH_REQUIRED_FOR_READS is off', async () => {
    const { status, body } = await post(jwksServer, '{ entity(id: "country:china") { name } }');
    expect(status).toBe(200);
    expect(body.data.entity.name).toBe('China');
  });
});

describe('JWT_JWKS_FILE: a file the service cannot use stops it at start-up', () => {
  const refuse = (path: string, message: string | RegExp) => {
    const load = () => loadConfig({ JWT_JWKS_FILE: path });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  };

  it('missing, unreadable, not JSON, not a key set, or empty', () => {
    const missing = join(dir, 'no-such-jwks.json');
    refuse(missing, `JWT_JWKS_FILE: ${missing} does not exist`);
    refuse(dir, `JWT_JWKS_FILE: ${dir} cannot be read (EISDIR)`);
    const notJson = file('not-json.json', '{"keys": [');
    refuse(notJson, `JWT_JWKS_FILE: ${notJson} is not JSON; it must hold a JSON Web Key Set ({"keys": [...]})`);
    for (const [name, content] of [['object.json', {}], ['array.json', [publicEs]], ['keys-object.json', { keys: publicEs }], ['null.json', 'null']] as const) {
      const path = file(name, content);
      refuse(path, `JWT_JWKS_FILE: ${path} is not a JSON Web Key Set: it must be an object with a "keys" array`);
    }
    const empty = file('empty.json', { keys: [] });
    refuse(empty, `JWT_JWKS_FILE: ${empty} has no keys`);
  });

  it('keys it could not use, or should not hold: private, secret, other algorithms, broken', async () => {
    const path = (name: string, key: unknown) => file(name, { keys: [publicEs, key] });
    const p384 = { ...(await exportJWK((await generateKeyPair('ES384', { extractable: true })).publicKey)) };
    const cases: [string, unknown, string][] = [
      ['private.json', privateEs, 'key 2 holds private key material (d): give the public keys only'],
      ['oct.json', { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' }, 'key 2 is a shared secret (kty "oct"): the file holds public keys only; give an HS256 secret as JWT_SECRET'],
      ['no-kty.json', { kid: 'x' }, 'key 2 is not a JSON Web Key (an object with "kty")'],
      ['kty.json', { kty: 'XYZ' }, 'key 2 has kty "XYZ"; expected RSA, EC or OKP'],
      ['enc.json', { ...publicEs, use: 'enc' }, 'key 2 has use "enc"; expected "sig"'],
      ['alg.json', { ...publicEs, alg: 'HS256' }, 'key 2 has alg "HS256"; tokens are accepted signed with RS256, PS256, ES256, EdDSA'],
      ['p384.json', p384, 'key 2 is an EC key on "P-384"; ES256 needs P-256'],
      ['broken.json', { ...publicEs, x: 'AAAA' }, 'key 2 is not a valid EC public key'],
    ];
    for (const [name, key, problem] of cases) {
      const p = path(name, key);
      refuse(p, `JWT_JWKS_FILE: ${p} ${problem}`);
    }
    // The message names the problem, never the key material.
    try {
      loadConfig({ JWT_JWKS_FILE: join(dir, 'private.json') });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(String(privateEs.d));
    }
  });

  it('the server\'s entry point (what `npm start` runs) exits with the one-line reason, before opening the database', { timeout: 120_000 }, () => {
    const missing = join(dir, 'not-there.json');
    const run = spawnSync(process.execPath, ['dist/src/main.js'], {
      cwd: PROJECT_ROOT,
      env: childEnv({ JWT_JWKS_FILE: missing, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'unused-password', SEED_ON_START: 'false' }),
      encoding: 'utf8',
      timeout: 100_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`error: JWT_JWKS_FILE: ${missing} does not exist`);
  });
});

describe('AUTH_REQUIRED_FOR_READS', () => {
  const READ = '{ entity(id: "country:china") { name } }';

  it('an anonymous read, or one with a bad token, is 401 UNAUTHENTICATED before anything runs', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['no token', {}, 'This service needs a token: send "Authorization: Bearer <API key or JWT>".'],
      ['a wrong API key', bearer('not-a-key-at-all-0000'), 'The API key is not valid.'],
      ['an expired JWT', bearer(await token(es.privateKey, { exp: Math.floor(Date.now() / 1000) - 60 })), 'The token is not valid (bad signature, expired, or not for this service).'],
      ['not Bearer', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'Authorization must be "Bearer <API key or JWT>".'],
    ];
    for (const [what, headers, message] of cases) {
      const { status, headers: answered, body } = await post(closedServer, READ, {}, headers);
      expect(status, what).toBe(401);
      expect(answered.get('www-authenticate'), what).toBe('Bearer');
      expect(body.data, what).toBeUndefined();
      expect(body.errors, what).toHaveLength(1);
      expect(body.errors[0], what).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    }
    // Not even a validation error ("did you mean …") tells an anonymous caller about the schema.
    const probe = await post(closedServer, '{ entiti(id: "country:china") { name } }');
    expect(probe.status).toBe(401);
    expect(JSON.stringify(probe.body)).not.toContain('entity');
    // Nor does a GET.
    const get = await fetch(`${closedServer.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(401);
  });

  it('a reader or a curator (API key or JWT) reads', async () => {
    const readers: Record<string, Record<string, string>> = {
      'reader key': bearer(READER_KEY),
      'reader key in X-API-Key': { 'x-api-key': READER_KEY },
      'curator key': bearer(CURATOR_KEY),
      'curator JWT': bearer(await token(es.privateKey)),
      'JWT with another role': bearer(await token(rs.privateKey, { alg: 'RS256', kid: 'rs-1', sub: 'analyst', roles: ['analyst'] })),
    };
    for (const [what, headers] of Object.entries(readers)) {
      const { status, body } = await post(closedServer, READ, {}, headers);
      expect(body, what).toEqual({ data: { entity: { name: 'China' } } });
      expect(status, what).toBe(200);
    }
  });

  it('a reader still may not write; a curator may', async () => {
    const before = await fingerprint();
    const reader = await post(closedServer, UPSERT, { input: NEW_ENTITY }, bearer(READER_KEY));
    expect(reader.status).toBe(403);
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await fingerprint()).toEqual(before);
    const curator = await post(closedServer, UPSERT, { input: NEW_ENTITY, dryRun: true }, bearer(CURATOR_KEY));
    expect(curator.body.data.upsertEntity).toMatchObject({ status: 'CREATED', changes: [{ actor: 'auth-curator' }] });
  });

  it('probes, metrics and the browser pages stay reachable without a token', async () => {
    for (const path of ['/livez', '/healthz']) {
      const response = await fetch(`${closedServer.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.json(), path).toEqual({ status: 'ok' });
    }
    const ready = await fetch(`${closedServer.url}/readyz`);
    expect([200, 503]).toContain(ready.status); // the graph's state, not the caller's
    expect(await ready.json()).toHaveProperty('status');
    const playground = await fetch(`${closedServer.url}/`);
    expect(playground.status).toBe(200);
    expect(await playground.text()).toContain('GraphQL playground');
    const asset = await fetch(`${closedServer.url}/playground/vendor/graphiql.js`);
    expect(asset.status).toBe(200);
    // 200 once built (npm test builds it), 503 "not built" otherwise: never 401.
    const explorer = await fetch(`${closedServer.url}/explorer/`);
    expect([200, 503]).toContain(explorer.status);
    expect(explorer.headers.get('content-type')).toMatch(/^text\/html/);
    const metrics = await fetch(`${closedServer.url}/metrics`);
    expect(metrics.status).toBe(200);
  });

  it('no key, token or JWKS key reaches the logs', async () => {
    const jwt = await token(es.privateKey);
    await post(closedServer, READ, {}, bearer(jwt));
    await post(closedServer, READ, {}, { 'x-api-key': READER_KEY });
    await post(closedServer, READ, {}, bearer(CURATOR_KEY));
    await post(closedServer, READ, {}, bearer(`${jwt.slice(0, -4)}AAAA`));
    const logger = createLogger('info', { write: (line: string) => void closedLog.push(line) });
    // The configuration as loaded, JWKS keys included, logged by mistake.
    const config: AuthConfig = loadConfig({ JWT_JWKS_FILE: jwksFile, CURATOR_API_KEYS: `auth-curator:${CURATOR_KEY}` }).auth;
    logger.error({ config: { auth: config }, auth: config, jwt: config.jwt }, 'a mistake');
    const logged = closedLog.join('');
    expect(closedLog.length).toBeGreaterThan(4); // access lines were written
    for (const secret of [jwt, jwt.split('.')[2]!, READER_KEY, CURATOR_KEY, sha(CURATOR_KEY), String(publicEs.x)]) {
      expect(logged).not.toContain(secret);
    }
  });
});
