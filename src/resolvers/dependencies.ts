/**
 * Dependency questions: upstream, downstream, paths, exposure, subgraph. Resolvers check
 * the arguments (bounds are rejected, never clamped; unknown ids are NOT_FOUND) and call
 * src/db/dependencies.ts; entities along the results load through the request's
 * DataLoader, so round trips do not grow with the number of results.
 */
import type { Context } from '../context.js';
import {
  DEPENDENCY_KINDS,
  type DependencyKind,
  dependencyPaths,
  dependencyTiers,
  exposure,
  subgraph,
  type WalkDirection,
} from '../db/dependencies.js';
import type { DependencyTierRow, EntityRow } from '../db/rows.js';
import { badInput, notFound } from '../errors.js';
import type { Resolvers } from '../generated/resolvers.js';
import { checkCount, checkInt, LIMITS } from '../limits.js';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';

/** An entity the user named: it must exist, and be of one of `kinds` when given. */
async function named(
  { loaders }: Context,
  argument: string,
  id: string,
  what: string,
  kinds?: readonly EntityKind[],
): Promise<EntityRow> {
  const entity = await loaders.entity.load(id);
  if (!entity) throw notFound(what, id);
  if (kinds && !kinds.includes(entity.kind)) {
    throw badInput(argument, `${id} is a ${entity.kind}, not a ${kinds.join(' or ')}`);
  }
  return entity;
}

/** An entity a result refers to: the query just read it, so it exists. */
async function entity({ loaders }: Context, id: string): Promise<EntityRow> {
  const row = await loaders.entity.load(id);
  if (!row) throw new Error(`dependency result names missing entity ${id}`);
  return row;
}

/** The kinds to follow: all when not given; an empty list is an error. */
function kindsArg(kinds: readonly DependencyKind[] | null | undefined): readonly DependencyKind[] {
  if (kinds === null || kinds === undefined) return DEPENDENCY_KINDS;
  return [...new Set(checkCount('kinds', kinds, LIMITS.kinds))];
}

const COMMODITY_KINDS: readonly EntityKind[] = ['Commodity', 'Product'];

async function tiers(
  ctx: Context,
  direction: WalkDirection,
  args: {
    id: string;
    maxDepth?: number | null;
    commodity?: string | null;
    kinds?: readonly DependencyKind[] | null;
    perTier?: number | null;
  },
) {
  const maxDepth = checkInt('maxDepth', args.maxDepth ?? 3, LIMITS.maxDepth);
  const perTier = checkInt('perTier', args.perTier ?? 100, LIMITS.perTier);
  const kinds = kindsArg(args.kinds);
  const commodity = args.commodity ?? null;
  await Promise.all([
    named(ctx, 'id', args.id, 'entity'),
    commodity === null ? null : named(ctx, 'commodity', commodity, 'commodity', COMMODITY_KINDS),
  ]);
  return dependencyTiers(ctx.db, args.id, direction, maxDepth, { kinds, commodity }, perTier);
}

export const dependencyResolvers: Resolvers = {
  Query: {
    upstream: (_parent, args, ctx) => tiers(ctx, 'UPSTREAM', args),
    downstream: (_parent, args, ctx) => tiers(ctx, 'DOWNSTREAM', args),

    dependencyPaths: async (_parent, args, ctx) => {
      const k = checkInt('k', args.k ?? 3, LIMITS.k);
      const maxLength = checkInt('maxLength', args.maxLength ?? 6, LIMITS.maxLength);
      const kinds = kindsArg(args.kinds);
      await Promise.all([named(ctx, 'from', args.from, 'entity'), named(ctx, 'to', args.to, 'entity')]);
      return dependencyPaths(ctx.db, args.from, args.to, args.direction ?? 'UPSTREAM', k, maxLength, kinds);
    },

    exposure: async (_parent, args, ctx) => {
      const maxDepth = checkInt('maxDepth', args.maxDepth ?? 4, LIMITS.maxDepth);
      const kinds = kindsArg(args.kinds);
      const country = args.country ?? null;
      const policy = args.policy ?? null;
      if ((country === null) === (policy === null)) {
        throw badInput('country', `give exactly one of country and policy, got ${country === null ? 'neither' : 'both'}`);
      }
      await Promise.all([
        named(ctx, 'id', args.id, 'entity'),
        country !== null
          ? named(ctx, 'country', country, 'country', ['Country', 'Region'])
          : named(ctx, 'policy', policy!, 'policy', ['Policy']),
      ]);
      return exposure(ctx.db, args.id, country !== null ? { country } : { policy: policy! }, maxDepth, kinds);
    },

    subgraph: async (_parent, args, ctx) => {
      const ids = [...new Set(checkCount('ids', args.ids, LIMITS.subgraphIds))];
      const depth = checkInt('depth', args.depth ?? 1, LIMITS.subgraphDepth);
      const limit = checkInt('limit', args.limit ?? 100, LIMITS.subgraphLimit);
      if (args.types && args.types.length === 0) throw badInput('types', 'must name at least 1');
      await Promise.all(ids.map((id) => named(ctx, 'ids', id, 'entity')));
      return subgraph(ctx.db, ids, depth, limit, (args.types as RelationshipType[] | null | undefined) ?? null);
    },
  },

  DependencyTiers: {
    root: (row, _args, ctx) => entity(ctx, row.rootId),
    maxDepth: (row) => row.maxDepth,
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
    entity: (row, _args, ctx) => entity(ctx, row.entityId),
    tier: (row) => row.tier,
    path: (row) => row.path,
  },
  DependencyPath: {
    length: (row) => row.hops.length,
    nodes: (row, _args, ctx) => Promise.all(row.nodeIds.map((id) => entity(ctx, id))),
    hops: (row) => row.hops,
  },
  DependencyHop: {
    dependent: (row, _args, ctx) => entity(ctx, row.dependentId),
    provider: (row, _args, ctx) => entity(ctx, row.providerId),
    relationships: (row) => row.relationships,
  },
  Exposure: {
    subject: (row, _args, ctx) => entity(ctx, row.subjectId),
    through: (row, _args, ctx) => entity(ctx, row.throughId),
    // Being the country itself counts, though no fact says so (see Exposure.direct in the SDL).
    exposed: (row) => row.direct.length > 0 || row.paths.length > 0 || row.subjectId === row.throughId,
    direct: (row) => row.direct,
    paths: (row) => row.paths,
  },
  ExposurePath: {
    path: (row) => row.path,
    at: (row, _args, ctx) => entity(ctx, row.atId),
    because: (row) => row.because,
  },
  Subgraph: {
    nodes: (row, _args, ctx) => Promise.all(row.nodeIds.map((id) => entity(ctx, id))),
    edges: (row) => row.edges,
    truncated: (row) => row.truncated,
  },
};
