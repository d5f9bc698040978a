/**
 * Dependency questions over HTTP on the seeded graph: upstream and downstream tiers,
 * k shortest routes, exposure to a country or a policy, neighbourhoods, and argument
 * errors. Expected answers are worked out by hand from seed/facts/*.yaml ("A depends on
 * B": see DependencyKind in schema/dependencies.graphql).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindBounds, bindMinimumBounds, CYPHER_DIR, cypher, declaredBounds } from '../src/db/cypher.js';
import { DEPENDENCE_KINDS, dependencyTiers, kindsOf, narrowerGoods, toPaths, walk as walkByTiers, type WalkDirection, type WalkFilter } from '../src/db/dependencies.js';
import { LIMITS } from '../src/limits.js';
import { useTestApi } from './support/api.js';
import { NATURE_ORDER } from '../seed/vocabulary.js';

const t = useTestApi();
const { query, counted } = t;

/** The one error of a request that must fail: its code and message. */
const failure = async (text: string, variables?: Record<string, unknown>) => {
  const { body } = await t.server.graphql(text, variables);
  expect(body.data ?? null).toBeNull();
  expect(body.errors).toHaveLength(1);
  return { code: body.errors[0].extensions.code as string, message: body.errors[0].message as string };
};

const ids = (list: { id: string }[]) => list.map((e) => e.id);

const TIERS = `query ($id: ID!, $maxDepth: Int, $commodity: ID, $kinds: [DependencyKind!], $up: Boolean!) {
  upstream(id: $id, maxDepth: $maxDepth, commodity: $commodity, kinds: $kinds) @include(if: $up) { ...tiers }
  downstream(id: $id, maxDepth: $maxDepth, commodity: $commodity, kinds: $kinds) @skip(if: $up) { ...tiers }
}
fragment tiers on DependencyTiers {
  root { id } maxDepth total
  tiers { tier entities { tier entity { id } path { length nodes { id } } } }
}`;

interface Tiers {
  root: { id: string };
  maxDepth: number;
  total: number;
  tiers: { tier: number; entities: { tier: number; entity: { id: string }; path: { length: number; nodes: { id: string }[] } }[] }[];
}

/** Tier → the reached entities in order, each with the route of its path. */
function tierRoutes(result: Tiers): Record<number, [string, string[]][]> {
  const out: Record<number, [string, string[]][]> = {};
  for (const tier of result.tiers) {
    out[tier.tier] = tier.entities.map((reach) => {
      expect(reach.tier).toBe(tier.tier);
      expect(reach.path.length).toBe(tier.tier);
      expect(reach.path.nodes).toHaveLength(tier.tier + 1);
      return [reach.entity.id, ids(reach.path.nodes)];
    });
  }
  return out;
}

const walk = async (direction: 'up' | 'down', variables: Record<string, unknown>): Promise<Tiers> => {
  const data = await query(TIERS, { up: direction === 'up', ...variables });
  return direction === 'up' ? data.upstream : data.downstream;
};

/** The default walk: supply, every kind, reported facts only, any time. */
const SUPPLY: WalkFilter = { dependence: 'SUPPLY', kinds: kindsOf('SUPPLY'), natures: ['REPORTED'], asOf: null, commodities: null };

const BMW = 'company:bmw';
const GERMANY = 'country:germany';
const CHINA = 'country:china';
const PIDGEON = 'technology:pidgeon-process';

describe('Dependencies: upstream', () => {
  it('walks BMW’s providers tier by tier, each at its lowest tier with a shortest path', async () => {
    const result = await walk('up', { id: BMW, maxDepth: 3 });
    expect(result.root).toEqual({ id: BMW });
    expect(result.maxDepth).toBe(3);
    expect(result.total).toBe(4);
    // BMW DEPENDS_ON Germany; Germany IMPORTS_FROM / DEPENDS_ON China, China EXPORTS_TO
    // Germany; China DEPENDS_ON dolomite and USES_TECHNOLOGY the Pidgeon process. (China's
    // alloy exports RELY_ON_MARKET in Europe: market dependence, not followed here.)
    const via = [BMW, GERMANY, CHINA];
    expect(tierRoutes(result)).toEqual({
      1: [[GERMANY, [BMW, GERMANY]]],
      2: [[CHINA, [BMW, GERMANY, CHINA]]],
      3: [
        ['commodity:dolomite', [...via, 'commodity:dolomite']],
        [PIDGEON, [...via, PIDGEON]],
      ],
    });
  });

  it('lists every fact behind each hop of the path, with its evidence', async () => {
    const data = await query(`{
      dependencyPaths(from: "${BMW}", to: "${PIDGEON}", k: 1) {
        length nodes { id }
        hops { dependent { id } provider { id } relationships { id type from { id } to { id } item { id } } }
      }
    }`);
    const hops = data.dependencyPaths[0].hops.map((hop: any) => [
      hop.dependent.id,
      hop.provider.id,
      hop.relationships.map((r: any) => `${r.id} ${r.type} ${r.from.id}->${r.to.id} ${r.item?.id ?? '-'}`),
    ]);
    expect(data.dependencyPaths).toHaveLength(1);
    expect(ids(data.dependencyPaths[0].nodes)).toEqual([BMW, GERMANY, CHINA, PIDGEON]);
    expect(hops).toEqual([
      [BMW, GERMANY, ['bmw-depends-on-germany-magnesium-imports DEPENDS_ON company:bmw->country:germany commodity:magnesium-ingot']],
      [
        GERMANY,
        CHINA,
        [
          'china-exports-magnesium-alloy-to-germany-2025-12 EXPORTS_TO country:china->country:germany commodity:magnesium-alloy',
          'germany-depends-on-china-magnesium-ingot DEPENDS_ON country:germany->country:china commodity:magnesium-ingot',
          'germany-imports-magnesium-ingot-from-china IMPORTS_FROM country:germany->country:china commodity:magnesium-ingot',
        ],
      ],
      [CHINA, PIDGEON, ['china-uses-pidgeon-process USES_TECHNOLOGY country:china->technology:pidgeon-process -']],
    ]);
    // The sources of those facts (asked separately: four nested lists exceed the cost limit).
    const sources = await query(`{
      a: relationship(id: "bmw-depends-on-germany-magnesium-imports") { ...s }
      b: relationship(id: "china-exports-magnesium-alloy-to-germany-2025-12") { ...s }
      c: relationship(id: "germany-depends-on-china-magnesium-ingot") { ...s }
      d: relationship(id: "germany-imports-magnesium-ingot-from-china") { ...s }
      e: relationship(id: "china-uses-pidgeon-process") { ...s }
    }
    fragment s on Relationship { evidence { claim sources { id } } }`);
    const overview = [{ id: 'overview-magnesium-ingot-export-market' }];
    expect(Object.values(sources).map((r: any) => r.evidence.sources)).toEqual([
      overview,
      [{ id: 'smm-2026-01-china-magnesium-exports-2025' }],
      overview,
      overview,
      overview,
    ]);
    expect(sources.d.evidence.claim).toBe('Germany sources its magnesium ingot from China.');
  });

  /** Seven walks: both directions, both dependences, all natures, a day, a commodity. */
  type WalkCase = [string, WalkDirection, number, WalkFilter];
  const walkCases = async (): Promise<WalkCase[]> => [
    [BMW, 'UPSTREAM', 6, SUPPLY],
    [BMW, 'UPSTREAM', 4, { ...SUPPLY, natures: [...NATURE_ORDER] }],
    [CHINA, 'DOWNSTREAM', 3, SUPPLY],
    [CHINA, 'DOWNSTREAM', 2, { ...SUPPLY, asOf: '2025-06-30' }],
    [PIDGEON, 'DOWNSTREAM', 4, SUPPLY],
    [BMW, 'UPSTREAM', 6, { ...SUPPLY, commodities: await narrowerGoods(t.db, 'commodity:magnesium-ingot') }],
    [CHINA, 'UPSTREAM', 3, { ...SUPPLY, dependence: 'MARKET', kinds: kindsOf('MARKET') }],
  ];

  it('the facts a walk reads as it goes are exactly those hop-facts reads for its routes', async () => {
    const cases = await walkCases();
    let hops = 0;
    for (const [root, direction, maxDepth, filter] of cases) {
      const result = (await dependencyTiers(t.db, root, direction, maxDepth, filter, 1000))!;
      const reread = await toPaths(t.db, result.reaches.map((r) => r.path.nodeIds), direction, filter);
      expect(result.reaches.map((r) => r.path), `${root} ${direction} ${JSON.stringify(filter)}`).toEqual(reread);
      hops += result.reaches.length;
    }
    expect(hops).toBeGreaterThan(20);
  });

  it('the one-query walk keeps the routes the tier-by-tier walk finds, cut at perTier, with its totals', async () => {
    // upstream/downstream walk in one query (dependencies/tiers); the searches that need
    // every entity reached walk one query per tier (walk, dependencies/expand). Both must
    // choose the same route for every entity and order each tier the same way.
    const cases = [...(await walkCases()), [CHINA, 'DOWNSTREAM', 3, { ...SUPPLY, kinds: ['EXPORTS_TO', 'SUPPLIES'] }] as WalkCase];
    let compared = 0;
    for (const [root, direction, maxDepth, filter] of cases) {
      const reaches = await walkByTiers(t.db, [root], direction, maxDepth, filter);
      for (const perTier of [1, 2, 1000]) {
        const label = `${root} ${direction} ${maxDepth} ${perTier} ${JSON.stringify(filter)}`;
        const result = (await dependencyTiers(t.db, root, direction, maxDepth, filter, perTier, false))!;
        const totals = new Map<number, number>();
        const kept = reaches.filter((r) => {
          totals.set(r.tier, (totals.get(r.tier) ?? 0) + 1);
          return totals.get(r.tier)! <= perTier;
        });
        expect(result.reaches.map((r) => [r.tier, r.path.nodeIds]), label).toEqual(kept.map((r) => [r.tier, r.route]));
        expect([...result.tierTotals], label).toEqual([...totals]);
        compared += result.reaches.length;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('the upstream walk’s paths carry the same hop facts (data layer)', async () => {
    const result = (await dependencyTiers(t.db, BMW, 'UPSTREAM', 3, SUPPLY, 100))!;
    const pidgeon = result.reaches.find((r) => r.entityId === PIDGEON)!;
    expect(pidgeon.path.nodeIds).toEqual([BMW, GERMANY, CHINA, PIDGEON]);
    expect(pidgeon.path.hops.map((h) => [h.dependentId, h.providerId, h.relationships.map((r) => r.id)])).toEqual([
      [BMW, GERMANY, ['bmw-depends-on-germany-magnesium-imports']],
      [
        GERMANY,
        CHINA,
        [
          'china-exports-magnesium-alloy-to-germany-2025-12',
          'germany-depends-on-china-magnesium-ingot',
          'germany-imports-magnesium-ingot-from-china',
        ],
      ],
      [CHINA, PIDGEON, ['china-uses-pidgeon-process']],
    ]);
    expect(pidgeon.path.hops[1]!.relationships.map((r) => r.sourceIds)).toEqual([
      ['smm-2026-01-china-magnesium-exports-2025'],
      ['overview-magnesium-ingot-export-market'],
      ['overview-magnesium-ingot-export-market'],
    ]);
  });

  it('with a commodity, follows only hops about it: magnesium ingot stops at China', async () => {
    // China's own dependencies (dolomite, the Pidgeon process) do not concern ingot or
    // its grades, so even six tiers reach no further.
    const result = await walk('up', { id: BMW, maxDepth: 6, commodity: 'commodity:magnesium-ingot' });
    expect(result.total).toBe(2);
    expect(tierRoutes(result)).toEqual({
      1: [[GERMANY, [BMW, GERMANY]]],
      2: [[CHINA, [BMW, GERMANY, CHINA]]],
    });
    // …and the Germany→China hop keeps only the ingot facts, not the alloy export.
    const commodities = await narrowerGoods(t.db, 'commodity:magnesium-ingot');
    expect(commodities).toEqual(['commodity:magnesium-ingot', 'commodity:magnesium-ingot-99-9', 'commodity:magnesium-ingot-99-95']);
    const rows = (await dependencyTiers(t.db, BMW, 'UPSTREAM', 6, { ...SUPPLY, commodities }, 100))!;
    expect(rows.reaches[1]!.path.hops[1]!.relationships.map((r) => r.id)).toEqual([
      'germany-depends-on-china-magnesium-ingot',
      'germany-imports-magnesium-ingot-from-china',
    ]);
  });

  it('with kinds, follows only those: without DEPENDS_ON, BMW depends on nothing', async () => {
    const result = await walk('up', { id: BMW, maxDepth: 3, kinds: ['IMPORTS_FROM', 'EXPORTS_TO', 'USES_TECHNOLOGY'] });
    expect(result.total).toBe(0);
    expect(result.tiers).toEqual([]);
  });

  it('Tesla: the US, then China and Russia, then what China and Russia depend on', async () => {
    const result = await walk('up', { id: 'company:tesla', maxDepth: 4 });
    const entities = Object.fromEntries(Object.entries(tierRoutes(result)).map(([tier, reaches]) => [tier, reaches.map(([id]) => id)]));
    expect(entities).toEqual({
      1: ['country:united-states'],
      2: [CHINA, 'country:russia'],
      3: ['commodity:dolomite', 'technology:electrolysis', PIDGEON],
      4: ['commodity:coal'],
    });
  });
});

describe('Dependencies: downstream', () => {
  const tier1 = [
    'region:asia',
    'region:europe',
    GERMANY,
    'country:india',
    'country:japan',
    'commodity:magnesium-alloy',
    'commodity:magnesium-ingot',
    'country:netherlands',
    'region:north-america',
    'commodity:primary-magnesium',
    'country:south-korea',
    'country:united-states',
  ];

  it('China’s direct dependents (maxDepth 1), sorted by name', async () => {
    const result = await walk('down', { id: CHINA, maxDepth: 1 });
    expect(result.total).toBe(12);
    expect(tierRoutes(result)).toEqual({ 1: tier1.map((id) => [id, [CHINA, id]]) });
  });

  it('China’s dependents to maxDepth 2: tier 2 through Germany, the US, magnesium ingot and alloy', async () => {
    const result = await walk('down', { id: CHINA, maxDepth: 2 });
    expect(result.total).toBe(27);
    const us = 'country:united-states';
    const ingot = 'commodity:magnesium-ingot';
    const alloy = 'commodity:magnesium-alloy';
    expect(tierRoutes(result)).toEqual({
      1: tier1.map((id) => [id, [CHINA, id]]),
      2: [
        [BMW, [CHINA, GERMANY, BMW]],
        ['company:boeing', [CHINA, us, 'company:boeing']],
        ['country:brazil', [CHINA, ingot, 'country:brazil']],
        ['product:door-inner-panel', [CHINA, alloy, 'product:door-inner-panel']],
        ['region:east-asia', [CHINA, ingot, 'region:east-asia']],
        ['product:electric-drive-housing', [CHINA, alloy, 'product:electric-drive-housing']],
        ['product:er4-550-mi', [CHINA, alloy, 'product:er4-550-mi']],
        ['company:general-motors', [CHINA, us, 'company:general-motors']],
        ['product:900v-coaxial-dual-e-drive', [CHINA, alloy, 'product:900v-coaxial-dual-e-drive']],
        ['company:lockheed-martin', [CHINA, us, 'company:lockheed-martin']],
        ['company:mercedes-benz', [CHINA, GERMANY, 'company:mercedes-benz']],
        ['product:mg-800', [CHINA, alloy, 'product:mg-800']],
        ['product:seat-crossbeam-frame', [CHINA, alloy, 'product:seat-crossbeam-frame']],
        ['company:tesla', [CHINA, us, 'company:tesla']],
        ['country:turkey', [CHINA, ingot, 'country:turkey']],
      ],
    });
  });

  it('keeps at most perTier entities per tier, by name, and says how many each tier has', async () => {
    const full = await walk('down', { id: CHINA, maxDepth: 2 });
    const cut = await t.server.graphql(
      `{ downstream(id: "${CHINA}", maxDepth: 2, perTier: 3) { total tiers { tier total entities { entity { id } } } } }`,
    );
    const data = cut.body.data.downstream;
    expect(data.total).toBe(full.total);
    for (const tier of data.tiers) {
      const all = full.tiers.find((t: { tier: number }) => t.tier === tier.tier)!;
      expect(tier.total).toBe(all.entities.length);
      expect(tier.entities.map((e: any) => e.entity.id)).toEqual(all.entities.slice(0, 3).map((e: any) => e.entity.id));
    }
    const tooMany = await t.server.graphql(`{ downstream(id: "${CHINA}", perTier: 1001) { total } }`);
    expect(tooMany.body.errors[0]).toMatchObject({
      message: 'perTier: at most 1000 is allowed, got 1001',
      extensions: { code: 'LIMIT_EXCEEDED' },
    });
  });

  // The same walk with each hop's facts and natures, asked for through a fragment and an alias.
  const WITH_FACTS = `query ($id: ID!, $maxDepth: Int) {
    downstream(id: $id, maxDepth: $maxDepth) {
      root { id } maxDepth total
      tiers { tier entities { tier entity { id } ...withFacts } }
    }
  }
  fragment withFacts on DependencyReach { nature path { length nodes { id } hops { facts: relationships { id } } } }`;

  it('makes one query for the walk and one for the kept routes’ facts, whatever the depth and the number of results', async () => {
    for (const maxDepth of [1, 2, 3]) {
      const { seen, data } = await counted(WITH_FACTS, { id: CHINA, maxDepth });
      // The root with the whole walk, then the kept routes' facts with their entities in
      // one query, whether 12 or 27 come back.
      expect(seen).toEqual({ 'dependencies/tiers': 1, 'dependencies/hop-facts': 1 });
      const hops = data.downstream.tiers.flatMap((tier: any) => tier.entities.flatMap((reach: any) => reach.path.hops));
      expect(hops.length).toBeGreaterThan(0);
      for (const hop of hops) expect(hop.facts.length).toBeGreaterThan(0);
    }
  });

  it('reads no facts when neither they nor a nature are selected, and answers the same', async () => {
    const withFacts = await counted(WITH_FACTS, { id: CHINA, maxDepth: 2 });
    const without = await counted(TIERS, { up: false, id: CHINA, maxDepth: 2 });
    expect(without.seen).toEqual({ 'dependencies/tiers': 1, 'entities/by-ids': 1 });
    // Everything the lighter request asked for is what the full one answered.
    const strip = (tiers: any[]) =>
      tiers.map((tier) => ({
        tier: tier.tier,
        entities: tier.entities.map((reach: any) => ({ tier: reach.tier, entity: reach.entity, path: { length: reach.path.length, nodes: reach.path.nodes } })),
      }));
    expect(without.data.downstream.total).toBe(withFacts.data.downstream.total);
    expect(without.data.downstream.tiers).toEqual(strip(withFacts.data.downstream.tiers));
    expect(without.data.downstream.total).toBeGreaterThan(0);
  });
});

describe('Dependencies: dependencyPaths', () => {
  const PATHS = `query ($from: ID!, $to: ID!, $k: Int, $maxLength: Int, $kinds: [DependencyKind!], $direction: PathDirection) {
    dependencyPaths(from: $from, to: $to, k: $k, maxLength: $maxLength, kinds: $kinds, direction: $direction) {
      length nodes { id } hops { dependent { id } provider { id } relationships { id } }
    }
  }`;
  const routes = async (variables: Record<string, unknown>) => {
    const data = await query(PATHS, variables);
    return data.dependencyPaths.map((p: any) => {
      expect(p.length).toBe(p.nodes.length - 1);
      expect(p.hops).toHaveLength(p.length);
      return ids(p.nodes);
    });
  };
  const EUROPE = 'region:europe';
  const INGOT = 'commodity:magnesium-ingot';

  it('Europe depends on the Pidgeon process by three routes, shortest first, ties by their ids', async () => {
    // Europe CONSUMES ingot, which the Pidgeon process PRODUCES; China EXPORTS_TO Europe and
    // uses the process; and ingot depends on China, its producer.
    const three = [
      [EUROPE, INGOT, PIDGEON],
      [EUROPE, CHINA, PIDGEON],
      [EUROPE, INGOT, CHINA, PIDGEON],
    ];
    expect(await routes({ from: EUROPE, to: PIDGEON, k: 3 })).toEqual(three);
    expect(await routes({ from: EUROPE, to: PIDGEON, k: 10 })).toEqual(three);
    expect(await routes({ from: EUROPE, to: PIDGEON, k: 1 })).toEqual([three[0]]);
    expect(await routes({ from: EUROPE, to: PIDGEON, k: 3, maxLength: 2 })).toEqual(three.slice(0, 2));
    expect(await routes({ from: BMW, to: PIDGEON, k: 3 })).toEqual([[BMW, GERMANY, CHINA, PIDGEON]]);
    expect(await routes({ from: BMW, to: GERMANY, maxLength: 1 })).toEqual([[BMW, GERMANY]]);
    expect(await routes({ from: BMW, to: CHINA, maxLength: 1 })).toEqual([]);
  });

  it('DOWNSTREAM walks from the provider to its dependents; hops still name dependent and provider', async () => {
    const data = await query(PATHS, { from: PIDGEON, to: BMW, k: 3, direction: 'DOWNSTREAM' });
    expect(data.dependencyPaths.map((p: any) => ids(p.nodes))).toEqual([[PIDGEON, CHINA, GERMANY, BMW]]);
    expect(data.dependencyPaths[0].hops.map((h: any) => [h.dependent.id, h.provider.id, ids(h.relationships)])).toEqual([
      [CHINA, PIDGEON, ['china-uses-pidgeon-process']],
      [GERMANY, CHINA, ['china-exports-magnesium-alloy-to-germany-2025-12', 'germany-depends-on-china-magnesium-ingot', 'germany-imports-magnesium-ingot-from-china']],
      [BMW, GERMANY, ['bmw-depends-on-germany-magnesium-imports']],
    ]);
  });

  it('kinds remove routes and the facts of other kinds from hops', async () => {
    const data = await query(PATHS, { from: EUROPE, to: PIDGEON, kinds: ['CONSUMES', 'PRODUCES'] });
    // Without USES_TECHNOLOGY and EXPORTS_TO, the routes through China are gone.
    expect(data.dependencyPaths.map((p: any) => ids(p.nodes))).toEqual([[EUROPE, INGOT, PIDGEON]]);
    expect(data.dependencyPaths[0].hops.map((h: any) => ids(h.relationships))).toEqual([
      ['europe-consumes-magnesium-ingot'],
      ['pidgeon-process-produces-magnesium-ingot'],
    ]);
  });

  it('no route gives an empty list: the Pidgeon process does not depend on BMW', async () => {
    expect(await routes({ from: PIDGEON, to: BMW })).toEqual([]);
    expect(await routes({ from: BMW, to: BMW })).toEqual([]);
  });
});

describe('Dependencies: exposure', () => {
  const EXPOSURE = `query ($id: ID!, $country: ID, $policy: ID, $maxDepth: Int) {
    exposure(id: $id, country: $country, policy: $policy, maxDepth: $maxDepth) {
      subject { id } through { id } exposed
      direct { id }
      paths { at { id } because { id } path { nodes { id } hops { relationships { id } } } }
    }
  }`;
  const exposure = async (variables: Record<string, unknown>) => {
    const { exposure: e } = await query(EXPOSURE, variables);
    return {
      subject: e.subject.id,
      through: e.through.id,
      exposed: e.exposed,
      direct: ids(e.direct),
      paths: e.paths.map((p: any) => ({ at: p.at.id, because: ids(p.because), route: ids(p.path.nodes) })),
    };
  };
  const US = 'country:united-states';
  const TESLA = 'company:tesla';

  it('Tesla depends on Russia through the United States', async () => {
    expect(await exposure({ id: TESLA, country: 'country:russia' })).toEqual({
      subject: TESLA,
      through: 'country:russia',
      exposed: true,
      direct: [],
      paths: [{ at: 'country:russia', because: [], route: [TESLA, US, 'country:russia'] }],
    });
  });

  it('Tesla depends on China through the United States; no provider of Tesla is located in China', async () => {
    expect(await exposure({ id: TESLA, country: CHINA })).toEqual({
      subject: TESLA,
      through: CHINA,
      exposed: true,
      direct: [],
      paths: [{ at: CHINA, because: [], route: [TESLA, US, CHINA] }],
    });
  });

  it('direct lists the subject’s own location in the country', async () => {
    expect(await exposure({ id: TESLA, country: US })).toEqual({
      subject: TESLA,
      through: US,
      exposed: true,
      direct: ['tesla-located-in-us'],
      paths: [{ at: US, because: [], route: [TESLA, US] }],
    });
  });

  it('a region counts what lies in it, through its members: BMW is in Europe (via Germany) and meets it at Germany', async () => {
    // Europe is no longer a provider of China (market reliance is not supply), so the
    // only path ends at Germany, a member of Europe.
    expect(await exposure({ id: BMW, country: 'region:europe' })).toEqual({
      subject: BMW,
      through: 'region:europe',
      exposed: true,
      direct: ['bmw-located-in-germany', 'germany-member-of-europe'],
      paths: [{ at: GERMANY, because: ['germany-member-of-europe'], route: [BMW, GERMANY] }],
    });
  });

  it('a country the entity does not depend on within maxDepth: not exposed', async () => {
    expect(await exposure({ id: TESLA, country: 'country:russia', maxDepth: 1 })).toMatchObject({ exposed: false, direct: [], paths: [] });
  });

  it('a country is exposed to itself, with no fact to show for it', async () => {
    expect(await exposure({ id: 'country:russia', country: 'country:russia' })).toMatchObject({ exposed: true, direct: [], paths: [] });
  });

  const DUAL_USE = 'policy:dual-use-export-controls-japan';

  it('Japan’s dual-use prohibition names Japan as its destination, and meets China’s ingot exports to Japan', async () => {
    const result = await exposure({ id: 'country:japan', policy: DUAL_USE });
    expect(result).toEqual({
      subject: 'country:japan',
      through: DUAL_USE,
      exposed: true,
      direct: ['japan-dual-use-controls-bar-military-end-use'],
      paths: [{ at: CHINA, because: ['japan-dual-use-controls-bar-military-end-use'], route: ['country:japan', CHINA] }],
    });
  });

  it('the prohibition does not reach the US or Tesla: their magnesium goes to the US, not to Japan', async () => {
    for (const id of [US, TESLA, BMW, 'company:boeing']) {
      for (const natures of [['REPORTED'], ['REPORTED', 'CLAIMED', 'PLAN', 'FORECAST', 'INTENT']]) {
        const { exposure: e } = await query(
          `query ($id: ID!, $natures: [Nature!]) { exposure(id: $id, policy: "${DUAL_USE}", maxDepth: 6, natures: $natures) { exposed direct { id } paths { at { id } } } }`,
          { id, natures },
        );
        expect(e, `${id} ${natures.join()}`).toEqual({ exposed: false, direct: [], paths: [] });
      }
    }
  });

  it('a policy on a provider: Announcement 256 applies in China, two tiers above BMW', async () => {
    const policy = 'policy:customs-tax-announcement-256';
    expect(await exposure({ id: BMW, policy })).toEqual({
      subject: BMW,
      through: policy,
      exposed: true,
      direct: [],
      paths: [{ at: CHINA, because: ['announcement-256-applies-in-china'], route: [BMW, GERMANY, CHINA] }],
    });
  });

  it('reads the paths’ facts only when they are selected, and answers the same without them', async () => {
    const LEAN = `query ($id: ID!, $country: ID, $policy: ID) {
      exposure(id: $id, country: $country, policy: $policy) {
        exposed direct { id } paths { at { id } because { id } path { length nodes { id } } }
      }
    }`;
    for (const variables of [
      { id: TESLA, country: 'country:russia' },
      { id: BMW, policy: 'policy:customs-tax-announcement-256' },
    ]) {
      const run = async (text: string) => {
        const { seen, data } = await counted(text, variables);
        return { queries: seen, answer: data.exposure };
      };
      const full = await run(EXPOSURE);
      const lean = await run(LEAN);
      expect(full.queries['dependencies/hop-facts'], JSON.stringify(variables)).toBe(1);
      expect(lean.queries['dependencies/hop-facts'], JSON.stringify(variables)).toBeUndefined();
      const hops = full.answer.paths.flatMap((p: any) => p.path.hops);
      expect(hops.length).toBeGreaterThan(0);
      for (const hop of hops) expect(hop.relationships.length).toBeGreaterThan(0);
      // Everything the lighter request asked for is what the full one answered.
      expect(lean.answer).toEqual({
        exposed: full.answer.exposed,
        direct: full.answer.direct,
        paths: full.answer.paths.map((p: any) => ({
          at: p.at,
          because: p.because,
          path: { length: p.path.hops.length, nodes: p.path.nodes },
        })),
      });
    }
  });

  it('to a country: walks in one query, and reads back only the entities in the country, those of the walk by tiers', async () => {
    const PLACE_MEMBERS = cypher('dependencies/place-members');
    const LEAN = `query ($id: ID!, $country: ID, $maxDepth: Int) {
      exposure(id: $id, country: $country, maxDepth: $maxDepth) { paths { at { id } path { nodes { id } } } }
    }`;
    for (const [id, country, maxDepth] of [
      [TESLA, 'country:russia', 4],
      [TESLA, 'country:united-states', 6],
      [BMW, CHINA, 3],
      [BMW, 'region:europe', 5],
    ] as const) {
      const { seen, data } = await counted(LEAN, { id, country, maxDepth });
      expect(seen['dependencies/tiers']).toBe(1);
      expect(seen['dependencies/expand']).toBeUndefined();
      // The reference: the walk tier by tier (every entity reached comes to Node), cut to the country.
      const members = new Set((await t.db.run(PLACE_MEMBERS, { places: [country] })).map((row) => String(row.entityId)));
      const reaches = (await walkByTiers(t.db, [id], 'UPSTREAM', maxDepth, SUPPLY)).filter((r) => r.entityId === country || members.has(r.entityId));
      expect(reaches.length, `${id} → ${country}`).toBeGreaterThan(0);
      expect(data.exposure.paths.map((p: any) => ({ at: p.at.id, nodes: ids(p.path.nodes) }))).toEqual(
        reaches.map((r) => ({ at: r.entityId, nodes: r.route })),
      );
    }
  });

  it('to a policy: walks in one query once the scope is known, and not at all when only the subject\'s own hops could enter it', async () => {
    const LEAN = `query ($id: ID!, $policy: ID, $maxDepth: Int) {
      exposure(id: $id, policy: $policy, maxDepth: $maxDepth) { exposed paths { at { id } path { length } } }
    }`;
    const policy = 'policy:customs-tax-announcement-256';
    const deep = await counted(LEAN, { id: BMW, policy, maxDepth: 4 });
    // BMW enters the scope two hops up, at China.
    expect(deep.data.exposure).toEqual({ exposed: true, paths: [{ at: { id: CHINA }, path: { length: 2 } }] });
    expect(deep.seen['dependencies/tiers']).toBe(1);
    expect(deep.seen['dependencies/expand']).toBeUndefined();
    // maxDepth 1: only the subject's own hops can enter the scope (none of BMW's does),
    // so there is nothing to walk.
    const near = await counted(LEAN, { id: BMW, policy, maxDepth: 1 });
    expect(near.data.exposure).toEqual({ exposed: false, paths: [] });
    expect(near.seen['dependencies/tiers']).toBeUndefined();
  });

  it('needs exactly one of country and policy, of the right kind', async () => {
    expect(await failure(EXPOSURE, { id: BMW })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'country: give exactly one of country and policy, got neither',
    });
    expect(await failure(EXPOSURE, { id: BMW, country: CHINA, policy: DUAL_USE })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'country: give exactly one of country and policy, got both',
    });
    expect(await failure(EXPOSURE, { id: BMW, country: 'company:tesla' })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'country: company:tesla is a Company, not a Country or Region',
    });
    expect(await failure(EXPOSURE, { id: BMW, policy: CHINA })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'policy: country:china is a Country, not a Policy',
    });
    expect(await failure(EXPOSURE, { id: BMW, country: 'country:atlantis' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No country has the id "country:atlantis".',
    });
    expect(await failure(EXPOSURE, { id: BMW, policy: 'policy:none' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No policy has the id "policy:none".',
    });
  });
});

describe('Dependencies: what a result reads along', () => {
  // The slim selection shows no more of the entities and facts than their slim fields;
  // the whole one adds fields only whole rows answer. The slim answer must be the whole
  // one cut down to its fields.
  const SLIM_ENTITY = 'id name kind degree sources { id }';
  const SLIM_FACT = `id type from { id name } to { id } item { id name } figure { value unit }
    evidence { claim nature condition note period { text start end } sources { id } }`;
  const hopsOf = (entity: string, fact: string) => `hops { dependent { ${entity} } provider { ${entity} } relationships { ${fact} } }`;
  type Json = Record<string, any>;
  /** The whole answer without what only the whole selection shows. */
  const cut = (value: any): any => {
    if (Array.isArray(value)) return value.map(cut);
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) if (!['description', 'aliases', 'references'].includes(key)) out[key] = cut(item);
    return out;
  };

  it('a walk reads its entities and hop facts slim when the selection shows no more, with the answers of whole ones', async () => {
    const walk = (entity: string, fact: string) =>
      `query ($id: ID!) { upstream(id: $id, maxDepth: 3, perTier: 20) { total tiers { tier entities { entity { ${entity} } path { nodes { ${entity} } ${hopsOf(entity, fact)} } } } } }`;
    const slim = await query(walk(SLIM_ENTITY, SLIM_FACT), { id: BMW });
    const whole = await query(walk(`${SLIM_ENTITY} description aliases`, `${SLIM_FACT} evidence { references { claim } }`), { id: BMW });
    expect(slim.upstream.total).toBe(4);
    expect(JSON.stringify(slim)).toContain('"claim":"');
    expect(JSON.stringify(whole)).toContain('"description":"');
    expect(slim).toEqual(cut(whole));
  });

  it('dependency paths too, and slim rows never answer another field that shows more', async () => {
    const paths = (entity: string, fact: string) => `dependencyPaths(from: "${BMW}", to: "${PIDGEON}", k: 3) { length nodes { ${entity} } ${hopsOf(entity, fact)} }`;
    const { slim, whole } = await query(`{
      slim: ${paths(SLIM_ENTITY, SLIM_FACT)}
      whole: ${paths(`${SLIM_ENTITY} description aliases`, `${SLIM_FACT} evidence { references { claim } }`)}
    }`);
    expect(slim.length).toBeGreaterThan(0);
    expect(slim).toEqual(cut(whole));
    const alone = await query(`{ ${paths(SLIM_ENTITY, SLIM_FACT)} }`);
    expect(alone.dependencyPaths).toEqual(slim);
    for (const node of whole.flatMap((path: Json) => path.nodes)) {
      const { entity } = await query('query ($id: ID!) { entity(id: $id) { description aliases } }', { id: node.id });
      expect({ description: node.description, aliases: node.aliases }, node.id).toEqual(entity);
    }
  });
});

describe('Dependencies: subgraph', () => {
  const SUBGRAPH = `query ($ids: [ID!]!, $depth: Int, $limit: Int, $types: [RelationshipType!]) {
    subgraph(ids: $ids, depth: $depth, limit: $limit, types: $types) { nodes { id } edges { id from { id } to { id } } truncated }
  }`;
  const subgraph = async (variables: Record<string, unknown>) => {
    const { subgraph: s } = await query(SUBGRAPH, variables);
    return { nodes: ids(s.nodes), edges: ids(s.edges), truncated: s.truncated };
  };
  const YIMEITAI = 'company:yimeitai';

  it('Yimeitai’s neighbourhood at depth 1: start first, then by name; every relationship among them', async () => {
    expect(await subgraph({ ids: [YIMEITAI] })).toEqual({
      nodes: [YIMEITAI, CHINA, 'product:mg-800', 'company:optimo', 'technology:semi-solid-injection-moulding', 'country:south-korea'],
      edges: [
        'china-exports-magnesium-ingot-to-south-korea-overview',
        'mg-800-uses-semi-solid-injection-moulding',
        'optimo-located-in-south-korea',
        'yimeitai-develops-mg-800',
        'yimeitai-exports-mg-800-to-south-korea',
        'yimeitai-located-in-china',
        'yimeitai-supplies-optimo-mg-800',
        'yimeitai-uses-semi-solid-injection-moulding',
      ],
      truncated: false,
    });
  });

  it('a limit that cuts the neighbourhood says so', async () => {
    expect(await subgraph({ ids: [YIMEITAI], limit: 3 })).toEqual({
      nodes: [YIMEITAI, CHINA, 'product:mg-800'],
      edges: ['yimeitai-develops-mg-800', 'yimeitai-located-in-china'],
      truncated: true,
    });
    expect((await subgraph({ ids: [YIMEITAI], limit: 6 })).truncated).toBe(false);
  });

  it('types restrict both the walk and the edges', async () => {
    expect(await subgraph({ ids: [YIMEITAI], types: ['LOCATED_IN', 'SUPPLIES'] })).toEqual({
      nodes: [YIMEITAI, CHINA, 'company:optimo'],
      edges: ['yimeitai-located-in-china', 'yimeitai-supplies-optimo-mg-800'],
      truncated: false,
    });
    // At depth 2, everything else located in China, by name: companies, government
    // bodies, and the provinces and cities the sources place there.
    const inChina = [
      ['company:anyang-highrise-metal-material', 'anyang-highrise-located-in-china'],
      ['region:beijing', 'beijing-located-in-china'],
      ['region:fugu', 'fugu-located-in-china'],
      ['org:general-administration-of-customs', 'general-administration-of-customs-located-in-china'],
      ['region:guangzhou', 'guangzhou-located-in-china'],
      ['region:henan', 'henan-located-in-china'],
      ['company:infimotion', 'infimotion-located-in-china'],
      ['region:inner-mongolia', 'inner-mongolia-located-in-china'],
      ['org:mofcom', 'mofcom-located-in-china'],
      ['region:ningxia', 'ningxia-located-in-china'],
      ['region:shaanxi', 'shaanxi-located-in-china'],
      ['region:shanghai', 'shanghai-located-in-china'],
      ['region:shanxi', 'shanxi-located-in-china'],
      ['org:state-taxation-administration', 'state-taxation-administration-located-in-china'],
      ['region:tianjin', 'tianjin-located-in-china'],
      ['region:xiamen', 'xiamen-located-in-china'],
    ];
    expect(await subgraph({ ids: [YIMEITAI], depth: 2, types: ['LOCATED_IN'] })).toEqual({
      nodes: [YIMEITAI, CHINA, ...inChina.map(([node]) => node)],
      edges: [...inChina.map(([, edge]) => edge), 'yimeitai-located-in-china'].sort(),
      truncated: false,
    });
  });

  it('reads only what its selection shows, with the same answer field for field', async () => {
    // Whole nodes and facts; then slim nodes with bare facts, and slim facts: each of the
    // narrower selections must be the whole answer cut down to its fields.
    const WHOLE = `query ($ids: [ID!]!) { subgraph(ids: $ids, depth: 2, limit: 40) {
      nodes { id name kind degree description aliases sources { id } }
      edges { id type meaning from { id name description } to { id name kind } item { id name }
              figure { value unit } evidence { claim nature condition note period { text start end } sources { id }
                                                  references { claim source { id } } } }
      truncated } }`;
    const BARE = `query ($ids: [ID!]!) { subgraph(ids: $ids, depth: 2, limit: 40) {
      nodes { __typename id name kind degree } edges { id type meaning from { id name } to { id kind } item { id } } truncated } }`;
    const SLIM = `query ($ids: [ID!]!) { subgraph(ids: $ids, depth: 2, limit: 40) {
      nodes { id name } edges { id to { id name } evidence { claim nature condition note period { text start end } sources { id } } } truncated } }`;
    type Node = Record<string, unknown> & { id: string };
    type Edge = Record<string, unknown> & { evidence: Record<string, unknown>; from: Record<string, unknown>; to: Record<string, unknown> };
    const { subgraph: whole } = await query(WHOLE, { ids: [YIMEITAI] });
    const { subgraph: bare } = await query(BARE, { ids: [YIMEITAI] });
    const { subgraph: slim } = await query(SLIM, { ids: [YIMEITAI] });
    expect(whole.nodes).toHaveLength(40);
    expect((whole.nodes as Node[]).filter((n) => n.description !== '')).not.toHaveLength(0);
    expect((whole.edges as Edge[]).filter((e) => e.figure !== null)).not.toHaveLength(0);
    expect(bare).toEqual({
      nodes: (whole.nodes as Node[]).map(({ id, name, kind, degree }) => ({ __typename: expect.any(String), id, name, kind, degree })),
      edges: (whole.edges as Edge[]).map(({ id, type, meaning, from, to, item }) => ({
        id,
        type,
        meaning,
        from: { id: from.id, name: from.name },
        to: { id: to.id, kind: to.kind },
        item: item === null ? null : { id: (item as Node).id },
      })),
      truncated: true,
    });
    expect(slim).toEqual({
      nodes: (whole.nodes as Node[]).map(({ id, name }) => ({ id, name })),
      edges: (whole.edges as Edge[]).map(({ id, to, evidence: { references: _references, ...evidence } }) => ({
        id,
        to: { id: to.id, name: to.name },
        evidence,
      })),
      truncated: true,
    });
  });

  it('slim nodes never answer another field of the same request that shows more', async () => {
    const BOTH = `query ($ids: [ID!]!) {
      slim: subgraph(ids: $ids) { nodes { id name } edges { from { id } } }
      whole: subgraph(ids: $ids) { nodes { id description } edges { from { id description } } }
    }`;
    const { slim, whole } = await query(BOTH, { ids: [YIMEITAI] });
    const { entity } = await query(`query ($id: ID!) { entity(id: $id) { id description } }`, { id: YIMEITAI });
    expect(entity.description).not.toBe('');
    expect(ids(slim.nodes)).toEqual(ids(whole.nodes));
    expect(whole.nodes[0]).toEqual(entity);
    expect(whole.edges.filter((e: { from: { id: string } }) => e.from.id === YIMEITAI).map((e: { from: unknown }) => e.from)).toContainEqual(entity);
  });

  it('several start entities come first, in the order given', async () => {
    expect(await subgraph({ ids: [BMW, GERMANY, BMW], types: ['LOCATED_IN'] })).toEqual({
      nodes: [BMW, GERMANY, 'company:mercedes-benz'],
      edges: ['bmw-located-in-germany', 'mercedes-benz-located-in-germany'],
      truncated: false,
    });
  });
});

describe('Dependencies: arguments', () => {
  const UP = `query ($id: ID!, $maxDepth: Int, $commodity: ID, $kinds: [DependencyKind!]) {
    upstream(id: $id, maxDepth: $maxDepth, commodity: $commodity, kinds: $kinds) { total }
  }`;
  const PATHS = `query ($k: Int, $maxLength: Int) { dependencyPaths(from: "${BMW}", to: "${PIDGEON}", k: $k, maxLength: $maxLength) { length } }`;

  it('rejects out-of-range numbers, never clamps them', async () => {
    expect(await failure(UP, { id: BMW, maxDepth: 0 })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'maxDepth: must be a whole number from 1 to 6, got 0',
    });
    expect(await failure(UP, { id: BMW, maxDepth: 7 })).toEqual({
      code: 'LIMIT_EXCEEDED',
      message: 'maxDepth: at most 6 is allowed, got 7',
    });
    expect(await failure(PATHS, { k: 11 })).toEqual({ code: 'LIMIT_EXCEEDED', message: 'k: at most 10 is allowed, got 11' });
    expect(await failure(PATHS, { k: 0 })).toEqual({ code: 'BAD_USER_INPUT', message: 'k: must be a whole number from 1 to 10, got 0' });
    expect(await failure(PATHS, { maxLength: 9 })).toEqual({
      code: 'LIMIT_EXCEEDED',
      message: 'maxLength: at most 8 is allowed, got 9',
    });
    expect(await failure(`{ subgraph(ids: ["${BMW}"], depth: 4) { truncated } }`)).toEqual({
      code: 'LIMIT_EXCEEDED',
      message: 'depth: at most 3 is allowed, got 4',
    });
    expect(await failure(`{ subgraph(ids: ["${BMW}"], limit: 0) { truncated } }`)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'limit: must be a whole number from 1 to 500, got 0',
    });
    expect(await failure(`{ subgraph(ids: []) { truncated } }`)).toEqual({ code: 'BAD_USER_INPUT', message: 'ids: must name at least 1' });
    expect(await failure(UP, { id: BMW, kinds: [] })).toEqual({ code: 'BAD_USER_INPUT', message: 'kinds: must name at least 1' });
  });

  it('unknown ids are NOT_FOUND', async () => {
    expect(await failure(UP, { id: 'company:nope' })).toEqual({ code: 'NOT_FOUND', message: 'No entity has the id "company:nope".' });
    expect(await failure(`{ downstream(id: "company:nope") { total } }`)).toEqual({
      code: 'NOT_FOUND',
      message: 'No entity has the id "company:nope".',
    });
    expect(await failure(UP, { id: BMW, commodity: 'commodity:unobtainium' })).toEqual({
      code: 'NOT_FOUND',
      message: 'No commodity has the id "commodity:unobtainium".',
    });
    expect(await failure(UP, { id: BMW, commodity: CHINA })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'commodity: country:china is a Country, not a Commodity or Product',
    });
    expect(await failure(`{ dependencyPaths(from: "${BMW}", to: "technology:nope") { length } }`)).toEqual({
      code: 'NOT_FOUND',
      message: 'No entity has the id "technology:nope".',
    });
    expect(await failure(`{ subgraph(ids: ["${BMW}", "company:nope"]) { truncated } }`)).toEqual({
      code: 'NOT_FOUND',
      message: 'No entity has the id "company:nope".',
    });
  });
});

describe('Dependencies: Cypher files', () => {
  const dir = join(CYPHER_DIR, 'dependencies');
  const files = readdirSync(dir).filter((name) => name.endsWith('.cypher'));

  it('spell the dependency kinds literally: supply dependent-first, supply provider-first, then the market-only kinds', () => {
    const supply = [...DEPENDENCE_KINDS.SUPPLY.dependentFirst, ...DEPENDENCE_KINDS.SUPPLY.providerFirst];
    const marketOnly = kindsOf('MARKET').filter((k) => !(supply as string[]).includes(k));
    const expected = [...supply, ...marketOnly];
    const spelled = files.flatMap((name) =>
      [...readFileSync(join(dir, name), 'utf8').matchAll(/\[r:([A-Z_|]+)\]/g)]
        .map((m) => m[1]!.split('|'))
        .filter((types) => types.includes('DEPENDS_ON'))
        .map((types) => [name, types] as const),
    );
    expect([...new Set(spelled.map(([name]) => name))].sort()).toEqual([
      'anchored-facts.cypher',
      'band-edges.cypher',
      'ends.cypher',
      'expand.cypher',
      'hop-facts.cypher',
      'tiers.cypher',
    ]);
    for (const [, types] of spelled) expect(types).toEqual(expected);
  });

  it('declare their bounds as LIMITS does', () => {
    expect(Object.fromEntries(declaredBounds(cypher('dependencies/subgraph')))).toEqual({ depth: LIMITS.subgraphDepth });
  });

  it('bindBounds writes only declared, in-range integers into the placeholders', () => {
    const subgraph = cypher('dependencies/subgraph');
    const bound = bindBounds(subgraph, { depth: 3 });
    expect(bound.text).not.toMatch(/\{\{\w+\}\}/);
    expect(bound.text).not.toEqual(subgraph.text);
    expect(() => bindBounds(subgraph, { depth: 4 })).toThrow('depth must be a whole number from 1 to 3, got 4');
    expect(() => bindBounds(subgraph, { depth: 1.5 })).toThrow('depth must be a whole number');
    expect(() => bindBounds(subgraph, {})).toThrow('no value for {{depth}}');
    expect(() => bindBounds(subgraph, { depth: 1, k: 3 })).toThrow('declares no bound k');
    expect(bindMinimumBounds(subgraph).text).toEqual(bindBounds(subgraph, { depth: 1 }).text);
    const unbound = { name: 'x', mode: 'read' as const, text: 'MATCH (n) RETURN n LIMIT {{n}}' };
    expect(() => bindMinimumBounds(unbound)).toThrow('placeholder {{n}} has no Bounds declaration');
  });
});
