import { readHealth } from '../db/system.js';
import type { Resolvers } from '../generated/resolvers.js';

export const healthResolvers: Resolvers = {
  Query: {
    health: (_parent, _args, { db }) => readHealth(db),
  },
};
