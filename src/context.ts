/**
 * Per-request context: the data layer and anything scoped to one request (DataLoaders
 * are built here, so batching and caching never leak between requests).
 */
import type { Database } from './db/database.js';

export interface Context {
  db: Database;
}

export function createContext(db: Database): Context {
  return { db };
}
