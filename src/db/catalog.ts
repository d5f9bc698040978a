/** Finding entities and facts: full-text search, lookup by name, filtered pages. */
import { cypher } from './cypher.js';
import type { Database } from './database.js';
import { toEntityRow, toRelationshipRow } from './mappers.js';
import { lookupKey, normaliseName } from './names.js';
import type { EntityRow, PageRow, RelationshipRow, SearchHitRow } from './rows.js';
import type { Plain } from './convert.js';
import { int } from './convert.js';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';

const SEARCH = cypher('entities/search');
const BY_NAME = cypher('entities/by-name');
const SEARCH_FACTS = cypher('relationships/search');
const LIST_ENTITIES = cypher('entities/list');
const LIST_RELATIONSHIPS = cypher('relationships/list');
const FACTS_BY_SOURCES = cypher('relationships/by-sources');

type Props = Record<string, Plain>;

/** Lucene's special characters, escaped so user text is only ever searched for, never parsed as syntax. */
export const escapeLucene = (term: string) => term.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);

/**
 * A Lucene query for the facts whose `field` holds exactly `value`, for the keyword-
 * analysed `fact_refs` index (cypher/schema/constraints.cypher): `sourceIds:"report-1"`.
 * The value is escaped and quoted, so it is matched as one whole term and never parsed
 * as syntax. Cypher files still compare the property itself: the index finds, the
 * comparison decides.
 */
export function factRefQuery(field: 'id' | 'sourceIds' | 'item', value: string): string {
  return `${field}:"${escapeLucene(value)}"`;
}

/** Words too common to require: "magnesium and ingot" asks for magnesium and ingot. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'not', 'of', 'the', 'in', 'on', 'for', 'to', 'with', 'by']);

/**
 * A Lucene query for what a user typed: every term must match, as a whole word (boosted),
 * as a prefix ("magn" → magnesium) or, for longer terms, approximately (garbled names).
 */
export function searchQuery(text: string): string {
  const terms = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t));
  return terms
    .map((t) => {
      const e = escapeLucene(t);
      return t.length >= 5 ? `(${e}^3 OR ${e}* OR ${e}~1)` : `(${e}^3 OR ${e}*)`;
    })
    .join(' AND ');
}

/** How a hit matches what was typed, best first: the order search ranks by. */
export const MATCH_ORDER = ['EXACT', 'PREFIX', 'WORDS', 'FUZZY'] as const;
export type SearchMatch = (typeof MATCH_ORDER)[number];

/** The words of a query that must match (stop words dropped), normalised. */
const queryWords = (text: string) => normaliseName(text).split(' ').filter((w) => w.length > 0 && !STOP_WORDS.has(w));

/**
 * How an entity matches the text. EXACT: a name or alias has the text's key (case,
 * punctuation and suffixes such as "Limited" aside); PREFIX: a name or alias starts with
 * the text; WORDS: every word of the text starts a word of the name, an alias or the
 * description; FUZZY: the index matched it only approximately.
 */
export function matchOf(
  text: string,
  entity: { name: string; aliases: readonly string[]; nameKeys: readonly string[]; description: string },
): SearchMatch {
  const names = [entity.name, ...entity.aliases];
  if (entity.nameKeys.includes(lookupKey(text))) return 'EXACT';
  const typed = normaliseName(text);
  if (typed !== '' && names.some((n) => normaliseName(n).startsWith(typed))) return 'PREFIX';
  const words = new Set([...names, entity.description].flatMap((t) => normaliseName(t).split(' ')));
  const wanted = queryWords(text);
  if (wanted.length > 0 && wanted.every((w) => [...words].some((word) => word.startsWith(w)))) return 'WORDS';
  return 'FUZZY';
}

/**
 * Entities for what a user typed, ranked the way people expect: an exact name or alias
 * first, then names that start with the text, then entities carrying every word (in the
 * name, aliases or description), then approximate matches; within each, by the index's
 * score (prefixes by the closest completion first), then name. The index ranks by term statistics alone, which put "Mg Ingot 99.9"
 * above China for "China" (its description says China) — hence this second pass, which
 * the relevance set in test/search-relevance.int.test.ts measures.
 */
export async function search(
  db: Database,
  text: string,
  kinds: readonly EntityKind[] | null,
  limit: number,
): Promise<SearchHitRow[]> {
  const query = searchQuery(text);
  if (query === '') return [];
  const key = lookupKey(text);
  // Enough candidates that re-ranking can lift an exact or prefix match from far down.
  const candidates = Math.max(limit * 5, 50);
  const rows = await db.run(SEARCH, { query, keyQuery: `"${escapeLucene(key)}"`, key, kinds, limit: int(candidates) });
  const typed = normaliseName(text);
  const hits = rows.map((row) => {
    const entity = {
      name: String(row.name),
      aliases: (row.aliases as string[] | null) ?? [],
      // The keys the loader stored (src/db/names.ts), the same ones exact lookups compare.
      nameKeys: (row.nameKeys as string[] | null) ?? [],
      description: String(row.description ?? ''),
    };
    const match = matchOf(text, entity);
    // Of several names starting with the text, the closest completion comes first
    // ("Minago" → the Minago project before Minago Development).
    const rest =
      match === 'PREFIX'
        ? Math.min(...[entity.name, ...entity.aliases].map(normaliseName).filter((n) => n.startsWith(typed)).map((n) => n.length))
        : 0;
    return { entityId: String(row.id), score: Number(row.score), match, rest, name: entity.name.toLowerCase() };
  });
  hits.sort(
    (a, b) =>
      MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) ||
      a.rest - b.rest ||
      b.score - a.score ||
      a.name.localeCompare(b.name) ||
      (a.entityId < b.entityId ? -1 : 1),
  );
  return hits.slice(0, limit).map(({ name: _name, rest: _rest, ...hit }) => hit);
}

export interface FactHitRow {
  score: number;
  relationship: RelationshipRow;
}

/** Facts found by their own words (claims, each reference's claim, notes), best first. */
export async function searchFacts(db: Database, text: string, limit: number): Promise<FactHitRow[]> {
  const query = searchQuery(text);
  if (query === '') return [];
  const rows = await db.run(SEARCH_FACTS, { query, limit: int(limit) });
  return rows.map((row) => ({ score: Number(row.score), relationship: toRelationshipRow(row.rel as Props) }));
}

/** The id of the entity `name` finds (its name or an alias, by key: see src/db/names.ts), or null. */
export async function entityIdByName(db: Database, name: string): Promise<string | null> {
  const key = lookupKey(name);
  if (key === '') return null;
  const rows = await db.run(BY_NAME, { phrase: `"${escapeLucene(key)}"`, key });
  // Several entities can share a short form only through different full names; the one
  // whose own name has the key wins, then the smallest id.
  const own = rows.find((row) => lookupKey(String(row.name)) === key) ?? rows[0];
  return own ? String(own.id) : null;
}

export interface EntityListArgs {
  kinds: readonly EntityKind[] | null;
  nameContains: string | null;
  sourceId: string | null;
  order: 'NAME_ASC' | 'NAME_DESC' | 'DEGREE_DESC';
  offset: number;
  limit: number;
}

export async function listEntities(db: Database, args: EntityListArgs): Promise<PageRow<EntityRow>> {
  const [row] = await db.run(LIST_ENTITIES, {
    kinds: args.kinds,
    nameContains: args.nameContains?.toLowerCase() ?? null,
    sourceId: args.sourceId,
    order: args.order,
    offset: int(args.offset),
    limit: int(args.limit),
  });
  const total = Number(row?.total ?? 0);
  const items = ((row?.page as Props[] | undefined) ?? []).map(toEntityRow);
  return { totalCount: total, items, offset: args.offset, hasNextPage: args.offset + items.length < total };
}

export interface RelationshipListArgs {
  types: readonly RelationshipType[] | null;
  entity: string | null;
  sourceId: string | null;
  item: string | null;
  hasFigure: boolean | null;
  periodFrom: string | null;
  periodTo: string | null;
  /** Trade figures of a place: see cypher/relationships/list.cypher. */
  place: { id: string; own: readonly RelationshipType[]; inflow: readonly RelationshipType[]; outflow: readonly RelationshipType[] } | null;
  offset: number;
  limit: number;
}

/** Every filter of a relationship list unset: start from this and set what applies. */
export const NO_RELATIONSHIP_FILTER: Omit<RelationshipListArgs, 'offset' | 'limit'> = Object.freeze({
  types: null,
  entity: null,
  sourceId: null,
  item: null,
  hasFigure: null,
  periodFrom: null,
  periodTo: null,
  place: null,
});

export async function listRelationships(db: Database, args: RelationshipListArgs): Promise<PageRow<RelationshipRow>> {
  const [row] = await db.run(LIST_RELATIONSHIPS, {
    types: args.types,
    entity: args.entity,
    entityItemQuery: args.entity === null ? null : factRefQuery('item', args.entity),
    sourceId: args.sourceId,
    sourceQuery: args.sourceId === null ? null : factRefQuery('sourceIds', args.sourceId),
    item: args.item,
    itemQuery: args.item === null ? null : factRefQuery('item', args.item),
    hasFigure: args.hasFigure,
    periodFrom: args.periodFrom,
    periodTo: args.periodTo,
    place: args.place?.id ?? null,
    placeTypes: args.place?.own ?? [],
    inflowTypes: args.place?.inflow ?? [],
    outflowTypes: args.place?.outflow ?? [],
    offset: int(args.offset),
    limit: int(args.limit),
  });
  const total = Number(row?.total ?? 0);
  const items = ((row?.page as Props[] | undefined) ?? []).map(toRelationshipRow);
  return { totalCount: total, items, offset: args.offset, hasNextPage: args.offset + items.length < total };
}

/** The same page of facts for each of many sources, in one round trip. */
export async function factsOfSources(
  db: Database,
  sourceIds: readonly string[],
  offset: number,
  limit: number,
): Promise<Map<string, PageRow<RelationshipRow>>> {
  const sources = sourceIds.map((id) => ({ id, query: factRefQuery('sourceIds', id) }));
  const rows = await db.run(FACTS_BY_SOURCES, { sources, offset: int(offset), limit: int(limit) });
  return new Map(
    rows.map((row) => {
      const total = Number(row.total);
      const items = ((row.page as Props[] | undefined) ?? []).map(toRelationshipRow);
      return [String(row.sourceId), { totalCount: total, items, offset, hasNextPage: offset + items.length < total }];
    }),
  );
}
