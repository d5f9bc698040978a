/**
 * The trade figures' typed expansion (cypher/relationships/list.cypher, the $place
 * branch) spells out the relationship types of every trade measure: a measure whose
 * types it missed would silently lose those facts. The one-measure branches spell out
 * exactly that measure's types, and each measure alone goes through its own.
 */
import { describe, expect, it } from 'vitest';
import { placeBranch, PLACE_BRANCHES } from '../src/db/catalog.js';
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

  it('sends one measure through the branch of its own types, and several through the one of every type', () => {
    const typesOf = (name: string) => [...PLACE_BRANCHES.find((branch) => branch.name === name)!.types].sort();
    const place = (measures: (keyof typeof MEASURES)[]) => ({
      id: 'country:china',
      own: measures.flatMap((m) => MEASURES[m].own),
      inflow: measures.flatMap((m) => MEASURES[m].inflow),
      outflow: measures.flatMap((m) => MEASURES[m].outflow),
    });
    for (const [measure, branch] of [
      ['EXPORTS', 'place-exports'],
      ['IMPORTS', 'place-imports'],
      ['PRODUCTION', 'place-production'],
      ['CAPACITY', 'place-capacity'],
    ] as const) {
      expect(placeBranch(place([measure]))).toBe(branch);
      const { own, inflow, outflow } = MEASURES[measure];
      expect(typesOf(branch)).toEqual([...new Set([...own, ...inflow, ...outflow])].sort());
    }
    expect(placeBranch(place(['EXPORTS', 'IMPORTS']))).toBe('place');
    expect(placeBranch(place(['PRODUCTION', 'CAPACITY']))).toBe('place');
    expect(typesOf('place')).toHaveLength(6);
  });
});
