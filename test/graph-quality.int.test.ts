/**
 * Rules every fact in the loaded graph obeys, checked on the real database after the
 * seed is loaded: evidence on every relationship, no orphan entities, unique names,
 * typed figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { UNITS } from '../seed/vocabulary.js';
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
         OR r.period IS NULL OR r.periodStart IS NULL OR r.periodEnd IS NULL OR r.periodStart > r.periodEnd
      RETURN type(r) AS type, r.id AS id`);
    expect(bad).toEqual([]);
    const [count] = await rows('MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
    expect(count!.n.toNumber()).toBeGreaterThan(250);
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
    expect(count!.n.toNumber()).toBeGreaterThan(40);
  });

  it('changes carry their unit and basis, shares their whole', async () => {
    const bad = await rows(`
      MATCH ()-[r]->()
      WHERE (r.changeValue IS NOT NULL AND (r.changeUnit IS NULL OR r.changeBasis IS NULL))
         OR (r.shareValue IS NOT NULL AND r.shareOf IS NULL)
      RETURN r.id AS id`);
    expect(bad).toEqual([]);
  });
});
