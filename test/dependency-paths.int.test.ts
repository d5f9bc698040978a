/**
 * dependencyPaths against a reference on the seeded graph: for many pairs, both
 * directions, both dependences, all natures or reported ones only, several k and
 * maxLength, its routes are exactly those of Yen's algorithm (src/db/routes.ts) over the
 * whole graph of hops held in memory: the k shortest routes of distinct entities,
 * shortest first, ties by their ids, parallel facts one hop, cycles never followed.
 */
import { describe, expect, it } from 'vitest';
import type { CypherQuery } from '../src/db/cypher.js';
import { DEPENDENCE_KINDS, dependencyPaths, kindsOf, type Dependence, type WalkDirection } from '../src/db/dependencies.js';
import { kShortestRoutes } from '../src/db/routes.js';
import type { Nature } from '../seed/vocabulary.js';
import { useTestApi } from './support/api.js';

const t = useTestApi();

const ALL_NATURES: readonly Nature[] = ['REPORTED', 'CLAIMED', 'PLAN', 'FORECAST', 'INTENT'];

const FACTS: CypherQuery = {
  name: 'test/dependency-facts',
  mode: 'read',
  text: `MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND r.nature IN $natures AND r.condition IS NULL AND a <> b
RETURN a.id AS a, b.id AS b, type(r) AS type`,
};

/** Every hop of the graph in the direction of travel: dependent → provider (UPSTREAM) or the reverse. */
async function hopGraph(dependence: Dependence, natures: readonly Nature[], direction: WalkDirection) {
  const { dependentFirst } = DEPENDENCE_KINDS[dependence];
  const rows = await t.db.run(FACTS, { types: kindsOf(dependence), natures: [...natures] });
  const out = new Map<string, Set<string>>();
  for (const row of rows) {
    const [a, b] = [String(row.a), String(row.b)];
    const [dependent, provider] = (dependentFirst as readonly string[]).includes(String(row.type)) ? [a, b] : [b, a];
    const [source, target] = direction === 'UPSTREAM' ? [dependent, provider] : [provider, dependent];
    out.set(source, (out.get(source) ?? new Set()).add(target));
  }
  return new Map([...out].map(([source, targets]) => [source, [...targets].sort()]));
}

/** Entities within maxLength hops of `from` in the hop graph (not `from` itself). */
function reachable(adjacency: Map<string, string[]>, from: string, maxLength: number): string[] {
  const seen = new Set([from]);
  let frontier = [from];
  for (let i = 0; i < maxLength; i += 1) {
    frontier = frontier.flatMap((id) => adjacency.get(id) ?? []).filter((id) => !seen.has(id) && seen.add(id));
  }
  seen.delete(from);
  return [...seen].sort();
}

describe('Dependencies: dependencyPaths against Yen over the whole hop graph', () => {
  const configurations: [Dependence, readonly Nature[], WalkDirection][] = [
    ['SUPPLY', ['REPORTED'], 'UPSTREAM'],
    ['SUPPLY', ALL_NATURES, 'DOWNSTREAM'],
    ['MARKET', ALL_NATURES, 'UPSTREAM'],
  ];
  for (const [dependence, natures, direction] of configurations) {
    it(`gives the same routes: ${dependence}, ${natures.join(' ')}, ${direction}`, async () => {
      const adjacency = await hopGraph(dependence, natures, direction);
      const filter = { dependence, kinds: kindsOf(dependence), natures, asOf: null, commodities: null };
      const starts = [...adjacency.keys()].sort().filter((_id, i) => i % 4 === 0);
      const cases: [string, string, number, number][] = [];
      for (const [i, from] of starts.entries()) {
        const targets = reachable(adjacency, from, 8);
        // A near one, a far one and one out of reach when there is one.
        const picks = [targets[i % Math.max(1, targets.length)], targets[(i * 5 + 3) % Math.max(1, targets.length)], starts[(i + 1) % starts.length]];
        for (const [j, to] of [...new Set(picks.filter((id): id is string => id !== undefined && id !== from))].entries()) {
          const [k, maxLength] = ([[1, 8], [3, 6], [10, 4], [2, 2]] as const)[(i + j) % 4]!;
          cases.push([from, to, k, maxLength]);
        }
      }
      // Routes longer than the shortest ones (the walks and Yen) too, and a boundary.
      if (direction === 'UPSTREAM') cases.push(['region:europe', 'technology:pidgeon-process', 10, 8], ['region:europe', 'technology:pidgeon-process', 3, 2]);
      for (const [from, to, k, maxLength] of cases) {
        const expected = kShortestRoutes(adjacency, from, to, k, maxLength);
        const paths = (await dependencyPaths(t.db, from, to, direction, k, maxLength, filter))!;
        expect({ from, to, k, maxLength, routes: paths.map((p) => p.nodeIds) }).toEqual({ from, to, k, maxLength, routes: expected });
        for (const path of paths) expect(path.hops.every((hop) => hop.relationships.length > 0)).toBe(true);
      }
      expect(cases.length).toBeGreaterThan(8);
    });
  }
});

describe('Dependencies: dependencyPaths round trips', () => {
  const EUROPE = 'region:europe';
  const PIDGEON = 'technology:pidgeon-process';
  const filter = { dependence: 'SUPPLY' as const, kinds: kindsOf('SUPPLY'), natures: ['REPORTED'] as Nature[], asOf: null, commodities: null };
  const queries = async (k: number, maxLength = 6, from = EUROPE, to = PIDGEON) => {
    const seen: Record<string, number> = {};
    // The server's graph-version watch polls in the background, whatever is asked.
    const stop = t.db.onQuery((event) => {
      if (event.query !== 'system/graph-version') seen[event.query] = (seen[event.query] ?? 0) + 1;
    });
    try {
      const paths = (await dependencyPaths(t.db, from, to, 'UPSTREAM', k, maxLength, filter))!;
      return { routes: paths.map((p) => p.nodeIds), seen };
    } finally {
      stop();
    }
  };

  it('answers from a search from both ends when k routes are the shortest, walking only for longer ones', async () => {
    // Europe → Pidgeon process: two routes of 2 hops, one of 3.
    const two = await queries(2);
    expect(two.routes).toEqual([
      [EUROPE, 'commodity:magnesium-ingot', PIDGEON],
      [EUROPE, 'country:china', PIDGEON],
    ]);
    // The ends query reads both first tiers, where the two sides meet.
    expect(two.seen).toEqual({ 'dependencies/ends': 1, 'dependencies/hop-facts': 1 });
    const three = await queries(3);
    expect(three.routes).toHaveLength(3);
    expect(three.seen['dependencies/band-edges']).toBe(1);
    expect(three.seen['dependencies/hop-facts']).toBe(1);
    // With no room for a longer route, no walk either.
    expect((await queries(3, 2)).seen['dependencies/band-edges']).toBeUndefined();
  });

  it('reads the third tier with the ends, and asks for the tiers after it one by one', async () => {
    const BMW = 'company:bmw';
    // BMW → Pidgeon process: one route of 3 hops, where the third tier meets the other side.
    const three = await queries(1, 6, BMW, PIDGEON);
    expect(three.routes).toHaveLength(1);
    expect(three.routes[0]).toHaveLength(4);
    expect(three.seen).toEqual({ 'dependencies/ends': 1, 'dependencies/hop-facts': 1 });
    // BMW → coal: one route of 4 hops, so one tier more than the ends read.
    const four = await queries(1, 6, BMW, 'commodity:coal');
    expect(four.routes).toHaveLength(1);
    expect(four.routes[0]).toHaveLength(5);
    expect(four.seen).toEqual({ 'dependencies/ends': 1, 'dependencies/expand': 1, 'dependencies/hop-facts': 1 });
    // No room for a third tier: the ends query does not read it, and there is no route.
    const none = await queries(1, 2, BMW, PIDGEON);
    expect(none.routes).toEqual([]);
    expect(none.seen).toEqual({ 'dependencies/ends': 1 });
  });
});
