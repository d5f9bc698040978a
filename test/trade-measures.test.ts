/**
 * The trade figures' typed expansion (cypher/relationships/list.cypher, the $place
 * branch) spells out the relationship types of every trade measure: a measure whose
 * types it missed would silently lose those facts.
 */
import { describe, expect, it } from 'vitest';
import { cypher } from '../src/db/cypher.js';
import { MEASURES } from '../src/resolvers/catalog.js';

describe('trade measures and the typed place expansion', () => {
  it('names every type any measure counts, own, inflow or outflow', () => {
    const text = cypher('relationships/list').text;
    const pattern = /\(p\)-\[r:([A-Z_|]+)\]-\(:Entity\)/.exec(text);
    expect(pattern).not.toBeNull();
    const expanded = new Set(pattern![1]!.split('|'));
    const counted = new Set(Object.values(MEASURES).flatMap((m) => [...m.own, ...m.inflow, ...m.outflow]));
    expect([...counted].filter((type) => !expanded.has(type))).toEqual([]);
    expect([...expanded].sort()).toEqual([...counted].sort());
  });
});
