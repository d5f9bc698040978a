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

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  source: DataLoader<string, SourceRow | null>;
  relationship: DataLoader<string, RelationshipRow | null>;
  /**
   * The links of one link field (its specs, filter, per-entity limit and what its
   * selection reads along) for an entity. Every link field loaded in the same tick,
   * whatever its request, goes to the database in one query. The whole request is part
   * of the key: links answering `first: 5` must not serve a `first: 50` of the same field.
   */
  links(specs: readonly LinkSpec[], limit: number, filter?: LinkFilter, along?: LinksAlong): { load(id: string): Promise<LinkRow[]> };
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
}

/** What a request carries besides its operation. */
export interface RequestInfo {
  auth?: Authentication;
  idempotencyKey?: string | null;
}

function byIdLoader<T>(fetch: (ids: readonly string[]) => Promise<Map<string, T>>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createContext(db: Database, request: RequestInfo = {}): Context {
  const factPageLoaders = new Map<string, DataLoader<string, PageRow<RelationshipRow>>>();
  const entity = byIdLoader((ids) => entitiesByIds(db, ids));
  const source = byIdLoader((ids) => sourcesByIds(db, ids));
  const links = linksLoader(db, entity, source);
  return {
    db,
    auth: request.auth ?? { principal: null, error: null },
    idempotencyKey: request.idempotencyKey ?? null,
    loaders: {
      entity,
      source,
      relationship: byIdLoader((ids) => relationshipsByIds(db, ids)),
      links(specs, limit, filter = {}, along = {}) {
        const linkRequest: LinkRequest = { specs, filter, limit, withSources: along.sources ?? false, withItem: along.item ?? false };
        const key = JSON.stringify([specs, filter, limit, linkRequest.withSources, linkRequest.withItem]);
        return { load: (id) => links.load({ key, request: linkRequest, id }) };
      },
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
): DataLoader<LinkKey, LinkRow[], string> {
  return new DataLoader(
    async (keys) => {
      const requests: LinkRequest[] = [];
      const indexes = new Map<string, number>();
      const asks: LinkAsk[] = keys.map(({ key, request, id }) => {
        let index = indexes.get(key);
        if (index === undefined) {
          index = requests.push(request) - 1;
          indexes.set(key, index);
        }
        return { id, request: index };
      });
      const answers = await linksOf(db, asks, requests);
      for (const links of answers.links) for (const link of links) entity.prime(link.entityId, link.entity);
      for (const item of answers.items) entity.prime(item.id, item);
      for (const row of answers.sources) source.prime(row.id, row);
      return answers.links;
    },
    { cacheKeyFn: ({ key, id }) => `${key}\u0000${id}` },
  );
}
