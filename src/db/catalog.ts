/** Finding entities and facts: full-text search, lookup by name, filtered pages. */
import { cypher, keepBranches } from './cypher.js';
import type { Database } from './database.js';
import { toEntityRow, toIdsFound, toRelationshipRow, toSourceRow } from './mappers.js';
import {
  entitiesOf,
  type KeyName,
  lookupKey,
  MIN_PARTIAL_KEY,
  normaliseName,
  type Reading,
  readText,
  runKeys,
  STOP_WORDS,
  togetherReadings,
} from './names.js';
import type { EntityRow, IdLookups, IdsFound, PageRow, RelationshipRow, SearchHitRow, SourceRow } from './rows.js';
import type { Plain } from './convert.js';
import { int } from './convert.js';
import { factKeys, factProps, type FactRead, SLIM_KEY_PARAMS, slimEntityProps } from './slim.js';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';

const SEARCH = cypher('entities/search');
const BY_NAME = cypher('entities/by-name');
const BY_KEYS = cypher('entities/by-keys');
const SEARCH_FACTS = cypher('relationships/search');
const FACTS_BETWEEN = cypher('relationships/between');
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
export const MATCH_ORDER = ['EXACT', 'PREFIX', 'WORDS', 'PART', 'FUZZY'] as const;
export type SearchMatch = (typeof MATCH_ORDER)[number];

/** The words of a query that must match (stop words dropped), normalised. */
const queryWords = (text: string) => normaliseName(text).split(' ').filter((w) => w.length > 0 && !STOP_WORDS.has(w));

/**
 * How an entity matches the whole text. EXACT: a name or alias has the text's key (case,
 * punctuation and suffixes such as "Limited" aside); PREFIX: a name or alias starts with
 * the text; WORDS: every word of the text starts a word of the name, an alias or the
 * description; FUZZY: the index matched it only approximately. (PART, an entity the text
 * names together with others, depends on the whole text's reading: see `search`.)
 */
export function matchOf(
  text: string,
  entity: { name: string; aliases: readonly string[]; nameKeys: readonly string[]; description: string },
): Exclude<SearchMatch, 'PART'> {
  const names = [entity.name, ...entity.aliases];
  if (entity.nameKeys.includes(lookupKey(text))) return 'EXACT';
  const typed = normaliseName(text);
  if (typed !== '' && names.some((n) => normaliseName(n).startsWith(typed))) return 'PREFIX';
  const words = new Set([...names, entity.description].flatMap((t) => normaliseName(t).split(' ')));
  const wanted = queryWords(text);
  if (wanted.length > 0 && wanted.every((w) => [...words].some((word) => word.startsWith(w)))) return 'WORDS';
  return 'FUZZY';
}

/** Of the entities that share a key, the one whose own name has it, else the first given. */
function preferred<T extends { name: string }>(rows: readonly T[], key: string): T | undefined {
  return rows.find((row) => lookupKey(String(row.name)) === key) ?? rows[0];
}

interface NamedKeys {
  names: Map<string, KeyName>;
  /** The label of every entity in `names`. */
  kinds: Map<string, EntityKind>;
}

/** What each run of words of `text` names (src/db/names.ts `readText`), in one round trip. */
async function keyNames(db: Database, text: string): Promise<NamedKeys> {
  const keys = runKeys(text).map((key) => ({
    key,
    phrase: `"${escapeLucene(key)}"`,
    prefix: key.length >= MIN_PARTIAL_KEY ? `${escapeLucene(key).replace(/ /g, '\\ ')}*` : null,
  }));
  const rows = await db.run(BY_KEYS, { keys });
  const names = new Map<string, KeyName>();
  const kinds = new Map<string, EntityKind>();
  for (const row of rows) {
    const exact = row.exact as { id: string; name: string; kind: EntityKind }[];
    const partial = row.partial as { id: string; kind: EntityKind }[];
    // A key names the entity that has it, or else the only entity whose keys start with it.
    const own = preferred(exact, String(row.key));
    const named = own ?? (partial.length === 1 ? partial[0] : undefined);
    if (!named) continue;
    names.set(String(row.key), { entityId: named.id, exact: own !== undefined });
    kinds.set(named.id, named.kind);
  }
  return { names, kinds };
}

/** How a fact was found by searchFacts, in the order it lists them. */
export type FactMatch = 'LINKS' | 'INVOLVES' | 'WORDS';

export interface FactHitRow {
  score: number;
  match: FactMatch;
  /** The ids of the entities the text names that the fact involves, in the order typed; empty for WORDS. */
  between: string[];
  relationship: RelationshipRow;
}

interface Together {
  reading: Reading;
  kinds: Map<string, EntityKind>;
  facts: FactHitRow[];
}

/**
 * The entities `text` names together (src/db/names.ts: `readText`, `togetherReadings`)
 * with up to `limit` facts between them (cypher/relationships/between.cypher), or null
 * when the text does not name two or more entities. A reading that leaves words over
 * holds only if a fact between its entities has those words: the first such reading
 * wins. With `limit` 0 a reading that leaves nothing over costs no query for facts.
 * Two round trips at most, whatever the text.
 */
async function namedTogether(db: Database, text: string, limit: number): Promise<Together | null> {
  if (queryWords(text).length < 2) return null;
  const { names, kinds } = await keyNames(db, text);
  const candidates = togetherReadings(readText(text, names));
  const [first] = candidates;
  if (!first) return null;
  const checked = first.leftover.length > 0;
  if (!checked && limit === 0) return { reading: first, kinds, facts: [] };
  const readings = candidates.map((r) => ({ ids: entitiesOf(r), query: r.leftover.length ? searchQuery(r.leftover.join(' ')) : null }));
  const rows = await db.run(FACTS_BETWEEN, { readings, limit: int(Math.max(limit, 1)) });
  const found = Math.min(...rows.map((row) => Number(row.reading)));
  if (!Number.isFinite(found)) return checked ? null : { reading: first, kinds, facts: [] };
  const facts = rows
    .filter((row) => Number(row.reading) === found)
    .slice(0, limit)
    .map((row) => ({
      score: Number(row.score),
      match: row.links === true ? ('LINKS' as const) : ('INVOLVES' as const),
      between: (row.involved as string[]).map(String),
      relationship: toRelationshipRow(row.rel as Props),
    }));
  return { reading: candidates[found]!, kinds, facts };
}

/** The ranking of a hit before its entity is loaded. */
interface RankedHit extends SearchHitRow {
  /** Within PREFIX, the length of the closest completion; within PART, the place in the text. */
  rest: number;
  name: string;
}

/**
 * Entities for what a user typed, ranked the way people expect: an exact name or alias
 * first, then names that start with the text, then entities carrying every word (in the
 * name, aliases or description), then the entities the text names together ("BMW
 * Germany": BMW, then Germany; see `namedTogether`), then approximate matches; within
 * each, by the index's score (prefixes by the closest completion first, parts in the
 * order typed), then name. The index ranks by term statistics alone, which put "Mg Ingot 99.9"
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
  const [rows, together] = await Promise.all([
    db.run(SEARCH, { query, keyQuery: `"${escapeLucene(key)}"`, key, kinds, limit: int(candidates) }),
    namedTogether(db, text, 0),
  ]);
  const typed = normaliseName(text);
  const hits: RankedHit[] = rows.map((row) => {
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
    return {
      entityId: String(row.id),
      entity: toEntityRow(row.entity as Props),
      score: Number(row.score),
      match,
      matched: text,
      rest,
      name: entity.name.toLowerCase(),
    };
  });
  // A text that is nothing but several entities' full names ("China Japan") is read as
  // naming them: they come before entities whose descriptions merely carry the words.
  const wholly = !!together && together.reading.leftover.length === 0 && together.reading.parts.every((p) => p.exact);
  for (const [place, part] of (together?.reading.parts ?? []).entries()) {
    const kind = together?.kinds.get(part.entityId);
    if (kinds && !(kind && kinds.includes(kind))) continue;
    const found = hits.findIndex((hit) => hit.entityId === part.entityId);
    // Named in part ranks above an approximate match of the whole text, below any other
    // (above the words too, when the text is wholly names).
    const weaker = wholly ? ['WORDS', 'FUZZY'] : ['FUZZY'];
    if (found >= 0 && !weaker.includes(hits[found]!.match)) continue;
    if (found >= 0) hits.splice(found, 1);
    hits.push({ entityId: part.entityId, score: 0, match: 'PART', matched: part.text, rest: place, name: '' });
  }
  const order: readonly SearchMatch[] = wholly ? ['EXACT', 'PREFIX', 'PART', 'WORDS', 'FUZZY'] : MATCH_ORDER;
  hits.sort(
    (a, b) =>
      order.indexOf(a.match) - order.indexOf(b.match) ||
      a.rest - b.rest ||
      b.score - a.score ||
      a.name.localeCompare(b.name) ||
      (a.entityId < b.entityId ? -1 : 1),
  );
  return hits.slice(0, limit).map(({ name: _name, rest: _rest, ...hit }) => hit);
}

/**
 * Facts for what a user typed: when the text names two or more entities together (see
 * `namedTogether`), the facts between them first (both ends among them, then those
 * involving them as item or scope), narrowed by the words left over; then the facts
 * found by their own words (claims, each reference's claim, notes), best first, each
 * fact once.
 */
export async function searchFacts(db: Database, text: string, limit: number): Promise<FactHitRow[]> {
  const query = searchQuery(text);
  if (query === '') return [];
  // Twice `limit` by the words, so that `limit` remain when the facts between come first and repeat some.
  const [together, rows] = await Promise.all([namedTogether(db, text, limit), db.run(SEARCH_FACTS, { query, limit: int(limit * 2) })]);
  const between = together?.facts ?? [];
  const listed = new Set(between.map((hit) => hit.relationship.id));
  const words = rows
    .map((row) => ({ score: Number(row.score), match: 'WORDS' as const, between: [], relationship: toRelationshipRow(row.rel as Props) }))
    .filter((hit) => !listed.has(hit.relationship.id));
  return [...between, ...words].slice(0, limit);
}

/** The entity `name` finds (its name or an alias, by key: see src/db/names.ts), or null. */
export async function entityByName(db: Database, name: string): Promise<EntityRow | null> {
  const key = lookupKey(name);
  if (key === '') return null;
  const rows = await db.run(BY_NAME, { phrase: `"${escapeLucene(key)}"`, key });
  // Several entities can share a short form only through different full names; the one
  // whose own name has the key wins, then the smallest id.
  const own = preferred(rows as { id: string; name: string; entity: Props }[], key);
  return own ? toEntityRow(own.entity) : null;
}

export interface EntityListArgs {
  kinds: readonly EntityKind[] | null;
  nameContains: string | null;
  sourceId: string | null;
  order: 'NAME_ASC' | 'NAME_DESC' | 'DEGREE_DESC';
  offset: number;
  limit: number;
  /** Count the entities that pass the filters (totalCount); without it the page reads one row more to know if there is a next page. */
  withTotal: boolean;
  /** Read along the sources the page's entities cite. */
  withSources?: boolean;
}

/** A page of entities with the sources read along for the request's source loader. */
export interface EntityPage extends PageRow<EntityRow> {
  sources: SourceRow[];
}

/** A page of entities; its totalCount is null when it was not counted (EntityListArgs.withTotal). */
export async function listEntities(db: Database, args: EntityListArgs): Promise<EntityPage> {
  const [row] = await db.run(LIST_ENTITIES, {
    kinds: args.kinds,
    nameContains: args.nameContains?.toLowerCase() ?? null,
    sourceId: args.sourceId,
    order: args.order,
    offset: int(args.offset),
    limit: int(args.withTotal ? args.limit : args.limit + 1),
    withTotal: args.withTotal,
    withSources: args.withSources ?? false,
  });
  const read = ((row?.page as Props[] | undefined) ?? []).map(toEntityRow);
  const items = read.slice(0, args.limit);
  const sources = ((row?.sources as Props[] | null | undefined) ?? []).map(toSourceRow);
  if (!args.withTotal) return { totalCount: null, items, offset: args.offset, hasNextPage: read.length > args.limit, sources };
  const total = Number(row?.total ?? 0);
  return { totalCount: total, items, offset: args.offset, hasNextPage: args.offset + items.length < total, sources };
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
  /** Read along the entities the page's facts name (from, to, item, measurer). */
  withEnds?: boolean;
  /** Read along the sources the page's facts cite. */
  withSources?: boolean;
  /** Read the facts slim, with or without their figure (selection.ts, slimBelow): they answer only slim fields. Whole by default. */
  fact?: FactRead;
  /** Read the ends slim: they answer only slim fields, and must not reach the entity loader. */
  slimEntity?: boolean;
  /** Ids the request's arguments name, looked up with the page (see IdLookups). */
  check?: IdLookups;
}

/** A page of facts with what was read along for the request's loaders. */
export interface RelationshipPage extends PageRow<RelationshipRow> {
  ends: EntityRow[];
  /** The ends were read slim (id, name, kind, sources, degree). */
  slimEnds: boolean;
  sources: SourceRow[];
  /** What `check` found. */
  checked: IdsFound;
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

/** The place branches relationships/list marks: every trade measure's types, then one measure's each. */
const PLACE_BRANCH_NAMES = ['place', 'place-exports', 'place-imports', 'place-production', 'place-capacity'] as const;

/** The branches relationships/list marks, one per anchor (the place's, one per set of types). */
const LIST_BRANCHES = ['unanchored', 'source', 'item', 'entity', ...PLACE_BRANCH_NAMES] as const;
type ListBranch = (typeof LIST_BRANCHES)[number];

// A branch named here and not marked in the file fails the start, not a request.
keepBranches(LIST_RELATIONSHIPS, LIST_BRANCHES);

/**
 * The place branches with the relationship types each one's typed expansion reads, as
 * the file spells them out, narrowest first: a place's figures go through the first one
 * holding every type they count (0.95 of the time for China's exports at 100,000
 * entities against the branch over every measure's types).
 */
export const PLACE_BRANCHES: readonly { name: ListBranch; types: ReadonlySet<string> }[] = PLACE_BRANCH_NAMES.map((name) => {
  const expanded = /\(p\)-\[r:([A-Z_|]+)\]-\(:Entity\)/.exec(keepBranches(LIST_RELATIONSHIPS, [name]).text)?.[1];
  if (!expanded) throw new Error(`cypher/relationships/list.cypher: branch ${name} has no typed expansion`);
  return { name, types: new Set(expanded.split('|')) };
}).sort((a, b) => a.types.size - b.types.size);

/** The narrowest place branch that expands every type a place's figures count. */
export function placeBranch(place: NonNullable<RelationshipListArgs['place']>): ListBranch {
  const counted = [...place.own, ...place.inflow, ...place.outflow];
  return PLACE_BRANCHES.find((branch) => counted.every((type) => branch.types.has(type)))?.name ?? 'place';
}

/** The branches of relationships/list a page's anchors use, by the guards the file gives each. */
function listBranches(args: RelationshipListArgs): ListBranch[] {
  const branches: ListBranch[] = [];
  if (args.entity !== null) branches.push('entity');
  if (args.place) branches.push(placeBranch(args.place));
  if (args.entity === null && !args.place) {
    if (args.sourceId !== null) branches.push('source');
    else if (args.item !== null) branches.push('item');
    else branches.push('unanchored');
  }
  return branches;
}

/** relationships/list with the branches `args` use, and its parameters for them. */
export function listRelationshipsQuery(args: RelationshipListArgs) {
  return { query: keepBranches(LIST_RELATIONSHIPS, listBranches(args)), params: listRelationshipsParams(args) };
}

function listRelationshipsParams(args: RelationshipListArgs) {
  return {
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
    withEnds: args.withEnds ?? false,
    withSources: args.withSources ?? false,
    factKeys: factKeys(args.fact ?? 'whole'),
    slimEntity: args.slimEntity ?? false,
    ...SLIM_KEY_PARAMS,
    checkEntities: [...(args.check?.entities ?? [])],
    checkSources: [...(args.check?.sources ?? [])],
  };
}

export async function listRelationships(db: Database, args: RelationshipListArgs): Promise<RelationshipPage> {
  const { query, params } = listRelationshipsQuery(args);
  const [row] = await db.run(query, params);
  const total = Number(row?.total ?? 0);
  const items = ((row?.page as Plain[] | undefined) ?? []).map((fact) =>
    toRelationshipRow(factProps(fact, args.fact ?? 'whole')),
  );
  return {
    totalCount: total,
    items,
    offset: args.offset,
    hasNextPage: args.offset + items.length < total,
    ends: ((row?.ends as Plain[] | null | undefined) ?? []).map((end) => toEntityRow(args.slimEntity ? slimEntityProps(end) : (end as Props))),
    slimEnds: args.slimEntity ?? false,
    sources: ((row?.sources as Props[] | null | undefined) ?? []).map(toSourceRow),
    checked: toIdsFound(row),
  };
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
