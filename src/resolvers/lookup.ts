/**
 * Lookups by id: entities, relationships, sources. An unknown id gives null, by design:
 * a lookup answers whether the id names something. The id arguments of lists and
 * filters are different (an id there that names nothing would make a silent empty), so
 * they are checked and rejected instead: see checkIds in args.ts.
 */
import { allSources } from '../db/graph.js';
import type { Resolvers } from '../generated/resolvers.js';
import { linkLoadsBelow } from './prefetch.js';
import { selectsAnyOf } from './selection.js';

export const lookupResolvers: Resolvers = {
  Query: {
    entity: async (_parent, { id }, ctx, info) => {
      // Sources shown below the entity (its own, most often): read them with it.
      const withSources = selectsAnyOf(info, ['sources']);
      // The link fields below it (suppliers, relationships …) come in the same query.
      // Neither shown: the plain lookup, batched with any other of the request.
      const loads = linkLoadsBelow(info);
      if (loads.length === 0 && !withSources) return ctx.loaders.entity.load(id);
      return ctx.loaders.entityWithLinks(id, loads, withSources);
    },
    relationship: (_parent, { id }, { loaders }) => loaders.relationship.load(id),
    source: (_parent, { id }, { loaders }) => loaders.source.load(id),
    sources: (_parent, _args, { db }) => allSources(db),
  },
  Source: {
    kind: (s) => s.kind as 'MARKET_SURVEY' | 'MARKET_REPORT' | 'INDUSTRY_OVERVIEW' | 'BROKER_RESEARCH',
  },
};
