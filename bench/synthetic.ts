/**
 * A synthetic magnesium supply network to grow the seeded graph with: layered companies
 * (tier 0 buyers down to tier 5 raw-material producers) located in synthetic or real
 * countries, commodities, technologies, and the facts between them, shaped exactly like
 * the seed's (seed/load/write.ts) but with `seeded: false` and ids prefixed `bench-`.
 * A fraction of it is tied to real seed entities (suppliers of BMW and Tesla, companies
 * in China and Russia, customers of Yimeitai, users of the Pidgeon process, China's
 * exports) so the benchmark's real operations see a bigger neighbourhood. Generation is
 * deterministic: the same sizes give the same graph.
 */
import { parsePeriod } from '../src/domain/period.js';
import type { EntityKind, RelationshipType } from '../seed/vocabulary.js';

export interface SyntheticSize {
  /** Synthetic entities to add (companies, countries, commodities, technologies). */
  entities: number;
  /** Synthetic facts to add. */
  facts: number;
}

type Props = Record<string, string | number | boolean | string[]>;

export interface SyntheticSource {
  props: Props;
}

export interface SyntheticEntity {
  kind: EntityKind;
  props: Props;
}

export interface SyntheticFact {
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
}

export interface SyntheticGraph {
  sources: SyntheticSource[];
  entities: SyntheticEntity[];
  facts: SyntheticFact[];
  /** Facts per relationship type, for the report. */
  factsByType: Partial<Record<RelationshipType, number>>;
}

/**
 * The synthetic graph with its facts drawn one at a time, so a million facts need not
 * be held at once. `facts` can be read once; while it is read `factsByType` counts what
 * was drawn, and when it is exhausted every entity's `sourceIds` is filled in (the
 * sources its facts cite; empty until then).
 */
export interface SyntheticStream {
  sources: SyntheticSource[];
  entities: SyntheticEntity[];
  /** How many facts `facts` will yield. */
  factCount: number;
  facts: Generator<SyntheticFact, void, undefined>;
  factsByType: Partial<Record<RelationshipType, number>>;
}

/** Seed entities the synthetic network attaches to; generation fails if one is missing. */
export const ANCHORS = {
  buyers: ['company:bmw', 'company:tesla'],
  equipmentMaker: 'company:yimeitai',
  countries: [
    ['country:china', 0.25],
    ['country:russia', 0.03],
    ['country:germany', 0.04],
    ['country:united-states', 0.04],
    ['country:japan', 0.03],
    ['country:kazakhstan', 0.01],
  ],
  exporter: 'country:china',
  importers: ['country:germany', 'country:united-states', 'country:japan', 'country:south-korea'],
  commodities: [
    'commodity:magnesium-ingot',
    'commodity:magnesium-alloy',
    'commodity:magnesium-powder',
    'commodity:primary-magnesium',
    'commodity:dolomite',
  ],
  technologies: ['technology:pidgeon-process', 'technology:electrolysis', 'technology:semi-solid-injection-moulding'],
} as const;

const LAYERS = 6;
const SOURCE_COUNT = 5;
export const SYNTHETIC_PREFIX = 'bench-';

/** Shares of the facts left after one LOCATED_IN per company. */
const FACT_MIX: [RelationshipType, number][] = [
  ['SUPPLIES', 0.56],
  ['DEPENDS_ON', 0.06],
  ['USES_TECHNOLOGY', 0.1],
  ['PRODUCES', 0.15],
  ['EXPORTS_TO', 0.08],
  ['IMPORTS_FROM', 0.05],
];

/** mulberry32: a small seeded PRNG, so runs at the same size build the same graph. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const PLACES = ['Fugu', 'Shenmu', 'Yulin', 'Taiyuan', 'Wenxi', 'Baotou', 'Ningxia', 'Qinghai', 'Hexi', 'Jiaozuo', 'Ural', 'Solikamsk', 'Karaganda', 'Porto', 'Rhein', 'Ohio', 'Nagoya', 'Busan'];
const TRADES = ['Magnesium', 'Light Metals', 'Alloy', 'Die Casting', 'Dolomite', 'Smelting', 'Precision Parts', 'Foundry', 'Metals Trading', 'Castings'];
const FORMS = ['Works', 'Group', 'Co.', 'Industries', 'Holdings', 'Materials'];
const ROLES = [
  'buyer of magnesium alloy parts for vehicles',
  'maker of magnesium alloy structural parts',
  'die caster of magnesium and aluminium components',
  'alloy producer refining primary magnesium',
  'smelter of primary magnesium',
  'miner and calciner of dolomite',
];
const COMMODITY_NAMES = ['magnesium alloy', 'magnesium ingot', 'magnesium powder', 'die-cast housing', 'ferrosilicon', 'calcined dolomite', 'magnesium chips', 'alloy billet'];
const TECHNOLOGY_NAMES = ['thixomolding line', 'vacuum die casting', 'silicothermic retort', 'alloy refining', 'chip recycling', 'electrolytic cell'];
const PERIOD_YEARS = [2024, 2025];

/** Parsed periods by text: a few dozen texts, drawn a million times at the largest scale. */
const PERIODS = new Map<string, { start: string; end: string }>();

function period(random: ReturnType<typeof prng>): { period: string; periodStart: string; periodEnd: string } {
  const year = random.pick(PERIOD_YEARS);
  const form = random.int(4);
  const text =
    form === 0
      ? String(year)
      : form === 1
        ? `${year}-H${1 + random.int(2)}`
        : form === 2
          ? `${year}-Q${1 + random.int(4)}`
          : `${year}-${String(1 + random.int(12)).padStart(2, '0')}`;
  let range = PERIODS.get(text);
  if (!range) {
    const parsed = parsePeriod(text)!;
    range = { start: parsed.start, end: parsed.end! };
    PERIODS.set(text, range);
  }
  return { period: text, periodStart: range.start, periodEnd: range.end };
}

const pad = (n: number, width = 5) => String(n).padStart(width, '0');

/**
 * Builds the synthetic graph, all of it in memory (a million facts take about a
 * gigabyte; growGraph reads streamSyntheticGraph instead). `realEntityIds` are the ids
 * already in the graph; every anchor must be among them.
 */
export function generateSyntheticGraph(size: SyntheticSize, realEntityIds: ReadonlySet<string>): SyntheticGraph {
  const stream = streamSyntheticGraph(size, realEntityIds);
  const facts = [...stream.facts];
  return { sources: stream.sources, entities: stream.entities, facts, factsByType: stream.factsByType };
}

/** The real entities the synthetic graph attaches to: the seed must hold every one. */
export const anchorIds = (): string[] => [
  ...ANCHORS.buyers,
  ANCHORS.equipmentMaker,
  ...ANCHORS.countries.map(([id]) => id),
  ANCHORS.exporter,
  ...ANCHORS.importers,
  ...ANCHORS.commodities,
  ...ANCHORS.technologies,
];

/**
 * The synthetic graph with its facts drawn lazily (see SyntheticStream): the same rows,
 * in the same order, as generateSyntheticGraph.
 */
export function streamSyntheticGraph(size: SyntheticSize, realEntityIds: ReadonlySet<string>): SyntheticStream {
  const missing = anchorIds().filter((id) => !realEntityIds.has(id));
  if (missing.length > 0) throw new Error(`the seed lacks the entities the benchmark attaches to: ${missing.join(', ')}`);
  if (size.entities < 100) throw new Error(`--scale must be at least 100 synthetic entities, got ${size.entities}`);

  const random = prng(0x6d67 ^ size.entities ^ (size.facts << 3));
  const sources: SyntheticSource[] = Array.from({ length: SOURCE_COUNT }, (_, i) => ({
    props: {
      id: `${SYNTHETIC_PREFIX}source-${i + 1}`,
      file: `${SYNTHETIC_PREFIX}source-${i + 1}.txt`,
      publisher: 'Benchmark Data Service',
      title: `Synthetic magnesium supply survey ${i + 1}`,
      titleAssigned: true,
      date: `2025-${pad(2 + 2 * i, 2)}-15`,
      kind: 'MARKET_SURVEY',
      seeded: false,
    },
  }));
  const sourceIds = sources.map((s) => String(s.props.id));

  const countryCount = Math.max(5, Math.round(size.entities * 0.002));
  const commodityCount = Math.max(10, Math.round(size.entities * 0.005));
  const technologyCount = Math.max(5, Math.round(size.entities * 0.002));
  const companyCount = size.entities - countryCount - commodityCount - technologyCount;

  const entities: SyntheticEntity[] = [];
  const names = new Map<string, string>();
  const entity = (kind: EntityKind, id: string, name: string, aliases: string[], description: string) => {
    entities.push({ kind, props: { id, kind, name, aliases, description, sourceIds: [], seeded: false } });
    names.set(id, name);
    return id;
  };

  const countries = Array.from({ length: countryCount }, (_, i) =>
    entity('Country', `country:${SYNTHETIC_PREFIX}${pad(i, 3)}`, `Benchland ${pad(i, 3)}`, [`BL-${pad(i, 3)}`], 'A synthetic country of the benchmark that trades magnesium.'),
  );
  const commodities = Array.from({ length: commodityCount }, (_, i) => {
    const base = COMMODITY_NAMES[i % COMMODITY_NAMES.length]!;
    return entity('Commodity', `commodity:${SYNTHETIC_PREFIX}${pad(i, 4)}`, `${base} grade B${pad(i, 4)}`, [`B${pad(i, 4)} ${base}`], `A synthetic grade of ${base} traded in the benchmark network.`);
  });
  const technologies = Array.from({ length: technologyCount }, (_, i) => {
    const base = TECHNOLOGY_NAMES[i % TECHNOLOGY_NAMES.length]!;
    return entity('Technology', `technology:${SYNTHETIC_PREFIX}${pad(i, 4)}`, `${base} T${pad(i, 4)}`, [`T${pad(i, 4)}`], `A synthetic ${base} technology used by benchmark companies.`);
  });

  const countryWeights = ANCHORS.countries;
  const realShare = countryWeights.reduce((sum, [, w]) => sum + w, 0);
  const companies: string[] = [];
  const layerOf: number[] = [];
  const countryOf: string[] = [];
  const layers: string[][] = Array.from({ length: LAYERS }, () => []);
  for (let i = 0; i < companyCount; i += 1) {
    const layer = Math.floor((i * LAYERS) / companyCount);
    const place = random.pick(PLACES);
    const trade = random.pick(TRADES);
    const form = random.pick(FORMS);
    const name = `${place} ${trade} ${form} ${pad(i)}`;
    const alias = `${place.slice(0, 2).toUpperCase()}${trade[0]}${form[0]} ${pad(i)}`;
    const mentionsMagnesium = random.chance(0.5);
    const role = ROLES[layer]!;
    const description = mentionsMagnesium
      ? `Synthetic tier-${layer} company of the benchmark: ${role}.`
      : `Synthetic tier-${layer} company of the benchmark, an industrial supplier.`;
    const id = entity('Company', `company:${SYNTHETIC_PREFIX}${pad(i)}`, name, [alias], description);
    companies.push(id);
    layerOf.push(layer);
    layers[layer]!.push(id);
    let r = random.next();
    let country: string | undefined;
    if (r < realShare) {
      for (const [real, weight] of countryWeights) {
        if (r < weight) {
          country = real;
          break;
        }
        r -= weight;
      }
    }
    countryOf.push(country ?? random.pick(countries));
  }
  const companyIndex = new Map(companies.map((id, i) => [id, i]));
  const allCountries = [...countries, ...countryWeights.map(([id]) => id), ...ANCHORS.importers];
  const items = [...commodities, ...ANCHORS.commodities];

  let made = 0;
  const factsByType: Partial<Record<RelationshipType, number>> = {};
  const entitySources = new Map<string, Set<string>>();
  const fact = (type: RelationshipType, from: string, to: string, claim: string, extra: Props = {}): SyntheticFact => {
    const cited = random.chance(0.8) ? [random.pick(sourceIds)] : [...new Set([random.pick(sourceIds), random.pick(sourceIds)])].sort();
    const drawn: SyntheticFact = {
      type,
      from,
      to,
      props: {
        id: `${SYNTHETIC_PREFIX}${type.toLowerCase().replace(/_/g, '-')}-${pad(made, 6)}`,
        claim,
        ...period(random),
        sourceIds: cited,
        nature: random.chance(0.85) ? 'REPORTED' : 'FORECAST',
        ...extra,
        seeded: false,
      },
    };
    made += 1;
    factsByType[type] = (factsByType[type] ?? 0) + 1;
    for (const id of [from, to]) {
      if (!id.includes(`:${SYNTHETIC_PREFIX}`)) continue;
      const set = entitySources.get(id) ?? new Set<string>();
      for (const s of cited) set.add(s);
      entitySources.set(id, set);
    }
    return drawn;
  };
  const name = (id: string) => names.get(id) ?? id.split(':')[1]!;
  const tonnes = (max: number) => ({ quantity: 10 * (1 + random.int(max / 10)), unit: 't' });

  // The fact counts are known before any fact is drawn: one LOCATED_IN per company, the
  // ties to real entities, then each type's quota (SUPPLIES counts its ties).
  const remaining = Math.max(0, size.facts - companyCount);
  const quota = Object.fromEntries(FACT_MIX.map(([type, share]) => [type, Math.round(remaining * share)])) as Record<string, number>;
  const tied = Math.max(5, Math.round(size.entities / 500));

  const supplyTotal = Math.max(quota.SUPPLIES ?? 0, 3 * tied);
  const factCount =
    companyCount + supplyTotal + FACT_MIX.filter(([type]) => type !== 'SUPPLIES').reduce((sum, [type]) => sum + (quota[type] ?? 0), 0);

  function* draw(): Generator<SyntheticFact, void, undefined> {
    for (const [i, id] of companies.entries()) {
      yield fact('LOCATED_IN', id, countryOf[i]!, `${name(id)} is based in ${name(countryOf[i]!)}.`);
    }

    // SUPPLIES: tier n+1 supplies tier n; tier 1 also supplies the real BMW and Tesla, and
    // the real Yimeitai sells equipment to tier 1 and 2.
    const supply = (from: string, to: string) => {
      const item = random.pick(items);
      return fact('SUPPLIES', from, to, `${name(from)} supplies ${name(item)} to ${name(to)}.`, {
        item,
        ...(random.chance(0.5) ? tonnes(5000) : {}),
      });
    };
    for (const buyer of ANCHORS.buyers) for (let i = 0; i < tied; i += 1) yield supply(random.pick(layers[1]!), buyer);
    for (let i = 0; i < tied; i += 1) {
      const customer = random.pick(random.chance(0.5) ? layers[1]! : layers[2]!);
      yield fact('SUPPLIES', ANCHORS.equipmentMaker, customer, `Yimeitai supplies a semi-solid injection moulding line to ${name(customer)}.`, {
        item: 'technology:semi-solid-injection-moulding',
        quantity: 1 + random.int(3),
        unit: 'unit',
      });
    }
    while ((factsByType.SUPPLIES ?? 0) < (quota.SUPPLIES ?? 0)) {
      const layer = 1 + random.int(LAYERS - 1);
      yield supply(random.pick(layers[layer]!), random.pick(layers[layer - 1]!));
    }

    // DEPENDS_ON: a company relies on its country's imports, or on a deeper-tier company.
    for (let n = 0; n < (quota.DEPENDS_ON ?? 0); n += 1) {
      const from = random.pick(companies);
      const i = companyIndex.get(from)!;
      const layer = layerOf[i]!;
      if (random.chance(0.4) || layer === LAYERS - 1) {
        yield fact('DEPENDS_ON', from, countryOf[i]!, `${name(from)} relies on magnesium that ${name(countryOf[i]!)} imports.`);
      } else {
        const to = random.pick(layers[layer + 1]!);
        yield fact('DEPENDS_ON', from, to, `${name(from)} relies on ${name(to)} for its alloy.`);
      }
    }

    // USES_TECHNOLOGY: mostly synthetic technologies; some use the real Pidgeon process,
    // electrolysis or semi-solid moulding.
    for (let n = 0; n < (quota.USES_TECHNOLOGY ?? 0); n += 1) {
      const from = random.pick(companies);
      const to = random.chance(0.15) ? random.pick(ANCHORS.technologies) : random.pick(technologies);
      yield fact('USES_TECHNOLOGY', from, to, `${name(from)} uses ${name(to)}.`);
    }

    // PRODUCES: the deeper tiers make commodities, with annual output.
    for (let n = 0; n < (quota.PRODUCES ?? 0); n += 1) {
      const from = random.pick(layers[3 + random.int(LAYERS - 3)]!);
      const to = random.chance(0.2) ? random.pick(ANCHORS.commodities) : random.pick(commodities);
      yield fact('PRODUCES', from, to, `${name(from)} produces ${name(to)}.`, tonnes(50_000));
    }

    // EXPORTS_TO / IMPORTS_FROM: flows between countries, a share of them China's exports
    // and the real importers' purchases.
    for (let n = 0; n < (quota.EXPORTS_TO ?? 0); n += 1) {
      const from = random.chance(0.3) ? ANCHORS.exporter : random.pick(allCountries);
      let to = random.pick(allCountries);
      if (to === from) to = random.pick(countries);
      const item = random.pick(items);
      yield fact('EXPORTS_TO', from, to, `${name(from)} exported ${name(item)} to ${name(to)}.`, { item, ...tonnes(20_000) });
    }
    for (let n = 0; n < (quota.IMPORTS_FROM ?? 0); n += 1) {
      const from = random.chance(0.3) ? random.pick(ANCHORS.importers) : random.pick(allCountries);
      let to = random.chance(0.3) ? ANCHORS.exporter : random.pick(allCountries);
      if (to === from) to = random.pick(countries);
      const item = random.pick(items);
      yield fact('IMPORTS_FROM', from, to, `${name(from)} imported ${name(item)} from ${name(to)}.`, { item, ...tonnes(20_000) });
    }

    for (const e of entities) e.props.sourceIds = [...(entitySources.get(String(e.props.id)) ?? [])].sort();
  }
  return { sources, entities, factCount, facts: draw(), factsByType };
}
