/**
 * Batched reads of entities, sources and relationships by id, and of entities' links.
 * Each function takes many keys and makes one round trip, for the per-request
 * DataLoaders in context.ts.
 */
import { factRefQuery } from './catalog.js';
import { int } from './convert.js';
import { cypher, keepBranches } from './cypher.js';
import type { Database } from './database.js';
import { toEntityRow, toRelationshipRow, toSourceRow } from './mappers.js';
import type { EntityRow, LinkRow, RelationshipRow, SourceRow } from './rows.js';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';
import type { Plain } from './convert.js';
import { factKeys, factProps, type FactRead, SLIM_KEY_PARAMS, slimEntityProps } from './slim.js';

const ENTITIES_BY_IDS = cypher('entities/by-ids');
const SOURCES_BY_IDS = cypher('sources/by-ids');
const ALL_SOURCES = cypher('sources/all');
const LINKS = cypher('entities/links');
const RELATIONSHIPS_BY_IDS = cypher('relationships/by-ids');

type Props = Record<string, Plain>;

export async function entitiesByIds(db: Database, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await db.run(ENTITIES_BY_IDS, { ids });
  // Keyed by the id asked: a merged entity's old id answers its survivor.
  return new Map(rows.map((row) => [String(row.requested), toEntityRow(row.entity as Props)]));
}

export async function sourcesByIds(db: Database, ids: readonly string[]): Promise<Map<string, SourceRow>> {
  const rows = await db.run(SOURCES_BY_IDS, { ids });
  return new Map(rows.map((row) => toSourceRow(row.source as Props)).map((s) => [s.id, s]));
}

export async function allSources(db: Database): Promise<SourceRow[]> {
  return (await db.run(ALL_SOURCES)).map((row) => toSourceRow(row.source as Props));
}

export async function relationshipsByIds(db: Database, ids: readonly string[]): Promise<Map<string, RelationshipRow>> {
  const facts = ids.map((id) => ({ id, query: factRefQuery('id', id) }));
  const rows = await db.run(RELATIONSHIPS_BY_IDS, { facts });
  return new Map(rows.map((row) => toRelationshipRow(row.rel as Props)).map((r) => [r.id, r]));
}

/** Where the asking entity stands in the relationships a link spec selects. */
export type LinkDirection = 'OUTGOING' | 'INCOMING' | 'BOTH' | 'ITEM' | 'WITHIN' | 'MEMBER_FROM' | 'MEMBER_TO' | 'SCOPE';

/** The branches of entities/links.cypher that read the links of each direction. */
const BRANCHES_OF: Readonly<Record<LinkDirection, readonly string[]>> = {
  OUTGOING: ['direct-out'],
  INCOMING: ['direct-in'],
  BOTH: ['direct-out', 'direct-in'],
  ITEM: ['item'],
  WITHIN: ['within'],
  MEMBER_FROM: ['member-from'],
  MEMBER_TO: ['member-to'],
  SCOPE: ['scope'],
};

// A branch this map names and the file does not mark fails the start, not a request.
keepBranches(LINKS, [...new Set(Object.values(BRANCHES_OF).flat())]);

/** Which relationships of an entity a link field shows (see cypher/entities/links.cypher). */
export interface LinkSpec {
  types: readonly RelationshipType[];
  direction: LinkDirection;
  /** Only these kinds at the other end. */
  otherKinds?: readonly EntityKind[];
}

export interface LinkFilter {
  commodity?: string | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  withFigure?: boolean;
}

/**
 * One link field's request: its specs, filters and page size, and what the selection
 * below it needs read along (see cypher/entities/links.cypher).
 */
export interface LinkRequest {
  specs: readonly LinkSpec[];
  filter: LinkFilter;
  /** At most this many links per entity, newest first. */
  limit: number;
  /** Read each fact's sources (cited and referenced) with it. */
  withSources: boolean;
  /** Read the entity each fact's item names with it. */
  withItem: boolean;
  /** Read only the other ends' id, name, kind, sources and degree (the LinkRows are then `slim`). */
  slimEntity: boolean;
  /** The facts whole, or only their slim properties, with or without their figure (see links.cypher). */
  fact: FactRead;
}

/** An entity asking for one of the batch's requests (an index into its list). */
export interface LinkAsk {
  id: string;
  request: number;
}

/** The links of each ask (in the order asked), with what came along for the loaders of entities and sources. */
export interface LinkAnswers {
  links: LinkRow[][];
  items: EntityRow[];
  sources: SourceRow[];
  /** The entities looked up along (see linksOf), by the id asked, in the order asked; unknown ids left out. */
  found: { requested: string; entity: EntityRow }[];
}

/** Entities to look up with the links (a merged id finds its survivor), and whether to bring their sources. */
export interface EntityLookup {
  ids: readonly string[];
  withSources: boolean;
}

/**
 * The links of many entities for many link requests, in one round trip: for each ask
 * (in the order given), at most its request's `limit` links, newest first. The database
 * makes the cut, per ask. Entities to `lookup` come in the same round trip (an entity
 * lookup and the links its selection shows: one query).
 */
export async function linksOf(
  db: Database,
  asks: readonly LinkAsk[],
  requests: readonly LinkRequest[],
  lookup: EntityLookup = { ids: [], withSources: false },
): Promise<LinkAnswers> {
  const itemIds = asks.filter((ask) => requests[ask.request]!.specs.some((s) => s.direction === 'ITEM')).map((ask) => ask.id);
  // Only the branches the batch's specs use (a lookup without links still needs one).
  const branches = new Set(requests.flatMap((request) => request.specs.flatMap((spec) => BRANCHES_OF[spec.direction])));
  // Each ask once: the query answers every ask it is sent (two lookups of one entity that
  // differ in what else they show ask for the same links), and each ask's answer is
  // shared below by every ask that names it.
  const unique = [...new Map(asks.map((ask) => [`${ask.request}:${ask.id}`, ask])).values()];
  const rows = await db.run(keepBranches(LINKS, branches.size > 0 ? [...branches] : ['direct-in']), {
    asks: unique.map((ask) => ({ id: ask.id, request: int(ask.request) })),
    requests: requests.map((request) => ({
      specs: request.specs.map((s) => ({ types: [...s.types], direction: s.direction, otherKinds: s.otherKinds ? [...s.otherKinds] : null })),
      commodity: request.filter.commodity ?? null,
      periodFrom: request.filter.periodFrom ?? null,
      periodTo: request.filter.periodTo ?? null,
      withFigure: request.filter.withFigure ?? false,
      limit: int(request.limit),
      withSources: request.withSources,
      withItem: request.withItem,
      slimEntity: request.slimEntity,
      factKeys: factKeys(request.fact),
    })),
    itemQueries: Object.fromEntries(itemIds.map((id) => [id, factRefQuery('item', id)])),
    ...SLIM_KEY_PARAMS,
    lookups: lookup.ids,
    lookupSources: lookup.withSources,
  });
  const byAsk = new Map<string, LinkRow[]>(asks.map((ask) => [`${ask.request}:${ask.id}`, []]));
  for (const row of rows) {
    // The one row of a lookup whose entity has no links carries no link.
    if (row.id === null) continue;
    const request = requests[Number(row.request)]!;
    byAsk.get(`${Number(row.request)}:${String(row.id)}`)?.push({
      entityId: String(row.other),
      entity: toEntityRow(request.slimEntity ? slimEntityProps(row.entity) : (row.entity as Props)),
      slim: request.slimEntity,
      relationship: toRelationshipRow(factProps(row.rel, request.fact)),
    });
  }
  return {
    links: asks.map((ask) => byAsk.get(`${ask.request}:${ask.id}`)!),
    items: ((rows[0]?.items as Props[] | null | undefined) ?? []).map(toEntityRow),
    sources: ((rows[0]?.sources as Props[] | null | undefined) ?? []).map(toSourceRow),
    found: ((rows[0]?.found as { requested: string; entity: Props }[] | null | undefined) ?? []).map((lookup) => ({
      requested: String(lookup.requested),
      entity: toEntityRow(lookup.entity),
    })),
  };
}
