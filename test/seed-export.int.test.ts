/**
 * `npm run export` and the round trip to the repository: the freshly loaded seed exports
 * to the seed files byte for byte, load → export → load gives the same graph, and a load
 * leaves items changed through the API (curatedAt) as they are until they are exported.
 *
 * The round trip empties and reloads a graph, so this file starts a Neo4j of its own
 * (a free port, a temporary directory) rather than touch the shared one.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyExport } from '../seed/export/apply.js';
import { layOutSeed } from '../seed/export/layout.js';
import { readGraph } from '../seed/export/read.js';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { mergeEntities, retractFact, upsertEntity } from '../src/curation/writes.js';
import { connect } from '../src/db/connect.js';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../src/local-neo4j/process.js';
import { childEnv, runCommand, stopAllCommands } from './support/process.js';

const SEED_DIR = resolve(PROJECT_ROOT, 'seed');
const seedAt = (dir: string) => validateSeed(readSeedFiles(dir, resolve(dir, '..')));

let neo4jDir: string;
let work: string;
let local: LocalNeo4j | undefined;
let db: Database;

beforeAll(async () => {
  neo4jDir = mkdtempSync(join(tmpdir(), 'mgkg-export-neo4j-'));
  work = mkdtempSync(join(tmpdir(), 'mgkg-export-'));
  local = await startLocalNeo4j({
    launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
    dir: neo4jDir,
    port: await freePort(),
    heapMb: 512,
    pageCacheMb: 64,
    password: undefined,
  });
  db = await connect({ uri: local.uri, username: local.username, password: local.password, database: 'neo4j', queryTimeoutMs: 120_000, connectTimeoutMs: 30_000 });
  await loadSeed(db, seedAt(SEED_DIR));
});

afterAll(async () => {
  await db?.close();
  await local?.stop();
  rmSync(neo4jDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

afterEach(stopAllCommands);

/** The seed's data files (sources, entities, facts) copied to `dir`. */
function copySeedFiles(dir: string): void {
  for (const part of ['sources.yaml', 'entities', 'facts']) cpSync(join(SEED_DIR, part), join(dir, part), { recursive: true });
}

const write = (text: string) => db.run({ name: 'test', mode: 'write', text });

/**
 * Every node with its labels and properties and every relationship with its type, ends
 * and properties, sorted; only the version stamp (GraphMeta: schema version, seed hash
 * of the whole file layout, load time) is left out.
 */
async function dump(): Promise<string[]> {
  const rows = await db.run({
    name: 'test',
    mode: 'read',
    text: `
      MATCH (n) WHERE NOT n:GraphMeta
      RETURN 'node' AS line, properties(n) AS props, labels(n) AS labels, null AS type, null AS ends
      UNION ALL
      MATCH (a)-[r]->(b)
      RETURN 'relationship' AS line, properties(r) AS props, null AS labels, type(r) AS type, [a.id, b.id] AS ends`,
  });
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sorted(v)]))
        : value;
  return rows
    .map((row) =>
      JSON.stringify({
        what: row.line,
        labels: Array.isArray(row.labels) ? [...row.labels].sort() : null,
        type: row.type,
        ends: row.ends,
        props: sorted(row.props),
      }),
    )
    .sort();
}

describe('Export: the seed round trip', () => {
  it('the freshly loaded seed exports to the repository seed files byte for byte', async () => {
    const exported = layOutSeed(await readGraph(db), SEED_DIR);
    expect(exported.warnings).toEqual([]);
    expect([...exported.changes.keys()]).toEqual([]);
  });

  it('`npm run export -- --check` passes on the repository seed and writes nothing', async () => {
    const run = runCommand(
      ['run', '-s', 'export', '--', '--check'],
      childEnv({ NEO4J_URI: local!.uri, NEO4J_USERNAME: local!.username, NEO4J_PASSWORD: local!.password }),
    );
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toMatch(/export: 5 sources, \d+ entities, \d+ facts; the files in .*seed already hold the graph/);
  });

  it('load → export (into an empty folder) → load gives the same graph, and exports the same again', { timeout: 180_000 }, async () => {
    const before = await dump();
    const out = join(work, 'round-trip');
    const first = layOutSeed(await readGraph(db), out);
    expect(first.warnings).toEqual([]);
    applyExport(out, first);

    await write('MATCH (n) DETACH DELETE n');
    expect(await dump()).toEqual([]);
    await loadSeed(db, seedAt(out));
    expect(await dump()).toEqual(before);

    // The export of the reloaded graph is a fixed point, over its own files and over seed/.
    expect([...layOutSeed(await readGraph(db), out).changes.keys()]).toEqual([]);
    expect([...layOutSeed(await readGraph(db), SEED_DIR).changes.keys()]).toEqual([]);
  });

  it('--check lists what differs, file by file, and writes nothing', async () => {
    const dir = join(work, 'check');
    copySeedFiles(dir);
    const file = join(dir, 'entities', 'companies.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('aliases: [U.S. Magnesium]', 'aliases: [U.S. Magnesium, USM]'));
    const run = runCommand(
      ['run', '-s', 'export', '--', '--check', '--out', dir],
      childEnv({ NEO4J_URI: local!.uri, NEO4J_USERNAME: local!.username, NEO4J_PASSWORD: local!.password }),
    );
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('  entities/companies.yaml: 1 changed (company:us-magnesium)');
    expect(readFileSync(file, 'utf8')).toContain('aliases: [U.S. Magnesium, USM]');
  });
});

describe('Export and load: curated changes', () => {
  it('a load keeps items changed through the API, export brings them into the files, and the next load adopts them', async () => {
    // As the API would write them: a seeded fact edited, and an entity and fact of its own.
    await write(`
      MATCH ()-[r:LOCATED_IN {id: 'us-magnesium-located-in-utah'}]->()
      SET r.claim = 'Curated: US Magnesium runs its plant in Utah.', r.refClaims = ['Curated: US Magnesium runs its plant in Utah.'],
          r.curatedAt = '2026-02-01T10:00:00Z', r.curatedBy = 'test-curator'`);
    await write(`
      MATCH (utah:Entity {id: 'region:utah'})
      CREATE (c:Entity:Company {id: 'company:test-export-curated', kind: 'Company', name: 'Test Export Curated Co', aliases: ['TECC'],
                                description: 'A company written through the API.', seeded: false,
                                curatedAt: '2026-02-01T10:00:00Z', curatedBy: 'test-curator'})
      CREATE (c)-[:LOCATED_IN {id: 'test-export-curated-located-in-utah', claim: 'TECC is based in Utah.', period: '2026-02',
                               sourceIds: ['smm-2025-09-16-us-supply-risk'], nature: 'REPORTED', approximate: false,
                               refSourceIds: ['smm-2025-09-16-us-supply-risk'], refClaims: ['TECC is based in Utah.'],
                               refPeriods: ['2026-02'], refPeriodStarts: ['2026-02-01'], refPeriodEnds: ['2026-02-28'], refNotes: [''],
                               seeded: false, curatedAt: '2026-02-01T10:00:00Z', curatedBy: 'test-curator'}]->(utah)`);
    const claim = async () =>
      (await db.run({ name: 'test', mode: 'read', text: "MATCH ()-[r:LOCATED_IN {id: 'us-magnesium-located-in-utah'}]->() RETURN r.claim AS claim, r.curatedAt AS at" }))[0];

    const reload = await loadSeed(db, seedAt(SEED_DIR), { prune: true });
    expect(reload.curated).toEqual([{ what: 'relationship', label: 'LOCATED_IN', id: 'us-magnesium-located-in-utah' }]);
    expect(reload.pruned).toBe(0);
    expect(await claim()).toEqual({ claim: 'Curated: US Magnesium runs its plant in Utah.', at: '2026-02-01T10:00:00Z' });
    const own = await db.run({ name: 'test', mode: 'read', text: "MATCH (c {id: 'company:test-export-curated'})-[r]->() RETURN count(r) AS n" });
    expect(own).toEqual([{ n: 1 }]);

    const dir = join(work, 'curated');
    copySeedFiles(dir);
    const exported = layOutSeed(await readGraph(db), dir);
    expect(Object.fromEntries(exported.summary)).toEqual({
      'entities/companies.yaml': { added: ['company:test-export-curated'], changed: [], removed: [] },
      'facts/2025-09-16-smm-us-supply-risk.yaml': {
        added: ['test-export-curated-located-in-utah'],
        changed: ['us-magnesium-located-in-utah'],
        removed: [],
      },
    });
    applyExport(dir, exported);
    const facts = readFileSync(join(dir, 'facts', '2025-09-16-smm-us-supply-risk.yaml'), 'utf8');
    // The curated marks are not exported: git says who changed the file, and when.
    expect(facts).not.toMatch(/curatedAt|curatedBy|test-curator/);
    expect(facts).toContain('    claim: "Curated: US Magnesium runs its plant in Utah."\n');
    expect(facts.endsWith(
      [
        '',
        '  - id: test-export-curated-located-in-utah',
        '    type: LOCATED_IN',
        '    from: company:test-export-curated',
        '    to: region:utah',
        '    period: 2026-02',
        '    claim: TECC is based in Utah.',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(readFileSync(join(dir, 'entities', 'companies.yaml'), 'utf8')).toContain(
      '\n\n- id: company:test-export-curated\n  name: Test Export Curated Co\n  aliases: [TECC]\n  description: A company written through the API.\n',
    );

    // Loaded from the exported files, the seed says what the curator said: adopted, marks gone.
    const adopted = await loadSeed(db, seedAt(dir));
    expect(adopted.curated).toEqual([]);
    const marks = await db.run({ name: 'test', mode: 'read', text: 'MATCH (n) WHERE n.curatedAt IS NOT NULL RETURN n.id AS id UNION ALL MATCH ()-[r]->() WHERE r.curatedAt IS NOT NULL RETURN r.id AS id' });
    expect(marks).toEqual([]);
    expect(await claim()).toEqual({ claim: 'Curated: US Magnesium runs its plant in Utah.', at: null });
    expect([...layOutSeed(await readGraph(db), dir).changes.keys()]).toEqual([]);

    // Back to the repository seed (this Neo4j is this file's own; leave it as seeded).
    await write("MATCH (c {id: 'company:test-export-curated'}) DETACH DELETE c");
    await loadSeed(db, seedAt(SEED_DIR), { prune: true });
    expect([...layOutSeed(await readGraph(db), SEED_DIR).changes.keys()]).toEqual([]);
  });
});

describe('Export and load: merges and retractions', () => {
  it('merged ids and retracted facts are exported, and a reload of the files restores them exactly', { timeout: 180_000 }, async () => {
    const curator = { actor: 'test-curator' };
    await upsertEntity(db, { id: 'company:test-export-twin', name: 'Test Export Twin Co', aliases: ['TETC'], description: 'US Magnesium under a second name.' }, curator);
    await mergeEntities(db, 'company:us-magnesium', 'company:test-export-twin', curator);
    const retraction = await retractFact(db, 'china-share-of-world-magnesium-output-over-85', 'A test retraction: the figure is superseded.', curator);
    const retractionId = String(retraction.retracted!.retractionId);

    // The audit trail, idempotency keys and curated marks stay in the database (the next
    // load adopts what the files say); git is the history of the files.
    const history = (rows: string[]) =>
      rows
        .filter((row) => !/"labels":\["(Change|IdempotencyKey)"\]/.test(row))
        .map((row) => row.replace(/"curatedAt":"[^"]*","curatedBy":"test-curator",/, ''));
    const before = history(await dump());
    expect(before.some((row) => row.includes('"RetractedFact"'))).toBe(true);

    const dir = join(work, 'merged');
    copySeedFiles(dir);
    const exported = layOutSeed(await readGraph(db), dir);
    expect(exported.warnings).toEqual([]);
    expect(Object.fromEntries(exported.summary)).toEqual({
      'entities/companies.yaml': { added: [], changed: ['company:us-magnesium'], removed: [] },
      'facts/2025-09-16-smm-us-supply-risk.yaml': { added: [], changed: [], removed: ['china-share-of-world-magnesium-output-over-85'] },
      'retracted.yaml': { added: [retractionId], changed: [], removed: [] },
    });
    applyExport(dir, exported);
    const companies = readFileSync(join(dir, 'entities', 'companies.yaml'), 'utf8');
    expect(companies).toMatch(/- id: company:us-magnesium\n(.+\n)*? {2}aliases: \[U\.S\. Magnesium, Test Export Twin Co, TETC\]\n/);
    expect(companies).toMatch(/- id: company:us-magnesium\n(.+\n)*? {2}formerIds: \[company:test-export-twin\]\n/);
    const retracted = readFileSync(join(dir, 'retracted.yaml'), 'utf8');
    expect(retracted.startsWith(
      [
        `- id: ${retractionId}`,
        '  type: HAS_METRIC',
        '  from: country:china',
        '  to: commodity:primary-magnesium',
        `  retractedAt: ${String(retraction.retracted!.retractedAt)}`,
        '  retractedBy: test-curator',
        '  reason: "A test retraction: the figure is superseded."',
        '  fact:',
        '',
      ].join('\n'),
    )).toBe(true);
    expect(retracted).toContain('    claim: China currently accounts for more than 85% of the world\'s magnesium production.\n');

    // An empty database loaded from the exported files holds the same graph, history included.
    await write('MATCH (n) DETACH DELETE n');
    const reloaded = await loadSeed(db, seedAt(dir));
    expect(reloaded.nodes.EntityRedirect).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(reloaded.nodes.RetractedFact).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(history(await dump())).toEqual(before);
    const [found] = await db.run(cypher('entities/by-ids'), { ids: ['company:test-export-twin'] });
    expect(found).toMatchObject({ requested: 'company:test-export-twin', entity: { id: 'company:us-magnesium' } });
    // A fixed point: exporting again changes nothing, and loading again writes nothing.
    expect([...layOutSeed(await readGraph(db), dir).changes.keys()]).toEqual([]);
    const again = await loadSeed(db, seedAt(dir));
    expect(again.nodes.EntityRedirect).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.nodes.RetractedFact).toEqual({ created: 0, updated: 0, unchanged: 1 });

    // Back to the repository seed (this Neo4j is this file's own; leave it as seeded).
    await write('MATCH (n) DETACH DELETE n');
    await loadSeed(db, seedAt(SEED_DIR));
    expect([...layOutSeed(await readGraph(db), SEED_DIR).changes.keys()]).toEqual([]);
  });

  it('the loader refuses a merged id that is still an entity, of another kind, or claimed twice, and a malformed retraction', () => {
    const dir = join(work, 'bad-merges');
    copySeedFiles(dir);
    const file = join(dir, 'entities', 'companies.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('aliases: [U.S. Magnesium]', 'aliases: [U.S. Magnesium]\n  formerIds: [company:yimeitai, country:utah, company:gone]')
      .replace(/(- id: company:yimeitai\n)/, '$1  formerIds: [company:gone]\n'));
    writeFileSync(join(dir, 'retracted.yaml'), '- id: r1\n  type: SELLS\n  from: country:china\n  to: commodity:magnesium\n  retractedAt: yesterday\n  retractedBy: x\n  reason: why\n  fact: {claim: no id}\n');
    let problems: string[] = [];
    try {
      seedAt(dir);
    } catch (error) {
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^bad-merges\/entities\/companies\.yaml: \[\d+\] "company:us-magnesium"\.formerIds\[0\]: "company:yimeitai" is an entity of the seed, so it cannot also be a merged id$/),
      expect.stringMatching(/^bad-merges\/entities\/companies\.yaml: \[\d+\] "company:us-magnesium"\.formerIds\[1\]: "country:utah" is not a Company id; only entities of one kind merge$/),
      expect.stringMatching(/^bad-merges\/entities\/companies\.yaml: \[\d+\] "company:yimeitai"\.formerIds\[0\]: "company:gone" is already a merged id of "company:us-magnesium"$/),
      'bad-merges/retracted.yaml: [0] "r1".retractedAt: must be an ISO date and time',
      'bad-merges/retracted.yaml: [0] "r1".fact: must hold the fact\'s properties, its kebab-case id among them',
    ]);
  });
});
