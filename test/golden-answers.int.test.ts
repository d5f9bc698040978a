/**
 * Golden answers: dependency and exposure questions on the seeded graph, worked out by
 * hand from the five documents through the facts that cite them (seed/facts/*.yaml),
 * with the rules of schema/MODEL.md. Each asserts what must appear and what must not:
 * phantom providers (market reliance, conditional possibilities, plans and intentions
 * walked as supply) and false exposures (a scoped control read as a blanket one).
 *
 * Documents: 000 SMM, US supply risk (Sep 2025); 001 SMM, magnesium innovation (Jan
 * 2026); 002 ingot export market overview (undated); 003 SMM, China's 2025 exports (Jan
 * 2026); 004 CITIC Securities note (Aug 2025).
 */
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/api.js';

const t = useTestApi();

const ALL_NATURES = ['REPORTED', 'CLAIMED', 'PLAN', 'FORECAST', 'INTENT'];

const WALK = `query ($id: ID!, $up: Boolean!, $maxDepth: Int, $perTier: Int, $dependence: Dependence, $natures: [Nature!], $asOf: LocalDate) {
  upstream(id: $id, maxDepth: $maxDepth, perTier: $perTier, dependence: $dependence, natures: $natures, asOf: $asOf) @include(if: $up) { ...tiers }
  downstream(id: $id, maxDepth: $maxDepth, perTier: $perTier, dependence: $dependence, natures: $natures, asOf: $asOf) @skip(if: $up) { ...tiers }
}
fragment tiers on DependencyTiers {
  dependence
  tiers { tier entities { entity { id } nature path { dependence nature hops { dependence nature relationships { id type evidence { nature condition } } } } } }
}`;

interface Walked {
  /** tier → entity ids, in the answer's order (by name). */
  tiers: Record<number, string[]>;
  /** entity id → its nature. */
  natures: Record<string, string>;
  /** Every fact on every path, with its type, nature and condition. */
  facts: { id: string; type: string; nature: string; condition: string | null }[];
  /** Every hop's and path's dependence. */
  dependences: Set<string>;
}

async function walk(direction: 'up' | 'down', id: string, args: Record<string, unknown> = {}): Promise<Walked> {
  const data = await t.query(WALK, { id, up: direction === 'up', maxDepth: 6, perTier: 20, ...args });
  const result = direction === 'up' ? data.upstream : data.downstream;
  const out: Walked = { tiers: {}, natures: {}, facts: [], dependences: new Set([result.dependence]) };
  for (const tier of result.tiers) {
    out.tiers[tier.tier] = tier.entities.map((e: any) => e.entity.id);
    for (const reach of tier.entities) {
      out.natures[reach.entity.id] = reach.nature;
      expect(reach.nature).toBe(reach.path.nature);
      out.dependences.add(reach.path.dependence);
      for (const hop of reach.path.hops) {
        out.dependences.add(hop.dependence);
        for (const r of hop.relationships) out.facts.push({ id: r.id, type: r.type, nature: r.evidence.nature, condition: r.evidence.condition });
      }
    }
  }
  return out;
}

const reached = (w: Walked) => Object.values(w.tiers).flat();

/** What no default (supply, reported) answer may contain. */
function expectReportedSupplyOnly(w: Walked) {
  expect([...w.dependences]).toEqual(['SUPPLY']);
  for (const fact of w.facts) {
    expect(fact.nature, fact.id).toBe('REPORTED');
    expect(fact.condition, fact.id).toBeNull();
    expect(fact.type, fact.id).not.toBe('RELIES_ON_MARKET');
  }
  for (const nature of Object.values(w.natures)) expect(nature).toBe('REPORTED');
}

const CHINA = 'country:china';
const PROVINCES = ['region:henan', 'region:inner-mongolia', 'region:ningxia', 'region:shaanxi', 'region:shanxi'];

describe('Golden answers: upstream (supply, reported facts)', () => {
  it('BMW (doc 002, 003): Germany, then China, then what Chinese smelting needs; no Europe, no provinces', async () => {
    const w = await walk('up', 'company:bmw');
    expect(w.tiers).toEqual({
      1: ['country:germany'],
      2: [CHINA],
      3: ['commodity:dolomite', 'technology:pidgeon-process'],
      4: ['commodity:coal'],
    });
    expectReportedSupplyOnly(w);
    // China's alloy exports rely on European buyers: a market, not a provider of China.
    for (const phantom of ['region:europe', 'commodity:magnesium-ingot', ...PROVINCES, 'technology:carbon-capture']) {
      expect(reached(w)).not.toContain(phantom);
    }
    expect(w.facts.map((f) => f.id)).not.toContain('china-magnesium-alloy-exports-rely-on-europe');
  });

  it('Boeing (doc 002 via the US inference, doc 000): the US, then China and Russia; never Japan', async () => {
    const w = await walk('up', 'company:boeing');
    expect(w.tiers).toEqual({
      1: ['country:united-states'],
      2: [CHINA, 'country:russia'],
      3: ['commodity:dolomite', 'technology:electrolysis', 'technology:pidgeon-process'],
      4: ['commodity:coal'],
    });
    expectReportedSupplyOnly(w);
    expect(reached(w)).not.toContain('country:japan');
    // "If US Magnesium stops, the US will rely more on China and Russia" is a conditional
    // forecast: the US reaches China and Russia through its reported imports only.
    const usFacts = new Set(w.facts.map((f) => f.id).filter((id) => id.startsWith('us-')));
    expect([...usFacts].sort()).toEqual(['us-imports-magnesium-from-china-2025-09', 'us-imports-magnesium-from-russia-2025-09']);
  });

  it('Optimo (doc 000): Yimeitai, then the semi-solid moulding it uses', async () => {
    const w = await walk('up', 'company:optimo');
    expect(w.tiers).toEqual({ 1: ['company:yimeitai'], 2: ['technology:semi-solid-injection-moulding'] });
    expectReportedSupplyOnly(w);
  });

  it('the Minago project (doc 001): its developer and the licensor; the planned ATR and a hoped-for carbon capture are not supply', async () => {
    const w = await walk('up', 'project:minago');
    expect(w.tiers).toEqual({ 1: ['company:minago-development'], 2: ['company:big-blue-technologies'] });
    expectReportedSupplyOnly(w);
    expect(reached(w)).not.toContain('technology:aluminothermic-reduction');
    expect(reached(w)).not.toContain('technology:carbon-capture');
  });

  it('Detroit (doc 001): nothing reported; Magrathea’s supply is a non-binding intention', async () => {
    const w = await walk('up', 'region:detroit');
    expect(w.tiers).toEqual({});
    const all = await walk('up', 'region:detroit', { natures: ALL_NATURES });
    expect(all.tiers).toEqual({
      1: ['company:magrathea'],
      2: ['technology:brine-electrolysis', 'company:wogen'],
    });
    expect(all.natures).toEqual({ 'company:magrathea': 'INTENT', 'technology:brine-electrolysis': 'INTENT', 'company:wogen': 'INTENT' });
  });

  it('the ER4-550-MI robot (doc 004): its developers and magnesium alloy, then China', async () => {
    const w = await walk('up', 'product:er4-550-mi');
    expect(w.tiers).toEqual({
      1: ['company:baowu-magnesium-technology', 'company:estun-automation', 'commodity:magnesium-alloy'],
      2: [CHINA],
      3: ['commodity:dolomite', 'technology:pidgeon-process'],
      4: ['commodity:coal'],
    });
    expectReportedSupplyOnly(w);
  });

  it('primary magnesium (doc 002, 004): its reported producers; Minago and Manitoba only when plans are asked for', async () => {
    const w = await walk('up', 'commodity:primary-magnesium', { maxDepth: 1 });
    expect(w.tiers[1]).toEqual([
      'technology:aluminothermic-reduction',
      'commodity:brine',
      'technology:brine-electrolysis',
      CHINA,
      'technology:dead-sea-brine-extraction',
      'country:israel',
      'country:kazakhstan',
      'technology:electrolysis',
      'country:russia',
      'company:us-magnesium',
      'region:world',
    ]);
    expectReportedSupplyOnly(w);
    const planned = await walk('up', 'commodity:primary-magnesium', { maxDepth: 1, natures: ['REPORTED', 'PLAN'] });
    expect(planned.tiers[1]).toEqual(expect.arrayContaining(['region:manitoba', 'project:minago', 'commodity:dolomite']));
    expect(planned.natures).toMatchObject({ 'region:manitoba': 'PLAN', 'project:minago': 'PLAN', 'commodity:dolomite': 'PLAN', [CHINA]: 'REPORTED' });
    // A conditional possibility is not a dependency, whatever natures are asked for.
    const everything = await walk('up', 'commodity:primary-magnesium', { natures: ALL_NATURES });
    expect(reached(everything)).not.toContain('technology:carbon-capture');
    for (const fact of everything.facts) expect(fact.condition, fact.id).toBeNull();
  });
});

describe('Golden answers: downstream (supply, reported facts)', () => {
  it('Yimeitai (doc 000): the MG-800, Optimo and South Korea', async () => {
    const w = await walk('down', 'company:yimeitai');
    expect(w.tiers).toEqual({ 1: ['product:mg-800', 'company:optimo', 'country:south-korea'] });
    expectReportedSupplyOnly(w);
  });

  it('Big Blue Technologies (doc 001): ATR and Minago Development, then the project and primary magnesium', async () => {
    const w = await walk('down', 'company:big-blue-technologies');
    expect(w.tiers).toEqual({
      1: ['technology:aluminothermic-reduction', 'company:minago-development'],
      2: ['project:minago', 'commodity:primary-magnesium'],
    });
    expectReportedSupplyOnly(w);
  });

  it('US Magnesium (doc 000): primary magnesium only; no carmaker depends on it by any reported link', async () => {
    const w = await walk('down', 'company:us-magnesium');
    expect(w.tiers).toEqual({ 1: ['commodity:primary-magnesium'] });
    for (const company of ['company:boeing', 'company:tesla', 'company:general-motors', 'company:lockheed-martin']) {
      expect(reached(w)).not.toContain(company);
    }
  });

  it('China (doc 002, 003): its buyers and the goods it makes; never Russia, which it does not supply', async () => {
    const w = await walk('down', CHINA, { maxDepth: 1 });
    expect(w.tiers).toEqual({
      1: [
        'region:asia',
        'region:europe',
        'country:germany',
        'country:india',
        'country:japan',
        'commodity:magnesium-alloy',
        'commodity:magnesium-ingot',
        'country:netherlands',
        'region:north-america',
        'commodity:primary-magnesium',
        'country:south-korea',
        'country:united-states',
      ],
    });
    expectReportedSupplyOnly(w);
    expect(reached(w)).not.toContain('country:russia');
  });

  it('the ATR process (doc 001): primary magnesium, which it produces; the planned Minago project is not reported supply', async () => {
    const w = await walk('down', 'technology:aluminothermic-reduction');
    expect(w.tiers).toEqual({ 1: ['commodity:primary-magnesium'] });
    expectReportedSupplyOnly(w);
    const planned = await walk('down', 'technology:aluminothermic-reduction', { natures: ['REPORTED', 'PLAN'] });
    expect(planned.tiers[1]).toContain('project:minago');
    expect(planned.natures['project:minago']).toBe('PLAN');
  });

  it('dolomite (doc 002): China and ingot, then China’s customers, then theirs', async () => {
    const w = await walk('down', 'commodity:dolomite', { maxDepth: 2 });
    expect(w.tiers[1]).toEqual([CHINA, 'commodity:magnesium-ingot']);
    expect(w.tiers[2]).toContain('country:germany');
    expect(w.tiers[2]).toContain('country:japan');
    expectReportedSupplyOnly(w);
  });
});

describe('Golden answers: market dependence is asked for on its own', () => {
  it('China’s sales rely on Europe (stated, doc 003) and on every buyer of its exports; supply never lists them', async () => {
    const market = await walk('up', CHINA, { maxDepth: 1, dependence: 'MARKET' });
    expect([...market.dependences]).toEqual(['MARKET']);
    expect(market.tiers[1]).toEqual(expect.arrayContaining(['region:europe', 'country:japan', 'country:germany', 'country:united-states']));
    expect(market.facts.map((f) => f.id)).toContain('china-magnesium-alloy-exports-rely-on-europe');
    const supply = await walk('up', CHINA, { maxDepth: 1 });
    expect(supply.tiers[1]).toEqual(['commodity:dolomite', 'technology:pidgeon-process']);
  });

  it('a kind that the dependence does not read is an error, not an empty answer', async () => {
    const { body } = await t.server.graphql(`{ upstream(id: "${CHINA}", kinds: [RELIES_ON_MARKET]) { tiers { tier } } }`);
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(/^kinds: RELIES_ON_MARKET is not read by SUPPLY dependence \(it reads DEPENDS_ON, /),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const none = await t.server.graphql(`{ upstream(id: "${CHINA}", natures: []) { tiers { tier } } }`);
    expect(none.body.errors[0]).toMatchObject({ message: 'natures: must name at least 1', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

const EXPOSED_TO = `query ($country: ID, $policy: ID, $natures: [Nature!], $asOf: LocalDate, $maxDepth: Int) {
  exposedTo(country: $country, policy: $policy, natures: $natures, asOf: $asOf, maxDepth: $maxDepth) {
    total
    entities { entity { id } distance at { id } path { nodes { id } } because { id } scope { clause { id } matched unverified } }
  }
}`;

/** entity id → distance, for everyone exposed. */
async function exposedTo(variables: Record<string, unknown>) {
  const { exposedTo: set } = await t.query(EXPOSED_TO, variables);
  expect(set.entities).toHaveLength(set.total);
  const distances: Record<string, number> = {};
  for (const e of set.entities) {
    distances[e.entity.id] = e.distance;
    expect(e.path.nodes).toHaveLength(e.distance + 1);
    expect(e.path.nodes[0].id).toBe(e.entity.id);
  }
  return { distances, entities: set.entities as any[] };
}

const US_BUYERS = ['company:boeing', 'company:general-motors', 'company:lockheed-martin', 'company:tesla'];
/** Everyone whose reported supply reaches China within 4 hops, and how far. */
const CHINA_DEPENDENTS: Record<string, number> = {
  'region:asia': 1,
  'region:europe': 1,
  'country:germany': 1,
  'country:india': 1,
  'country:japan': 1,
  'commodity:magnesium-alloy': 1,
  'commodity:magnesium-ingot': 1,
  'country:netherlands': 1,
  'region:north-america': 1,
  'commodity:primary-magnesium': 1,
  'country:united-states': 1,
  'company:bmw': 2,
  'company:mercedes-benz': 2,
  'country:brazil': 2,
  'country:turkey': 2,
  'region:east-asia': 2,
  'product:door-inner-panel': 2,
  'product:electric-drive-housing': 2,
  'product:er4-550-mi': 2,
  'product:seat-crossbeam-frame': 2,
  ...Object.fromEntries(US_BUYERS.map((id) => [id, 2])),
};

describe('Golden answers: exposure to each of the seven policies, both ways', () => {
  const JAPAN_CONTROL = 'policy:dual-use-export-controls-japan';

  it('Japan dual-use prohibition (doc 003): Japan and what it names; never the US, Boeing or North America', async () => {
    const { distances } = await exposedTo({ policy: JAPAN_CONTROL });
    expect(distances).toEqual({ 'commodity:dual-use-items': 0, 'country:japan': 0 });
    const forecasts = await exposedTo({ policy: JAPAN_CONTROL, natures: ALL_NATURES, maxDepth: 6 });
    // The forecast clause (stricter reviews of magnesium exports to Japan) names magnesium.
    expect(forecasts.distances).toEqual({ 'commodity:dual-use-items': 0, 'commodity:magnesium': 0, 'country:japan': 0 });
    for (const id of ['country:united-states', 'company:boeing', 'region:north-america', ...US_BUYERS]) {
      expect(forecasts.distances[id], id).toBeUndefined();
    }
  });

  it('Japan’s own exposure says which part of the prohibition’s scope its ingot imports meet', async () => {
    const { exposure } = await t.query(`{
      exposure(id: "country:japan", policy: "${JAPAN_CONTROL}") {
        exposed direct { id }
        paths { at { id } path { nodes { id } hops { relationships { id } } } scope { clause { id } matched unverified } }
      }
    }`);
    expect(exposure.exposed).toBe(true);
    expect(exposure.direct.map((r: any) => r.id)).toEqual(['japan-dual-use-controls-bar-military-end-use']);
    expect(exposure.paths).toHaveLength(1);
    const [path] = exposure.paths;
    expect(path.at.id).toBe(CHINA);
    expect(path.path.nodes.map((n: any) => n.id)).toEqual(['country:japan', CHINA]);
    expect(path.scope).toEqual([
      { clause: { id: 'japan-dual-use-controls-bar-military-end-use' }, matched: ['ITEM', 'ORIGIN', 'DESTINATION'], unverified: ['END_USER'] },
    ]);
  });

  it('Announcement No. 256 (doc 003): everyone whose reported supply reaches a Chinese exporter, ORIGIN met', async () => {
    const { distances, entities } = await exposedTo({ policy: 'policy:customs-tax-announcement-256' });
    expect(distances).toEqual({
      [CHINA]: 0,
      ...CHINA_DEPENDENTS,
      'sector:automotive': 1,
      'product:900v-coaxial-dual-e-drive': 1,
      'product:mg-al-dual-motor-system': 1,
      'product:mg-800': 1,
      'company:optimo': 1,
      'country:south-korea': 1,
    });
    for (const e of entities.filter((x) => x.distance > 0)) {
      expect(e.scope).toEqual([{ clause: { id: 'announcement-256-applies-in-china' }, matched: ['ORIGIN'], unverified: [] }]);
    }
    expect(distances['country:russia']).toBeUndefined();
  });

  it('the US critical-mineral designation (doc 001): US buyers of magnesium, ITEM and DESTINATION met', async () => {
    const { distances, entities } = await exposedTo({ policy: 'policy:us-critical-mineral-designation' });
    expect(distances).toEqual({
      'commodity:magnesium': 0,
      'country:united-states': 0,
      ...Object.fromEntries(US_BUYERS.map((id) => [id, 1])),
    });
    for (const e of entities.filter((x) => x.distance > 0)) expect(e.scope[0].matched).toEqual(['ITEM', 'DESTINATION']);
    expect(distances['company:bmw']).toBeUndefined();
  });

  it('KCs certification (doc 000): South Korea, and Optimo through the MG-800 it receives', async () => {
    const { distances } = await exposedTo({ policy: 'policy:kcs-certification' });
    expect(distances).toEqual({ 'country:south-korea': 0, 'company:optimo': 1 });
  });

  it('Chapter 11 (doc 000): US Magnesium, and primary magnesium as one of its producers; no US buyer', async () => {
    const { distances } = await exposedTo({ policy: 'policy:us-chapter-11', natures: ALL_NATURES });
    expect(distances).toEqual({ 'company:us-magnesium': 0, 'commodity:primary-magnesium': 1 });
  });

  it('the anti-price-war campaign (doc 004) is a forecast about Chinese primary magnesium, not a restriction of China', async () => {
    expect((await exposedTo({ policy: 'policy:china-campaign-against-vicious-competition' })).distances).toEqual({});
    const { distances, entities } = await exposedTo({ policy: 'policy:china-campaign-against-vicious-competition', natures: ['REPORTED', 'FORECAST'] });
    expect(distances[CHINA]).toBeUndefined();
    expect(distances['commodity:primary-magnesium']).toBe(0);
    expect(distances['company:bmw']).toBe(2);
    // Only hops carrying primary magnesium (or a narrower good) out of China meet it:
    // Yimeitai's machines for Optimo do not.
    expect(distances['company:optimo']).toBeUndefined();
    for (const e of entities.filter((x) => x.distance > 0)) for (const m of e.scope) expect(m.matched).toEqual(['ITEM', 'ORIGIN']);
  });

  it('China’s energy-intensive rules (doc 002): a forecast on Chinese ingot producers', async () => {
    expect((await exposedTo({ policy: 'policy:china-energy-intensive-industry-requirements' })).distances).toEqual({});
    const { distances } = await exposedTo({ policy: 'policy:china-energy-intensive-industry-requirements', natures: ['REPORTED', 'FORECAST'] });
    expect(distances['commodity:magnesium-ingot']).toBe(0);
    expect(distances['country:japan']).toBe(1);
    expect(distances['company:tesla']).toBe(2);
    expect(distances['company:optimo']).toBeUndefined();
    expect(distances['product:mg-800']).toBeUndefined();
  });

  it('every policy answers forward exactly as it answers in reverse, for every entity of the graph', async () => {
    const all: string[] = [];
    let after: string | null = null;
    do {
      const { entities }: any = await t.query(`query ($after: String) { entities(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      all.push(...entities.edges.map((e: any) => e.node.id));
      after = entities.pageInfo.hasNextPage ? entities.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBeGreaterThan(130);
    for (const [target, natures] of [
      [{ policy: JAPAN_CONTROL }, ALL_NATURES],
      [{ policy: 'policy:customs-tax-announcement-256' }, ['REPORTED']],
      [{ country: 'country:russia' }, ['REPORTED']],
    ] as const) {
      const { distances } = await exposedTo({ ...target, natures });
      const arg = 'policy' in target ? `policy: "${target.policy}"` : `country: "${target.country}"`;
      for (let i = 0; i < all.length; i += 25) {
        const batch = all.slice(i, i + 25);
        const text = `query ($natures: [Nature!]) { ${batch.map((id, j) => `e${j}: exposure(id: "${id}", ${arg}, natures: $natures) { exposed }`).join(' ')} }`;
        const data = await t.query(text, { natures });
        batch.forEach((id, j) => expect(data[`e${j}`].exposed, `${id} ${arg}`).toBe(distances[id] !== undefined));
      }
    }
  });
});

describe('Golden answers: exposure to a country', () => {
  it('Russia (doc 000, 002): primary magnesium and the US, then the US buyers', async () => {
    const { distances } = await exposedTo({ country: 'country:russia' });
    expect(distances).toEqual({
      'country:russia': 0,
      'commodity:primary-magnesium': 1,
      'country:united-states': 1,
      ...Object.fromEntries(US_BUYERS.map((id) => [id, 2])),
    });
  });

  it('China: what lies in it (provinces, cities, companies, bodies) at distance 0, then its dependents', async () => {
    const { distances, entities } = await exposedTo({ country: CHINA });
    for (const id of [CHINA, ...PROVINCES, 'company:yimeitai', 'company:infimotion', 'org:mofcom']) expect(distances[id], id).toBe(0);
    for (const [id, distance] of Object.entries(CHINA_DEPENDENTS)) expect(distances[id], id).toBe(distance);
    expect(distances['country:russia']).toBeUndefined();
    const bmw = entities.find((e) => e.entity.id === 'company:bmw');
    expect(bmw.path.nodes.map((n: any) => n.id)).toEqual(['company:bmw', 'country:germany', CHINA]);
  });
});

describe('Golden answers: time', () => {
  const JAPAN = `query ($asOf: LocalDate) { exposure(id: "country:japan", policy: "policy:dual-use-export-controls-japan", asOf: $asOf) { exposed direct { id } } }`;

  it('the Japan prohibition is in force from 6 January 2026 on, not before', async () => {
    expect((await t.query(JAPAN, { asOf: '2026-01-05' })).exposure).toEqual({ exposed: false, direct: [] });
    expect((await t.query(JAPAN, { asOf: '2026-01-06' })).exposure.direct).toEqual([{ id: 'japan-dual-use-controls-bar-military-end-use' }]);
    expect((await t.query(JAPAN, { asOf: '2030-06-30' })).exposure.direct).toEqual([{ id: 'japan-dual-use-controls-bar-military-end-use' }]);
  });

  it('Announcement No. 256 exposes no one before 1 January 2026', async () => {
    expect((await exposedTo({ policy: 'policy:customs-tax-announcement-256', asOf: '2025-12-31' })).distances).toEqual({});
    expect((await exposedTo({ policy: 'policy:customs-tax-announcement-256', asOf: '2026-01-01' })).distances[CHINA]).toBe(0);
  });

  it('a walk as of a day follows only the facts holding that day', async () => {
    // BMW's reliance on Germany's imports is reported for doc 002's 2024/2025; in 2023 nothing held.
    expect((await walk('up', 'company:bmw', { asOf: '2023-06-30' })).tiers).toEqual({});
    expect((await walk('up', 'company:bmw', { asOf: '2025-06-30' })).tiers[1]).toEqual(['country:germany']);
  });
});

describe('Golden answers: statements count once', () => {
  it('China’s 2024 output of 1,026,000 t is one fact stated by two documents, so it sums once', async () => {
    const { tradeFigures } = await t.query(`{
      tradeFigures(place: "${CHINA}", commodity: "commodity:primary-magnesium", measures: [PRODUCTION], period: { from: "2024-01-01", to: "2024-12-31" }) {
        totalCount
        edges { node { id figure { value unit measuredBy { id } } evidence { sources { id } references { source { id } period { text } statedOn } } } }
      }
    }`);
    const produced = tradeFigures.edges.map((e: any) => e.node).filter((n: any) => n.figure?.unit === 't');
    expect(produced.reduce((sum: number, n: any) => sum + n.figure.value, 0)).toBe(1_026_000);
    expect(produced).toHaveLength(1);
    expect(produced[0].figure.measuredBy).toEqual({ id: 'org:magnesium-industry-branch' });
    expect(produced[0].evidence.references.map((r: any) => [r.source.id, r.period.text])).toEqual([
      ['overview-magnesium-ingot-export-market', '2024'],
      ['citic-2025-08-18-magnesium-rare-earths', '2024'],
    ]);
  });

  it('China’s share of world output has one shape, side by side where the sources differ', async () => {
    const { relationships } = await t.query(`{
      relationships(filter: { entity: "${CHINA}", types: [HAS_METRIC] }, first: 50) {
        edges { node { id to { id } figure { value metric bound } evidence { period { text } } } }
      }
    }`);
    const shares = relationships.edges.map((e: any) => e.node).filter((n: any) => n.figure.metric === 'SHARE_OF_WORLD_OUTPUT');
    expect(shares.map((n: any) => [n.to.id, n.figure.value, n.figure.bound, n.evidence.period.text]).sort()).toEqual([
      ['commodity:magnesium-ingot', 80, 'AT_LEAST', '2024'],
      ['commodity:primary-magnesium', 85, 'AT_LEAST', '2025-09-16'],
      ['commodity:primary-magnesium', 91.6, null, '2024'],
    ]);
  });
});
