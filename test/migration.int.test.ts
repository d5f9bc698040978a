/**
 * The load migrates a graph of the previous schema version in place: on a Neo4j of its
 * own, the seeded graph is put back into the shape of schema version 2 (`fact_text`
 * without the words of metrics, facts without `metricWords`, the stamp at 2), with a
 * fact a curator wrote that the seed does not have. Loading the seed again migrates it to
 * version 3: every fact with a metric, the curated one too, is found by the metric's words,
 * and a second load has nothing left to migrate.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { searchFacts } from '../src/db/catalog.js';
import { cypher } from '../src/db/cypher.js';
import { readGraphVersion, SCHEMA_VERSION } from '../src/db/graph-version.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { type OwnNeo4j, startOwnNeo4j } from './support/own-neo4j.js';

let neo4j: OwnNeo4j | undefined;

beforeAll(async () => {
  neo4j = await startOwnNeo4j('migration', { seed: true });
});

afterAll(async () => {
  await neo4j?.stop();
});

const write = (name: string, text: string, params: Record<string, unknown> = {}) => neo4j!.db.run({ name: `test/${name}`, mode: 'write', text }, params);

/** The `fact_text` statement of schema version 2: today's, without the metric's words. */
function factTextV2(): string {
  const statement = cypher('schema/constraints').statements!.find((s) => s.includes('FULLTEXT INDEX fact_text'))!;
  expect(statement).toContain(', r.metricWords]');
  return statement.replace(', r.metricWords]', ']');
}

const seed = () => validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
const shareIds = async () => (await searchFacts(neo4j!.db, 'share of world output', 10)).map((hit) => hit.relationship.id).sort();

describe('Migration to schema version 3: fact search by the words of metrics', () => {
  it('rebuilds fact_text and gives every fact with a metric its words, curated facts too; a second load migrates nothing', { timeout: 240_000 }, async () => {
    expect(SCHEMA_VERSION).toBe(3);
    // The graph as schema version 2 left it.
    await write('drop-fact-text', 'DROP INDEX fact_text IF EXISTS');
    await write('create-fact-text-v2', factTextV2());
    await write('await-indexes', 'CALL db.awaitIndexes(300)');
    await write('remove-metric-words', 'MATCH ()-[r]->() WHERE r.metricWords IS NOT NULL REMOVE r.metricWords');
    await write('stamp-v2', "MATCH (m:GraphMeta {id: 'graph'}) SET m.schemaVersion = 2");
    // A world share a curator wrote (not in the seed), whose claim has none of the words.
    await write(
      'curated-fact',
      `MATCH (a:Entity {id: 'country:russia'}), (b:Entity {id: 'commodity:primary-magnesium'})
       CREATE (a)-[:HAS_METRIC {id: 'test-russia-world-share', metric: 'SHARE_OF_WORLD_OUTPUT', quantity: 2.5, unit: 'percent',
         period: '2024', claim: 'Russia made about 2.5% of the magnesium of 2024.', nature: 'REPORTED', sourceIds: [],
         seeded: false, curatedAt: '2026-11-27T00:00:00Z', curatedBy: 'test-curator'}]->(b)`,
    );
    // Version 2's search finds a share only where its claim or note has the words.
    expect(await shareIds()).not.toContain('china-share-of-world-magnesium-output-over-85');
    expect(await shareIds()).not.toContain('test-russia-world-share');

    const report = await loadSeed(neo4j!.db, seed());
    expect(report.migrations).toEqual(['3: fact search also finds a fact by the words of its metric; fact_text is rebuilt over metricWords']);
    expect((await readGraphVersion(neo4j!.db))?.schemaVersion).toBe(3);
    const [index] = await write('show-fact-text', "SHOW FULLTEXT INDEXES YIELD name, properties, state WHERE name = 'fact_text' RETURN properties, state");
    expect(index).toEqual({ properties: ['claim', 'refClaims', 'note', 'metricWords'], state: 'ONLINE' });
    const [curated] = await write('curated-words', "MATCH ()-[r:HAS_METRIC {id: 'test-russia-world-share'}]->() RETURN r.metricWords AS words, r.curatedBy AS by");
    expect(curated).toEqual({ words: ['share of world output', 'share of world output of the target commodity'], by: 'test-curator' });
    expect(await shareIds()).toEqual([
      'china-share-of-world-magnesium-ingot-output-2024',
      'china-share-of-world-magnesium-output-2024',
      'china-share-of-world-magnesium-output-over-85',
      'test-russia-world-share',
    ]);
    // The curated fact is not the seed's: the load neither reports it stale nor touches it.
    expect(report.stale).toEqual([]);

    const again = await loadSeed(neo4j!.db, seed());
    expect(again.migrations).toEqual([]);
    expect(again.relationships.HAS_METRIC).toMatchObject({ created: 0, updated: 0 });
  });
});
