/**
 * Dependency walks over the raw facts: upstream and downstream tiers, the k shortest
 * routes between two entities, and neighbourhoods. Every question is a fixed number of
 * round trips per tier: the walk, then one batched query for the facts behind all hops.
 * What a hop means (supply or market dependence), which facts count (natures, time,
 * conditions) and which way each type is read are defined here and in schema/MODEL.md.
 */
import { int } from './convert.js';
import { bindBounds, bindMinimumBounds, cypher } from './cypher.js';
import type { Database } from './database.js';
import { entitiesByIds } from './graph.js';
import { toEntityRow, toIdsFound, toRelationshipRow, toSourceRow } from './mappers.js';
import { compareDisplayKeys, displayKey } from './names.js';
import { kShortestRoutes } from './routes.js';
import type {
  DependenceRow,
  DependencyHopRow,
  DependencyPathRow,
  DependencyReachRow,
  DependencyTiersRow,
  EntityRow,
  IdLookups,
  IdsFound,
  RelationshipRow,
  SourceRow,
  SubgraphReads,
  SubgraphRow,
} from './rows.js';
import type { Plain } from './convert.js';
import { factKeys, factProps, type FactRead, SLIM_KEY_PARAMS, slimEntityProps } from './slim.js';
import { NATURE_ORDER, type Nature, type RelationshipType } from '../../seed/vocabulary.js';

export type Dependence = DependenceRow;

/**
 * Which way each type is read, per dependence. `dependentFirst`: A -[T]-> B means A
 * depends on B; `providerFirst`: B -[T]-> A means A depends on B. Supply: A needs what B
 * provides. Market: A's sales rely on B buying (the same trade facts read the other way,
 * plus market reliance stated outright).
 */
export const DEPENDENCE_KINDS = {
  SUPPLY: {
    dependentFirst: ['DEPENDS_ON', 'IMPORTS_FROM', 'USES_TECHNOLOGY', 'CONSUMES', 'MADE_FROM'],
    providerFirst: ['SUPPLIES', 'EXPORTS_TO', 'LICENSES_TO', 'FUNDS', 'DEVELOPS', 'PRODUCES'],
  },
  MARKET: {
    dependentFirst: ['RELIES_ON_MARKET', 'EXPORTS_TO', 'SUPPLIES', 'SERVES_SECTOR'],
    providerFirst: ['IMPORTS_FROM'],
  },
} as const satisfies Record<Dependence, { dependentFirst: readonly RelationshipType[]; providerFirst: readonly RelationshipType[] }>;

export type DependencyKind =
  | (typeof DEPENDENCE_KINDS)[Dependence]['dependentFirst'][number]
  | (typeof DEPENDENCE_KINDS)[Dependence]['providerFirst'][number];

/** The kinds a dependence reads, in the order of the GraphQL enum. */
export const kindsOf = (dependence: Dependence): DependencyKind[] => [
  ...DEPENDENCE_KINDS[dependence].dependentFirst,
  ...DEPENDENCE_KINDS[dependence].providerFirst,
];

/** Which way a walk goes: towards providers (UPSTREAM) or towards dependents (DOWNSTREAM). */
export type WalkDirection = 'UPSTREAM' | 'DOWNSTREAM';

/** The rank of each nature, 0 the most certain: the order of NATURES in the vocabulary. */
export const NATURE_RANK: Record<Nature, number> = Object.fromEntries(NATURE_ORDER.map((n, i) => [n, i])) as Record<Nature, number>;
const rankOf = (nature: string) => NATURE_RANK[nature as Nature] ?? NATURE_ORDER.length;

/** The most certain nature among a hop's facts. */
export const hopNature = (facts: readonly RelationshipRow[]): Nature =>
  NATURE_ORDER[Math.min(...facts.map((f) => rankOf(f.nature)))] ?? 'REPORTED';

/** A path is as certain as its least certain hop; a path of no hops is REPORTED. */
export const pathNature = (hops: readonly DependencyHopRow[]): Nature =>
  NATURE_ORDER[Math.max(0, ...hops.map((h) => NATURE_RANK[hopNature(h.relationships)]))]!;

const ENDS = cypher('dependencies/ends');
const EXPAND = cypher('dependencies/expand');
const TIERS = cypher('dependencies/tiers');
const BAND_EDGES = cypher('dependencies/band-edges');
const HOP_FACTS = cypher('dependencies/hop-facts');
const SUBGRAPH = cypher('dependencies/subgraph');

// A placeholder without a Bounds declaration fails the start, not a request.
bindMinimumBounds(SUBGRAPH);


type Props = Record<string, Plain>;

/** Which facts a walk follows. */
export interface WalkFilter {
  dependence: Dependence;
  kinds: readonly DependencyKind[];
  natures: readonly Nature[];
  /** Only facts whose period holds on this day (YYYY-MM-DD). */
  asOf: string | null;
  /** Only hops whose item or one of whose ends is among these goods (a commodity and the narrower ones). */
  commodities: readonly string[] | null;
}

/** The types each side of a hop may use, restricted to the allowed kinds. */
export function sides(filter: Pick<WalkFilter, 'dependence' | 'kinds'>) {
  const allowed = new Set<string>(filter.kinds);
  const { dependentFirst, providerFirst } = DEPENDENCE_KINDS[filter.dependence];
  return {
    dependentFirst: dependentFirst.filter((k) => allowed.has(k)) as string[],
    providerFirst: providerFirst.filter((k) => allowed.has(k)) as string[],
  };
}

/** The fact filters every dependency query shares. */
export const factFilterParams = (filter: WalkFilter) => ({
  natures: [...filter.natures],
  asOf: filter.asOf,
  commodities: filter.commodities ? [...filter.commodities] : null,
});

/** $forward / $backward for the walk queries: the types followed along and against their arrow. */
function walkParams(direction: WalkDirection, filter: WalkFilter) {
  const { dependentFirst, providerFirst } = sides(filter);
  return direction === 'UPSTREAM'
    ? { forward: dependentFirst, backward: providerFirst }
    : { forward: providerFirst, backward: dependentFirst };
}

/**
 * A commodity and every good that is (transitively) a kind, form or grade of it: the
 * closure the loader stores on the node (seed `broader`, see seed/load/validate.ts).
 */
export const narrowerOf = (good: EntityRow): string[] => (good.narrower.length > 0 ? good.narrower : [good.id]);

/** narrowerOf for an id (one read). */
export async function narrowerGoods(db: Database, commodity: string): Promise<string[]> {
  const good = (await entitiesByIds(db, [commodity])).get(commodity);
  return good ? narrowerOf(good) : [commodity];
}

/** The hops of a route, dependent and provider of each, before their facts are known. */
function hopPairs(nodeIds: readonly string[], direction: WalkDirection): { dependent: string; provider: string }[] {
  return nodeIds.slice(1).map((next, i) =>
    direction === 'UPSTREAM' ? { dependent: nodeIds[i]!, provider: next } : { dependent: next, provider: nodeIds[i]! },
  );
}

const pairKey = (dependent: string, provider: string) => JSON.stringify([dependent, provider]);

/** Facts by id, each once, as dependencies/hop-facts orders them. */
const byId = (facts: readonly RelationshipRow[]): RelationshipRow[] =>
  [...new Map(facts.map((fact) => [fact.id, fact])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * Turns routes into path rows, fetching the facts of every hop of every route in one
 * query (each distinct hop once), with the walk's filters; hops whose facts are `known`
 * (read by the walk that found the routes) are not fetched again. With `withFacts` false
 * the query is skipped and every hop has no facts: only for an operation that selects
 * neither the facts nor anything computed from them (natures).
 */
export async function toPaths(
  db: Database,
  routes: readonly (readonly string[])[],
  direction: WalkDirection,
  filter: WalkFilter,
  withFacts = true,
  loaders: ResultLoaders = {},
  known?: ReadonlyMap<string, RelationshipRow[]>,
): Promise<DependencyPathRow[]> {
  // When every hop's facts are read here, the routes' entities come with them (each
  // route has a hop, and each entity is an end of one); otherwise the caller loads them
  // while the facts are read.
  const along = loaders.factsAlong;
  const entitiesWithFacts = withFacts && known === undefined && loaders.entitiesAhead !== undefined && loaders.entityRead !== undefined;
  if (!entitiesWithFacts) loaders.entitiesAhead?.([...new Set(routes.flat())]);
  const pairs = new Map<string, { dependent: string; provider: string }>();
  const facts = new Map<string, RelationshipRow[]>();
  for (const route of routes) {
    for (const pair of hopPairs(route, direction)) {
      const key = pairKey(pair.dependent, pair.provider);
      const inHand = withFacts ? known?.get(key) : undefined;
      if (inHand) facts.set(key, inHand);
      else if (!facts.has(key)) {
        pairs.set(key, pair);
        facts.set(key, []);
      }
    }
  }
  if (pairs.size > 0 && withFacts) {
    const rows = await db.run(HOP_FACTS, {
      pairs: [...pairs.values()],
      ...sides(filter),
      ...factFilterParams(filter),
      withSources: along?.sources ?? false,
      withItems: along?.items ?? false,
      withEntities: entitiesWithFacts,
      factKeys: factKeys(along?.fact ?? 'whole'),
      slimEntities: loaders.slimEntityRead !== undefined,
      ...SLIM_KEY_PARAMS,
    });
    for (const row of rows) {
      if (row.entity) {
        if (loaders.slimEntityRead) loaders.slimEntityRead(toEntityRow(slimEntityProps(row.entity)));
        else {
          const entity = toEntityRow(row.entity as Props);
          loaders.entityRead!(entity.id, entity);
        }
        continue;
      }
      const rel = factProps(row.rel, along?.fact ?? 'whole');
      facts.get(pairKey(String(row.dependent), String(row.provider)))?.push(toRelationshipRow(rel));
      for (const source of (row.sources as Props[] | null) ?? []) along?.source(toSourceRow(source));
      if (row.item) along?.entity(toEntityRow(row.item as Props));
    }
    for (const key of pairs.keys()) facts.set(key, byId(facts.get(key)!));
  }
  return routes.map((route) => ({
    nodeIds: [...route],
    dependence: filter.dependence,
    hops: hopPairs(route, direction).map(
      (pair): DependencyHopRow => ({
        dependentId: pair.dependent,
        providerId: pair.provider,
        dependence: filter.dependence,
        relationships: facts.get(pairKey(pair.dependent, pair.provider)) ?? [],
      }),
    ),
  }));
}

/**
 * The API's loaders, handed what a result will need as soon as it is known, so that
 * resolving the result costs no round trip after its last query.
 */
export interface ResultLoaders {
  /** The ids of every entity the result names, before the last query: loaded alongside it. */
  entitiesAhead?(entityIds: readonly string[]): void;
  /**
   * With it, the routes' entities read with the hops' facts come slim (id, name, kind,
   * sources, degree: the selection shows no more of them) and go here, not to entityRead.
   */
  slimEntityRead?(row: EntityRow): void;
  /** An entity a result's query read whole, by the id asked (its survivor's for an id merged away). */
  entityRead?(requested: string, row: EntityRow): void;
  /** The facts' sources (when `sources`) and items (when `items`), read with the facts by hop-facts. */
  factsAlong?: {
    sources: boolean;
    items: boolean;
    /** How much of the facts the selection shows: whole, or slim with or without their figure (selection.ts, hopFactReads). */
    fact: FactRead;
    entity(row: EntityRow): void;
    source(row: SourceRow): void;
  };
}

/** An entity a walk reached, at its lowest tier. */
export interface WalkReach {
  entityId: string;
  tier: number;
  /** From the root the entity was reached from to the entity. */
  route: string[];
}

export interface Reach extends WalkReach {
  /** The rank of the route's least certain hop. */
  rank: number;
}

/**
 * Every entity within maxDepth hops of the roots in the walk's direction, breadth-first:
 * one query per tier (dependencies/expand), so the work grows with the entities reached,
 * not with the number of paths between them. Each entity appears once, at its lowest
 * tier, with the most certain route through its parents (then the parent with the
 * smallest id). Roots are not reached. Sorted by tier, then name, then id.
 *
 * The upstream and downstream fields walk in one query instead (dependencyTiers,
 * dependencies/tiers): they keep only perTier entities of each tier, which that query
 * cuts in the database. This walk serves the searches that need every entity reached
 * (routes from both ends, exposure).
 */
export async function walk(
  db: Database,
  rootIds: readonly string[],
  direction: WalkDirection,
  maxDepth: number,
  filter: WalkFilter,
  hopFacts?: Map<string, RelationshipRow[]>,
): Promise<Reach[]> {
  const params = { ...walkFilterParams(direction, filter), withFacts: hopFacts !== undefined, withNames: true };
  const routes = new Map<string, { route: string[]; rank: number }>(rootIds.map((id) => [id, { route: [id], rank: 0 }]));
  const reaches: (Reach & { key: string })[] = [];
  let frontier = [...new Set(rootIds)];
  for (let tier = 1; tier <= maxDepth && frontier.length > 0; tier += 1) {
    const rows = await db.run(EXPAND, { frontier, seen: [...routes.keys()], ...params });
    const best = new Map<string, { parentId: string; rank: number; name: string; facts: Props[] }>();
    for (const row of rows) {
      const entityId = String(row.entityId);
      const parentId = String(row.parentId);
      const rank = Math.max(Number(row.rank), routes.get(parentId)!.rank);
      const current = best.get(entityId);
      if (!current || rank < current.rank || (rank === current.rank && parentId < current.parentId)) {
        best.set(entityId, { parentId, rank, name: String(row.name ?? ''), facts: (row.facts as Props[] | null) ?? [] });
      }
    }
    frontier = [];
    for (const [entityId, { parentId, rank, name, facts }] of best) {
      if (hopFacts) {
        const [pair] = hopPairs([parentId, entityId], direction);
        hopFacts.set(pairKey(pair!.dependent, pair!.provider), byId(facts.map(toRelationshipRow)));
      }
      const route = [...routes.get(parentId)!.route, entityId];
      routes.set(entityId, { route, rank });
      reaches.push({ entityId, tier, route, rank, key: displayKey(name) });
      frontier.push(entityId);
    }
  }
  return reaches
    .sort((a, b) => a.tier - b.tier || compareDisplayKeys(a.key, b.key) || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0))
    .map(({ key: _key, ...reach }): Reach => reach);
}

/** A walk's filters as expand.cypher takes them, and tiers.cypher in one map ($walk, see there why). */
const walkFilterParams = (direction: WalkDirection, filter: WalkFilter) => ({
  ...walkParams(direction, filter),
  ...factFilterParams(filter),
  ranks: NATURE_RANK,
});

/**
 * Runs dependencies/tiers once from a root that names nothing, so that Neo4j plans it
 * before the first walk asks: about a second of planning, and EXPLAIN alone did not
 * spare the first run its planning (src/db/warm.ts).
 */
export async function planTierWalk(db: Database): Promise<void> {
  const filter: WalkFilter = { dependence: 'SUPPLY', kinds: kindsOf('SUPPLY'), natures: ['REPORTED'], asOf: null, commodities: null };
  await db.run(
    { ...TIERS, name: `plan:${TIERS.name}` },
    { rootId: '', maxDepth: int(1), perTier: int(1), walk: walkFilterParams('UPSTREAM', filter) },
  );
}

/**
 * Every entity the root depends on (UPSTREAM) or that depends on it (DOWNSTREAM) within
 * maxDepth hops, each at its lowest tier with one shortest path; sorted by tier, then
 * name. Null when the root's id names no entity (an id merged away names its survivor).
 * Each tier keeps its first perTier entities (the walk itself needs them all); only the
 * kept ones get their paths' facts, and only `withFacts` (see toPaths). maxDepth and
 * perTier must already be checked.
 */
export async function dependencyTiers(
  db: Database,
  rootId: string,
  direction: WalkDirection,
  maxDepth: number,
  filter: WalkFilter,
  perTier: number,
  withFacts = true,
  loaders: ResultLoaders = {},
): Promise<DependencyTiersRow | null> {
  // The whole walk is one query that returns only the kept routes (and the root, read
  // through its redirect); their facts (and entities) come after, in one query. Walking
  // tier by tier from here (walk(), one query per tier) shipped every entity reached to
  // Node and the growing visited set back each tier: BMW's upstream walk to depth 6 at
  // 100,000 entities reaches 37,015 entities and keeps 500; one query took 0.55 to 0.7
  // of the time with the same routes (see bench/README.md).
  const [row] = await db.run(TIERS, {
    rootId,
    maxDepth: int(maxDepth),
    perTier: int(perTier),
    walk: walkFilterParams(direction, filter),
  });
  if (!row) return null;
  const rootRow = toEntityRow(row.entity as Props);
  loaders.entityRead?.(rootId, rootRow);
  const tiers = row.tiers as { tier: number; total: number; kept: string[][] }[];
  const kept = tiers.flatMap(({ tier, kept: routes }) => routes.map((route) => ({ tier, route })));
  const paths = await toPaths(db, kept.map((r) => r.route), direction, filter, withFacts, loaders);
  return {
    rootId: rootRow.id,
    maxDepth,
    dependence: filter.dependence,
    reaches: kept.map(({ tier, route }, i): DependencyReachRow => ({ entityId: route[route.length - 1]!, tier, path: paths[i]! })),
    tierTotals: new Map(tiers.map(({ tier, total }) => [tier, total])),
  };
}

/** More entities than any walk reaches: a tier cut at this keeps every entity. */
const EVERY_ENTITY = 2 ** 31 - 1;

/** Which of a walk's entities walkWithin keeps: those in a place, or those among some ids. */
export type WalkKeeps = { within: string } | { among: readonly string[] };

/**
 * The entities of a walk (as walk() finds them: each once, at its lowest tier, by the
 * most certain route, then the smallest parent id) that are the place `within` or lie
 * in it, or that are `among` the ids given, in walk()'s order (tier, then name, then
 * id); the walk runs in the database (dependencies/tiers with `within` or `among`), so
 * only these leave it. Empty when the root's id names no entity.
 */
export async function walkWithin(
  db: Database,
  rootId: string,
  direction: WalkDirection,
  maxDepth: number,
  filter: WalkFilter,
  keeps: WalkKeeps,
): Promise<WalkReach[]> {
  const [row] = await db.run(TIERS, {
    rootId,
    maxDepth: int(maxDepth),
    perTier: int(EVERY_ENTITY),
    walk: {
      ...walkFilterParams(direction, filter),
      ...('within' in keeps ? { within: keeps.within } : { among: Object.fromEntries(keeps.among.map((id) => [id, true])) }),
    },
  });
  if (!row) return [];
  const tiers = row.tiers as { tier: number; kept: string[][]; names: string[] }[];
  return tiers
    .flatMap(({ tier, kept, names }) =>
      kept.map((route, i) => ({ entityId: route[route.length - 1]!, tier, route, key: displayKey(names[i]!) })),
    )
    .sort((a, b) => a.tier - b.tier || compareDisplayKeys(a.key, b.key) || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0))
    .map(({ key: _key, ...reach }) => reach);
}

/**
 * The k shortest routes of distinct entities from `fromId` to `toId` (UPSTREAM: `from`
 * depends on `to`; DOWNSTREAM: `to` depends on `from`), shortest first, ties by their
 * ids; null when either id names no entity (an id merged away names its survivor). k and
 * maxLength must already be checked against LIMITS.
 *
 * Most questions are answered by the routes of the shortest length alone, found by a
 * breadth-first search from both ends (shortestRoutes), then one query for their facts
 * (and the routes' entities, when the operation reads them). Only when fewer than k
 * routes are that short do the longer ones come from Yen's algorithm over the band of
 * entities that can lie on a route (kRoutesByWalks).
 */
export async function dependencyPaths(
  db: Database,
  fromId: string,
  toId: string,
  direction: WalkDirection,
  k: number,
  maxLength: number,
  filter: WalkFilter,
  loaders: ResultLoaders = {},
): Promise<DependencyPathRow[] | null> {
  const { ends, thirdTier } = await searchEnds(db, [fromId, toId], [direction, opposite(direction)], filter, maxLength);
  const [from, to] = ends;
  if (!from || !to) return null;
  for (const end of ends) loaders.entityRead?.(end!.requested, end!.entity);
  if (from.entity.id === to.entity.id) return [];
  const question: RouteQuestion = { fromId: from.entity.id, toId: to.entity.id, direction, k, maxLength, filter };
  const shortest = await shortestRoutes(db, question, { firstTiers: [from.reached, to.reached], thirdTier });
  // Done when there is no route, k of the shortest length, or no room for longer ones.
  const done = shortest.length === 0 || shortest.length >= k || shortest[0]!.length - 1 >= maxLength;
  return toPaths(db, done ? shortest : await kRoutesByWalks(db, question), direction, filter, true, loaders);
}

/** An end of a search as dependencies/ends reads it: the entity, and the ids one hop from it. */
interface SearchEndRow {
  requested: string;
  entity: EntityRow;
  /** The ids of the first tier (each entity one hop from the end, once). */
  reached: string[];
}

/** A tier of a search from both ends: the side it grew (0: from `from`, 1: from `to`) and its hops. */
interface SearchTier {
  side: 0 | 1;
  hops: { entityId: string; parentId: string }[];
}

/** What dependencies/ends reads of a search: its first tiers, with the ends, and its third tier when it needs one. */
interface SearchStart {
  firstTiers: readonly [string[], string[]];
  /** The tier shortestRoutes takes after the first two, when they do not meet and it has room for it. */
  thirdTier: SearchTier | null;
}

/**
 * Each id's entity with the first tier of a search from it in its direction, and the
 * search's third tier when it needs one (see dependencies/ends), in one query; null for
 * an id that names no entity.
 */
async function searchEnds(
  db: Database,
  ids: readonly string[],
  directions: readonly WalkDirection[],
  filter: WalkFilter,
  maxLength: number,
): Promise<{ ends: (SearchEndRow | null)[]; thirdTier: SearchTier | null }> {
  const [row] = await db.run(ENDS, {
    ends: ids.map((id, i) => ({ id, ...walkParams(directions[i]!, filter) })),
    ...factFilterParams(filter),
    maxLength: int(maxLength),
  });
  const found = new Map(
    ((row?.found as Props[] | undefined) ?? []).map((end) => [
      Number(end.index),
      {
        requested: String(end.requested),
        entity: toEntityRow(end.entity as Props),
        reached: (end.reached as unknown[]).map(String),
      },
    ]),
  );
  const side = row?.side;
  return {
    ends: ids.map((_id, i) => found.get(i) ?? null),
    thirdTier:
      side === null || side === undefined
        ? null
        : {
            side: Number(side) === 0 ? 0 : 1,
            hops: (row!.next as Props[]).map((hop) => ({ entityId: String(hop.entityId), parentId: String(hop.parentId) })),
          },
  };
}

/** The arguments of dependencyPaths. */
interface RouteQuestion {
  fromId: string;
  toId: string;
  direction: WalkDirection;
  k: number;
  maxLength: number;
  filter: WalkFilter;
}

const opposite = (direction: WalkDirection): WalkDirection => (direction === 'UPSTREAM' ? 'DOWNSTREAM' : 'UPSTREAM');

/** One end of a search from both ends: what it reached, by tiers, and each entity's parents. */
interface SearchEnd {
  seen: Set<string>;
  frontier: string[];
  depth: number;
  /** Entity → the entities one tier nearer this end that it was reached from. */
  parents: Map<string, string[]>;
  params: ReturnType<typeof walkParams>;
}

/**
 * The first k routes of the shortest length (at most maxLength hops) from `fromId` to
 * `toId` by their ids; none when there is no route. Breadth-first from both ends, one
 * tier per query (expand.cypher), always on the side with the smaller frontier, until
 * the two meet: the routes are then every way through the meeting entities, read off
 * both sides' parents in id order. The first tier of each side is given (`firstTiers`,
 * read with the ends by dependencies/ends); they are taken one after the other, `from`'s
 * first, and the tiers after them by the rule, the third from what the ends query read
 * by the same rule when it read it (`thirdTier`). Which side grows only changes the work:
 * every shortest route passes through the entities where the two sides meet, whichever
 * side reached them last.
 *
 * Neo4j's own shortest-path search (ALL SHORTEST over a quantified path pattern, planned
 * as a bidirectional StatefulShortestPath(Into)) was measured for this and not used. It
 * tracks trails, not entities: parallel facts multiply the trails of a route (200 trails
 * for the 5 shortest routes BMW → Pidgeon process at 20,000 entities, 23,080 for the 54
 * of the next length, none within two minutes for the length after), and it blows up
 * when it must go deep: 5.7 s for the one route of 6 hops BMW → company:bench-18254,
 * 5 s for China → BMW by market dependence (no route) at maxLength 5, over 100 s at 6.
 * Collapsing parallel facts in the pattern (NOT EXISTS a fact with a smaller id) made
 * even the shortest search ten times slower.
 */
async function shortestRoutes(db: Database, question: RouteQuestion, { firstTiers, thirdTier }: SearchStart): Promise<string[][]> {
  const { fromId, toId, direction, k, maxLength, filter } = question;
  const back = opposite(direction);
  const end = (id: string, towards: WalkDirection): SearchEnd => ({
    seen: new Set([id]),
    frontier: [id],
    depth: 0,
    parents: new Map(),
    params: walkParams(towards, filter),
  });
  const ahead = end(fromId, direction);
  const behind = end(toId, back);
  const filters = { ...factFilterParams(filter), ranks: NATURE_RANK, withFacts: false, withNames: false };
  const room = () => ahead.depth + behind.depth < maxLength && ahead.frontier.length > 0 && behind.frontier.length > 0;
  /** Grows a side by one tier; the entities where it now meets the other side. */
  const grow = (side: SearchEnd, other: SearchEnd, hops: Iterable<{ entityId: string; parentId: string }>): string[] => {
    const reached = new Set<string>();
    for (const { entityId, parentId } of hops) {
      side.parents.set(entityId, [...(side.parents.get(entityId) ?? []), parentId]);
      reached.add(entityId);
    }
    side.frontier = [...reached];
    side.depth += 1;
    for (const id of reached) side.seen.add(id);
    // The two sides were apart before this tier, so whatever meets now is at the last
    // tier of both, and every shortest route passes through one of those entities.
    return side.frontier.filter((id) => other.seen.has(id));
  };
  for (const [side, other, first, rootId] of [
    [ahead, behind, firstTiers[0], fromId],
    [behind, ahead, firstTiers[1], toId],
  ] as const) {
    if (!room()) return [];
    const meeting = grow(side, other, first.map((entityId) => ({ entityId, parentId: rootId })));
    if (meeting.length > 0) return routesThrough(meeting, ahead, behind, fromId, k);
  }
  let given = thirdTier;
  while (room()) {
    const [side, other] = ahead.frontier.length <= behind.frontier.length ? [ahead, behind] : [behind, ahead];
    // The third tier came with the ends, grown from the side this rule picks.
    if (given && given.side !== (side === ahead ? 0 : 1)) throw new Error('dependencies/ends grew the third tier from the other side');
    const hops =
      given?.hops ??
      (await db.run(EXPAND, { frontier: side.frontier, seen: [...side.seen], ...side.params, ...filters })).map((row) => ({
        entityId: String(row.entityId),
        parentId: String(row.parentId),
      }));
    given = null;
    const meeting = grow(side, other, hops);
    if (meeting.length > 0) return routesThrough(meeting, ahead, behind, fromId, k);
  }
  return [];
}

/**
 * The first k routes by ids through the meeting entities: from `from` down the ahead
 * side's tiers (only through entities leading to a meeting one), then up the behind
 * side's parents to `to`. Every such route is shortest, so none repeats an entity.
 */
function routesThrough(meeting: readonly string[], ahead: SearchEnd, behind: SearchEnd, fromId: string, k: number): string[][] {
  // Ahead, the children of each entity that lead to a meeting entity, tier by tier back.
  const next = new Map<string, string[]>();
  let useful = new Set(meeting);
  for (let tier = ahead.depth; tier > 0; tier -= 1) {
    const parents = new Set<string>();
    for (const child of useful) {
      for (const parent of ahead.parents.get(child) ?? []) {
        next.set(parent, [...(next.get(parent) ?? []), child]);
        parents.add(parent);
      }
    }
    useful = parents;
  }
  const length = ahead.depth + behind.depth;
  const routes: string[][] = [];
  const extend = (route: string[]) => {
    if (route.length - 1 === length) {
      routes.push(route);
      return;
    }
    const last = route[route.length - 1]!;
    const steps = route.length - 1 < ahead.depth ? next.get(last) : behind.parents.get(last);
    for (const step of [...new Set(steps)].sort()) {
      if (routes.length >= k) return;
      extend([...route, step]);
    }
  };
  extend([fromId]);
  return routes;
}

/**
 * Up to k routes by Yen's algorithm in memory, over the band of entities whose distances
 * from both ends (two walks) add up to at most maxLength, with the edges among them.
 */
async function kRoutesByWalks(db: Database, question: RouteQuestion): Promise<string[][]> {
  const { fromId, toId, direction, k, maxLength, filter } = question;
  const back = opposite(direction);
  const [ahead, behind] = await Promise.all([
    walk(db, [fromId], direction, maxLength, filter),
    walk(db, [toId], back, maxLength, filter),
  ]);
  const fromDistance = new Map<string, number>([[fromId, 0], ...ahead.map((r) => [r.entityId, r.tier] as const)]);
  if (!fromDistance.has(toId)) return [];
  const toDistance = new Map<string, number>([[toId, 0], ...behind.map((r) => [r.entityId, r.tier] as const)]);
  const band = [...fromDistance]
    .filter(([id, distance]) => toDistance.has(id) && distance + toDistance.get(id)! <= maxLength)
    .map(([id]) => id);
  const adjacency = new Map<string, string[]>();
  for (const row of await db.run(BAND_EDGES, { band, ...walkParams(direction, filter), ...factFilterParams(filter) })) {
    const source = String(row.source);
    adjacency.set(source, [...(adjacency.get(source) ?? []), String(row.target)]);
  }
  for (const targets of adjacency.values()) targets.sort();
  return kShortestRoutes(adjacency, fromId, toId, k, maxLength);
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
  check: IdLookups = { entities: [], sources: [] },
  reads: SubgraphReads = { slimNodes: false, edges: 'whole' },
): Promise<SubgraphRow & { checked: IdsFound }> {
  const [row] = await db.run(bindBounds(SUBGRAPH, { depth }), {
    ids: [...new Set(ids)],
    types: types ? [...types] : null,
    limit: int(limit),
    checkEntities: [...check.entities],
    slimNodes: reads.slimNodes,
    ...SLIM_KEY_PARAMS,
    edgeKeys: factKeys(reads.edges),
  });
  if (!row) return { nodeIds: [], nodes: [], edges: [], slimNodes: reads.slimNodes, truncated: false, checked: toIdsFound(row) };
  const nodeIds = Array.isArray(row.nodeIds) ? row.nodeIds.map(String) : [];
  return {
    nodeIds,
    nodes: (row.nodes as Plain[]).map((node) => toEntityRow(reads.slimNodes ? slimEntityProps(node) : (node as Props))),
    slimNodes: reads.slimNodes,
    edges: (row.edges as Plain[]).map((edge) => toRelationshipRow(factProps(edge, reads.edges))),
    truncated: Number(row.reachable) > nodeIds.length,
    checked: toIdsFound(row),
  };
}
