/**
 * The row types the data layer returns; GraphQL resolvers receive them as parents
 * (codegen mappers), so every field resolver is checked against what the database gives.
 */
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';

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
  periodEnd: string;
  sourceIds: string[];
  nature: string;
  note: string | null;
  quantity: number | null;
  unit: string | null;
  metric: string | null;
  approximate: boolean;
  bound: string | null;
  changeValue: number | null;
  changeUnit: string | null;
  changeBasis: string | null;
  changeApproximate: boolean;
  shareValue: number | null;
  shareOf: string | null;
}

/** A relationship seen from one of the entities it joins: the entity at the other end. */
export interface LinkRow {
  entityId: string;
  relationship: RelationshipRow;
}

/** A page of results with the total across pages. */
export interface PageRow<T> {
  totalCount: number;
  items: T[];
  /** The offset of items[0] in the whole ordered result (for cursors). */
  offset: number;
  hasNextPage: boolean;
}

export interface SearchHitRow {
  entityId: string;
  score: number;
}

/** One hop of a dependency route: every fact making `dependentId` depend on `providerId`. */
export interface DependencyHopRow {
  dependentId: string;
  providerId: string;
  relationships: RelationshipRow[];
}

export interface DependencyPathRow {
  /** The entities along the route, from the start of the walk. */
  nodeIds: string[];
  hops: DependencyHopRow[];
}

export interface DependencyReachRow {
  entityId: string;
  tier: number;
  path: DependencyPathRow;
}

export interface DependencyTiersRow {
  rootId: string;
  maxDepth: number;
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
}

export interface ExposureRow {
  subjectId: string;
  throughId: string;
  direct: RelationshipRow[];
  paths: ExposurePathRow[];
}

export interface SubgraphRow {
  nodeIds: string[];
  edges: RelationshipRow[];
  truncated: boolean;
}

export interface PeriodRow {
  text: string;
  start: string;
  end: string;
}

export interface EdgeRow<T> {
  cursor: string;
  node: T;
}
