/**
 * Facts found through the `fact_refs` full-text index (by source, item and id) are
 * exactly the facts a scan of every relationship finds, in the same order, and values
 * full of Lucene syntax are matched as whole, exact terms.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  factRefQuery,
  factsOfSources,
  listRelationships,
  NO_RELATIONSHIP_FILTER,
  type RelationshipListArgs,
} from '../src/db/catalog.js';
import { toPlain } from '../src/db/convert.js';
import { cypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { linksOf, relationshipsByIds } from '../src/db/graph.js';
import { SLIM_KEY_PARAMS } from '../src/db/slim.js';
import { toRelationshipRow } from '../src/db/mappers.js';
import type { RelationshipRow } from '../src/db/rows.js';
import { openTestDb } from './support/neo4j.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

// Newest period first, a period with no end (periodEnd null) counting as the newest.
const ORDER = 'ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.periodStart DESC, r.id';
const REL = 'r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}';

/** Facts by a scan of every relationship between entities: the reference the indexed queries must equal. */
async function scan(where: string, params: Record<string, unknown> = {}): Promise<RelationshipRow[]> {
  const rows = await db.run(
    { name: 'test/scan', mode: 'read', text: `MATCH (:Entity)-[r]->(:Entity) WHERE ${where} WITH r ${ORDER} RETURN ${REL} AS rel` },
    params,
  );
  return rows.map((row) => toRelationshipRow(row.rel as Record<string, never>));
}

async function ids(text: string): Promise<string[]> {
  return (await db.run({ name: 'test/ids', mode: 'read', text })).map((row) => String(row.id));
}

const noFilter: RelationshipListArgs = {
  ...NO_RELATIONSHIP_FILTER,
  offset: 0,
  limit: 1000,
};

describe('Fact refs: lookups through the index equal a scan', () => {
  it('finds every fact by id', async () => {
    const all = await scan('true');
    expect(all.length).toBeGreaterThan(250);
    // Open-ended periods (start/..) are among them and come first.
    expect(all[0]!.periodEnd).toBeNull();
    expect(all.some((r) => r.periodEnd !== null)).toBe(true);
    const found = await relationshipsByIds(db, [...all.map((r) => r.id), 'no-such-fact']);
    expect(found.size).toBe(all.length);
    for (const r of all) expect(found.get(r.id)).toEqual(r);
  });

  it('pages the facts of every source, newest first', async () => {
    const sources = await ids('MATCH (s:Source) RETURN s.id AS id ORDER BY id');
    expect(sources.length).toBeGreaterThan(1);
    const pages = await factsOfSources(db, [...sources, 'no-such-source'], 0, 1000);
    for (const id of sources) {
      const expected = await scan('$id IN r.sourceIds', { id });
      expect(expected.length, id).toBeGreaterThan(0);
      expect(pages.get(id)?.items).toEqual(expected);
      expect(pages.get(id)?.totalCount).toBe(expected.length);
    }
    expect(pages.get('no-such-source')).toMatchObject({ totalCount: 0, items: [] });
    const second = await factsOfSources(db, sources, 2, 3);
    for (const id of sources) expect(second.get(id)?.items).toEqual((await scan('$id IN r.sourceIds', { id })).slice(2, 5));
  });

  it('lists facts by source, by item and by entity', async () => {
    const sources = await ids('MATCH (s:Source) RETURN s.id AS id ORDER BY id');
    for (const sourceId of sources) {
      const page = await listRelationships(db, { ...noFilter, sourceId });
      expect(page.items).toEqual(await scan('$id IN r.sourceIds', { id: sourceId }));
    }
    const items = await ids('MATCH ()-[r]->() WHERE r.item IS NOT NULL RETURN DISTINCT r.item AS id ORDER BY id');
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      const touching = 'r.item = $id OR startNode(r).id = $id OR endNode(r).id = $id';
      expect((await listRelationships(db, { ...noFilter, item })).items).toEqual(await scan(touching, { id: item }));
      expect((await listRelationships(db, { ...noFilter, entity: item })).items).toEqual(await scan(touching, { id: item }));
    }
    const [sourceId] = sources;
    const both = await listRelationships(db, { ...noFilter, sourceId: sourceId!, item: 'commodity:magnesium' });
    expect(both.items).toEqual(
      await scan("$id IN r.sourceIds AND (r.item = $item OR startNode(r).id = $item OR endNode(r).id = $item)", {
        id: sourceId,
        item: 'commodity:magnesium',
      }),
    );
  });

  it('links entities to the facts that name them as item', async () => {
    const items = await ids('MATCH ()-[r]->() WHERE r.item IS NOT NULL RETURN DISTINCT r.item AS id ORDER BY id');
    // A limit above any item's count of facts, so every link comes back.
    const request = { specs: [{ types: ['LICENSES_TO', 'SUPPLIES', 'EXPORTS_TO', 'IMPORTS_FROM'] as const, direction: 'ITEM' as const }], filter: {}, limit: 10_000, withSources: false, withItem: false, slimEntity: false, fact: 'whole' as const };
    const asked = [...items, 'no-such-entity'];
    const answers = await linksOf(db, asked.map((id) => ({ id, request: 0 })), [request]);
    const links = new Map(asked.map((id, i) => [id, answers.links[i]!]));
    for (const item of items) {
      const expected = await scan("r.item = $id AND type(r) IN ['LICENSES_TO', 'SUPPLIES', 'EXPORTS_TO', 'IMPORTS_FROM']", { id: item });
      // links.cypher orders by period end (newest first, an open end, null, the newest of all), then id.
      const newerFirst = (ea: string | null, eb: string | null) =>
        ea === eb ? 0 : ea === null ? -1 : eb === null ? 1 : ea < eb ? 1 : -1;
      const sorted = [...expected].sort((a, b) => newerFirst(a.periodEnd, b.periodEnd) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      expect(links.get(item)?.map((l) => l.relationship), item).toEqual(sorted);
      expect(links.get(item)?.map((l) => l.entityId)).toEqual(sorted.map((r) => r.to));
    }
    expect(links.get('no-such-entity')).toEqual([]);
  });
});

describe('Fact refs: exact terms', () => {
  it('builds an escaped, quoted query for one field', () => {
    expect(factRefQuery('sourceIds', 'smm-2025-09-16-us-supply-risk')).toBe('sourceIds:"smm\\-2025\\-09\\-16\\-us\\-supply\\-risk"');
    expect(factRefQuery('id', 'a "b" OR c:*')).toBe('id:"a \\"b\\" OR c\\:\\*"');
  });

  it('matches ids full of Lucene syntax exactly, and nothing that only resembles them', async () => {
    // Written in a transaction that is rolled back: other test files never see these facts.
    const odd = { id: 'fact "one" (a) \\ b:c*', source: 'src OR *:* "x"', item: 'test-fact-refs:item AND ~1' };
    const session = db.driver.session({ database: db.options.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(
        `CREATE (a:Entity {id: 'test-fact-refs:a'}), (b:Entity {id: 'test-fact-refs:b'}),
                (:Entity {id: $odd.item}), (:Entity {id: 'test-fact-refs:item'})
         CREATE (a)-[:SUPPLIES {id: $odd.id, sourceIds: [$odd.source, 'other'], item: $odd.item, periodEnd: '2025', periodStart: '2025'}]->(b)
         CREATE (a)-[:SUPPLIES {id: 'fact', sourceIds: ['src', 'x', 'SRC OR *:* "X"'], item: 'test-fact-refs:item', periodEnd: '2025', periodStart: '2025'}]->(b)`,
        { odd },
      );
      const run = async (name: string, params: Record<string, unknown>) =>
        (await tx.run(cypher(name).text, params)).records.map((r) => toPlain(r.toObject()) as Record<string, any>);

      const byId = await run('relationships/by-ids', { facts: [odd.id, 'fact', 'fact "one"'].map((id) => ({ id, query: factRefQuery('id', id) })) });
      expect(byId.map((r) => r.rel.id)).toEqual([odd.id, 'fact']);

      const bySource = await run('relationships/by-sources', {
        sources: [odd.source, 'src', 'SRC'].map((id) => ({ id, query: factRefQuery('sourceIds', id) })),
        offset: 0,
        limit: 10,
      });
      expect(bySource.map((r) => [r.sourceId, r.total, r.page.map((f: any) => f.id)])).toEqual([
        [odd.source, 1, [odd.id]],
        ['src', 1, ['fact']],
        ['SRC', 0, []],
      ]);

      const links = await run('entities/links', {
        ...SLIM_KEY_PARAMS,
        asks: [odd.item, 'test-fact-refs:item'].map((id) => ({ id, request: neo4j.int(0) })),
        lookups: [],
        lookupSources: false,
        itemQueries: { [odd.item]: factRefQuery('item', odd.item), 'test-fact-refs:item': factRefQuery('item', 'test-fact-refs:item') },
        requests: [
          {
            specs: [{ types: ['SUPPLIES'], direction: 'ITEM', otherKinds: null }],
            commodity: null,
            periodFrom: null,
            periodTo: null,
            withFigure: false,
            limit: neo4j.int(10),
            withSources: false,
            withItem: false,
            slimEntity: false,
            factKeys: null,
          },
        ],
      });
      expect(links.map((r) => [r.id, r.other, r.rel.id])).toEqual([
        ['test-fact-refs:item', 'test-fact-refs:b', 'fact'],
        [odd.item, 'test-fact-refs:b', odd.id],
      ]);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});
