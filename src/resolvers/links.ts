/**
 * What each entity type's relationship fields mean, as link specs over the graph's
 * relationship types (see cypher/entities/links.cypher for the directions). One table,
 * so the meaning of "a company's suppliers" is written down once. A place's members,
 * producers and issuing bodies include what is located in its regions, transitively
 * (WITHIN, MEMBER_FROM, MEMBER_TO).
 */
import type { LinkDirection, LinkSpec } from '../db/graph.js';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';

const spec = (types: RelationshipType[], direction: LinkDirection, otherKinds?: EntityKind[]): LinkSpec =>
  otherKinds ? { types, direction, otherKinds } : { types, direction };

export const LINK_FIELDS = {
  Company: {
    suppliers: [spec(['SUPPLIES', 'LICENSES_TO', 'FUNDS'], 'INCOMING')],
    customers: [spec(['SUPPLIES', 'LICENSES_TO', 'EXPORTS_TO'], 'OUTGOING')],
    partners: [spec(['PARTNERS_WITH', 'JOINT_VENTURE', 'COMPETES_WITH'], 'BOTH')],
    technologies: [spec(['USES_TECHNOLOGY', 'DEVELOPS'], 'OUTGOING', ['Technology'])],
    projects: [spec(['PARTICIPATES_IN', 'DEVELOPS', 'OWNS', 'JOINT_VENTURE'], 'OUTGOING', ['Project'])],
    location: [spec(['LOCATED_IN'], 'OUTGOING')],
    products: [
      spec(['PRODUCES', 'HAS_CAPACITY'], 'OUTGOING'),
      spec(['DEVELOPS'], 'OUTGOING', ['Product']),
    ],
  },
  Country: {
    members: [spec(['LOCATED_IN', 'MEMBER_OF'], 'WITHIN')],
    producers: [spec(['PRODUCES', 'HAS_CAPACITY'], 'MEMBER_FROM')],
    policiesIssued: [spec(['ISSUED_BY'], 'INCOMING'), spec(['ISSUED_BY'], 'MEMBER_TO')],
    policiesTargeting: [spec(['RESTRICTS', 'APPLIES_TO'], 'INCOMING'), spec(['RESTRICTS', 'APPLIES_TO'], 'SCOPE')],
  },
  Region: {
    members: [spec(['LOCATED_IN', 'MEMBER_OF'], 'WITHIN')],
  },
  Project: {
    participants: [spec(['PARTICIPATES_IN', 'JOINT_VENTURE', 'DEVELOPS', 'OWNS'], 'INCOMING')],
    funders: [spec(['FUNDS'], 'INCOMING')],
    supporters: [spec(['SUPPORTS'], 'INCOMING')],
    technologies: [spec(['USES_TECHNOLOGY', 'DEVELOPS'], 'OUTGOING', ['Technology'])],
    location: [spec(['LOCATED_IN'], 'OUTGOING')],
  },
  Technology: {
    developers: [spec(['DEVELOPS'], 'INCOMING')],
    licensees: [spec(['LICENSES_TO'], 'ITEM')],
    users: [spec(['USES_TECHNOLOGY'], 'INCOMING')],
  },
  Policy: {
    issuers: [spec(['ISSUED_BY'], 'OUTGOING')],
    targets: [spec(['RESTRICTS', 'APPLIES_TO'], 'OUTGOING')],
    subjects: [spec(['SUBJECT_TO'], 'INCOMING')],
  },
  Commodity: {
    producers: [spec(['PRODUCES', 'HAS_CAPACITY'], 'INCOMING')],
    inputs: [spec(['MADE_FROM'], 'OUTGOING')],
    uses: [spec(['USED_IN'], 'OUTGOING'), spec(['CONSUMES', 'MADE_FROM'], 'INCOMING')],
  },
  Product: {
    makers: [spec(['DEVELOPS', 'PRODUCES'], 'INCOMING')],
    inputs: [spec(['MADE_FROM', 'CONSUMES'], 'OUTGOING')],
  },
  Sector: {
    suppliers: [spec(['SERVES_SECTOR', 'SUPPLIES'], 'INCOMING')],
    inputs: [spec(['USED_IN', 'USES_TECHNOLOGY'], 'INCOMING'), spec(['USES_TECHNOLOGY', 'CONSUMES'], 'OUTGOING')],
  },
  Organization: {
    policiesIssued: [spec(['ISSUED_BY'], 'INCOMING')],
    funds: [spec(['FUNDS', 'SUPPORTS'], 'OUTGOING')],
    memberOf: [spec(['MEMBER_OF'], 'OUTGOING')],
  },
} as const satisfies Record<string, Record<string, readonly LinkSpec[]>>;

/** Relationship lists (not links) with filters, by field. */
export const FIGURE_FIELDS = {
  countryProduction: [spec(['PRODUCES', 'HAS_CAPACITY'], 'OUTGOING')],
  countryExports: [spec(['EXPORTS', 'EXPORTS_TO'], 'OUTGOING')],
  countryImports: [spec(['IMPORTS', 'IMPORTS_FROM'], 'OUTGOING'), spec(['EXPORTS_TO'], 'INCOMING')],
  commodityTrade: [spec(['EXPORTS', 'IMPORTS'], 'INCOMING'), spec(['EXPORTS_TO', 'IMPORTS_FROM'], 'ITEM')],
  productMetrics: [spec(['HAS_METRIC'], 'OUTGOING')],
} as const satisfies Record<string, readonly LinkSpec[]>;
