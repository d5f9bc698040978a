/**
 * The throw-away Neo4j's memory for a run: the heap and page cache the bench has always
 * used (2048 / 1024 MB) up to the default 100,000 synthetic facts, so earlier figures
 * stay comparable, and above that a page cache that holds the whole store (Neo4j's
 * directory, logs included, is about 1.4 KB a fact; 2 KB leaves room) and a larger heap, capped so Neo4j takes at
 * most 6 GiB of a shared machine.
 */
export interface Neo4jMemory {
  heapMb: number;
  pageCacheMb: number;
}

const BASE: Neo4jMemory = { heapMb: 2048, pageCacheMb: 1024 };
/** Page cache per synthetic fact, with headroom over the measured store size. */
const PAGE_CACHE_KB_PER_FACT = 2;
const MAX_PAGE_CACHE_MB = 3072;
/** Above this many facts the heap grows (bigger read results, index population). */
const LARGE_FACTS = 200_000;
const LARGE_HEAP_MB = 3072;

export function neo4jMemory(facts: number): Neo4jMemory {
  const wanted = Math.ceil((facts * PAGE_CACHE_KB_PER_FACT) / 1024 / 256) * 256;
  return {
    heapMb: facts > LARGE_FACTS ? LARGE_HEAP_MB : BASE.heapMb,
    pageCacheMb: Math.min(MAX_PAGE_CACHE_MB, Math.max(BASE.pageCacheMb, wanted)),
  };
}
