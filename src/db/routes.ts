/**
 * The k shortest routes between two entities in a small directed graph held in memory
 * (the band of entities that can lie on a route, fetched by dependencies.ts). Yen's
 * algorithm over breadth-first searches: routes are simple (no entity twice), shortest
 * first, and ties are ordered by their ids, so answers are stable.
 */

/** Directed adjacency: entity id → the ids one hop further along the walk, sorted. */
export type Adjacency = ReadonlyMap<string, readonly string[]>;

const compareRoutes = (a: readonly string[], b: readonly string[]): number => {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
};

/**
 * The shortest route from `from` to `to` avoiding the given nodes and edges, at most
 * `maxHops` long; the smallest by ids among equally short ones (neighbours are visited
 * in id order, nodes in the order they were found, and a node's first discovery is
 * kept). Null when there is none.
 */
function shortestRoute(
  adjacency: Adjacency,
  from: string,
  to: string,
  maxHops: number,
  blockedNodes: ReadonlySet<string>,
  blockedEdges: ReadonlySet<string>,
): string[] | null {
  if (from === to) return [from];
  const parent = new Map<string, string>([[from, from]]);
  let frontier = [from];
  for (let hops = 1; hops <= maxHops && frontier.length > 0; hops += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of adjacency.get(node) ?? []) {
        if (parent.has(neighbour) || blockedNodes.has(neighbour) || blockedEdges.has(`${node}\u0000${neighbour}`)) continue;
        parent.set(neighbour, node);
        if (neighbour === to) {
          const route = [to];
          while (route[0] !== from) route.unshift(parent.get(route[0]!)!);
          return route;
        }
        next.push(neighbour);
      }
    }
    // Discovery order, not id order: it keeps the first route found to each node the
    // smallest by ids among the shortest (a→b→y before a→z→m).
    frontier = next;
  }
  return null;
}

/** Up to k simple routes from `from` to `to` of at most maxLength hops, shortest first, ties by ids. */
export function kShortestRoutes(adjacency: Adjacency, from: string, to: string, k: number, maxLength: number): string[][] {
  if (from === to || k < 1) return [];
  const first = shortestRoute(adjacency, from, to, maxLength, new Set(), new Set());
  if (!first) return [];
  const found: string[][] = [first];
  const candidates: string[][] = [];
  const seen = new Set<string>([first.join('\u0000')]);
  while (found.length < k) {
    const previous = found[found.length - 1]!;
    // Deviate from the previous route at each of its nodes in turn (Yen).
    for (let i = 0; i < previous.length - 1; i += 1) {
      const spurNode = previous[i]!;
      const rootPath = previous.slice(0, i + 1);
      const blockedEdges = new Set<string>();
      for (const route of found) {
        if (route.length > i && rootPath.every((node, j) => route[j] === node)) blockedEdges.add(`${route[i]}\u0000${route[i + 1]}`);
      }
      const blockedNodes = new Set(rootPath.slice(0, -1));
      const spur = shortestRoute(adjacency, spurNode, to, maxLength - i, blockedNodes, blockedEdges);
      if (!spur) continue;
      const candidate = [...rootPath.slice(0, -1), ...spur];
      const key = candidate.join('\u0000');
      if (candidate.length - 1 <= maxLength && !seen.has(key)) {
        seen.add(key);
        candidates.push(candidate);
      }
    }
    if (candidates.length === 0) break;
    candidates.sort(compareRoutes);
    found.push(candidates.shift()!);
  }
  return found;
}
