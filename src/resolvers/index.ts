/** All resolvers, one file per GraphQL type or domain, merged here. */
import type { Resolvers } from '../generated/resolvers.js';
import { catalogResolvers } from './catalog.js';
import { curationResolvers } from './curation.js';
import { ingestionResolvers } from './ingestion.js';
import { dependencyResolvers } from './dependencies.js';
import { entityResolvers } from './entity.js';
import { healthResolvers } from './health.js';
import { LocalDate } from './local-date.js';
import { lookupResolvers } from './lookup.js';
import { policyResolvers } from './policy.js';
import { relationshipResolvers } from './relationship.js';

export const resolvers: Resolvers[] = [
  { LocalDate },
  healthResolvers,
  lookupResolvers,
  catalogResolvers,
  entityResolvers,
  relationshipResolvers,
  dependencyResolvers,
  policyResolvers,
  curationResolvers,
  ingestionResolvers,
];
