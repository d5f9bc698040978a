/**
 * The price list of the operation cost estimate, keyed by schema coordinate
 * (`Type.field`), never by field name alone: `Query.relationships` is a counted page of
 * the whole graph, `Entity.relationships` a slice of one entity's facts.
 *
 * The estimate is an upper bound of the objects a request makes the database return
 * and the server build: a field costs 1 (plus a base cost for the root reads that do
 * more work than the rows they return), times the most items its list can hold, times
 * (1 + the cost of its selection). Scalars and scalar lists cost 1: they come with
 * the row that holds them. A list's size is, in this order: its own `first`, `limit`
 * or `k` (the value asked for, else the SDL default; the resolvers reject anything
 * above the documented maximum); a size set by an ancestor's arguments (a walk's
 * `perTier` sizes its tiers' entities, a connection's `first` its `edges`); or a hint
 * for lists the data model bounds. Fields of an interface are priced on the interface:
 * every implementation costs the same for them.
 */
import type { GraphQLField } from 'graphql';

/** Reads one argument of the field being priced: the value asked for, else its SDL default. */
export type ArgumentReader = (name: string) => number | undefined;

/** Arguments that size the list field they belong to. */
export const SIZING_ARGUMENTS = ['first', 'limit', 'k'] as const;

/** Base cost of root reads that do more than return their rows: graph walks, full-text search, counted pages. */
export const BASE_COST: Readonly<Record<string, number>> = {
  'Query.upstream': 200,
  'Query.downstream': 200,
  'Query.dependencyPaths': 200,
  'Query.exposure': 200,
  'Query.exposedTo': 200,
  'Policy.scope': 10,
  'Query.subgraph': 200,
  'Query.search': 20,
  'Query.searchFacts': 20,
  'Query.entities': 20,
  'Query.relationships': 20,
  'Query.tradeFigures': 20,
  // A write validates against the graph and writes in one transaction under the graph's
  // write lock: priced well above a lookup, so an operation holds only a few of them.
  'Mutation.upsertSource': 1000,
  'Mutation.upsertEntity': 1000,
  'Mutation.assertFact': 1000,
  'Mutation.retractFact': 1000,
  'Mutation.mergeEntities': 5000,
  // Reading a document (NLP over up to 50,000 characters) and storing its proposals.
  'Mutation.ingestDocument': 5000,
  'Mutation.acceptProposal': 1000,
  'Mutation.rejectProposal': 1000,
  'Query.history': 20,
  'Query.retractedFacts': 20,
  'Query.proposals': 20,
};

/**
 * Lists without a sizing argument that the data model keeps small. The seed and the
 * synthetic network have 5 source documents each, a fact cites at most 3, an entity
 * appears in at most 10.
 */
export const LIST_SIZE_HINTS: Readonly<Record<string, number>> = {
  'Query.sources': 20,
  'Entity.sources': 10,
  'Evidence.sources': 3,
  'DependencyHop.relationships': 4,
  'Exposure.direct': 5,
  'Exposure.paths': 20,
  'ExposurePath.because': 3,
  'ExposurePath.scope': 3,
  'ExposedEntity.because': 3,
  'ExposedEntity.scope': 3,
  'ScopeMatch.matched': 6,
  'ScopeMatch.unverified': 6,
  'Evidence.references': 3,
  'Policy.scope': 10,
  'PolicyClause.items': 5,
  'PolicyClause.coveredItems': 20,
  'PolicyClause.origins': 5,
  'PolicyClause.destinations': 5,
  'PolicyClause.endUsers': 5,
  'PolicyClause.sectors': 5,
  'PolicyClause.subjects': 5,
  // The entities a search text names together: a few words name a few entities.
  'FactHit.between': 3,
  // One change per item a write touches: the item and the entities whose sources it changes.
  'SourceWrite.changes': 5,
  'EntityWrite.changes': 20,
  'FactWrite.changes': 10,
  'ProposalDecision.changes': 12,
  'Ingestion.changes': 2,
  // A news item names a few dozen known entities and gives a few dozen figures.
  'Ingestion.mentions': 50,
  'Ingestion.proposals': 30,
  'IngestedDocument.mentions': 50,
  // The changes a passage gives for one figure besides the one its fact holds (YoY, MoM, DoD).
  'ProposedFigure.otherChanges': 3,
};

/** The list sizes one of these fields' arguments sets for lists below it (coordinate → size). */
type DescendantSizes = (arg: ArgumentReader) => Record<string, number>;

const size = (value: number | undefined, fallback: number) => value ?? fallback;

const walk: DescendantSizes = (arg) => {
  const depth = size(arg('maxDepth'), 3);
  return {
    'DependencyTiers.tiers': depth,
    'DependencyTier.entities': size(arg('perTier'), 100),
    'DependencyPath.hops': depth,
    'DependencyPath.nodes': depth + 1,
  };
};

export const DESCENDANT_SIZES: Readonly<Record<string, DescendantSizes>> = {
  'Query.upstream': walk,
  'Query.downstream': walk,
  'Query.dependencyPaths': (arg) => ({
    'DependencyPath.hops': size(arg('maxLength'), 6),
    'DependencyPath.nodes': size(arg('maxLength'), 6) + 1,
  }),
  'Query.exposure': (arg) => ({
    'DependencyPath.hops': size(arg('maxDepth'), 4),
    'DependencyPath.nodes': size(arg('maxDepth'), 4) + 1,
  }),
  // Every relationship among the nodes is kept; two per node is the bound assumed.
  'Query.exposedTo': (arg) => ({
    'ExposedSet.entities': size(arg('first'), 100),
    'DependencyPath.hops': size(arg('maxDepth'), 4),
    'DependencyPath.nodes': size(arg('maxDepth'), 4) + 1,
  }),
  'Query.subgraph': (arg) => ({ 'Subgraph.nodes': size(arg('limit'), 100), 'Subgraph.edges': 2 * size(arg('limit'), 100) }),
};

/** A connection's `first` sizes its `edges`. */
export const connectionSizes = (typeName: string, field: GraphQLField<unknown, unknown>, arg: ArgumentReader) =>
  typeName.endsWith('Connection') && field.args.some((a) => a.name === 'first') ? { [`${typeName}.edges`]: size(arg('first'), 0) } : {};

/** The price of a list too unusual to have a size: a unit test keeps every list of the schema sized. */
export const UNSIZED_LIST = 10;
