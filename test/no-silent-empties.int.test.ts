/**
 * No silent empties (issue 9, item 6): every id argument of a list that names nothing
 * is NOT_FOUND, one of the wrong kind or not shaped like an id is BAD_USER_INPUT, and
 * both are answered before the list query runs, without writing anything. Lookups by id
 * still answer null. Place lists include what is located in the place's regions, and
 * period filters take asOf and open-ended periods.
 */
import neo4j from 'neo4j-driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPlain } from '../src/db/convert.js';
import { cypher } from '../src/db/cypher.js';
import { SLIM_KEY_PARAMS } from '../src/db/slim.js';
import { useTestApi } from './support/api.js';

const t = useTestApi();
const query = t.query;

/** The names of the Cypher queries the API ran since the last call. */
let ran: string[] = [];
const queriesRun = () => {
  const names = ran;
  ran = [];
  return names;
};
beforeAll(() => {
  t.db.onQuery(({ query: name, mode }) => {
    if (name === 'system/graph-version') return;
    ran.push(`${mode} ${name}`);
  });
});

/** Runs an operation that must fail with exactly one error, and returns it. */
async function errorOf(text: string, variables?: Record<string, unknown>) {
  const { status, body } = await t.server.graphql(text, variables);
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  expect(status).toBe(200);
  return body.errors[0];
}

/** Everything stored, counted: it must not change while these tests run. */
async function fingerprint() {
  const { records } = await t.db.driver.executeQuery(
    `MATCH (n) WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProps
     MATCH ()-[r]->() RETURN nodes, nodeProps, count(r) AS rels, sum(size(keys(r))) AS relProps`,
    {},
    { database: t.db.options.database },
  );
  return toPlain(records[0]!.toObject());
}

const notFound = (argument: string, what: string, id: string) => ({
  message: `No ${what} has the id "${id}".`,
  extensions: { code: 'NOT_FOUND', argument, id, requestId: expect.any(String) },
});
const badInput = (argument: string, message: string, extra: Record<string, unknown> = {}) => ({
  message: `${argument}: ${message}`,
  extensions: { code: 'BAD_USER_INPUT', argument, ...extra, requestId: expect.any(String) },
});
const PLACE = ['Country', 'Region'];
const GOODS = ['Commodity', 'Product'];
const ITEMS = ['Commodity', 'Product', 'Technology'];

/** Each argument, each way to get it wrong, and the exact error. */
const CASES: [string, string, object][] = [
  // tradeFigures(place:)
  ['place: a name', '{ tradeFigures(place: "China") { totalCount } }', badInput('place', '"China" is not an id; did you mean country:china?', { suggestion: 'country:china', expected: PLACE })],
  ['place: an unknown id', '{ tradeFigures(place: "country:atlantis") { totalCount } }', notFound('place', 'place', 'country:atlantis')],
  ['place: a company', '{ tradeFigures(place: "company:bmw") { totalCount } }', badInput('place', 'company:bmw is a Company, not a Country or Region', { expected: PLACE })],
  [
    'place: the name of a company',
    '{ tradeFigures(place: "BMW") { totalCount } }',
    badInput('place', '"BMW" is not an id; give the id of a Country or Region (country:… or region:…)', { expected: PLACE }),
  ],
  ['place: an id in the wrong case', '{ tradeFigures(place: "Country:China") { totalCount } }', badInput('place', '"Country:China" is not an id; did you mean country:china?', { suggestion: 'country:china', expected: PLACE })],
  // tradeFigures(commodity:)
  ['commodity: an alias', '{ tradeFigures(commodity: "magnesium metal") { totalCount } }', badInput('commodity', '"magnesium metal" is not an id; did you mean commodity:magnesium?', { suggestion: 'commodity:magnesium', expected: GOODS })],
  ['commodity: an unknown id', '{ tradeFigures(commodity: "commodity:unobtainium") { totalCount } }', notFound('commodity', 'commodity', 'commodity:unobtainium')],
  ['commodity: a country', '{ tradeFigures(commodity: "country:china") { totalCount } }', badInput('commodity', 'country:china is a Country, not a Commodity or Product', { expected: GOODS })],
  // relationships(filter:)
  ['filter.entity: a name', '{ relationships(filter: {entity: "Yimei Tai"}) { totalCount } }', badInput('filter.entity', '"Yimei Tai" is not an id; did you mean company:yimeitai?', { suggestion: 'company:yimeitai' })],
  ['filter.entity: an unknown id', '{ relationships(filter: {entity: "company:nobody"}) { totalCount } }', notFound('filter.entity', 'entity', 'company:nobody')],
  [
    'filter.entity: nothing like an id',
    '{ relationships(filter: {entity: "Atlantis"}) { totalCount } }',
    badInput('filter.entity', '"Atlantis" is not an id; give an entity id (<kind>:<name>, such as country:china)'),
  ],
  ['filter.item: an unknown id', '{ relationships(filter: {item: "commodity:unobtainium"}) { totalCount } }', notFound('filter.item', 'item', 'commodity:unobtainium')],
  ['filter.item: a company', '{ relationships(filter: {item: "company:bmw"}) { totalCount } }', badInput('filter.item', 'company:bmw is a Company, not a Commodity, Product or Technology', { expected: ITEMS })],
  ['filter.item: a name', '{ relationships(filter: {item: "Pidgeon method"}) { totalCount } }', badInput('filter.item', '"Pidgeon method" is not an id; did you mean technology:pidgeon-process?', { suggestion: 'technology:pidgeon-process', expected: ITEMS })],
  ['filter.sourceId: an unknown id', '{ relationships(filter: {sourceId: "smm-nothing"}) { totalCount } }', notFound('filter.sourceId', 'source', 'smm-nothing')],
  [
    'filter.sourceId: an entity id',
    '{ relationships(filter: {sourceId: "company:bmw"}) { totalCount } }',
    badInput('filter.sourceId', 'company:bmw is an entity id, not a source id (Query.sources lists the sources)'),
  ],
  [
    'filter.sourceId: a title',
    '{ relationships(filter: {sourceId: "SMM report"}) { totalCount } }',
    badInput('filter.sourceId', '"SMM report" is not a source id (Query.sources lists the sources)'),
  ],
  // entities(filter:)
  ['entities filter.sourceId: an unknown id', '{ entities(filter: {sourceId: "smm-nothing"}) { totalCount } }', notFound('filter.sourceId', 'source', 'smm-nothing')],
  // A country's figures by commodity
  [
    'Country.exports(commodity:): an unknown id',
    '{ entity(id: "country:china") { ... on Country { exports(commodity: "commodity:unobtainium") { id } } } }',
    { ...notFound('commodity', 'commodity', 'commodity:unobtainium'), path: ['entity', 'exports'] },
  ],
  [
    'Country.imports(commodity:): a name',
    '{ entity(id: "country:germany") { ... on Country { imports(commodity: "magnesium metal") { id } } } }',
    { ...badInput('commodity', '"magnesium metal" is not an id; did you mean commodity:magnesium?', { suggestion: 'commodity:magnesium', expected: GOODS }), path: ['entity', 'imports'] },
  ],
  [
    'Country.production(commodity:): a sector',
    '{ entity(id: "country:china") { ... on Country { production(commodity: "sector:automotive") { id } } } }',
    { ...badInput('commodity', 'sector:automotive is a Sector, not a Commodity or Product', { expected: GOODS }), path: ['entity', 'production'] },
  ],
  // Periods
  [
    'period: asOf with from',
    '{ relationships(filter: {period: {asOf: "2026-01-01", from: "2025-01-01"}}) { totalCount } }',
    badInput('period', 'give either asOf, or from and to, not both'),
  ],
  [
    'period: asOf with to, on a country',
    '{ entity(id: "country:china") { ... on Country { exports(period: {asOf: "2026-01-01", to: "2026-12-31"}) { id } } } }',
    { ...badInput('period', 'give either asOf, or from and to, not both'), path: ['entity', 'exports'] },
  ],
];

describe('No silent empties: id arguments that name nothing, or the wrong thing', () => {
  let before: unknown;
  beforeAll(async () => {
    before = await fingerprint();
  });

  it.each(CASES)('%s', async (_name, text, expected) => {
    queriesRun();
    expect(await errorOf(text)).toEqual({ locations: expect.any(Array), ...expected, ...('path' in expected ? {} : { path: [text.match(/^\{ (\w+)/)![1]] }) });
    // Only reads: lookups by id and by name, and the fact lists, which look up their id
    // arguments in the same round trip (the answer is dropped when one names nothing or
    // the wrong thing). No other list ran.
    const lists = queriesRun().filter((q) => !/^read (entities\/by-ids|entities\/by-name|sources\/by-ids|relationships\/list)$/.test(q));
    expect(lists).toEqual([]);
  });

  it('reports the first wrong argument when several are wrong', async () => {
    expect(await errorOf('{ tradeFigures(place: "country:atlantis", commodity: "Magnesium") { totalCount } }')).toMatchObject(
      notFound('place', 'place', 'country:atlantis'),
    );
  });

  it('checks the ids of a fact list in the list’s own round trip', async () => {
    queriesRun();
    await query('{ tradeFigures(place: "country:china", commodity: "commodity:magnesium-ingot") { totalCount edges { node { from { name } } } } }');
    // The place and the commodity looked up with the page, and the figures' ends read along.
    expect(queriesRun()).toEqual(['read relationships/list']);
    await query('{ relationships(filter: {entity: "company:yimeitai", sourceId: "smm-2025-09-16-us-supply-risk", item: "commodity:magnesium"}) { totalCount } }');
    expect(queriesRun()).toEqual(['read relationships/list']);
  });

  it('explains a wrong id of a fact list from what the list looked up, or with one lookup more', async () => {
    queriesRun();
    // The wrong kind: the list found the entity, nothing more is read to say so.
    expect(await errorOf('{ tradeFigures(place: "company:bmw") { totalCount } }')).toMatchObject({
      message: 'place: company:bmw is a Company, not a Country or Region',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(queriesRun()).toEqual(['read relationships/list']);
    // Nothing by that id: the entity loader confirms it.
    expect(await errorOf('{ relationships(filter: {item: "commodity:unobtainium"}) { totalCount } }')).toMatchObject(
      notFound('filter.item', 'item', 'commodity:unobtainium'),
    );
    expect(queriesRun()).toEqual(['read relationships/list', 'read entities/by-ids']);
  });

  it('lookups by id still answer null for an id that names nothing', async () => {
    expect(
      await query('{ entity(id: "country:atlantis") { id } relationship(id: "no-such-fact") { id } source(id: "smm-nothing") { id } }'),
    ).toEqual({ entity: null, relationship: null, source: null });
  });

  it('valid ids still answer as before', async () => {
    const data = await query(`{
      a: relationships(filter: {sourceId: "overview-magnesium-ingot-export-market", item: "technology:pidgeon-process"}) { totalCount }
      b: entities(filter: {sourceId: "smm-2025-09-16-us-supply-risk", kinds: [REGION]}) { edges { node { id } } }
    }`);
    expect(data.a.totalCount).toBe(4);
    expect(data.b.edges.map((e: any) => e.node.id)).toEqual(['region:europe', 'region:great-salt-lake', 'region:utah']);
  });

  it('wrote nothing', async () => {
    expect(await fingerprint()).toEqual(before);
  });
});

describe('Place lists include what is located in the place’s regions', () => {
  it('a country’s members: US Magnesium, located only in Utah and the Great Salt Lake area, counts for the United States', async () => {
    const data = await query(`{
      us: entity(id: "country:united-states") { ... on Country {
        members { entity { id } relationship { id } }
        producers { entity { id } relationship { id } }
      } }
      utah: entity(id: "region:utah") { ... on Region { members { entity { id } relationship { id } } } }
    }`);
    const pairs = (links: any[]) => links.map((l) => [l.entity.id, l.relationship.id]);
    expect(pairs(data.us.members)).toEqual([
      ['region:detroit', 'detroit-located-in-united-states'],
      ['company:magrathea', 'magrathea-located-in-us'],
      ['company:boeing', 'boeing-located-in-us'],
      ['company:general-motors', 'general-motors-located-in-us'],
      ['company:lockheed-martin', 'lockheed-martin-located-in-us'],
      ['company:tesla', 'tesla-located-in-us'],
      ['region:great-salt-lake', 'great-salt-lake-located-in-utah'],
      ['company:us-magnesium', 'us-magnesium-located-in-great-salt-lake-area'],
      ['company:us-magnesium', 'us-magnesium-located-in-utah'],
      ['region:utah', 'utah-located-in-united-states'],
    ]);
    expect(pairs(data.us.producers)).toEqual([
      ['company:magrathea', 'magrathea-supply-capability-7000-t-2029'],
      ['company:us-magnesium', 'us-magnesium-produces-primary-magnesium'],
    ]);
    expect(pairs(data.utah.members)).toEqual([
      ['region:great-salt-lake', 'great-salt-lake-located-in-utah'],
      ['company:us-magnesium', 'us-magnesium-located-in-great-salt-lake-area'],
      ['company:us-magnesium', 'us-magnesium-located-in-utah'],
    ]);
  });

  it('a region’s members: Germany counts for Europe, and so do the companies located in Germany', async () => {
    const data = await query(`{
      europe: entity(id: "region:europe") { ... on Region { members { entity { id } relationship { id } } } }
      china: entity(id: "country:china") { ... on Country { members(first: 200) { entity { id } } producers { entity { id } relationship { id } } } }
    }`);
    expect(data.europe.members.map((l: any) => [l.entity.id, l.relationship.id])).toEqual([
      ['company:bmw', 'bmw-located-in-germany'],
      ['country:germany', 'germany-member-of-europe'],
      ['country:italy', 'italy-member-of-europe'],
      ['company:mercedes-benz', 'mercedes-benz-located-in-germany'],
      ['country:netherlands', 'netherlands-member-of-europe'],
    ]);
    // The seed locates no entity in a Chinese province or city, so China's members are its direct ones.
    expect(data.china.members.map((l: any) => l.entity.id)).toEqual([
      'company:infimotion',
      'org:mofcom',
      'region:beijing',
      'region:guangzhou',
      'region:henan',
      'region:inner-mongolia',
      'region:ningxia',
      'region:shaanxi',
      'region:shanghai',
      'region:shanxi',
      'region:tianjin',
      'region:xiamen',
      'org:general-administration-of-customs',
      'org:state-taxation-administration',
      'company:yimeitai',
      'region:fugu',
      'company:anyang-highrise-metal-material',
    ]);
    expect(data.china.producers.map((l: any) => [l.entity.id, l.relationship.id])).toEqual([
      ['company:infimotion', 'infimotion-produces-mg-al-dual-motor-system'],
      ['region:henan', 'henan-produces-magnesium-ingot'],
      ['region:inner-mongolia', 'inner-mongolia-produces-magnesium-ingot'],
      ['region:ningxia', 'ningxia-produces-magnesium-ingot'],
      ['region:shaanxi', 'shaanxi-produces-magnesium-ingot'],
      ['region:shanxi', 'shanxi-produces-magnesium-ingot'],
    ]);
  });

  it('trade figures of a country include those of a company in one of its cities, in a rolled-back transaction', async () => {
    // The seed has no figure of an entity located in a Chinese province or city, so one
    // is written here, in a transaction that is rolled back: no other test sees it.
    const session = t.db.driver.session({ database: t.db.options.database });
    const tx = session.beginTransaction();
    try {
      await tx.run(
        `MATCH (china:Entity {id: 'country:china'}), (mg:Entity {id: 'commodity:primary-magnesium'})
         CREATE (province:Entity:Region {id: 'region:test-province', kind: 'Region', name: 'Test province'})
         CREATE (city:Entity:Region {id: 'region:test-city', kind: 'Region', name: 'Test city'})
         CREATE (smelter:Entity:Company {id: 'company:test-smelter', kind: 'Company', name: 'Test smelter'})
         CREATE (province)-[:LOCATED_IN {id: 'test-province-in-china', periodStart: '2025-01-01', periodEnd: '2025-12-31'}]->(china)
         CREATE (city)-[:LOCATED_IN {id: 'test-city-in-province', periodStart: '2025-01-01', periodEnd: '2025-12-31'}]->(province)
         CREATE (smelter)-[:LOCATED_IN {id: 'test-smelter-in-city', periodStart: '2025-01-01', periodEnd: '2025-12-31'}]->(city)
         CREATE (smelter)-[:PRODUCES {id: 'test-smelter-output', quantity: 1234.0, unit: 't', periodStart: '2026-01-01'}]->(mg)`,
      );
      const run = async (name: string, params: Record<string, unknown>) =>
        (await tx.run(cypher(name).text, params)).records.map((r) => toPlain(r.toObject()) as Record<string, any>);
      const [trade] = await run('relationships/list', {
        ...SLIM_KEY_PARAMS,
        types: ['PRODUCES', 'HAS_CAPACITY'],
        entity: null,
        entityItemQuery: null,
        sourceId: null,
        sourceQuery: null,
        item: 'commodity:primary-magnesium',
        itemQuery: null,
        hasFigure: true,
        periodFrom: '2026-06-30',
        periodTo: '2026-06-30',
        place: 'country:china',
        placeTypes: ['PRODUCES', 'HAS_CAPACITY'],
        inflowTypes: [],
        outflowTypes: [],
        offset: neo4j.int(0),
        limit: neo4j.int(10),
        withEnds: false,
        withSources: false,
        factKeys: null,
        slimEntity: false,
        checkEntities: [],
        checkSources: [],
      });
      // Open-ended, so it holds on 30 June 2026; China's own 2024 figures do not.
      expect(trade!.page.map((r: any) => [r.id, r.from, r.quantity])).toEqual([['test-smelter-output', 'company:test-smelter', 1234]]);
      const links = await run('entities/links', {
        ...SLIM_KEY_PARAMS,
        asks: [{ id: 'country:china', request: neo4j.int(0) }],
        lookups: [],
        lookupSources: false,
        itemQueries: {},
        requests: [
          {
            specs: [{ types: ['LOCATED_IN', 'MEMBER_OF'], direction: 'WITHIN', otherKinds: null }],
            commodity: null,
            periodFrom: null,
            periodTo: null,
            withFigure: false,
            limit: neo4j.int(200),
            withSources: false,
            withItem: false,
            slimEntity: false,
            factKeys: null,
          },
        ],
      });
      expect(links.map((r) => r.other)).toEqual(expect.arrayContaining(['region:test-province', 'region:test-city', 'company:test-smelter']));
    } finally {
      await tx.rollback();
      await session.close();
    }
  });
});

describe('asOf and open-ended periods', () => {
  it('asOf keeps the facts whose period contains the day; an open end still holds', async () => {
    const data = await query(`{
      asOf: relationships(filter: {entity: "policy:dual-use-export-controls-japan", period: {asOf: "2026-06-30"}}) {
        totalCount edges { node { id evidence { period { text start } } } }
      }
      issueDay: relationships(filter: {entity: "policy:dual-use-export-controls-japan", period: {asOf: "2026-01-06"}}) { edges { node { id } } }
      before: relationships(filter: {entity: "policy:dual-use-export-controls-japan", period: {asOf: "2026-01-05"}}) { totalCount }
      korea: relationships(filter: {types: [APPLIES_TO, RESTRICTS], period: {asOf: "2025-09-16"}}) { edges { node { id } } }
    }`);
    expect(data.asOf.edges.map((e: any) => [e.node.id, e.node.evidence.period.text, e.node.evidence.period.start])).toEqual([
      ['japan-dual-use-controls-bar-military-end-use', '2026-01-06/..', '2026-01-06'],
      ['japan-dual-use-controls-tighten-magnesium-reviews', '2026-01-06/..', '2026-01-06'],
    ]);
    expect(data.asOf.totalCount).toBe(2);
    expect(data.issueDay.edges.map((e: any) => e.node.id)).toEqual([
      'japan-dual-use-controls-bar-military-end-use',
      'japan-dual-use-controls-tighten-magnesium-reviews',
      'japan-dual-use-controls-issued-by-mofcom',
    ]);
    expect(data.before.totalCount).toBe(0);
    // The anti-price-war clauses run open-ended from the CITIC note's date (2025-08-18/..).
    expect(data.korea.edges.map((e: any) => e.node.id)).toEqual([
      'kcs-certification-applies-in-south-korea',
      'vicious-competition-campaign-applies-to-primary-magnesium',
      'vicious-competition-campaign-restricts-magnesium-sector-capacity',
      'china-energy-intensive-rules-apply-to-magnesium-ingot',
    ]);
  });

  it('an open-ended period overlaps every later date and sorts as the newest', async () => {
    const data = await query(`{
      later: relationships(filter: {types: [APPLIES_TO, RESTRICTS], period: {from: "2030-01-01"}}) { edges { node { id } } }
      all: relationships(filter: {entity: "policy:dual-use-export-controls-japan"}) { edges { node { id } } }
      links: entity(id: "policy:dual-use-export-controls-japan") { relationships { id } }
    }`);
    expect(data.later.edges.map((e: any) => e.node.id)).toEqual([
      'us-critical-mineral-designation-applies-to-magnesium',
      'japan-dual-use-controls-bar-military-end-use',
      'japan-dual-use-controls-tighten-magnesium-reviews',
      'announcement-256-applies-in-china',
      'kcs-certification-applies-in-south-korea',
      'vicious-competition-campaign-applies-to-primary-magnesium',
      'vicious-competition-campaign-restricts-magnesium-sector-capacity',
    ]);
    const newestFirst = [
      'japan-dual-use-controls-bar-military-end-use',
      'japan-dual-use-controls-tighten-magnesium-reviews',
      'japan-dual-use-controls-issued-by-mofcom',
    ];
    expect(data.all.edges.map((e: any) => e.node.id)).toEqual(newestFirst);
    expect(data.links.relationships.map((r: any) => r.id)).toEqual(newestFirst);
  });

  it('asOf on a country’s figures and on trade figures', async () => {
    const data = await query(`{
      germany: entity(id: "country:germany") { ... on Country { imports(period: {asOf: "2025-12-15"}) { id } } }
      china: tradeFigures(place: "country:china", measures: [EXPORTS], commodity: "commodity:magnesium-powder", period: {asOf: "2025-12-15"}) {
        edges { node { id } }
      }
    }`);
    expect(data.germany.imports.map((r: any) => r.id)).toEqual(GERMANY_IMPORTS_ON_2025_12_15);
    expect(data.china.edges.map((e: any) => e.node.id)).toEqual(['china-magnesium-powder-exports-2025-12', 'china-magnesium-powder-exports-2025']);
  });
});

const GERMANY_IMPORTS_ON_2025_12_15 = [
  'china-exports-magnesium-alloy-to-germany-2025-12',
  'germany-imports-magnesium-ingot-from-china',
  'germany-largest-european-magnesium-ingot-importer',
];
