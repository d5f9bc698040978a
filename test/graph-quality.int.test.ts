/**
 * Rules every fact in the loaded graph obeys, checked on the real database after the
 * seed is loaded: evidence on every relationship, no orphan entities, unique names,
 * typed figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { METRICS, NATURE_ORDER, UNITS } from '../seed/vocabulary.js';
import { openTestDb } from './support/neo4j.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

/** Runs ad-hoc read Cypher (tests only; the application reads through cypher/ files). */
async function rows(text: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const session = db.driver.session({ database: db.options.database, defaultAccessMode: 'READ' });
  try {
    const result = await session.run(text, params);
    return result.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

describe('Graph quality: evidence', () => {
  it('every relationship between entities names existing sources, a period with its dates, and a claim', async () => {
    const bad = await rows(`
      MATCH (:Entity)-[r]->(:Entity)
      WITH r, [id IN coalesce(r.sourceIds, []) WHERE NOT EXISTS { MATCH (s:Source {id: id}) }] AS missing
      WHERE size(coalesce(r.sourceIds, [])) = 0 OR size(missing) > 0
         OR r.claim IS NULL OR trim(r.claim) = ''
         OR r.period IS NULL OR r.periodStart IS NULL
         // An open-ended period (start/..) has no last day; every other period has one, not before its first.
         OR (r.periodEnd IS NULL) <> (r.period ENDS WITH '/..')
         OR r.periodStart > r.periodEnd
         OR NOT r.nature IN $natures
      RETURN type(r) AS type, r.id AS id`, { natures: [...NATURE_ORDER] });
    expect(bad).toEqual([]);
    const [count] = await rows('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
    expect(Number(count!.n)).toBeGreaterThan(250);
  });

  it("every fact keeps each document's statement: one reference per source, in the same order, with its claim and a period", async () => {
    const bad = await rows(`
      MATCH (:Entity)-[r]->(:Entity)
      WITH r, size(coalesce(r.refSourceIds, [])) AS n
      WHERE n = 0 OR r.refSourceIds <> r.sourceIds
         OR size(coalesce(r.refClaims, [])) <> n OR size(coalesce(r.refPeriods, [])) <> n OR size(coalesce(r.refNotes, [])) <> n
         OR any(c IN r.refClaims WHERE trim(c) = '') OR any(p IN r.refPeriods WHERE trim(p) = '')
      RETURN type(r) AS type, r.id AS id`);
    expect(bad).toEqual([]);
    // The first statement is the fact's own.
    expect(await rows('MATCH (:Entity)-[r]->(:Entity) WHERE r.refClaims[0] <> r.claim OR r.refPeriods[0] <> r.period RETURN r.id AS id')).toEqual([]);
    // Facts stated by several documents exist (China's 2024 output among them).
    const shared = await rows('MATCH (:Entity)-[r]->(:Entity) WHERE size(r.sourceIds) > 1 RETURN r.id AS id ORDER BY id');
    expect(shared.map((r) => r.id)).toContain('china-magnesium-output-2024-overview');
  });

  it('every source has a publisher, a title, a kind, and a date or a note on its date', async () => {
    const sources = await rows('MATCH (s:Source) RETURN s ORDER BY s.id');
    expect(sources).toHaveLength(5);
    for (const { s } of sources) {
      expect(s.properties.publisher).toBeTruthy();
      expect(s.properties.title).toBeTruthy();
      expect(s.properties.kind).toBeTruthy();
      expect(s.properties.date ?? s.properties.dateNote).toBeTruthy();
    }
  });

  it('every entity cites the sources of its facts', async () => {
    const bad = await rows(`
      MATCH (e:Entity)
      WHERE size(coalesce(e.sourceIds, [])) = 0
         OR any(id IN e.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: id}) })
      RETURN e.id AS id`);
    expect(bad).toEqual([]);
  });
});

describe('Graph quality: entities', () => {
  it('no entity stands without a relationship', async () => {
    expect(await rows('MATCH (e:Entity) WHERE NOT (e)--(:Entity) RETURN e.id AS id')).toEqual([]);
  });

  it('only entities have relationships, so the stored degree of an entity counts its links to entities', async () => {
    // cypher/entities/list.cypher and by-ids.cypher count COUNT { (e)--() } on this assumption.
    expect(await rows('MATCH (n)--() WHERE NOT n:Entity RETURN DISTINCT labels(n) AS labels, n.id AS id')).toEqual([]);
  });

  it('no two entities share a name or an alias, whatever the case', async () => {
    const clashes = await rows(`
      MATCH (e:Entity)
      UNWIND [e.name] + coalesce(e.aliases, []) AS label
      WITH toLower(trim(label)) AS key, collect(DISTINCT e.id) AS ids
      WHERE size(ids) > 1
      RETURN key, ids`);
    expect(clashes).toEqual([]);
  });

  it('every entity has an id of its kind, a name and a description, and exactly one kind label', async () => {
    const bad = await rows(`
      MATCH (e:Entity)
      WITH e, [l IN labels(e) WHERE l <> 'Entity'] AS kinds
      WHERE size(kinds) <> 1 OR kinds[0] <> e.kind OR e.name IS NULL OR e.description IS NULL
      RETURN e.id AS id, kinds`);
    expect(bad).toEqual([]);
  });

  it('holds no entity made from the "Siasun" mistranslation of "robot"', async () => {
    const hits = await rows(`
      MATCH (e:Entity)
      WHERE any(t IN [e.name, e.description] + coalesce(e.aliases, []) WHERE toLower(t) CONTAINS 'siasun')
      RETURN e.id AS id
      UNION
      MATCH ()-[r]->() WHERE toLower(coalesce(r.claim, '') + coalesce(r.note, '')) CONTAINS 'siasun'
      RETURN r.id AS id`);
    expect(hits).toEqual([]);
  });
});

describe('Graph quality: figures', () => {
  it('every figure is a number with a known unit and a period', async () => {
    const bad = await rows(
      `MATCH ()-[r]->() WHERE r.quantity IS NOT NULL
       AND (NOT valueType(r.quantity) STARTS WITH 'FLOAT' AND NOT valueType(r.quantity) STARTS WITH 'INTEGER'
            OR NOT r.unit IN $units OR r.period IS NULL)
       RETURN r.id AS id, r.quantity AS quantity, r.unit AS unit`,
      { units: Object.keys(UNITS) },
    );
    expect(bad).toEqual([]);
    const [count] = await rows('MATCH ()-[r]->() WHERE r.quantity IS NOT NULL RETURN count(r) AS n');
    expect(Number(count!.n)).toBeGreaterThan(40);
  });

  it('changes carry their unit and basis; no fact carries a share (a share is a HAS_METRIC fact)', async () => {
    const bad = await rows(`
      MATCH ()-[r]->()
      WHERE r.changeValue IS NOT NULL AND (r.changeUnit IS NULL OR r.changeBasis IS NULL)
      RETURN r.id AS id`);
    expect(bad).toEqual([]);
    expect(await rows('MATCH ()-[r]->() WHERE r.shareValue IS NOT NULL OR r.shareOf IS NOT NULL RETURN r.id AS id')).toEqual([]);
  });

  it('every HAS_METRIC has a metric from the closed list, in one of its units; metrics name known keys everywhere', async () => {
    const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, m]) => [key, [...m.units]]));
    const bad = await rows(
      `MATCH ()-[r]->()
       WHERE (type(r) = 'HAS_METRIC' AND r.metric IS NULL)
          OR (r.metric IS NOT NULL AND NOT r.metric IN keys($metrics))
          OR (r.metric IS NOT NULL AND r.unit IS NOT NULL AND NOT r.unit IN $metrics[r.metric])
       RETURN type(r) AS type, r.id AS id, r.metric AS metric, r.unit AS unit`,
      { metrics },
    );
    expect(bad).toEqual([]);
    const [count] = await rows("MATCH ()-[r:HAS_METRIC]->() RETURN count(r) AS n");
    expect(Number(count!.n)).toBeGreaterThan(15);
  });

  it('a share of world output has one shape: HAS_METRIC SHARE_OF_WORLD_OUTPUT from a producer to a commodity, in percent', async () => {
    const shares = await rows(`
      MATCH (a:Entity)-[r]->(b:Entity) WHERE r.metric = 'SHARE_OF_WORLD_OUTPUT'
      RETURN type(r) AS type, a.id AS from, b.id AS to, b.kind AS toKind, r.unit AS unit, r.quantity AS q, r.period AS period ORDER BY r.id`);
    expect(shares).toEqual([
      { type: 'HAS_METRIC', from: 'country:china', to: 'commodity:magnesium-ingot', toKind: 'Commodity', unit: 'percent', q: 80, period: '2024' },
      { type: 'HAS_METRIC', from: 'country:china', to: 'commodity:primary-magnesium', toKind: 'Commodity', unit: 'percent', q: 91.6, period: '2024' },
      { type: 'HAS_METRIC', from: 'country:china', to: 'commodity:primary-magnesium', toKind: 'Commodity', unit: 'percent', q: 85, period: '2025-09-16' },
    ]);
  });
});

describe('Graph quality: one fact per statement', () => {
  it('no two facts share type, ends, item, period and figure (a fact stated twice is one fact with two references)', async () => {
    const twins = await rows(`
      MATCH (a:Entity)-[r]->(b:Entity) WHERE r.quantity IS NOT NULL
      WITH type(r) AS type, a.id AS from, b.id AS to, r.item AS item, r.period AS period, r.quantity AS quantity, r.unit AS unit,
           collect(r.id) AS ids
      WHERE size(ids) > 1
      RETURN type, from, to, item, period, quantity, unit, ids`);
    expect(twins).toEqual([]);
  });

  it("a sum over China's 2024 production counts the 1,026,000 t once", async () => {
    const [sum] = await rows(`
      MATCH (:Country {id: 'country:china'})-[r:PRODUCES]->(:Commodity {id: 'commodity:primary-magnesium'})
      WHERE r.period = '2024' AND r.unit = 't'
      RETURN sum(r.quantity) AS total, toFloat(count(r)) AS facts, collect(r.sourceIds) AS sources`);
    expect(sum).toEqual({
      total: 1_026_000,
      facts: 1,
      sources: [['overview-magnesium-ingot-export-market', 'citic-2025-08-18-magnesium-rare-earths']],
    });
    // Every China PRODUCES figure for a period overlapping 2024: the one fact, nothing twice.
    const overlapping = await rows(`
      MATCH (:Country {id: 'country:china'})-[r:PRODUCES]->()
      WHERE r.quantity IS NOT NULL AND r.periodStart <= '2024-12-31' AND (r.periodEnd IS NULL OR r.periodEnd >= '2024-01-01')
      RETURN r.id AS id, r.quantity AS q`);
    expect(overlapping).toEqual([{ id: 'china-magnesium-output-2024-overview', q: 1_026_000 }]);
  });
});

describe('Graph quality: policy clauses', () => {
  it('every RESTRICTS and APPLIES_TO clause has its scope, naming existing entities of the right kinds', async () => {
    const bad = await rows(`
      MATCH (:Entity)-[r:RESTRICTS|APPLIES_TO]->(:Entity)
      WHERE any(k IN ['scopeItems', 'scopeCoveredItems', 'scopeOrigins', 'scopeDestinations', 'scopeEndUsers', 'scopeSectors', 'scopeSubjects']
                WHERE r[k] IS NULL)
         OR any(id IN r.scopeItems + r.scopeCoveredItems WHERE NOT EXISTS { MATCH (:Commodity|Product {id: id}) })
         OR any(id IN r.scopeOrigins + r.scopeDestinations WHERE NOT EXISTS { MATCH (:Country|Region {id: id}) })
         OR any(id IN r.scopeEndUsers + r.scopeSectors WHERE NOT EXISTS { MATCH (:Sector {id: id}) })
         OR any(id IN r.scopeItems WHERE NOT id IN r.scopeCoveredItems)
         OR size(r.scopeItems + r.scopeOrigins + r.scopeDestinations + r.scopeEndUsers + r.scopeSectors + r.scopeSubjects) = 0
      RETURN type(r) AS type, r.id AS id`);
    expect(bad).toEqual([]);
    const [count] = await rows('MATCH (:Entity)-[r:RESTRICTS|APPLIES_TO]->(:Entity) RETURN count(r) AS n');
    expect(Number(count!.n)).toBeGreaterThanOrEqual(9);
  });

  it('a place a clause names is listed as an origin or a destination, never guessed', async () => {
    const bad = await rows(`
      MATCH (:Entity)-[r:RESTRICTS|APPLIES_TO]->(to:Entity)
      WHERE (to:Country OR to:Region) AND NOT to.id IN r.scopeOrigins + r.scopeDestinations
      RETURN type(r) AS type, r.id AS id, to.id AS place`);
    expect(bad).toEqual([]);
    // Goods a clause names are its items.
    expect(
      await rows(`
        MATCH (:Entity)-[r:RESTRICTS|APPLIES_TO]->(to:Commodity|Product)
        WHERE NOT to.id IN r.scopeItems
        RETURN r.id AS id`),
    ).toEqual([]);
  });

  it('the Japan controls: one scoped RESTRICTS, and no blanket restriction of Japan, defence or magnesium', async () => {
    const restricts = await rows(`
      MATCH (:Policy {id: 'policy:dual-use-export-controls-japan'})-[r:RESTRICTS]->(to)
      RETURN r.id AS id, to.id AS to, r.scopeOrigins AS origins, r.scopeDestinations AS destinations, r.scopeEndUsers AS endUsers`);
    expect(restricts).toEqual([
      {
        id: 'japan-dual-use-controls-bar-military-end-use',
        to: 'commodity:dual-use-items',
        origins: ['country:china'],
        destinations: ['country:japan'],
        endUsers: ['sector:defence'],
      },
    ]);
    expect(
      await rows(`
        MATCH ()-[r:RESTRICTS]->(to:Entity)
        WHERE to.id IN ['country:japan', 'sector:defence', 'commodity:magnesium']
        RETURN r.id AS id, to.id AS to`),
    ).toEqual([]);
  });
});
