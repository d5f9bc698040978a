/**
 * Per-request context: the database and the request's DataLoaders. Loaders are built
 * per request so batching and caching never leak between requests; every batch is one
 * `UNWIND $ids` query, so a request's round trips grow with the depth of its
 * selection, not with the number of results.
 */
import DataLoader from 'dataloader';
import type { Database } from './db/database.js';
import {
  entitiesByIds,
  type LinkFilter,
  type LinkSpec,
  linksOf,
  relationshipsByIds,
  sourcesByIds,
} from './db/graph.js';
import type { EntityRow, LinkRow, RelationshipRow, SourceRow } from './db/rows.js';

export interface Loaders {
  entity: DataLoader<string, EntityRow | null>;
  source: DataLoader<string, SourceRow | null>;
  relationship: DataLoader<string, RelationshipRow | null>;
  /** The loader for one link field (its specs and filter), batching over entity ids. */
  links(specs: readonly LinkSpec[], filter?: LinkFilter): DataLoader<string, LinkRow[]>;
}

export interface Context {
  db: Database;
  loaders: Loaders;
}

function byIdLoader<T>(fetch: (ids: readonly string[]) => Promise<Map<string, T>>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createContext(db: Database): Context {
  const linkLoaders = new Map<string, DataLoader<string, LinkRow[]>>();
  return {
    db,
    loaders: {
      entity: byIdLoader((ids) => entitiesByIds(db, ids)),
      source: byIdLoader((ids) => sourcesByIds(db, ids)),
      relationship: byIdLoader((ids) => relationshipsByIds(db, ids)),
      links(specs, filter = {}) {
        const key = JSON.stringify([specs, filter]);
        let loader = linkLoaders.get(key);
        if (!loader) {
          loader = new DataLoader(async (ids) => {
            const found = await linksOf(db, ids, specs, filter);
            return ids.map((id) => found.get(id) ?? []);
          });
          linkLoaders.set(key, loader);
        }
        return loader;
      },
    },
  };
}
