/**
 * Loading the seed into the real database: idempotent, and a bad seed changes nothing.
 * (The global setup has already loaded seed/ once into this database.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { readHealth } from '../src/db/system.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { openTestDb, testNeo4j } from './support/neo4j.js';
import { childEnv, runCommand, stopAllCommands } from './support/process.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb(60_000);
});
afterAll(async () => {
  await db.close();
});

const seed = () => validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));

// Whatever a test asserts, nothing it started outlives it.
afterEach(stopAllCommands);

describe('Seed loading: idempotent', () => {
  it('a second load creates and updates nothing, and the counts stay the same', async () => {
    const before = await readHealth(db);
    const graph = seed();
    const report = await loadSeed(db, graph);
    const statuses = [...Object.values(report.nodes), ...Object.values(report.relationships)];
    expect(statuses.reduce((sum, c) => sum + c.created + c.updated, 0)).toBe(0);
    expect(statuses.reduce((sum, c) => sum + c.unchanged, 0)).toBe(graph.sources.length + graph.entities.length + graph.facts.length);
    expect(report.stale).toEqual([]);
    expect(report.curated).toEqual([]);
    expect(await readHealth(db)).toEqual(before);
    expect(before).toMatchObject({ sources: graph.sources.length, entities: graph.entities.length, relationships: graph.facts.length });
  });

  it('reports seeded data that left the seed files as stale', async () => {
    const graph = seed();
    const rows = await db.run(cypher('seed/stale'), {
      sourceIds: graph.sources.map((s) => s.id),
      entityIds: graph.entities.map((e) => e.id).filter((id) => id !== 'company:optimo'),
      // Facts are keyed by type and id: a fact whose type changed in the seed leaves its
      // old-typed relationship stale (here: the seed as if W1's RELIES_ON_MARKET were still DEPENDS_ON).
      factKeys: graph.facts
        .filter((f) => f.id !== 'yimeitai-supplies-optimo-mg-800')
        .map((f) => (f.id === 'china-magnesium-alloy-exports-rely-on-europe' ? `DEPENDS_ON ${f.id}` : `${f.type} ${f.id}`)),
    });
    const key = (r: Record<string, unknown>) => `${String(r.what)} ${String(r.label)} ${String(r.id)}`;
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([
      { what: 'node', label: 'Company', id: 'company:optimo', curated: false },
      { what: 'relationship', label: 'RELIES_ON_MARKET', id: 'china-magnesium-alloy-exports-rely-on-europe', curated: false },
      { what: 'relationship', label: 'SUPPLIES', id: 'yimeitai-supplies-optimo-mg-800', curated: false },
    ]);
  });
});

describe('Seed loading: a bad seed changes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mgkg-bad-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`npm run seed` names the file and key of each problem, exits non-zero, and writes nothing', async () => {
    cpSync(resolve(PROJECT_ROOT, 'seed'), dir, { recursive: true });
    const factFile = join(dir, 'facts', '2026-01-smm-china-magnesium-exports-2025.yaml');
    // A valid edit (a new figure) and an invalid one (a missing entity) in the same run:
    // nothing of either may reach the database.
    const text = readFileSync(factFile, 'utf8')
      .replace('value: 251300', 'value: 999999')
      .replace(/to: region:europe/, 'to: region:atlantis');
    writeFileSync(factFile, text);
    const before = await readHealth(db);
    const ingot = () =>
      db.run(
        { name: 'test', mode: 'read', text: "MATCH ()-[r:EXPORTS {id: 'china-magnesium-ingot-exports-2025'}]->() RETURN r.quantity AS q" },
      );
    expect(await ingot()).toEqual([{ q: 251_300 }]);

    const c = testNeo4j();
    const run = runCommand(['run', '-s', 'seed', '--', '--dir', dir], childEnv({ NEO4J_URI: c.uri, NEO4J_USERNAME: c.username, NEO4J_PASSWORD: c.password }));
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('error: the seed has 1 problem; nothing was written:');
    expect(run.output()).toMatch(
      /- mgkg-bad-seed-\w+\/facts\/2026-01-smm-china-magnesium-exports-2025\.yaml: facts\[\d+\] "china-exports-magnesium-ingot-to-europe-2025-12"\.to: unknown entity "region:atlantis"/,
    );
    expect(await ingot()).toEqual([{ q: 251_300 }]);
    expect(await readHealth(db)).toEqual(before);
  });
});
