/**
 * Per-request context: the database and the request's DataLoaders. Loaders are built
 * per request so batching and caching never leak between requests; every batch is one
 * `UNWIND $ids` query, so a request's round trips grow with the depth of its
 * selection, not with the number of results.
 */
import DataLoader from 'dataloader';
import type { Authentication } from './auth.js';
import type { Database } from './db/database.js';
import {
  entitiesByIds,
  type LinkAnswers,
  type LinkAsk,
  type LinkFilter,
  type LinkRequest,
  type LinkSpec,
  linksOf,
  relationshipsByIds,
  sourcesByIds,
} from './db/graph.js';
import { factsOfSources } from './db/catalog.js';
import type { EntityRow, LinkRow, PageRow, RelationshipRow, SourceRow } from './db/rows.js';
import type { FactRead } from './db/slim.js';

export interface Loaders {
  entity: RowLoader<EntityRow>;
  source: RowLoader<SourceRow>;
  relationship: RowLoader<RelationshipRow>;
  /**
   * The other ends of links read slim (id, name, kind, cited sources and degree only, see LinksAlong),
   * by id: they answer a fact's `from` or `to` whose selection shows no more than those
   * (Relationship resolvers), and never the entity loader.
   */
  slimEntity: Map<string, EntityRow>;
  /**
   * The links of one link field (its specs, filter, per-entity limit and what its
   * selection reads along) for an entity. Every link field loaded in the same tick,
   * whatever its request, goes to the database in one query. The whole request is part
   * of the key: links answering `first: 5` must not serve a `first: 50` of the same field.
   */
  links(specs: readonly LinkSpec[], limit: number, filter?: LinkFilter, along?: LinksAlong): { load(id: string): Promise<LinkRow[]> };
  /**
   * One entity (a merged id finds its survivor) and the link loads its selection will
   * make (prefetch.ts: linkLoadsBelow; none when it only shows the entity's sources),
   * with its sources when `withSources`, in one query: the entity, its links and what
   * they read along are primed into the loaders above, so the link fields' resolvers
   * find their answers there. Null when the id names nothing.
   */
  entityWithLinks(id: string, loads: readonly LinkLoad[], withSources: boolean): Promise<EntityRow | null>;
  /** The loader for one page (offset, limit) of sources' facts, batching over source ids. */
  sourceFacts(offset: number, limit: number): DataLoader<string, PageRow<RelationshipRow>>;
}

export interface Context {
  db: Database;
  loaders: Loaders;
  /** Who is asking (src/auth.ts): checked before execution by the auth plugin. */
  auth: Authentication;
  /** The `Idempotency-Key` header, for a mutation that names no idempotencyKey argument. */
  idempotencyKey: string | null;
}

/** What a link field's selection needs besides the links (see LinkRequest). */
export interface LinksAlong {
  sources?: boolean;
  item?: boolean;
  /** Only the other ends' slim properties are read (see slimBelow in resolvers/selection.ts). */
  slimEntity?: boolean;
  /** Only the facts' slim properties are read, with their figure when the selection shows it; whole by default. */
  fact?: FactRead;
}

/** One link load: a link field's specs and page size, and what its selection reads along. */
export interface LinkLoad {
  specs: readonly LinkSpec[];
  limit: number;
  along: LinksAlong;
}

/** What makes two link loads the same: the links loader's key, less the entity. */
export const linksKey = (specs: readonly LinkSpec[], limit: number, filter: LinkFilter, along: LinksAlong): string =>
  JSON.stringify([specs, filter, limit, along.sources ?? false, along.item ?? false, along.slimEntity ?? false, along.fact ?? 'whole']);

/** The links loader's key of one link load for one entity. */
const linkKeyOf = (specs: readonly LinkSpec[], limit: number, filter: LinkFilter, along: LinksAlong, id: string): LinkKey => ({
  key: linksKey(specs, limit, filter, along),
  request: {
    specs,
    filter,
    limit,
    withSources: along.sources ?? false,
    withItem: along.item ?? false,
    slimEntity: along.slimEntity ?? false,
    fact: along.fact ?? 'whole',
  },
  id,
});

/** What a request carries besides its operation. */
export interface RequestInfo {
  auth?: Authentication;
  idempotencyKey?: string | null;
}

/**
 * A by-id loader that also answers at once for the rows it holds (`held`): those primed
 * by the query that answered a field, and those its batches loaded. A resolver that finds
 * its rows held returns them as they are, not as a promise: a page of 20 facts with their
 * sources made 20 promises (and graphql-js as many more to wait on them) for rows the
 * page's own query had already read.
 */
export class RowLoader<T> extends DataLoader<string, T | null> {
  readonly #held: Map<string, T | null>;

  constructor(fetch: (ids: readonly string[]) => Promise<Map<string, T>>) {
    const held = new Map<string, T | null>();
    super(async (ids) => {
      const found = await fetch(ids);
      return ids.map((id) => {
        const row = found.get(id) ?? null;
        if (!held.has(id)) held.set(id, row);
        return row;
      });
    });
    this.#held = held;
  }

  override prime(key: string, value: T | null | PromiseLike<T | null> | Error): this {
    const settled = value === null || (typeof value === 'object' && !(value instanceof Error) && !('then' in value));
    if (settled && !this.#held.has(key)) this.#held.set(key, value as T | null);
    return super.prime(key, value);
  }

  override clear(key: string): this {
    this.#held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.#held.clear();
    return super.clearAll();
  }

  /** The row for `key` if this loader holds it (null: known not to exist); undefined if not. */
  held(key: string): T | null | undefined {
    return this.#held.get(key);
  }

  /**
   * A row that must exist (a result's query just named it): at once when held, else
   * loaded. Its absence is a broken invariant, thrown with `what` names it.
   */
  present(key: string, what: string): T | Promise<T> {
    const check = (row: T | null): T => {
      if (row === null) throw new Error(`${what} names missing ${key}`);
      return row;
    };
    const held = this.#held.get(key);
    return held === undefined ? this.load(key).then(check) : check(held);
  }
}

export function createContext(db: Database, request: RequestInfo = {}): Context {
  const factPageLoaders = new Map<string, DataLoader<string, PageRow<RelationshipRow>>>();
  const entity = new RowLoader((ids) => entitiesByIds(db, ids));
  const source = new RowLoader((ids) => sourcesByIds(db, ids));
  const slimEntity = new Map<string, EntityRow>();
  const links = linksLoader(db, entity, source, slimEntity);
  const lookups = lookupLoader(db, entity, source, slimEntity, links);
  return {
    db,
    auth: request.auth ?? { principal: null, error: null },
    idempotencyKey: request.idempotencyKey ?? null,
    loaders: {
      entity,
      source,
      relationship: new RowLoader((ids) => relationshipsByIds(db, ids)),
      slimEntity,
      links: (specs, limit, filter = {}, along = {}) => ({ load: (id) => links.load(linkKeyOf(specs, limit, filter, along, id)) }),
      entityWithLinks: (id, loads, withSources) => lookups.load({ id, loads, withSources }),
      sourceFacts(offset, limit) {
        const key = `${offset}:${limit}`;
        let loader = factPageLoaders.get(key);
        if (!loader) {
          loader = new DataLoader(async (ids) => {
            const pages = await factsOfSources(db, ids, offset, limit);
            return ids.map((id) => pages.get(id) ?? { totalCount: 0, items: [], offset, hasNextPage: false });
          });
          factPageLoaders.set(key, loader);
        }
        return loader;
      },
    },
  };
}

interface LinkKey {
  /** The request, serialised: what makes two link loads the same. */
  key: string;
  request: LinkRequest;
  id: string;
}

interface LookupKey {
  id: string;
  loads: readonly LinkLoad[];
  withSources: boolean;
}

/**
 * Entity lookups with the links their selections show: a batch (every such lookup of a
 * tick, e.g. two aliased `entity` fields) is one query. The entities, the links and
 * what came along prime the other loaders.
 */
function lookupLoader(
  db: Database,
  entity: DataLoader<string, EntityRow | null>,
  source: DataLoader<string, SourceRow | null>,
  slimEntity: Map<string, EntityRow>,
  links: DataLoader<LinkKey, LinkRow[], string>,
): DataLoader<LookupKey, EntityRow | null, string> {
  return new DataLoader(
    async (lookups) => {
      const keys = lookups.flatMap(({ id, loads }) => loads.map(({ specs, limit, along }) => linkKeyOf(specs, limit, {}, along, id)));
      const { asks, requests } = asksOf(keys);
      const ids = [...new Set(lookups.map(({ id }) => id))];
      const answers = await linksOf(db, asks, requests, { ids, withSources: lookups.some((lookup) => lookup.withSources) });
      primeAlong(answers, entity, source, slimEntity);
      const found = new Map(answers.found.map((row) => [row.requested, row.entity]));
      for (const [id, row] of found) entity.prime(id, row).prime(row.id, row);
      // Asked by a merged id, the links were asked for an id that names nothing now:
      // the fields' resolvers ask again, for the survivor's.
      keys.forEach((key, index) => {
        if (found.get(key.id)?.id === key.id) links.prime(key, answers.links[index]!);
      });
      return lookups.map(({ id }) => found.get(id) ?? null);
    },
    { cacheKeyFn: ({ id, loads, withSources }) => JSON.stringify([id, withSources, loads]) },
  );
}

/** The asks and distinct requests of link keys (each request once, asks pointing at it). */
function asksOf(keys: readonly LinkKey[]): { asks: LinkAsk[]; requests: LinkRequest[] } {
  const requests: LinkRequest[] = [];
  const indexes = new Map<string, number>();
  const asks = keys.map(({ key, request, id }) => {
    let index = indexes.get(key);
    if (index === undefined) {
      index = requests.push(request) - 1;
      indexes.set(key, index);
    }
    return { id, request: index };
  });
  return { asks, requests };
}

/** Primes what came along with links (the other ends, items, sources); prime keeps an entry already loaded. */
function primeAlong(
  answers: LinkAnswers,
  entity: DataLoader<string, EntityRow | null>,
  source: DataLoader<string, SourceRow | null>,
  slimEntity: Map<string, EntityRow>,
): void {
  // A slim row (id, name, kind, sources, degree) must not answer a later lookup of the whole
  // entity: it goes apart, for the fields that show no more.
  for (const links of answers.links) {
    for (const link of links) {
      if (!link.slim) entity.prime(link.entityId, link.entity);
      else if (!slimEntity.has(link.entityId)) slimEntity.set(link.entityId, link.entity);
    }
  }
  for (const item of answers.items) entity.prime(item.id, item);
  for (const row of answers.sources) source.prime(row.id, row);
}

/**
 * One loader for every link field of a request: a batch groups its keys by request and
 * asks for all of them in one query. What came along (the other ends, the facts'
 * sources, their items) primes the entity and source loaders, so resolving them costs
 * no round trip (prime keeps an entry already loaded).
 */
function linksLoader(
  db: Database,
  entity: DataLoader<string, EntityRow | null>,
  source: DataLoader<string, SourceRow | null>,
  slimEntity: Map<string, EntityRow>,
): DataLoader<LinkKey, LinkRow[], string> {
  return new DataLoader(
    async (keys) => {
      const { asks, requests } = asksOf(keys);
      const answers = await linksOf(db, asks, requests);
      primeAlong(answers, entity, source, slimEntity);
      return answers.links;
    },
    { cacheKeyFn: ({ key, id }) => `${key}\u0000${id}` },
  );
}
