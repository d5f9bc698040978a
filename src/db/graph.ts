/**
 * Batched reads of entities, sources and relationships by id, and of entities' links.
 * Each function takes many keys and makes one round trip, for the per-request
 * DataLoaders in context.ts.
 */
import { factRefQuery } from './catalog.js';
import { int } from './convert.js';
import { cypher } from './cypher.js';
import type { Database } from './database.js';
import { toEntityRow, toRelationshipRow, toSourceRow } from './mappers.js';
import type { EntityRow, LinkRow, RelationshipRow, SourceRow } from './rows.js';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';
import type { Plain } from './convert.js';

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
 * The links of many entities for one set of specs and filters: entity id → at most
 * `limit` of its links, newest first. The database makes the cut, per entity.
 */
export async function linksOf(
  db: Database,
  ids: readonly string[],
  specs: readonly LinkSpec[],
  filter: LinkFilter,
  limit: number,
): Promise<Map<string, LinkRow[]>> {
  const byItem = specs.some((s) => s.direction === 'ITEM');
  const rows = await db.run(LINKS, {
    ids,
    itemQueries: byItem ? Object.fromEntries(ids.map((id) => [id, factRefQuery('item', id)])) : {},
    specs: specs.map((s) => ({ types: [...s.types], direction: s.direction, otherKinds: s.otherKinds ? [...s.otherKinds] : null })),
    commodity: filter.commodity ?? null,
    periodFrom: filter.periodFrom ?? null,
    periodTo: filter.periodTo ?? null,
    withFigure: filter.withFigure ?? false,
    limit: int(limit),
  });
  const out = new Map<string, LinkRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    out.get(String(row.id))?.push({
      entityId: String(row.other),
      entity: toEntityRow(row.entity as Props),
      relationship: toRelationshipRow(row.rel as Props),
    });
  }
  return out;
}
