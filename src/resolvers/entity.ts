/**
 * The Entity interface and its ten types: the common fields, and each type's link
 * fields from the LINK_FIELDS table. Resolvers only translate arguments and call the
 * loaders; every read is batched per request.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { LinkFilter, LinkSpec } from '../db/graph.js';
import type { EntityRow, LinkRow, RelationshipRow } from '../db/rows.js';
import { badInput } from '../errors.js';
import type { Direction, RelationshipType as GqlRelationshipType, Resolvers } from '../generated/resolvers.js';
import { checkInt, LIMITS, LINKS_FIRST_DEFAULT } from '../limits.js';
import { ENTITY_KINDS, type EntityKind, RELATIONSHIP_TYPE_NAMES } from '../../seed/vocabulary.js';
import { entityIds, GOODS_KINDS, periodArgs } from './args.js';
import { FIGURE_FIELDS, LINK_FIELDS } from './links.js';
import { readsBelow } from './selection.js';
import { sourcesOf } from './relationship.js';

/** GraphQL's EntityKind values (COMPANY …) and the graph's labels (Company …). */
export const kindToLabel = (kind: string): EntityKind => {
  const label = ENTITY_KINDS.find((k) => k.toUpperCase() === kind);
  if (!label) throw badInput('kinds', `unknown entity kind ${kind}`);
  return label;
};
export const labelToKind = (label: EntityKind) => label.toUpperCase() as Uppercase<EntityKind>;

/** A link or figure field's page size: its `first`, checked against the documented bound. */
const linksFirst = (args: { first?: number | null }) => checkInt('first', args.first ?? LINKS_FIRST_DEFAULT, LIMITS.linksFirst);

/** Resolves a link field: the entity at the other end of each relationship the spec selects. */
const links =
  (specs: readonly LinkSpec[]) =>
  (parent: EntityRow, args: { first?: number | null }, { loaders }: Context, info: GraphQLResolveInfo): Promise<LinkRow[]> =>
    loaders.links(specs, linksFirst(args), {}, readsBelow(info)).load(parent.id);

/** Resolves a figure field: the relationships the spec selects, with filters. */
const figures = async (
  specs: readonly LinkSpec[],
  parent: EntityRow,
  args: { first?: number | null },
  filter: LinkFilter,
  { loaders }: Context,
  info: GraphQLResolveInfo,
): Promise<RelationshipRow[]> =>
  (await loaders.links(specs, linksFirst(args), filter, readsBelow(info)).load(parent.id)).map((l) => l.relationship);

type CommodityFigureArgs = {
  commodity?: string | null;
  period?: { from?: string | null; to?: string | null; asOf?: string | null } | null;
  first?: number | null;
};

/** A country's figure field by commodity and period: the commodity must name a Commodity or Product. */
const countryFigures = async (specs: readonly LinkSpec[], parent: EntityRow, args: CommodityFigureArgs, ctx: Context, info: GraphQLResolveInfo) => {
  const period = periodArgs(args.period);
  linksFirst(args);
  const [commodity] = await entityIds(ctx, [{ argument: 'commodity', value: args.commodity, names: { kinds: GOODS_KINDS }, what: 'commodity' }]);
  return figures(specs, parent, args, { commodity, ...period }, ctx, info);
};

type RelationshipsArgs = { types?: GqlRelationshipType[] | null; direction?: Direction | null; first?: number | null };

/** An entity's `relationships` field as a link load: every type unless some are named, both directions by default. */
const relationshipsLoad = (args: RelationshipsArgs): { specs: LinkSpec[]; limit: number } => ({
  specs: [{ types: args.types?.length ? args.types : RELATIONSHIP_TYPE_NAMES, direction: args.direction ?? 'BOTH' }],
  limit: checkInt('first', args.first ?? 50, LIMITS.relationshipsFirst),
});

/** The specs of a LINK_FIELDS field of an entity type, if it is one. */
const linkSpecsOf = (typeName: string, fieldName: string): readonly LinkSpec[] | undefined =>
  (LINK_FIELDS as Record<string, Record<string, readonly LinkSpec[]> | undefined>)[typeName]?.[fieldName];

/** Whether a field of an entity type makes a link load (linkLoadOf answers for some arguments). */
export const isLinkField = (typeName: string, fieldName: string): boolean =>
  fieldName === 'relationships' || linkSpecsOf(typeName, fieldName) !== undefined;

/**
 * The link load an entity type's field makes for these arguments: `relationships` on
 * every type, and the link fields of LINK_FIELDS (fields with filters that need a lookup
 * first, such as a country's figures by commodity, are not covered). Throws what the
 * resolver would throw for arguments out of range; undefined for any other field.
 */
export function linkLoadOf(
  typeName: string,
  fieldName: string,
  args: Record<string, unknown>,
): { specs: readonly LinkSpec[]; limit: number } | undefined {
  if (fieldName === 'relationships') return relationshipsLoad(args as RelationshipsArgs);
  const specs = linkSpecsOf(typeName, fieldName);
  return specs && { specs, limit: linksFirst(args as { first?: number | null }) };
}

const common = {
  kind: (parent: EntityRow) => labelToKind(parent.kind),
  sources: (parent: EntityRow, _args: unknown, ctx: Context) => sourcesOf(parent.sourceIds, ctx),
  degree: (parent: EntityRow) => parent.degree,
  relationships: async (parent: EntityRow, args: RelationshipsArgs, { loaders }: Context, info: GraphQLResolveInfo) => {
    const { specs, limit } = relationshipsLoad(args);
    const rows = await loaders.links(specs, limit, {}, readsBelow(info)).load(parent.id);
    return rows.map((l) => l.relationship);
  },
};

export const entityResolvers: Resolvers = {
  Entity: {
    __resolveType: (parent) => parent.kind,
  },
  Link: {
    // Read with the link: whole, or slim when the selection needs no more (slimBelow).
    entity: (parent) => parent.entity,
    relationship: (parent) => parent.relationship,
  },
  Company: { ...common, ...mapLinks(LINK_FIELDS.Company) },
  Country: {
    ...common,
    ...mapLinks(LINK_FIELDS.Country),
    production: (parent, args, ctx, info) => countryFigures(FIGURE_FIELDS.countryProduction, parent, args, ctx, info),
    exports: (parent, args, ctx, info) => countryFigures(FIGURE_FIELDS.countryExports, parent, args, ctx, info),
    imports: (parent, args, ctx, info) => countryFigures(FIGURE_FIELDS.countryImports, parent, args, ctx, info),
  },
  Region: {
    ...common,
    ...mapLinks(LINK_FIELDS.Region),
    country: (parent, _args, ctx) => countryOf(parent, ctx),
  },
  Project: { ...common, ...mapLinks(LINK_FIELDS.Project) },
  Technology: { ...common, ...mapLinks(LINK_FIELDS.Technology) },
  Policy: { ...common, ...mapLinks(LINK_FIELDS.Policy) },
  Commodity: {
    ...common,
    ...mapLinks(LINK_FIELDS.Commodity),
    trade: (parent, args, ctx, info) => figures(FIGURE_FIELDS.commodityTrade, parent, args, periodArgs(args.period), ctx, info),
  },
  Product: {
    ...common,
    ...mapLinks(LINK_FIELDS.Product),
    metrics: (parent, args, ctx, info) => figures(FIGURE_FIELDS.productMetrics, parent, args, {}, ctx, info),
  },
  Sector: { ...common, ...mapLinks(LINK_FIELDS.Sector) },
  Organization: { ...common, ...mapLinks(LINK_FIELDS.Organization) },
};

const LOCATED_IN: readonly LinkSpec[] = [{ types: ['LOCATED_IN'], direction: 'OUTGOING' }];
/** Places a region is said to be located in that are looked at; a region has one or two. */
const REGION_PLACES = 10;

/** The country a region is located in: directly, or through the regions that contain it. */
async function countryOf(region: EntityRow, ctx: Context, hops = 0): Promise<EntityRow | null> {
  for (const link of await ctx.loaders.links(LOCATED_IN, REGION_PLACES).load(region.id)) {
    const place = await ctx.loaders.entity.load(link.entityId);
    if (place?.kind === 'Country') return place;
    if (place?.kind === 'Region' && hops < 3) {
      const country = await countryOf(place, ctx, hops + 1);
      if (country) return country;
    }
  }
  return null;
}

function mapLinks<T extends Record<string, readonly LinkSpec[]>>(fields: T): { [K in keyof T]: ReturnType<typeof links> } {
  return Object.fromEntries(Object.entries(fields).map(([name, specs]) => [name, links(specs)])) as {
    [K in keyof T]: ReturnType<typeof links>;
  };
}
