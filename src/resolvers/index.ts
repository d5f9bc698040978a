/** All resolvers, one file per GraphQL type or domain, merged here. */
import type { Resolvers } from '../generated/resolvers.js';
import { healthResolvers } from './health.js';

export const resolvers: Resolvers[] = [healthResolvers];
