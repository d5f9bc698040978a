/**
 * The row types the data layer returns; GraphQL resolvers receive them as parents
 * (codegen mappers), so every field resolver is checked against what the database gives.
 */
import type { EntityKind, RelationshipType, ScopeDimension } from '../../seed/vocabulary.js';
import type { FactProjection } from './slim.js';

export interface HealthRow {
  status: 'OK';
  neo4jVersion: string;
  neo4jEdition: string;
  entities: number;
  relationships: number;
  sources: number;
}

export interface SourceRow {
  id: string;
  publisher: string;
  title: string;
  titleAssigned: boolean;
  date: string | null;
  dateNote: string | null;
  kind: string;
  url: string | null;
}

export interface EntityRow {
  id: string;
  /** The Neo4j label: Company, Country … */
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string;
  sourceIds: string[];
  degree: number;
  iso2: string | null;
  reference: string | null;
  issuedOn: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** Commodity or Product: itself and every narrower good (kinds, forms, grades); empty for other kinds. */
  narrower: string[];
  /** Ids of entities merged into this one (they find it by id). */
  formerIds: string[];
}

/** One document's statement of a fact. */
export interface ReferenceRow {
  sourceId: string;
  claim: string;
  period: string;
  periodStart: string;
  /** Null for an open-ended period. */
  periodEnd: string | null;
  note: string | null;
}

/** What a policy clause (a RESTRICTS, APPLIES_TO or SUBJECT_TO fact) covers, as ids. */
export interface ScopeRow {
  items: string[];
  coveredItems: string[];
  origins: string[];
  destinations: string[];
  endUsers: string[];
  sectors: string[];
  subjects: string[];
}

/** A fact: one relationship with its evidence and figure, flattened as stored. */
export interface RelationshipRow {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  item: string | null;
  claim: string;
  period: string;
  periodStart: string;
  /** Null when the period is open-ended (holds from its start on). */
  periodEnd: string | null;
  sourceIds: string[];
  /** Every document's statement of the fact, the first cited source's first. */
  references: ReferenceRow[];
  nature: string;
  condition: string | null;
  note: string | null;
  measuredBy: string | null;
  scope: ScopeRow | null;
  quantity: number | null;
  unit: string | null;
  metric: string | null;
  approximate: boolean;
  bound: string | null;
  changeValue: number | null;
  changeUnit: string | null;
  changeBasis: string | null;
  changeApproximate: boolean;
}

/** A relationship seen from one of the entities it joins: the entity at the other end. */
export interface LinkRow {
  entityId: string;
  /** The entity at the other end, read by the same query. */
  entity: EntityRow;
  /** Whether `entity` holds only id, name, kind, sources and degree (the selection needed no more). */
  slim: boolean;
  relationship: RelationshipRow;
}

/** A page of results with the total across pages. */
export interface PageRow<T> {
  /** Null only for a list that was told not to count (the request did not select totalCount). */
  totalCount: number | null;
  items: T[];
  /** The offset of items[0] in the whole ordered result (for cursors). */
  offset: number;
  hasNextPage: boolean;
}

export interface SearchHitRow {
  entityId: string;
  /** The entity, when the search read it (for the request's entity loader). */
  entity?: EntityRow;
  score: number;
  /** EXACT, PREFIX, WORDS, PART or FUZZY: how the entity matches the text (src/db/catalog.ts). */
  match: 'EXACT' | 'PREFIX' | 'WORDS' | 'PART' | 'FUZZY';
  /** The text the hit matches, as typed: the whole text, or for PART the words that name it. */
  matched: string;
}

/** One hop of a dependency route: every fact making `dependentId` depend on `providerId`. */
export type DependenceRow = 'SUPPLY' | 'MARKET';

export interface DependencyHopRow {
  dependentId: string;
  providerId: string;
  dependence: DependenceRow;
  /** The facts that make the hop, already filtered by nature, time and condition. */
  relationships: RelationshipRow[];
}

export interface DependencyPathRow {
  /** The entities along the route, from the start of the walk. */
  nodeIds: string[];
  dependence: DependenceRow;
  hops: DependencyHopRow[];
}

export interface DependencyReachRow {
  entityId: string;
  tier: number;
  path: DependencyPathRow;
}

/** How a hop meets one policy clause. */
export interface ScopeMatchRow {
  clause: RelationshipRow;
  matched: ScopeDimension[];
  unverified: ScopeDimension[];
}

export interface DependencyTiersRow {
  rootId: string;
  maxDepth: number;
  dependence: DependenceRow;
  /** The reaches kept (at most perTier per tier), sorted by tier, then entity name. */
  reaches: DependencyReachRow[];
  /** tier → how many entities it has, kept or not. */
  tierTotals: Map<number, number>;
}

export interface DependencyTierRow {
  tier: number;
  total: number;
  reaches: DependencyReachRow[];
}

export interface ExposurePathRow {
  path: DependencyPathRow;
  atId: string;
  because: RelationshipRow[];
  /** For a policy: the clauses the path's last hop meets. Empty for a country. */
  scope: ScopeMatchRow[];
}

export interface ExposureRow {
  subjectId: string;
  /** What was asked about: a country (or region) is exposed to itself; a policy is not. */
  target: 'country' | 'policy';
  throughId: string;
  dependence: DependenceRow;
  direct: RelationshipRow[];
  paths: ExposurePathRow[];
}

export interface ExposedEntityRow extends ExposurePathRow {
  entityId: string;
  /** Hops from the entity to the exposure point; 0 when the country or policy names it. */
  distance: number;
}

export interface ExposedSetRow {
  throughId: string;
  dependence: DependenceRow;
  /** Every exposed entity, kept or not. */
  total: number;
  entities: ExposedEntityRow[];
}

/** Entity and source ids to look up along with a read, so that checking them costs no round trip. */
export interface IdLookups {
  entities: readonly string[];
  sources: readonly string[];
}

/** What IdLookups found: each entity by the id asked (through its redirect), and the sources' ids. */
export interface IdsFound {
  entities: { requested: string; entity: EntityRow }[];
  sources: string[];
}

export interface SubgraphRow {
  nodeIds: string[];
  /** The nodes, read with them (for the request's entity loader, unless slim). */
  nodes: EntityRow[];
  /** The nodes were read slim (id, name, kind, sources, degree): they answer only those fields. */
  slimNodes: boolean;
  /** The edges, read as much as the selection needs (SubgraphReads). */
  edges: RelationshipRow[];
  truncated: boolean;
}

/**
 * How much of a subgraph the selection shows (resolvers/selection.ts, subgraphReads):
 * whether the nodes' slim properties answer it, and how much of each edge's fact.
 */
export interface SubgraphReads {
  slimNodes: boolean;
  /** 'bare': id, type, ends and item; 'slim': also the evidence's slim fields; 'figures': slim with the figure; 'whole': all. */
  edges: FactProjection | 'whole';
}

export interface PeriodRow {
  text: string;
  start: string;
  /** Null for an open-ended period. */
  end: string | null;
}

export interface EdgeRow<T> {
  cursor: string;
  node: T;
}
