/** Dependency questions: upstream, downstream, paths, exposure, subgraph. */
import type { Resolvers } from '../generated/resolvers.js';

export const dependencyResolvers: Resolvers = {};
