/** A fact and its parts: the relationship, its evidence, its figure and its period. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { EntityRow, SourceRow } from '../db/rows.js';
import type { Resolvers } from '../generated/resolvers.js';
import { showsOnlySlimEntityFields } from './selection.js';
import { type Metric, METRICS, type Nature, RELATIONSHIP_TYPES, UNITS, type Unit } from '../../seed/vocabulary.js';

/** An entity the fact names must exist: the seed validator guarantees it. */
const entity = (id: string, { loaders }: Context) => loaders.entity.present(id, 'relationship');

/**
 * An entity a fact or a dependency result names (a fact's from, to or item, a walk's
 * entities, a path's nodes, a hop's ends): the whole row when the entity loader holds
 * it, else the slim row its link, page, subgraph or hop facts were read with when the
 * field shows no more than slim fields, else loaded.
 */
export const end = (
  id: string,
  ctx: Context,
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  what = 'relationship',
): EntityRow | Promise<EntityRow> => {
  if (ctx.loaders.entity.held(id) === undefined && showsOnlySlimEntityFields(info)) {
    const slim = ctx.loaders.slimEntity.get(id);
    if (slim) return slim;
  }
  return ctx.loaders.entity.present(id, what);
};

/** The sources of these ids that exist, in order; at once when the loader holds them all. */
export const sourcesOf = (ids: readonly string[], { loaders }: Context): SourceRow[] | Promise<SourceRow[]> => {
  const held = ids.map((id) => loaders.source.held(id));
  if (!held.includes(undefined)) return held.filter((s): s is SourceRow => !!s);
  return loaders.source.loadMany(ids).then((rows) => rows.filter((s): s is SourceRow => !!s && !(s instanceof Error)));
};

export const relationshipResolvers: Resolvers = {
  Relationship: {
    meaning: (r) => RELATIONSHIP_TYPES[r.type].meaning,
    from: (r, _args, ctx, info) => end(r.from, ctx, info),
    to: (r, _args, ctx, info) => end(r.to, ctx, info),
    item: (r, _args, ctx, info) => (r.item ? end(r.item, ctx, info) : null),
    figure: (r) => (r.quantity === null ? null : r),
    evidence: (r) => r,
  },
  Evidence: {
    claim: (r) => r.claim,
    period: (r) => ({ text: r.period, start: r.periodStart, end: r.periodEnd }),
    nature: (r) => r.nature as Nature,
    condition: (r) => r.condition,
    sources: (r, _args, ctx) => sourcesOf(r.sourceIds, ctx),
    references: (r) => r.references,
    note: (r) => r.note,
  },
  Reference: {
    source: async (ref, _args, ctx) => {
      const [source] = await sourcesOf([ref.sourceId], ctx);
      if (!source) throw new Error(`reference names missing source ${ref.sourceId}`);
      return source;
    },
    claim: (ref) => ref.claim,
    period: (ref) => ({ text: ref.period, start: ref.periodStart, end: ref.periodEnd }),
    statedOn: async (ref, _args, ctx) => (await sourcesOf([ref.sourceId], ctx))[0]?.date ?? null,
    note: (ref) => ref.note,
  },
  Figure: {
    value: (r) => r.quantity!,
    unit: (r) => r.unit!,
    unitName: (r) => UNITS[r.unit as Unit] ?? r.unit!,
    metric: (r) => r.metric as Metric | null,
    metricName: (r) => (r.metric ? METRICS[r.metric as Metric].name : null),
    approximate: (r) => r.approximate,
    bound: (r) => r.bound as 'AT_LEAST' | 'AT_MOST' | null,
    change: (r) => (r.changeValue === null ? null : r),
    measuredBy: (r, _args, ctx) => (r.measuredBy ? entity(r.measuredBy, ctx) : null),
  },
  Change: {
    value: (r) => r.changeValue!,
    unit: (r) => r.changeUnit!,
    basis: (r) => r.changeBasis as 'YOY' | 'MOM' | 'DOD' | 'FROM_LOW' | 'VS_BASELINE' | 'CAGR',
    approximate: (r) => r.changeApproximate,
  },
};
