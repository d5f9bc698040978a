import { describe, expect, it } from 'vitest';
import { type Adjacency, kShortestRoutes } from '../src/db/routes.js';

const graph = (edges: string): Adjacency => {
  const out = new Map<string, string[]>();
  for (const edge of edges.trim().split(/\s+/)) {
    const [a, b] = edge.split('>') as [string, string];
    out.set(a, [...(out.get(a) ?? []), b].sort());
  }
  return out;
};

describe('Routes: k shortest simple routes (Yen)', () => {
  // a→b→d, a→c→d, a→d? no; a→b→c→d, a→e→f→g→d
  const g = graph('a>b b>d a>c c>d b>c a>e e>f f>g g>d');

  it('returns the shortest first, ties ordered by ids, then longer ones', () => {
    expect(kShortestRoutes(g, 'a', 'd', 10, 8)).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['a', 'b', 'c', 'd'],
      ['a', 'e', 'f', 'g', 'd'],
    ]);
  });

  it('breaks ties by the ids along the route, from its start', () => {
    expect(kShortestRoutes(graph('a>z z>m m>t a>b b>y y>t'), 'a', 't', 2, 8)).toEqual([
      ['a', 'b', 'y', 't'],
      ['a', 'z', 'm', 't'],
    ]);
  });

  it('honours k and the maximum length', () => {
    expect(kShortestRoutes(g, 'a', 'd', 1, 8)).toEqual([['a', 'b', 'd']]);
    expect(kShortestRoutes(g, 'a', 'd', 10, 3)).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['a', 'b', 'c', 'd'],
    ]);
    expect(kShortestRoutes(g, 'a', 'd', 10, 1)).toEqual([]);
  });

  it('never repeats an entity, and finds nothing when there is no route or from is to', () => {
    const cycle = graph('a>b b>a b>c');
    expect(kShortestRoutes(cycle, 'a', 'c', 5, 8)).toEqual([['a', 'b', 'c']]);
    expect(kShortestRoutes(g, 'd', 'a', 3, 8)).toEqual([]);
    expect(kShortestRoutes(g, 'a', 'a', 3, 8)).toEqual([]);
  });

  it('stays fast on a dense graph', () => {
    // 60 nodes in 3 layers, every node linked to every node of the next layer.
    const edges: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      edges.push(`s>x${i}`);
      for (let j = 0; j < 20; j += 1) edges.push(`x${i}>y${j}`);
    }
    for (let j = 0; j < 20; j += 1) edges.push(`y${j}>t`);
    const dense = graph(edges.join(' '));
    const routes = kShortestRoutes(dense, 's', 't', 10, 8);
    expect(routes).toHaveLength(10);
    expect(routes[0]).toEqual(['s', 'x0', 'y0', 't']);
    expect(routes.every((r) => r.length === 4)).toBe(true);
  });
});
