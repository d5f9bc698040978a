/**
 * Dependency questions over the raw facts: walks upstream and downstream, the k shortest
 * routes between two entities, exposure to a country or a policy, and neighbourhoods.
 * Every question is a fixed number of round trips: one walk, one batched query for the
 * facts behind all hops, and (for exposure) one query for what ties entities to the
 * country or policy.
 */
import { int } from './convert.js';
import { bindBounds, bindMinimumBounds, cypher } from './cypher.js';
import type { Database } from './database.js';
import { toRelationshipRow } from './mappers.js';
import { kShortestRoutes } from './routes.js';
import type {
  DependencyHopRow,
  DependencyPathRow,
  DependencyReachRow,
  DependencyTiersRow,
  ExposurePathRow,
  ExposureRow,
  RelationshipRow,
  SubgraphRow,
} from './rows.js';
import type { Plain } from './convert.js';
import type { RelationshipType } from '../../seed/vocabulary.js';

/** Kinds where A -[T]-> B means A depends on B (the fact points from the dependent). */
export const DEPENDENT_FIRST = ['DEPENDS_ON', 'IMPORTS_FROM', 'USES_TECHNOLOGY', 'CONSUMES', 'MADE_FROM'] as const;
/** Kinds where B -[T]-> A means A depends on B (the fact points from the provider). */
export const PROVIDER_FIRST = ['SUPPLIES', 'EXPORTS_TO', 'LICENSES_TO', 'FUNDS', 'DEVELOPS', 'PRODUCES'] as const;

export type DependencyKind = (typeof DEPENDENT_FIRST)[number] | (typeof PROVIDER_FIRST)[number];
export const DEPENDENCY_KINDS: readonly DependencyKind[] = [...DEPENDENT_FIRST, ...PROVIDER_FIRST];

/** Which way a walk goes: towards providers (UPSTREAM) or towards dependents (DOWNSTREAM). */
export type WalkDirection = 'UPSTREAM' | 'DOWNSTREAM';

const EXPAND = cypher('dependencies/expand');
const BAND_EDGES = cypher('dependencies/band-edges');
const HOP_FACTS = cypher('dependencies/hop-facts');
const COUNTRY_MEMBERS = cypher('dependencies/country-members');
const POLICY_TARGETS = cypher('dependencies/policy-targets');
const SUBGRAPH = cypher('dependencies/subgraph');

// A placeholder without a Bounds declaration fails the start, not a request.
bindMinimumBounds(SUBGRAPH);

type Props = Record<string, Plain>;

/** The kinds a walk follows and the commodity it keeps to. */
export interface WalkFilter {
  kinds: readonly DependencyKind[];
  commodity: string | null;
}

/** The types each side of a hop may use, restricted to the allowed kinds. */
function sides(kinds: readonly DependencyKind[]) {
  const allowed = new Set(kinds);
  return {
    dependentFirst: DEPENDENT_FIRST.filter((k) => allowed.has(k)),
    providerFirst: PROVIDER_FIRST.filter((k) => allowed.has(k)),
  };
}

/** $forward / $backward for the walk queries: the types followed along and against their arrow. */
function walkParams(direction: WalkDirection, kinds: readonly DependencyKind[]) {
  const { dependentFirst, providerFirst } = sides(kinds);
  return direction === 'UPSTREAM'
    ? { forward: dependentFirst, backward: providerFirst }
    : { forward: providerFirst, backward: dependentFirst };
}

const strings = (value: Plain | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The hops of a route, dependent and provider of each, before their facts are known. */
function hopPairs(nodeIds: readonly string[], direction: WalkDirection): { dependent: string; provider: string }[] {
  return nodeIds.slice(1).map((next, i) =>
    direction === 'UPSTREAM' ? { dependent: nodeIds[i]!, provider: next } : { dependent: next, provider: nodeIds[i]! },
  );
}

const pairKey = (dependent: string, provider: string) => JSON.stringify([dependent, provider]);

/**
 * Turns routes into path rows, fetching the facts of every hop of every route in one
 * query (each distinct hop once).
 */
async function toPaths(
  db: Database,
  routes: readonly (readonly string[])[],
  direction: WalkDirection,
  filter: WalkFilter,
): Promise<DependencyPathRow[]> {
  const pairs = new Map<string, { dependent: string; provider: string }>();
  for (const route of routes) for (const pair of hopPairs(route, direction)) pairs.set(pairKey(pair.dependent, pair.provider), pair);
  const facts = new Map<string, RelationshipRow[]>([...pairs.keys()].map((key) => [key, []]));
  if (pairs.size > 0) {
    const rows = await db.run(HOP_FACTS, {
      pairs: [...pairs.values()],
      ...sides(filter.kinds),
      commodity: filter.commodity,
    });
    for (const row of rows) {
      facts.get(pairKey(String(row.dependent), String(row.provider)))?.push(toRelationshipRow(row.rel as Props));
    }
  }
  return routes.map((route) => ({
    nodeIds: [...route],
    hops: hopPairs(route, direction).map(
      (pair): DependencyHopRow => ({
        dependentId: pair.dependent,
        providerId: pair.provider,
        relationships: facts.get(pairKey(pair.dependent, pair.provider)) ?? [],
      }),
    ),
  }));
}

interface Reach {
  entityId: string;
  tier: number;
  route: string[];
}

/**
 * Every entity within maxDepth hops of the root in the walk's direction, breadth-first:
 * one query per tier, so the work grows with the entities reached, not with the number
 * of paths between them. Each entity appears once, at its lowest tier, with the route
 * through its parents. Sorted by tier, then name, then id.
 */
async function walk(db: Database, rootId: string, direction: WalkDirection, maxDepth: number, filter: WalkFilter) {
  const params = { ...walkParams(direction, filter.kinds), commodity: filter.commodity };
  const routes = new Map<string, string[]>([[rootId, [rootId]]]);
  const reaches: (Reach & { name: string })[] = [];
  let frontier = [rootId];
  for (let tier = 1; tier <= maxDepth && frontier.length > 0; tier += 1) {
    const rows = await db.run(EXPAND, { frontier, seen: [...routes.keys()], ...params });
    frontier = [];
    for (const row of rows) {
      const entityId = String(row.entityId);
      const route = [...routes.get(String(row.parentId))!, entityId];
      routes.set(entityId, route);
      reaches.push({ entityId, tier, route, name: String(row.name ?? '') });
      frontier.push(entityId);
    }
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());
  return reaches
    .sort((a, b) => a.tier - b.tier || byName(a, b) || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0))
    .map(({ name: _name, ...reach }): Reach => reach);
}

/**
 * Every entity the root depends on (UPSTREAM) or that depends on it (DOWNSTREAM) within
 * maxDepth hops, each at its lowest tier with one shortest path; sorted by tier, then name.
 * Each tier keeps its first perTier entities (the walk itself needs them all); only the
 * kept ones get their paths' facts. maxDepth and perTier must already be checked.
 */
export async function dependencyTiers(
  db: Database,
  rootId: string,
  direction: WalkDirection,
  maxDepth: number,
  filter: WalkFilter,
  perTier: number,
): Promise<DependencyTiersRow> {
  const reaches = await walk(db, rootId, direction, maxDepth, filter);
  const tierTotals = new Map<number, number>();
  const kept = reaches.filter((r) => {
    const count = (tierTotals.get(r.tier) ?? 0) + 1;
    tierTotals.set(r.tier, count);
    return count <= perTier;
  });
  const paths = await toPaths(db, kept.map((r) => r.route), direction, filter);
  return {
    rootId,
    maxDepth,
    reaches: kept.map((r, i): DependencyReachRow => ({ entityId: r.entityId, tier: r.tier, path: paths[i]! })),
    tierTotals,
  };
}

/**
 * The k shortest routes of distinct entities from `fromId` to `toId` (UPSTREAM: `from`
 * depends on `to`; DOWNSTREAM: `to` depends on `from`), shortest first, ties by their
 * ids. k and maxLength must already be checked against LIMITS.
 */
export async function dependencyPaths(
  db: Database,
  fromId: string,
  toId: string,
  direction: WalkDirection,
  k: number,
  maxLength: number,
  kinds: readonly DependencyKind[],
): Promise<DependencyPathRow[]> {
  if (fromId === toId) return [];
  const filter: WalkFilter = { kinds, commodity: null };
  // Distances from both ends, tier by tier; only entities whose two distances add up to
  // at most maxLength can lie on a route, and routes are searched among those alone.
  const back: WalkDirection = direction === 'UPSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM';
  const [ahead, behind] = await Promise.all([
    walk(db, fromId, direction, maxLength, filter),
    walk(db, toId, back, maxLength, filter),
  ]);
  const fromDistance = new Map<string, number>([[fromId, 0], ...ahead.map((r) => [r.entityId, r.tier] as const)]);
  if (!fromDistance.has(toId)) return [];
  const toDistance = new Map<string, number>([[toId, 0], ...behind.map((r) => [r.entityId, r.tier] as const)]);
  const band = [...fromDistance]
    .filter(([id, distance]) => toDistance.has(id) && distance + toDistance.get(id)! <= maxLength)
    .map(([id]) => id);
  const adjacency = new Map<string, string[]>();
  for (const row of await db.run(BAND_EDGES, { band, ...walkParams(direction, kinds) })) {
    const source = String(row.source);
    adjacency.set(source, [...(adjacency.get(source) ?? []), String(row.target)]);
  }
  for (const targets of adjacency.values()) targets.sort();
  return toPaths(db, kShortestRoutes(adjacency, fromId, toId, k, maxLength), direction, filter);
}

/** What exposure is asked about: a country (or region) or a policy. */
export type ExposureTarget = { country: string } | { policy: string };

/** entity id → the facts tying it to the country or policy. */
async function ties(db: Database, target: ExposureTarget): Promise<Map<string, RelationshipRow[]>> {
  const rows =
    'country' in target
      ? await db.run(COUNTRY_MEMBERS, { country: target.country })
      : await db.run(POLICY_TARGETS, { policy: target.policy });
  const out = new Map<string, RelationshipRow[]>();
  for (const row of rows) {
    const id = String(row.entityId);
    out.set(id, [...(out.get(id) ?? []), toRelationshipRow(row.rel as Props)]);
  }
  return out;
}

/**
 * How the subject's dependencies (upstream, up to maxDepth) meet a country or a policy.
 * Country C: a path to every provider that is C or is located in, or a member of, C
 * (`because`: those facts). Policy P: on each shortest path, the exposure lies at the
 * first hop whose provider P affects (restricts, applies to, or that is subject to P),
 * or whose facts trade an item P affects; each such entity is reported once, by its
 * nearest path. `direct`: the ties of the subject itself. Nearest first.
 */
export async function exposure(
  db: Database,
  subjectId: string,
  target: ExposureTarget,
  maxDepth: number,
  kinds: readonly DependencyKind[],
): Promise<ExposureRow> {
  const filter: WalkFilter = { kinds, commodity: null };
  const [reaches, tied] = await Promise.all([walk(db, subjectId, 'UPSTREAM', maxDepth, filter), ties(db, target)]);
  const throughId = 'country' in target ? target.country : target.policy;
  const direct = tied.get(subjectId) ?? [];

  if ('country' in target) {
    const exposed = reaches.filter((r) => r.entityId === throughId || tied.has(r.entityId));
    const paths = await toPaths(db, exposed.map((r) => r.route), 'UPSTREAM', filter);
    return {
      subjectId,
      throughId,
      direct,
      paths: exposed.map((r, i) => ({ path: paths[i]!, atId: r.entityId, because: tied.get(r.entityId) ?? [] })),
    };
  }
  // A hop's items are known only from its facts, so the facts of every route are needed.
  const routes = await toPaths(db, reaches.map((r) => r.route), 'UPSTREAM', filter);
  const found = new Map<string, ExposurePathRow>();
  for (const path of routes) {
    const at = firstAffectedHop(path, tied);
    if (!at || found.has(at.atId)) continue;
    const cut = { nodeIds: path.nodeIds.slice(0, at.index + 2), hops: path.hops.slice(0, at.index + 1) };
    found.set(at.atId, { path: cut, atId: at.atId, because: at.because });
  }
  // Each exposure point is itself reached by the walk (a prefix of a shortest path is a
  // shortest path), so the walk's order (tier, then name) is the nearest-first order.
  const order = new Map(reaches.map((r, i) => [r.entityId, i]));
  const paths = [...found.values()].sort((a, b) => order.get(a.atId)! - order.get(b.atId)!);
  return { subjectId, throughId, direct, paths };
}

/** The first hop of a path where a policy bites: its provider is affected, or an item its facts trade is. */
function firstAffectedHop(path: DependencyPathRow, affected: Map<string, RelationshipRow[]>) {
  for (const [index, hop] of path.hops.entries()) {
    const items = [...new Set(hop.relationships.map((r) => r.item).filter((item): item is string => item !== null))];
    const because = [hop.providerId, ...items.filter((item) => item !== hop.providerId)].flatMap((id) => affected.get(id) ?? []);
    if (because.length > 0) return { index, atId: hop.providerId, because };
  }
  return null;
}

/**
 * The neighbourhood of the start entities to `depth` over all relationship types (or
 * `types`), breadth-first, at most `limit` nodes, with every relationship among them.
 * depth and limit must already be checked against LIMITS.
 */
export async function subgraph(
  db: Database,
  ids: readonly string[],
  depth: number,
  limit: number,
  types: readonly RelationshipType[] | null,
): Promise<SubgraphRow> {
  const [row] = await db.run(bindBounds(SUBGRAPH, { depth }), {
    ids: [...new Set(ids)],
    types: types ? [...types] : null,
    limit: int(limit),
  });
  if (!row) return { nodeIds: [], edges: [], truncated: false };
  const nodeIds = strings(row.nodeIds);
  return {
    nodeIds,
    edges: (row.edges as Props[]).map(toRelationshipRow),
    truncated: Number(row.reachable) > nodeIds.length,
  };
}
