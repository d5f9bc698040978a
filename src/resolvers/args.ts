/**
 * Argument checks shared by several resolvers: periods, and the ids a client names.
 *
 * No silent empties: an id argument of a list (a filter, a place, a commodity) that
 * names nothing is NOT_FOUND, not an empty page; an entity of the wrong kind, or a
 * value not shaped like an id at all, is BAD_USER_INPUT. Only the lookups by id
 * (entity, relationship, source) answer null for an unknown id.
 *
 * Merged-away ids: an entity id that a curator merged into another (mergeEntities)
 * names the survivor in every argument, as in `entity(id:)`. checkIds is where that
 * happens for every read argument naming an entity: it loads the entity through the
 * request's entity DataLoader, whose one query per request follows the redirect
 * (cypher/entities/by-ids.cypher: one unique-index seek on EntityRedirect.id per id,
 * in the same round trip), and callers pass the returned entity's id (the survivor's)
 * to their queries, never the argument as typed. So an id with no redirect costs no
 * extra round trip, and an old id answers exactly what the survivor's id answers.
 *
 * The fact lists and the subgraph skip the separate check (readCheckingIds): their own
 * query looks the arguments up as by-ids does, and the answer stands when each names, as
 * given, what it must. Only a wrong id (to explain it) or one merged away (the list runs
 * again with the survivor's id, which its filters need before the query) costs more.
 */
import type { Context } from '../context.js';
import { entityByName } from '../db/catalog.js';
import type { EntityRow, IdLookups, IdsFound } from '../db/rows.js';
import { AppError, badInput, ErrorCode } from '../errors.js';
import { ENTITY_KINDS, type EntityKind, ID_PREFIX } from '../../seed/vocabulary.js';

/** A PeriodFilter argument as the data layer takes it, after checking it. */
export function periodArgs(period: { from?: string | null; to?: string | null; asOf?: string | null } | null | undefined) {
  const from = period?.from ?? null;
  const to = period?.to ?? null;
  const asOf = period?.asOf ?? null;
  if (asOf !== null) {
    if (from !== null || to !== null) {
      throw badInput('period', 'give either asOf, or from and to, not both');
    }
    // The facts whose period contains the day are those overlapping [asOf, asOf].
    return { periodFrom: asOf, periodTo: asOf };
  }
  if (from !== null && to !== null && from > to) {
    throw badInput('period', `from (${from}) is after to (${to})`);
  }
  return { periodFrom: from, periodTo: to };
}

/** Countries and regions: what a place argument names. */
export const PLACE_KINDS: readonly EntityKind[] = ['Country', 'Region'];
/** What a commodity argument names. */
export const GOODS_KINDS: readonly EntityKind[] = ['Commodity', 'Product'];
/** What a fact's item may be. */
export const ITEM_KINDS: readonly EntityKind[] = ['Commodity', 'Product', 'Technology'];

/** An id argument: its name as the error names it, its value, and what it must name. */
export interface IdArgument {
  /** `place`, `filter.sourceId` … */
  argument: string;
  value: string | null | undefined;
  /** A source document, or an entity (of these kinds only, when given). */
  names: 'source' | { kinds?: readonly EntityKind[] };
  /** What a NOT_FOUND calls it: "No place has the id …" (default: source or entity). */
  what?: string;
}

const ENTITY_ID = /^([a-z]+):[a-z0-9]+(-[a-z0-9]+)*$/;
const SOURCE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PREFIXES = new Set(ENTITY_KINDS.map((kind) => ID_PREFIX[kind]));

/** True when the text is shaped like an entity id: a known kind prefix, a colon, a kebab-case slug. */
export const isEntityId = (text: string) => {
  const match = ENTITY_ID.exec(text);
  return match !== null && PREFIXES.has(match[1]!);
};

/** "Country", "Country or Region", "Commodity, Product or Technology". */
const oneOf = (kinds: readonly string[]) =>
  kinds.length <= 1 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;

const notFound = (argument: string, what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `No ${what} has the id "${id}".`, { id, argument });

const wrong = (argument: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument, ...details });

/**
 * Checks id arguments before a list runs: each given id must name a source or an
 * entity of the expected kinds. The entities and sources load through the request's
 * DataLoaders, so all the ids of a request are read in one round trip per loader (and
 * are then cached for the fields that resolve them). Names are looked up only to
 * explain an error. Throws the first argument's error, in the order given; returns the
 * entities named (null where the argument was not given or names a source). An id
 * merged away returns its survivor: query with `entity.id`, not the argument (see
 * entityIds).
 */
export async function checkIds(ctx: Context, args: readonly IdArgument[]): Promise<(EntityRow | null)[]> {
  const checked = await Promise.all(args.map((arg) => checkId(ctx, arg)));
  const failed = checked.find((c) => c instanceof AppError);
  if (failed) throw failed;
  return checked as (EntityRow | null)[];
}

/**
 * The entity ids the arguments name, as checkIds checks them, each resolved to the
 * entity it names now (the survivor's id for an id merged away); null where an argument
 * was not given or names a source. The one step between a read argument naming an
 * entity and the query that uses it.
 */
export async function entityIds(ctx: Context, args: readonly IdArgument[]): Promise<(string | null)[]> {
  return (await checkIds(ctx, args)).map((entity) => entity?.id ?? null);
}

/**
 * Runs a read whose query also looks up the id arguments (IdLookups), so that checking
 * them costs no round trip of its own. Its answer stands when every argument is shaped
 * like an id and names, as given, what it must: a source, or an entity of the right kind
 * that was not merged away. Otherwise checkIds explains the error (it throws; what the
 * read found is in the entity loader already), or resolves the ids merged away, and the
 * read runs again with the survivors' ids. `read` gets the ids to query with, one per
 * argument (null where not given), and what to look up.
 */
export async function readCheckingIds<T extends { checked: IdsFound }>(
  ctx: Context,
  args: readonly IdArgument[],
  read: (ids: readonly (string | null)[], lookups: IdLookups) => Promise<T>,
): Promise<T> {
  const given = args.map((arg) => arg.value ?? null);
  const shaped = (arg: IdArgument) => arg.value == null || (arg.names === 'source' ? SOURCE_ID.test(arg.value) : isEntityId(arg.value));
  if (args.every(shaped)) {
    const named = (source: boolean) => args.filter((arg) => arg.value != null && (arg.names === 'source') === source).map((arg) => arg.value!);
    const answer = await read(given, { entities: named(false), sources: named(true) });
    const found = new Map(answer.checked.entities.map(({ requested, entity }) => [requested, entity]));
    for (const [requested, entity] of found) ctx.loaders.entity.prime(requested, entity);
    const holds = ({ value, names }: IdArgument) => {
      if (value == null) return true;
      if (names === 'source') return answer.checked.sources.includes(value);
      const entity = found.get(value);
      return entity !== undefined && entity.id === value && (!names.kinds || names.kinds.includes(entity.kind));
    };
    if (args.every(holds)) return answer;
  }
  const checked = await checkIds(ctx, args);
  return read(
    checked.map((entity, i) => entity?.id ?? given[i] ?? null),
    { entities: [], sources: [] },
  );
}

async function checkId(ctx: Context, { argument, value, names, what }: IdArgument): Promise<EntityRow | AppError | null> {
  if (value === null || value === undefined) return null;
  if (names === 'source') {
    if (!SOURCE_ID.test(value)) {
      return wrong(
        argument,
        isEntityId(value)
          ? `${value} is an entity id, not a source id (Query.sources lists the sources)`
          : `"${value}" is not a source id (Query.sources lists the sources)`,
      );
    }
    return (await ctx.loaders.source.load(value)) ? null : notFound(argument, what ?? 'source', value);
  }
  const kinds = names.kinds ?? null;
  if (!isEntityId(value)) return notAnId(ctx, argument, value, kinds);
  const entity = await ctx.loaders.entity.load(value);
  if (!entity) return notFound(argument, what ?? 'entity', value);
  if (kinds && !kinds.includes(entity.kind)) {
    return wrong(argument, `${value} is a ${entity.kind}, not a ${oneOf(kinds)}`, { expected: [...kinds] });
  }
  // Merged away: the fields that load the survivor by its own id find it in the cache.
  if (entity.id !== value) ctx.loaders.entity.prime(entity.id, entity);
  return entity;
}

/** A value that is not an id: suggest the id of the entity it names, when it names one of the right kind. */
async function notAnId(ctx: Context, argument: string, value: string, kinds: readonly EntityKind[] | null): Promise<AppError> {
  const lower = value.trim().toLowerCase();
  const [byName, byId] = await Promise.all([
    entityByName(ctx.db, value),
    isEntityId(lower) ? ctx.loaders.entity.load(lower) : null,
  ]);
  const suggestion = [byId, byName].find((e) => e && (!kinds || kinds.includes(e.kind)));
  if (suggestion) {
    return wrong(argument, `"${value}" is not an id; did you mean ${suggestion.id}?`, {
      suggestion: suggestion.id,
      ...(kinds ? { expected: [...kinds] } : {}),
    });
  }
  const shape = kinds ? `the id of a ${oneOf(kinds)} (${oneOf(kinds.map((k) => `${ID_PREFIX[k]}:…`))})` : 'an entity id (<kind>:<name>, such as country:china)';
  return wrong(argument, `"${value}" is not an id; give ${shape}`, kinds ? { expected: [...kinds] } : {});
}
