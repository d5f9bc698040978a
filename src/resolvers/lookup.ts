/** Lookups by id: entities, relationships, sources. Unknown ids give null. */
import { allSources } from '../db/graph.js';
import type { Resolvers } from '../generated/resolvers.js';

export const lookupResolvers: Resolvers = {
  Query: {
    entity: (_parent, { id }, { loaders }) => loaders.entity.load(id),
    relationship: (_parent, { id }, { loaders }) => loaders.relationship.load(id),
    source: (_parent, { id }, { loaders }) => loaders.source.load(id),
    sources: (_parent, _args, { db }) => allSources(db),
  },
  Source: {
    kind: (s) => s.kind as 'MARKET_SURVEY' | 'MARKET_REPORT' | 'INDUSTRY_OVERVIEW' | 'BROKER_RESEARCH',
  },
};
