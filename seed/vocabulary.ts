/**
 * The closed vocabulary of the knowledge graph: entity kinds, relationship types with
 * the kinds they may join, units, and the qualifiers a figure may carry.
 *
 * Everything that cannot be a Cypher parameter (labels, relationship types) comes from
 * here, never from a client string. The seed validator, the loader and the GraphQL
 * enums all read this one list; a test keeps the GraphQL enums equal to it.
 */

export const ENTITY_KINDS = [
  'Company',
  'Country',
  'Region',
  'Project',
  'Technology',
  'Policy',
  'Commodity',
  'Product',
  'Sector',
  'Organization',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Prefix of every entity id, per kind: `company:us-magnesium`. */
export const ID_PREFIX: Record<EntityKind, string> = {
  Company: 'company',
  Country: 'country',
  Region: 'region',
  Project: 'project',
  Technology: 'technology',
  Policy: 'policy',
  Commodity: 'commodity',
  Product: 'product',
  Sector: 'sector',
  Organization: 'org',
};

const ANY: readonly EntityKind[] = ENTITY_KINDS;
const PARTY: readonly EntityKind[] = ['Company', 'Organization', 'Country', 'Region', 'Project'];
const PLACE: readonly EntityKind[] = ['Country', 'Region'];
const TRADER: readonly EntityKind[] = ['Country', 'Region', 'Company'];
const GOODS: readonly EntityKind[] = ['Commodity', 'Product'];

export interface RelationshipRule {
  from: readonly EntityKind[];
  to: readonly EntityKind[];
  /** What the relationship says, for the model doc and GraphQL descriptions. */
  meaning: string;
  /** Whether a fact of this type must name the commodity or product it concerns. */
  item?: 'required' | 'optional';
  /** Whether a fact of this type must carry a quantity. */
  quantity?: 'required' | 'optional';
  /** Whether a fact of this type must name the metric its quantity measures. */
  metric?: 'required' | 'optional';
}

export const RELATIONSHIP_TYPES = {
  SUPPLIES: {
    from: PARTY,
    to: [...PARTY, 'Sector'],
    meaning: 'provides goods, equipment or services to',
    item: 'optional',
    quantity: 'optional',
  },
  DEPENDS_ON: {
    from: ANY,
    to: ANY,
    meaning: 'relies on, as the source states it outright',
    item: 'optional',
    quantity: 'optional',
  },
  PRODUCES: {
    from: [...PARTY, 'Technology'],
    to: GOODS,
    meaning: 'makes; with a quantity, the output over the period',
    quantity: 'optional',
  },
  HAS_CAPACITY: {
    from: PARTY,
    to: GOODS,
    meaning: 'can produce up to the quantity over the period',
    quantity: 'required',
  },
  EXPORTS: {
    from: TRADER,
    to: GOODS,
    meaning: 'ships abroad; with a quantity, the total over the period',
    quantity: 'optional',
  },
  EXPORTS_TO: {
    from: TRADER,
    to: TRADER,
    meaning: 'ships the item to this destination',
    item: 'required',
    quantity: 'optional',
  },
  IMPORTS: {
    from: TRADER,
    to: GOODS,
    meaning: 'brings in from abroad; with a quantity, the total over the period',
    quantity: 'optional',
  },
  IMPORTS_FROM: {
    from: TRADER,
    to: TRADER,
    meaning: 'brings the item in from this origin',
    item: 'required',
    quantity: 'optional',
  },
  QUOTES_PRICE: {
    from: [...PLACE, 'Organization'],
    to: GOODS,
    meaning: 'is the market where the item traded at the quoted price',
    quantity: 'required',
  },
  HAS_METRIC: {
    from: ANY,
    to: ANY,
    meaning: 'has a measured figure concerning the target (power density, share, utilisation…)',
    quantity: 'required',
    metric: 'required',
  },
  LOCATED_IN: {
    from: [...PARTY, 'Product'],
    to: PLACE,
    meaning: 'is based or situated in',
  },
  PARTNERS_WITH: {
    from: PARTY,
    to: PARTY,
    meaning: 'has a partnership or cooperation agreement with',
    quantity: 'optional',
  },
  JOINT_VENTURE: {
    from: ['Company', 'Organization'],
    to: ['Company', 'Project'],
    meaning: 'is a party to the joint venture',
  },
  OWNS: {
    from: PARTY,
    to: ['Company', 'Project'],
    meaning: 'owns, wholly or in part',
    quantity: 'optional',
  },
  LICENSES_TO: {
    from: PARTY,
    to: PARTY,
    meaning: 'licenses a technology to',
    item: 'optional',
  },
  DEVELOPS: {
    from: PARTY,
    to: ['Technology', 'Product', 'Project'],
    meaning: 'develops, designs or launches',
  },
  USES_TECHNOLOGY: {
    from: [...PARTY, 'Product', 'Sector'],
    to: ['Technology'],
    meaning: 'uses or applies the technology',
  },
  MADE_FROM: {
    from: GOODS,
    to: GOODS,
    meaning: 'is made from or contains',
  },
  USED_IN: {
    from: [...GOODS, 'Technology'],
    to: ['Sector', 'Product'],
    meaning: 'is used in',
    quantity: 'optional',
  },
  SERVES_SECTOR: {
    from: PARTY,
    to: ['Sector'],
    meaning: 'sells into or works for the sector',
  },
  FUNDS: {
    from: PARTY,
    to: PARTY,
    meaning: 'provides money to',
    quantity: 'optional',
  },
  SUPPORTS: {
    from: PARTY,
    to: PARTY,
    meaning: 'manages, backs or administers without being the funder',
  },
  PARTICIPATES_IN: {
    from: PARTY,
    to: ['Project'],
    meaning: 'takes part in',
  },
  MEMBER_OF: {
    from: PARTY,
    to: ['Organization', 'Region'],
    meaning: 'belongs to',
  },
  ISSUED_BY: {
    from: ['Policy'],
    to: ['Organization', 'Country'],
    meaning: 'was issued by',
  },
  RESTRICTS: {
    from: ['Policy'],
    to: ['Country', 'Region', 'Commodity', 'Product', 'Sector', 'Company'],
    meaning: 'limits trade with, in or for',
  },
  APPLIES_TO: {
    from: ['Policy'],
    to: ANY,
    meaning: 'covers, without restricting it',
  },
  COMPLIES_WITH: {
    from: ['Company', 'Product', 'Project'],
    to: ['Policy'],
    meaning: 'meets the requirements of',
  },
  IN_DISPUTE_WITH: {
    from: PARTY,
    to: PARTY,
    meaning: 'is in a legal or regulatory dispute with',
  },
  REPORTS_ON: {
    from: ['Organization', 'Company'],
    to: ANY,
    meaning: 'publishes the data or research the fact comes from',
  },
  COMPETES_WITH: {
    from: PARTY,
    to: PARTY,
    meaning: 'competes with',
  },
  SUBJECT_TO: {
    from: [...PARTY, 'Product', 'Commodity'],
    to: ['Policy'],
    meaning:
      'falls under, or has entered, the law, regime or proceeding (a bankruptcy filing, an export-control list)',
  },
  CONSUMES: {
    from: [...PARTY, 'Technology', 'Product', 'Sector'],
    to: GOODS,
    meaning: 'uses up as an input or is a consumer of, without it becoming the product',
    quantity: 'optional',
  },
  HAS_RESOURCE: {
    from: PARTY,
    to: GOODS,
    meaning: 'holds a deposit or resource of, in the ground or in reserve',
    quantity: 'optional',
  },
  RELIES_ON_MARKET: {
    from: [...PARTY, 'Commodity', 'Product'],
    to: [...PARTY, 'Sector'],
    meaning: 'sells mainly to, so its sales depend on the buyer (market dependence, not supply)',
    item: 'optional',
    quantity: 'optional',
  },
  ALTERNATIVE_TO: {
    from: ['Technology', 'Product', 'Commodity'],
    to: ['Technology', 'Product', 'Commodity'],
    meaning: 'is offered as a substitute for',
  },
} as const satisfies Record<string, RelationshipRule>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/**
 * Units a quantity may have. Figures are stored in these units exactly as the source
 * gives the number (1.026 million tons is 1026000 t); nothing is converted between them.
 */
export const UNITS = {
  t: 'metric tonnes',
  vehicle: 'vehicles',
  unit: 'units (pieces, machines, robots)',
  percent: 'percent',
  percentage_point: 'percentage points',
  'kW/kg': 'kilowatts per kilogram',
  'kg/vehicle': 'kilograms per vehicle',
  USD: 'US dollars',
  HKD: 'Hong Kong dollars',
  'CNY/t': 'yuan per tonne',
  'CNY/kg': 'yuan per kilogram',
  ratio: 'a plain ratio (price of one thing over another)',
  count: 'a count of things (partners, countries)',
  year: 'years',
  V: 'volts',
} as const;
export type Unit = keyof typeof UNITS;

/** What a change figure is measured against. */
export const CHANGE_BASES = {
  YOY: 'year on year',
  MOM: 'month on month',
  DOD: 'day on day',
  FROM_LOW: 'from the recent low',
  VS_BASELINE: 'against the comparison the claim names',
  CAGR: 'compound annual growth rate over the period',
} as const;
export type ChangeBasis = keyof typeof CHANGE_BASES;

/**
 * Whether a fact reports what happened, what a party asserts of itself, a plan or target,
 * a forecast, or an intention. The order is the order of certainty answers use: a path is
 * as certain as its least certain hop (schema/MODEL.md, "Certainty").
 */
export const NATURES = {
  REPORTED: 'reported as fact',
  CLAIMED: 'asserted by the party concerned (a maker or developer) and not confirmed by the source',
  PLAN: 'plan or target',
  FORECAST: 'forecast or expectation',
  INTENT: 'non-binding intention',
} as const;
export type Nature = keyof typeof NATURES;
export const NATURE_ORDER = Object.keys(NATURES) as Nature[];

/**
 * What a HAS_METRIC figure measures: a closed list, so one measure has one name and one
 * shape across sources. `units` are the units a figure of the metric may have.
 */
export const METRICS = {
  SHARE_OF_WORLD_OUTPUT: { name: 'share of world output of the target commodity', units: ['percent'] },
  CAPACITY_UTILISATION: { name: 'output as a share of capacity', units: ['percent'] },
  PRICE_RATIO: { name: 'price of the subject over the price of the target', units: ['ratio'] },
  SECTOR_OUTPUT: { name: 'output of the sector\'s goods (vehicles, robots, appliances)', units: ['vehicle', 'unit'] },
  PENETRATION_RATE: { name: 'share of a market taken by the target', units: ['percent'] },
  DEMAND: { name: 'demand for the target', units: ['t', 'unit'] },
  EXPORTS_ALL_PRODUCTS: { name: 'exports of all products of the target, together', units: ['t'] },
  SUPPLY_CAPABILITY: { name: 'quantity the subject can supply per year', units: ['t'] },
  PURCHASE_INTENTIONS: { name: 'purchase intentions received', units: ['count', 't'] },
  CONTENT_PER_VEHICLE: { name: 'content of the target per vehicle', units: ['kg/vehicle'] },
  MINERAL_CONTENT: { name: 'content of the target in the subject', units: ['percent'] },
  COST_ADVANTAGE: { name: 'cost advantage over the comparison the claim names', units: ['percent'] },
  EMISSIONS_REDUCTION: { name: 'cut in emissions against the comparison the claim names', units: ['percent'] },
  ENERGY_SAVING: { name: 'energy saved against the comparison the claim names', units: ['percent'] },
  WEIGHT_REDUCTION: { name: 'weight saved against the comparison the claim names', units: ['percent'] },
  POWER_DENSITY: { name: 'power per unit of mass', units: ['kW/kg'] },
  VOLTAGE: { name: 'operating voltage', units: ['V'] },
  PARTNER_COUNT: { name: 'number of partners', units: ['count'] },
  OWNERSHIP_STAKE: { name: 'share of the target owned', units: ['percent'] },
  DURATION: { name: 'duration', units: ['year'] },
  FUNDING: { name: 'money provided or committed', units: ['USD', 'HKD'] },
} as const satisfies Record<string, { name: string; units: readonly string[] }>;
export type Metric = keyof typeof METRICS;

/**
 * The words a metric is searched by: its key as words ("share of world output") and its
 * name. Stored on each fact with a metric (`metricWords`) and indexed with its claims, so
 * fact search finds a figure by what it measures even where no claim uses those words.
 */
export const metricWords = (metric: Metric): string[] => [metric.toLowerCase().replace(/_/g, ' '), METRICS[metric].name];

/** The dimensions of a policy's scope (schema/MODEL.md, "Policies and exposure"). */
export const SCOPE_DIMENSIONS = {
  ITEM: 'the goods traded or supplied are among the items the policy covers',
  ORIGIN: 'the provider is, or is located in, one of the origins',
  DESTINATION: 'the dependent is, or is located in, one of the destinations',
  END_USER: 'the dependent is, or serves, one of the end-user sectors',
  SECTOR: 'the provider is, or serves, one of the sectors',
  SUBJECT: 'the provider is one of the entities the policy binds by name',
} as const;
export type ScopeDimension = keyof typeof SCOPE_DIMENSIONS;

export const SOURCE_KINDS = {
  MARKET_SURVEY: 'market survey or news round-up',
  MARKET_REPORT: 'market data report',
  INDUSTRY_OVERVIEW: 'industry overview article',
  BROKER_RESEARCH: 'broker research note',
} as const;
export type SourceKind = keyof typeof SOURCE_KINDS;
