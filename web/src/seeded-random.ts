/**
 * A repeatable stand-in for Math.random while a layout runs. cytoscape's force layout
 * (cose) draws random numbers when two nodes sit on the same spot; replacing
 * Math.random for the (synchronous) run makes the same data give the same drawing.
 */

/** mulberry32: a small, well-known 32-bit generator; enough to break ties repeatably. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` (which must be synchronous) with Math.random replaced by a seeded generator. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
