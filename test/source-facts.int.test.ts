/**
 * For each source document, a set of its facts checked end to end in the loaded graph:
 * the relationship exists between the right entities, with the numbers exactly as the
 * source gives them, and cites that document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { toPlain } from '../src/db/convert.js';
import { openTestDb } from './support/neo4j.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

interface Expected {
  from: string;
  type: string;
  to: string;
  period: string;
  item?: string;
  /** Properties the relationship must have, exactly. */
  props?: Record<string, unknown>;
}

/** The one relationship matching `e`, after checking it cites `sourceId`. */
async function expectFact(sourceId: string, e: Expected): Promise<Record<string, any>> {
  const session = db.driver.session({ database: db.options.database, defaultAccessMode: 'READ' });
  try {
    const result = await session.run(
      `MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to})
       WHERE type(r) = $type AND r.period = $period AND $source IN r.sourceIds
         AND ($item IS NULL OR r.item = $item) AND ($quantity IS NULL OR r.quantity = $quantity)
       RETURN properties(r) AS r`,
      {
        from: e.from,
        to: e.to,
        type: e.type,
        period: e.period,
        source: sourceId,
        item: e.item ?? null,
        quantity: (e.props?.quantity as number | undefined) ?? null,
      },
    );
    expect(result.records, `${e.from} -${e.type}-> ${e.to} (${e.period}) citing ${sourceId}`).toHaveLength(1);
    const props = toPlain(result.records[0]!.get('r')) as Record<string, any>;
    expect(props.sourceIds).toContain(sourceId);
    expect(props.claim.length).toBeGreaterThan(10);
    if (e.props) expect(props).toMatchObject(e.props);
    return props;
  } finally {
    await session.close();
  }
}

async function source(id: string): Promise<Record<string, any>> {
  const [row] = await db.run({ name: 'test', mode: 'read', text: 'MATCH (s:Source {id: $id}) RETURN properties(s) AS s' }, { id });
  return row!.s as Record<string, any>;
}

describe('Source 000: SMM survey of 16 Sep 2025 (US Magnesium, Yimeitai, HighMag)', () => {
  const id = 'smm-2025-09-16-us-supply-risk';

  it('is cited with its publisher, title and date', async () => {
    expect(await source(id)).toMatchObject({ publisher: 'SMM (Shanghai Metals Market)', date: '2025-09-16', kind: 'MARKET_SURVEY' });
  });

  it('US Magnesium filed for Chapter 11 on 10 September 2025, after a dispute with Utah', async () => {
    await expectFact(id, { from: 'company:us-magnesium', type: 'SUBJECT_TO', to: 'policy:us-chapter-11', period: '2025-09-10' });
    await expectFact(id, { from: 'company:us-magnesium', type: 'LOCATED_IN', to: 'region:utah', period: '2025-09-16' });
    await expectFact(id, { from: 'company:us-magnesium', type: 'IN_DISPUTE_WITH', to: 'region:utah', period: '2025-09-16' });
  });

  it('the US relies on magnesium imports from China and Russia; China makes over 85% of world output', async () => {
    await expectFact(id, { from: 'country:united-states', type: 'IMPORTS_FROM', to: 'country:china', period: '2025-09-16', item: 'commodity:magnesium' });
    await expectFact(id, { from: 'country:united-states', type: 'IMPORTS_FROM', to: 'country:russia', period: '2025-09-16', item: 'commodity:magnesium' });
    await expectFact(id, {
      from: 'country:china',
      type: 'HAS_METRIC',
      to: 'commodity:primary-magnesium',
      period: '2025-09-16',
      props: { metric: 'SHARE_OF_WORLD_OUTPUT', quantity: 85, unit: 'percent', bound: 'AT_LEAST' },
    });
  });

  it('Yimeitai shipped the MG-800 line to Optimo in South Korea; HighMag has 13 partners and Horizon Europe funding', async () => {
    await expectFact(id, { from: 'company:yimeitai', type: 'SUPPLIES', to: 'company:optimo', period: '2025-09-16', item: 'product:mg-800' });
    await expectFact(id, { from: 'project:highmag', type: 'HAS_METRIC', to: 'project:highmag', period: '2025-09-16', props: { quantity: 13, unit: 'count' } });
    const partners = await db.run(
      { name: 'test', mode: 'read', text: "MATCH (:Project {id: 'project:highmag'})-[r:HAS_METRIC]->() RETURN r.quantity AS q, r.unit AS u ORDER BY q" },
    );
    expect(partners).toEqual([{ q: 4, u: 'year' }, { q: 13, u: 'count' }]);
    await expectFact(id, { from: 'org:horizon-europe', type: 'FUNDS', to: 'project:highmag', period: '2025-09-16' });
  });
});

describe('Source 001: SMM survey of 15 Jan 2026 (Magrathea, Minago, InfiMotion)', () => {
  const id = 'smm-2026-01-15-magnesium-innovation';

  it('Wogen backs Magrathea with USD 10 million; Magrathea expects 7,000 t a year by 2029', async () => {
    await expectFact(id, { from: 'company:wogen', type: 'FUNDS', to: 'company:magrathea', period: '2026-01-15', props: { quantity: 10_000_000, unit: 'USD' } });
    await expectFact(id, {
      from: 'company:magrathea',
      type: 'HAS_CAPACITY',
      to: 'commodity:primary-magnesium',
      period: '2029',
      props: { quantity: 7000, unit: 't', nature: 'FORECAST' },
    });
    await expectFact(id, {
      from: 'company:magrathea',
      type: 'HAS_METRIC',
      to: 'commodity:primary-magnesium',
      period: '2026-01-15',
      props: { quantity: 200_000, unit: 't', approximate: true, nature: 'INTENT' },
    });
  });

  it('Big Blue Technologies licenses aluminothermic reduction to Minago: up to 98% lower emissions, ~111 Mt of dolomite at ~12% Mg', async () => {
    await expectFact(id, { from: 'company:big-blue-technologies', type: 'LICENSES_TO', to: 'company:minago-development', period: '2026-01-15', item: 'technology:aluminothermic-reduction' });
    await expectFact(id, { from: 'technology:aluminothermic-reduction', type: 'HAS_METRIC', to: 'commodity:primary-magnesium', period: '2026-01-15', props: { quantity: 98, unit: 'percent', bound: 'AT_MOST' } });
    await expectFact(id, { from: 'project:minago', type: 'HAS_RESOURCE', to: 'commodity:dolomite', period: '2026-01-15', props: { quantity: 111_000_000, unit: 't', approximate: true } });
    await expectFact(id, { from: 'project:minago', type: 'HAS_METRIC', to: 'commodity:dolomite', period: '2026-01-15', props: { quantity: 12, unit: 'percent', approximate: true } });
    await expectFact(id, { from: 'org:norway-house-cree-nation', type: 'OWNS', to: 'project:minago', period: '2026-01-15', props: { quantity: 100, unit: 'percent' } });
  });

  it("InfiMotion's e-drives: 3.1 kW/kg dual-motor system, 5.69 kW/kg 900 V e-drive 30% lighter", async () => {
    await expectFact(id, { from: 'product:mg-al-dual-motor-system', type: 'HAS_METRIC', to: 'product:mg-al-dual-motor-system', period: '2026-01', props: { quantity: 3.1, unit: 'kW/kg' } });
    await expectFact(id, { from: 'product:900v-coaxial-dual-e-drive', type: 'HAS_METRIC', to: 'commodity:magnesium-alloy', period: '2026-01', props: { quantity: 30, unit: 'percent' } });
    const drive = await db.run(
      { name: 'test', mode: 'read', text: "MATCH (:Product {id: 'product:900v-coaxial-dual-e-drive'})-[r:HAS_METRIC]->(:Product) RETURN r.quantity AS q, r.unit AS u ORDER BY u" },
    );
    expect(drive).toEqual([{ q: 900, u: 'V' }, { q: 5.69, u: 'kW/kg' }]);
  });
});

describe('Source 002: undated overview of world production and China ingot exports', () => {
  const id = 'overview-magnesium-ingot-export-market';

  it('is cited as unattributed and undated, with a note on when it was written', async () => {
    const s = await source(id);
    expect(s).toMatchObject({ publisher: 'Unattributed industry overview', titleAssigned: true, kind: 'INDUSTRY_OVERVIEW' });
    expect(s.date).toBeUndefined();
    expect(s.dateNote).toMatch(/2024/);
  });

  it('2024: world output 1.12 Mt, China 1.026 Mt (91.6%), China over 80% of ingot', async () => {
    await expectFact(id, { from: 'region:world', type: 'PRODUCES', to: 'commodity:primary-magnesium', period: '2024', props: { quantity: 1_120_000, unit: 't' } });
    // One fact stated by this overview and by the CITIC note (doc 004), measured by the Magnesium Industry Branch.
    const output = await expectFact(id, {
      from: 'country:china',
      type: 'PRODUCES',
      to: 'commodity:primary-magnesium',
      period: '2024',
      props: {
        id: 'china-magnesium-output-2024-overview',
        quantity: 1_026_000,
        unit: 't',
        measuredBy: 'org:magnesium-industry-branch',
        sourceIds: [id, 'citic-2025-08-18-magnesium-rare-earths'],
        refSourceIds: [id, 'citic-2025-08-18-magnesium-rare-earths'],
        refPeriods: ['2024', '2024'],
      },
    });
    // The 91.6% is not a share on the output fact but its own HAS_METRIC fact.
    expect(output).not.toHaveProperty('shareValue');
    expect(output).not.toHaveProperty('shareOf');
    await expectFact(id, {
      from: 'country:china',
      type: 'HAS_METRIC',
      to: 'commodity:primary-magnesium',
      period: '2024',
      props: { id: 'china-share-of-world-magnesium-output-2024', metric: 'SHARE_OF_WORLD_OUTPUT', quantity: 91.6, unit: 'percent' },
    });
    await expectFact(id, {
      from: 'country:china',
      type: 'HAS_METRIC',
      to: 'commodity:magnesium-ingot',
      period: '2024',
      props: { metric: 'SHARE_OF_WORLD_OUTPUT', quantity: 80, unit: 'percent', bound: 'AT_LEAST' },
    });
  });

  it('2024 exports: over 300,000 t of ingot and about 150,000 t of chips and alloys; Germany imports ingot from China', async () => {
    await expectFact(id, { from: 'country:china', type: 'EXPORTS', to: 'commodity:magnesium-ingot', period: '2024', props: { quantity: 300_000, unit: 't', bound: 'AT_LEAST' } });
    // One combined figure for chips and alloy products, on the combined category, not on chips.
    await expectFact(id, { from: 'country:china', type: 'EXPORTS', to: 'commodity:magnesium-chips-and-alloy-products', period: '2024', props: { quantity: 150_000, unit: 't', approximate: true } });
    const germany = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH (:Country {id: 'country:germany'})-[r:IMPORTS_FROM]->(:Country {id: 'country:china'}) RETURN r.item AS item, r.sourceIds AS sources",
    });
    expect(germany).toEqual([{ item: 'commodity:magnesium-ingot', sources: [id] }]);
  });

  it('China smelts with the Pidgeon process, about 20% cheaper than elsewhere', async () => {
    const uses = await db.run({ name: 'test', mode: 'read', text: "MATCH (:Country {id: 'country:china'})-[r:USES_TECHNOLOGY]->(:Technology {id: 'technology:pidgeon-process'}) RETURN r.sourceIds AS s" });
    expect(uses).toHaveLength(1);
    await expectFact(id, { from: 'technology:pidgeon-process', type: 'HAS_METRIC', to: 'commodity:magnesium-ingot', period: '2024/2025', props: { quantity: 20, unit: 'percent', approximate: true } });
  });
});

describe('Source 003: SMM report on China magnesium exports in 2025', () => {
  const id = 'smm-2026-01-china-magnesium-exports-2025';
  const exports = (to: string, period: string, quantity: number, changeValue: number, changeBasis: 'YOY' | 'MOM') =>
    expectFact(id, { from: 'country:china', type: 'EXPORTS', to, period, props: { quantity, unit: 't', changeValue, changeUnit: 'percent', changeBasis } });

  it('totals: 447,000 t in 2025 (-2.7% YoY); 38,700 t in December (-0.5% MoM)', async () => {
    await exports('commodity:magnesium', '2025', 447_000, -2.7, 'YOY');
    await exports('commodity:magnesium', '2025-12', 38_700, -0.5, 'MOM');
  });

  it('by product, year and December, with their changes', async () => {
    await exports('commodity:magnesium-ingot', '2025', 251_300, -5.54, 'YOY');
    await exports('commodity:magnesium-ingot', '2025-12', 21_500, -3.13, 'MOM');
    await exports('commodity:magnesium-powder', '2025', 73_600, -11.07, 'YOY');
    await exports('commodity:magnesium-powder', '2025-12', 5_900, -10.92, 'MOM');
    await exports('commodity:magnesium-alloy', '2025', 99_600, 4.43, 'YOY');
    await exports('commodity:magnesium-alloy', '2025-12', 9_200, 11.22, 'MOM');
  });

  it('December ingot shipments to Europe: 5,060 t', async () => {
    await expectFact(id, { from: 'country:china', type: 'EXPORTS_TO', to: 'region:europe', period: '2025-12', item: 'commodity:magnesium-ingot', props: { quantity: 5060, unit: 't' } });
  });

  it('two policies: Announcement No. 256 (issued 30 Dec 2025, from 1 Jan 2026) and the 6 Jan 2026 dual-use controls on Japan', async () => {
    const policies = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH (p:Policy) WHERE p.id IN ['policy:customs-tax-announcement-256', 'policy:dual-use-export-controls-japan'] RETURN p.id AS id, p.issuedOn AS issuedOn, p.effectiveFrom AS effectiveFrom ORDER BY id",
    });
    expect(policies).toEqual([
      { id: 'policy:customs-tax-announcement-256', issuedOn: '2025-12-30', effectiveFrom: '2026-01-01' },
      { id: 'policy:dual-use-export-controls-japan', issuedOn: '2026-01-06', effectiveFrom: '2026-01-06' },
    ]);
    await expectFact(id, { from: 'policy:customs-tax-announcement-256', type: 'ISSUED_BY', to: 'org:general-administration-of-customs', period: '2025-12-30' });
    await expectFact(id, { from: 'policy:customs-tax-announcement-256', type: 'ISSUED_BY', to: 'org:state-taxation-administration', period: '2025-12-30' });
    // One scoped clause, in force from 6 January 2026 with no end: dual-use items (magnesium
    // among them through the goods taxonomy) from China to Japan's military end users.
    await expectFact(id, {
      from: 'policy:dual-use-export-controls-japan',
      type: 'RESTRICTS',
      to: 'commodity:dual-use-items',
      period: '2026-01-06/..',
      props: {
        id: 'japan-dual-use-controls-bar-military-end-use',
        nature: 'REPORTED',
        periodStart: '2026-01-06',
        scopeItems: ['commodity:dual-use-items'],
        scopeOrigins: ['country:china'],
        scopeDestinations: ['country:japan'],
        scopeEndUsers: ['sector:defence'],
        scopeSectors: [],
        scopeSubjects: [],
      },
    });
    expect((await db.run({ name: 'test', mode: 'read', text: "MATCH (:Commodity {id: 'commodity:dual-use-items'})<-[r:RESTRICTS]-() RETURN r.periodEnd AS end" }))).toEqual([{ end: null }]);
    expect(
      (await db.run({ name: 'test', mode: 'read', text: "MATCH ()-[r {id: 'japan-dual-use-controls-bar-military-end-use'}]->() RETURN r.scopeCoveredItems AS covered" }))[0]!.covered,
    ).toEqual(expect.arrayContaining(['commodity:dual-use-items', 'commodity:magnesium', 'commodity:magnesium-ingot']));
    // What it will do to magnesium trade is a forecast that applies to, not a restriction of, magnesium.
    await expectFact(id, {
      from: 'policy:dual-use-export-controls-japan',
      type: 'APPLIES_TO',
      to: 'commodity:magnesium',
      period: '2026-01-06/..',
      props: {
        id: 'japan-dual-use-controls-tighten-magnesium-reviews',
        nature: 'FORECAST',
        scopeItems: ['commodity:magnesium'],
        scopeOrigins: ['country:china'],
        scopeDestinations: ['country:japan'],
        scopeEndUsers: [],
      },
    });
    // The old encoding is gone: no blanket RESTRICTS of Japan, of defence or of all magnesium.
    const clauses = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH (:Policy {id: 'policy:dual-use-export-controls-japan'})-[r:RESTRICTS|APPLIES_TO]->(t) RETURN type(r) AS type, t.id AS to ORDER BY type, to",
    });
    expect(clauses).toEqual([
      { type: 'APPLIES_TO', to: 'commodity:magnesium' },
      { type: 'RESTRICTS', to: 'commodity:dual-use-items' },
    ]);
  });
});

describe('Source 004: CITIC Securities note of Aug 2025 (capacity, prices, demand)', () => {
  const id = 'citic-2025-08-18-magnesium-rare-earths';

  it('China 2024: capacity 1.488 Mt, output 1.026 Mt, utilisation 70%', async () => {
    await expectFact(id, { from: 'country:china', type: 'HAS_CAPACITY', to: 'commodity:primary-magnesium', period: '2024', props: { quantity: 1_488_000, unit: 't' } });
    await expectFact(id, { from: 'country:china', type: 'PRODUCES', to: 'commodity:primary-magnesium', period: '2024', props: { quantity: 1_026_000, unit: 't', measuredBy: 'org:magnesium-industry-branch' } });
    const output = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH (:Country {id: 'country:china'})-[r:PRODUCES]->(:Commodity {id: 'commodity:primary-magnesium'}) WHERE r.period = '2024' RETURN r.quantity AS q, r.sourceIds AS s ORDER BY r.id",
    });
    // Two documents give the same 2024 output: one fact citing both, so it counts once in any sum.
    expect(output).toEqual([{ q: 1_026_000, s: ['overview-magnesium-ingot-export-market', id] }]);
    const statements = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH ()-[r:PRODUCES {id: 'china-magnesium-output-2024-overview'}]->() RETURN r.refSourceIds AS s, r.refPeriods AS p, r.refClaims AS c",
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ s: ['overview-magnesium-ingot-export-market', id], p: ['2024', '2024'] });
    expect((statements[0]!.c as string[])[1]).toMatch(/1\.026 million t of primary magnesium/);
    await expectFact(id, {
      from: 'country:china',
      type: 'HAS_METRIC',
      to: 'commodity:primary-magnesium',
      period: '2024',
      props: { quantity: 70, unit: 'percent', metric: 'CAPACITY_UTILISATION', measuredBy: 'org:magnesium-industry-branch' },
    });
  });

  it('prices: Fugu 99.9% ingot 17,300 CNY/t on 18 Aug (about +14.4% from the low); PrNd oxide 593,000 and metal 720,000 CNY/t on 15 Aug', async () => {
    await expectFact(id, {
      from: 'region:fugu',
      type: 'QUOTES_PRICE',
      to: 'commodity:magnesium-ingot-99-9',
      period: '2025-08-18',
      props: { quantity: 17_300, unit: 'CNY/t', changeValue: 14.4, changeBasis: 'FROM_LOW', changeApproximate: true, approximate: false },
    });
    await expectFact(id, { from: 'country:china', type: 'QUOTES_PRICE', to: 'commodity:prnd-oxide', period: '2025-08-15', props: { quantity: 593_000, unit: 'CNY/t', changeValue: 5.6, changeBasis: 'DOD' } });
    await expectFact(id, { from: 'country:china', type: 'QUOTES_PRICE', to: 'commodity:prnd-metal', period: '2025-08-15', props: { quantity: 720_000, unit: 'CNY/t', changeValue: 4.7, changeBasis: 'DOD' } });
  });

  it('demand: over 50 kg of alloy per vehicle; H1 2025 robots 369,000 (+30.4%) and air conditioners 163.2969 M (+4.0%); NdFeB 24,000 t by 2035', async () => {
    await expectFact(id, { from: 'commodity:magnesium-alloy', type: 'USED_IN', to: 'sector:automotive', period: '2025-08-18', props: { quantity: 50, unit: 'kg/vehicle', bound: 'AT_LEAST' } });
    await expectFact(id, { from: 'country:china', type: 'HAS_METRIC', to: 'sector:industrial-robots', period: '2025-01/2025-06', props: { quantity: 369_000, unit: 'unit', changeValue: 30.4, changeBasis: 'YOY' } });
    await expectFact(id, { from: 'country:china', type: 'HAS_METRIC', to: 'sector:air-conditioning', period: '2025-01/2025-06', props: { quantity: 163_296_900, unit: 'unit', changeValue: 4, changeBasis: 'YOY' } });
    await expectFact(id, { from: 'commodity:ndfeb', type: 'USED_IN', to: 'sector:humanoid-robots', period: '2035', props: { quantity: 24_000, unit: 't', changeValue: 75, changeBasis: 'CAGR', nature: 'FORECAST' } });
  });

  it('the ER4-550-MI robot of Baowu Magnesium and Estun: 11% lighter, 10% less energy than the aluminium version', async () => {
    const metrics = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH (:Product {id: 'product:er4-550-mi'})-[r:HAS_METRIC]->() RETURN r.quantity AS q, r.unit AS u, r.period AS p ORDER BY q",
    });
    expect(metrics).toEqual([{ q: 10, u: 'percent', p: '2024-12' }, { q: 11, u: 'percent', p: '2024-12' }]);
    const developers = await db.run({
      name: 'test',
      mode: 'read',
      text: "MATCH (c:Company)-[:DEVELOPS]->(:Product {id: 'product:er4-550-mi'}) RETURN c.id AS id ORDER BY id",
    });
    expect(developers.map((d) => d.id)).toEqual(['company:baowu-magnesium-technology', 'company:estun-automation']);
  });
});
