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
  type LinkFilter,
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
   * The loader for one link field (its specs, filter and per-entity limit), batching
   * over entity ids. The limit is part of the key: a loader answering `first: 5` must
   * not serve a `first: 50` of the same field.
   */
  links(specs: readonly LinkSpec[], limit: number, filter?: LinkFilter): DataLoader<string, LinkRow[]>;
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
  const linkLoaders = new Map<string, DataLoader<string, LinkRow[]>>();
  const factPageLoaders = new Map<string, DataLoader<string, PageRow<RelationshipRow>>>();
  const entity = byIdLoader((ids) => entitiesByIds(db, ids));
  return {
    db,
    auth: request.auth ?? { principal: null, error: null },
    idempotencyKey: request.idempotencyKey ?? null,
    loaders: {
      entity,
      source: byIdLoader((ids) => sourcesByIds(db, ids)),
      relationship: byIdLoader((ids) => relationshipsByIds(db, ids)),
      links(specs, limit, filter = {}) {
        const key = JSON.stringify([specs, filter, limit]);
        let loader = linkLoaders.get(key);
        if (!loader) {
          loader = new DataLoader(async (ids) => {
            const found = await linksOf(db, ids, specs, filter, limit);
            // The links query read the other ends too: resolving link.entity, from and to
            // then costs no round trip (prime keeps an entry already loaded).
            for (const links of found.values()) for (const link of links) entity.prime(link.entityId, link.entity);
            return ids.map((id) => found.get(id) ?? []);
          });
          linkLoaders.set(key, loader);
        }
        return loader;
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
