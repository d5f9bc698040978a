/**
 * Dependency questions: upstream, downstream, paths, exposure both ways, subgraph.
 * Resolvers check the arguments (bounds are rejected, never clamped; unknown ids are
 * NOT_FOUND; a kind the dependence does not read is BAD_USER_INPUT) and call
 * src/db/dependencies.ts and src/db/exposure.ts; entities along the results load through
 * the request's DataLoader, so round trips do not grow with the number of results.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import {
  type Dependence,
  type DependencyKind,
  dependencyPaths,
  dependencyTiers,
  hopNature,
  kindsOf,
  narrowerOf,
  pathNature,
  type ResultLoaders,
  subgraph,
  type WalkDirection,
  type WalkFilter,
} from '../db/dependencies.js';
import { exposedTo, exposure } from '../db/exposure.js';
import type { DependencyTierRow, EntityRow, ExposurePathRow } from '../db/rows.js';
import { badInput } from '../errors.js';
import { checkIds, type IdArgument, isEntityId, readCheckingIds } from './args.js';
import { end } from './relationship.js';
import { entitiesSlimBelow, hopFactReads, readsBelow, selectsAnyOf, subgraphReads } from './selection.js';
import type { Resolvers } from '../generated/resolvers.js';
import { checkCount, checkInt, LIMITS } from '../limits.js';
import type { EntityKind, Nature, RelationshipType } from '../../seed/vocabulary.js';

/**
 * An entity the user named: it must exist (NOT_FOUND), be shaped like an id (a name gets
 * BAD_USER_INPUT with a suggestion) and be of one of `kinds` when given (src/resolvers/args.ts).
 * An id merged into another entity gives the survivor: walks start from `.id`, never from
 * the argument as typed, so an old id answers what the survivor's id answers.
 */
async function named(ctx: Context, argument: string, id: string, what: string, kinds?: readonly EntityKind[]): Promise<EntityRow> {
  const [entity] = await checkIds(ctx, [{ argument, value: id, names: kinds ? { kinds } : {}, what }]);
  return entity!;
}

/**
 * An entity a result refers to: the query just read it, so it exists. Read slim with
 * the hops' facts when the field shows no more (see relationship.ts, end).
 */
const entity = (ctx: Context, id: string, info: GraphQLResolveInfo) => end(id, ctx, info, 'dependency result');

/** Entities a result refers to, in order: at once when all are held. */
function entities(ctx: Context, ids: readonly string[], info: GraphQLResolveInfo): EntityRow[] | Promise<EntityRow[]> {
  const rows = ids.map((id) => entity(ctx, id, info));
  return rows.some((row) => row instanceof Promise) ? Promise.all(rows) : (rows as EntityRow[]);
}

/** Fields of walks and paths that resolve to the entities along them. */
const ENTITY_FIELDS = ['entity', 'nodes', 'dependent', 'provider'] as const;

/**
 * The request's loaders as a result's queries feed them (see ResultLoaders): the
 * entities along the result with its facts, or while they are read, when the operation
 * selects any, the entities its queries read whole, and the facts' sources and items
 * with the facts, when it reads them.
 */
function resultLoaders({ loaders }: Context, info: GraphQLResolveInfo): ResultLoaders {
  const { sources, item } = readsBelow(info);
  const slimEntities = entitiesSlimBelow(info, ENTITY_FIELDS);
  return {
    ...(selectsAnyOf(info, ENTITY_FIELDS) ? { entitiesAhead: (ids: readonly string[]) => void loaders.entity.loadMany(ids) } : {}),
    ...(slimEntities ? { slimEntityRead: (row: EntityRow) => void loaders.slimEntity.set(row.id, row) } : {}),
    entityRead: (requested, row) => {
      loaders.entity.prime(requested, row);
      loaders.entity.prime(row.id, row);
    },
    factsAlong: {
      sources,
      items: item,
      fact: hopFactReads(info),
      entity: (row) => loaders.entity.prime(row.id, row),
      source: (row) => loaders.source.prime(row.id, row),
    },
  };
}

/** The arguments every walk takes besides its ends. */
interface FilterArgs {
  kinds?: readonly DependencyKind[] | null;
  dependence?: Dependence | null;
  natures?: readonly Nature[] | null;
  asOf?: string | null;
}

/**
 * The walk filter from the arguments: the dependence (SUPPLY unless asked), its kinds (all
 * of them unless narrowed; a kind it does not read is an error, not an empty answer), the
 * natures (REPORTED unless asked; an empty list is an error) and the day.
 */
function filterArgs(args: FilterArgs): WalkFilter {
  const dependence = args.dependence ?? 'SUPPLY';
  const readable = kindsOf(dependence);
  let kinds: readonly DependencyKind[] = readable;
  if (args.kinds !== null && args.kinds !== undefined) {
    kinds = [...new Set(checkCount('kinds', args.kinds, LIMITS.kinds))];
    const foreign = kinds.filter((k) => !readable.includes(k));
    if (foreign.length > 0) {
      throw badInput('kinds', `${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not read by ${dependence} dependence (it reads ${readable.join(', ')})`);
    }
  }
  const natures = args.natures === null || args.natures === undefined ? (['REPORTED'] as Nature[]) : [...new Set(args.natures)];
  if (natures.length === 0) throw badInput('natures', 'must name at least 1');
  return { dependence, kinds, natures, asOf: args.asOf ?? null, commodities: null };
}

const COMMODITY_KINDS: readonly EntityKind[] = ['Commodity', 'Product'];

/**
 * Fields computed from a path's facts: without any of them selected, a walk skips the
 * query for its hops' facts.
 */
const FACT_FIELDS = ['relationships', 'nature'] as const;

async function tiers(
  ctx: Context,
  direction: WalkDirection,
  args: FilterArgs & { id: string; maxDepth?: number | null; commodity?: string | null; perTier?: number | null },
  info: GraphQLResolveInfo,
) {
  const maxDepth = checkInt('maxDepth', args.maxDepth ?? 3, LIMITS.maxDepth);
  const perTier = checkInt('perTier', args.perTier ?? 100, LIMITS.perTier);
  const filter = filterArgs(args);
  const commodity = args.commodity ?? null;
  const withFacts = selectsAnyOf(info, FACT_FIELDS);
  const walkFrom = (rootId: string, commodities: string[] | null) =>
    dependencyTiers(ctx.db, rootId, direction, maxDepth, { ...filter, commodities }, perTier, withFacts, resultLoaders(ctx, info));
  // The walk's first query finds its root: only a root that is not an id or names
  // nothing, or a commodity to narrow by, costs the checks first.
  if (commodity === null && isEntityId(args.id)) {
    const walked = await walkFrom(args.id, null);
    if (walked) return walked;
  }
  const [root, good] = await Promise.all([
    named(ctx, 'id', args.id, 'entity'),
    commodity === null ? null : named(ctx, 'commodity', commodity, 'commodity', COMMODITY_KINDS),
  ]);
  // The root exists now; one deleted since has nothing to walk.
  return (
    (await walkFrom(root.id, good ? narrowerOf(good) : null)) ?? {
      rootId: root.id,
      maxDepth,
      dependence: filter.dependence,
      reaches: [],
      tierTotals: new Map<number, number>(),
    }
  );
}

/** Exactly one of country and policy, each of the right kind. */
async function exposureTarget(ctx: Context, args: { country?: string | null; policy?: string | null }) {
  const country = args.country ?? null;
  const policy = args.policy ?? null;
  if ((country === null) === (policy === null)) {
    throw badInput('country', `give exactly one of country and policy, got ${country === null ? 'neither' : 'both'}`);
  }
  if (country !== null) return { country: (await named(ctx, 'country', country, 'country', ['Country', 'Region'])).id };
  return { policy: (await named(ctx, 'policy', policy!, 'policy', ['Policy'])).id };
}

/** The fields an exposure path and an exposed entity share (an exposed entity is a path with its entity). */
const exposurePathFields = {
  path: (row: ExposurePathRow) => row.path,
  at: (row: ExposurePathRow, _args: unknown, ctx: Context, info: GraphQLResolveInfo) => entity(ctx, row.atId, info),
  because: (row: ExposurePathRow) => row.because,
  scope: (row: ExposurePathRow) => row.scope,
};

export const dependencyResolvers: Resolvers = {
  Query: {
    upstream: (_parent, args, ctx, info) => tiers(ctx, 'UPSTREAM', args, info),
    downstream: (_parent, args, ctx, info) => tiers(ctx, 'DOWNSTREAM', args, info),

    dependencyPaths: async (_parent, args, ctx, info) => {
      const k = checkInt('k', args.k ?? 3, LIMITS.k);
      const maxLength = checkInt('maxLength', args.maxLength ?? 6, LIMITS.maxLength);
      const filter = filterArgs(args);
      const search = (from: string, to: string) =>
        dependencyPaths(ctx.db, from, to, args.direction ?? 'UPSTREAM', k, maxLength, filter, resultLoaders(ctx, info));
      // The search's first query finds its ends: only an argument that is not an id, or
      // names nothing, costs the checks that explain it.
      if (isEntityId(args.from) && isEntityId(args.to)) {
        const paths = await search(args.from, args.to);
        if (paths) return paths;
      }
      const [from, to] = await Promise.all([named(ctx, 'from', args.from, 'entity'), named(ctx, 'to', args.to, 'entity')]);
      // Both exist now; one deleted since has no route.
      return (await search(from.id, to.id)) ?? [];
    },

    exposure: async (_parent, args, ctx, info) => {
      const maxDepth = checkInt('maxDepth', args.maxDepth ?? 4, LIMITS.maxDepth);
      const filter = filterArgs(args);
      const [target, subject] = await Promise.all([exposureTarget(ctx, args), named(ctx, 'id', args.id, 'entity')]);
      return exposure(ctx.db, subject.id, target, maxDepth, filter, {
        withFacts: selectsAnyOf(info, FACT_FIELDS),
        loaders: resultLoaders(ctx, info),
      });
    },

    exposedTo: async (_parent, args, ctx) => {
      const maxDepth = checkInt('maxDepth', args.maxDepth ?? 4, LIMITS.maxDepth);
      const first = checkInt('first', args.first ?? 100, LIMITS.perTier);
      const filter = filterArgs(args);
      const target = await exposureTarget(ctx, args);
      const names = async (ids: readonly string[]) => {
        const rows = await ctx.loaders.entity.loadMany(ids);
        return new Map(rows.flatMap((r) => (r && !(r instanceof Error) ? [[r.id, r.name] as const] : [])));
      };
      return exposedTo(ctx.db, target, maxDepth, filter, first, names);
    },

    subgraph: async (_parent, args, ctx, info) => {
      const ids = [...new Set(checkCount('ids', args.ids, LIMITS.subgraphIds))];
      const depth = checkInt('depth', args.depth ?? 1, LIMITS.subgraphDepth);
      const limit = checkInt('limit', args.limit ?? 100, LIMITS.subgraphLimit);
      if (args.types && args.types.length === 0) throw badInput('types', 'must name at least 1');
      const types = (args.types as RelationshipType[] | null | undefined) ?? null;
      const starts = ids.map((id): IdArgument => ({ argument: 'ids', value: id, names: {}, what: 'entity' }));
      const reads = subgraphReads(info);
      const row = await readCheckingIds(ctx, starts, (resolved, check) =>
        subgraph(ctx.db, [...new Set(resolved.filter((id) => id !== null))], depth, limit, types, check, reads),
      );
      // Slim rows answer only slim fields: they must never reach the entity loader,
      // which other fields of the request read whole (Loaders.slimEntity).
      if (row.slimNodes) for (const node of row.nodes) ctx.loaders.slimEntity.set(node.id, node);
      else for (const node of row.nodes) ctx.loaders.entity.prime(node.id, node);
      return row;
    },
  },

  DependencyTiers: {
    root: (row, _args, ctx, info) => entity(ctx, row.rootId, info),
    maxDepth: (row) => row.maxDepth,
    dependence: (row) => row.dependence,
    total: (row) => [...row.tierTotals.values()].reduce((sum, n) => sum + n, 0),
    tiers: (row) => {
      const byTier = new Map<number, DependencyTierRow>();
      for (const reach of row.reaches) {
        let tier = byTier.get(reach.tier);
        if (!tier) byTier.set(reach.tier, (tier = { tier: reach.tier, total: row.tierTotals.get(reach.tier) ?? 0, reaches: [] }));
        tier.reaches.push(reach);
      }
      return [...byTier.values()].sort((a, b) => a.tier - b.tier);
    },
  },
  DependencyTier: {
    tier: (row) => row.tier,
    total: (row) => row.total,
    entities: (row) => row.reaches,
  },
  DependencyReach: {
    entity: (row, _args, ctx, info) => entity(ctx, row.entityId, info),
    tier: (row) => row.tier,
    nature: (row) => pathNature(row.path.hops),
    path: (row) => row.path,
  },
  DependencyPath: {
    length: (row) => row.hops.length,
    nodes: (row, _args, ctx, info) => entities(ctx, row.nodeIds, info),
    dependence: (row) => row.dependence,
    nature: (row) => pathNature(row.hops),
    hops: (row) => row.hops,
  },
  DependencyHop: {
    dependent: (row, _args, ctx, info) => entity(ctx, row.dependentId, info),
    provider: (row, _args, ctx, info) => entity(ctx, row.providerId, info),
    dependence: (row) => row.dependence,
    nature: (row) => hopNature(row.relationships),
    relationships: (row) => row.relationships,
  },
  Exposure: {
    subject: (row, _args, ctx, info) => entity(ctx, row.subjectId, info),
    through: (row, _args, ctx, info) => entity(ctx, row.throughId, info),
    dependence: (row) => row.dependence,
    // Being the country itself counts, though no fact says so (see Exposure.direct in the SDL).
    exposed: (row) => row.direct.length > 0 || row.paths.length > 0 || (row.target === 'country' && row.subjectId === row.throughId),
    direct: (row) => row.direct,
    paths: (row) => row.paths,
  },
  ExposurePath: exposurePathFields,
  ScopeMatch: {
    clause: (row) => row.clause,
    matched: (row) => row.matched,
    unverified: (row) => row.unverified,
  },
  ExposedSet: {
    through: (row, _args, ctx, info) => entity(ctx, row.throughId, info),
    dependence: (row) => row.dependence,
    total: (row) => row.total,
    entities: (row) => row.entities,
  },
  ExposedEntity: {
    ...exposurePathFields,
    entity: (row, _args, ctx, info) => entity(ctx, row.entityId, info),
    distance: (row) => row.distance,
  },
  Subgraph: {
    nodes: (row, _args, ctx, info) => (row.slimNodes ? row.nodes : entities(ctx, row.nodeIds, info)),
    edges: (row) => row.edges,
    truncated: (row) => row.truncated,
  },
};
