/**
 * Exposure to a country or a policy, both ways: `exposure` walks from one entity to
 * where its dependencies meet the country or the policy's scope; `exposedTo` starts from
 * those points and walks back to everyone who depends on them. Both use the same points
 * and the same walk, so an entity is in `exposedTo` exactly when `exposure` of it says
 * it is exposed (schema/MODEL.md, "Exposure").
 *
 * Points of exposure:
 * - a country or region C: C itself and every entity located in it or a member of it,
 *   through its regions;
 * - a policy P: the hops (dependent ← provider facts) that meet a clause of P's scope,
 *   found by anchoring on what the clauses name and checked dimension by dimension
 *   (src/db/scope.ts). The hop's dependent is where a path enters the exposure.
 */
import { factRefQuery } from './catalog.js';
import { cypher } from './cypher.js';
import type { Database } from './database.js';
import {
  DEPENDENCE_KINDS,
  factFilterParams,
  type Reach,
  type ResultLoaders,
  sides,
  toPaths,
  walk,
  walkWithin,
  type WalkFilter,
  type WalkReach,
} from './dependencies.js';
import { toRelationshipRow } from './mappers.js';
import { compareDisplayKeys, displayKey } from './names.js';
import type {
  DependencyHopRow,
  DependencyPathRow,
  ExposedEntityRow,
  ExposedSetRow,
  ExposurePathRow,
  ExposureRow,
  RelationshipRow,
} from './rows.js';
import { meetClauses, namingClauses, type ScopeWorld } from './scope.js';
import type { Plain } from './convert.js';

type Props = Record<string, Plain>;

const PLACE_MEMBERS = cypher('dependencies/place-members');
const POLICY_CLAUSES = cypher('dependencies/policy-clauses');
const ANCHORED_FACTS = cypher('dependencies/anchored-facts');
const SERVING = cypher('dependencies/serving');

/** What exposure is asked about: a country (or region) or a policy. */
export type ExposureTarget = { country: string } | { policy: string };

/** place id → (member id → the chain of facts placing it there). */
async function placeMembers(db: Database, places: readonly string[]): Promise<Map<string, Map<string, RelationshipRow[]>>> {
  const out = new Map<string, Map<string, RelationshipRow[]>>(places.map((p) => [p, new Map()]));
  if (places.length === 0) return out;
  for (const row of await db.run(PLACE_MEMBERS, { places: [...new Set(places)] })) {
    out.get(String(row.placeId))!.set(String(row.entityId), (row.rels as Props[]).map(toRelationshipRow));
  }
  return out;
}

/** The policy's clauses, those of the asked natures and in force on asOf. */
export async function policyClauses(db: Database, policyId: string, filter?: Pick<WalkFilter, 'natures' | 'asOf'>) {
  const clauses = (await db.run(POLICY_CLAUSES, { policy: policyId })).map((row) => toRelationshipRow(row.rel as Props));
  if (!filter) return clauses;
  const { natures, asOf } = filter;
  return clauses.filter(
    (c) =>
      natures.includes(c.nature as never) &&
      c.condition === null &&
      (asOf === null || (c.periodStart <= asOf && (c.periodEnd === null || c.periodEnd >= asOf))),
  );
}

/** An entry into a policy's exposure: a hop that meets at least one of its clauses. */
interface EntryHop {
  hop: DependencyHopRow;
  clauses: RelationshipRow[];
}

/** Everything a policy's exposure needs: its clauses, the world they are checked in, and the hops that meet them. */
async function policyPoints(db: Database, policyId: string, filter: WalkFilter) {
  const clauses = await policyClauses(db, policyId, filter);
  const scopes = clauses.flatMap((c) => (c.scope ? [c.scope] : []));
  const places = [...new Set(scopes.flatMap((s) => [...s.origins, ...s.destinations]))];
  const sectors = [...new Set(scopes.flatMap((s) => [...s.endUsers, ...s.sectors]))];
  const [members, serving] = await Promise.all([
    placeMembers(db, places),
    sectors.length === 0 ? [] : db.run(SERVING, { sectors }),
  ]);
  const world: ScopeWorld = {
    placeMembers: new Map([...members].map(([place, m]) => [place, new Set(m.keys())])),
    sectorServers: new Map(serving.map((row) => [String(row.sectorId), new Set((row.entityIds as string[]).map(String))])),
  };

  // Anchors: a superset of the facts that can meet a clause. A clause binding entities by
  // name is anchored on them; one with origins or destinations on the places (and what
  // lies in them); one naming only goods on the goods, as ends and as items.
  const anchors = new Set<string>();
  const itemOnly = new Set<string>();
  for (const s of scopes) {
    if (s.subjects.length > 0) s.subjects.forEach((id) => anchors.add(id));
    else if (s.origins.length > 0 || s.destinations.length > 0) {
      for (const place of s.origins.length > 0 ? s.origins : s.destinations) {
        anchors.add(place);
        for (const id of members.get(place)?.keys() ?? []) anchors.add(id);
      }
    } else s.coveredItems.forEach((id) => (anchors.add(id), itemOnly.add(id)));
  }
  const { dependentFirst, providerFirst } = sides(filter);
  const facts =
    anchors.size === 0
      ? []
      : (
          await db.run(ANCHORED_FACTS, {
            anchors: [...anchors],
            itemQuery: itemOnly.size > 0 ? [...itemOnly].map((id) => factRefQuery('item', id)).join(' OR ') : null,
            items: [...itemOnly],
            types: [...dependentFirst, ...providerFirst],
            ...factFilterParams(filter),
          })
        ).map((row) => toRelationshipRow(row.rel as Props));

  // Facts → hops of the asked dependence, then the clauses each hop meets.
  const hops = new Map<string, DependencyHopRow>();
  for (const fact of facts) {
    const dependentFirst = (DEPENDENCE_KINDS[filter.dependence].dependentFirst as readonly string[]).includes(fact.type);
    const [dependentId, providerId] = dependentFirst ? [fact.from, fact.to] : [fact.to, fact.from];
    const key = JSON.stringify([dependentId, providerId]);
    const hop = hops.get(key) ?? { dependentId, providerId, dependence: filter.dependence, relationships: [] };
    hop.relationships.push(fact);
    hops.set(key, hop);
  }
  const entries: EntryHop[] = [];
  for (const hop of hops.values()) {
    const met = meetClauses(hop, clauses, world);
    if (met.length > 0) entries.push({ hop, clauses: met.map((m) => m.clause) });
  }
  return { clauses, world, entries };
}

/** The entities a path runs through before the hop at `index`, nearest the hop first. */
const chainBefore = (path: DependencyPathRow, index: number) => path.nodeIds.slice(0, index).reverse();

/** An exposure path through an entry hop: the route to its dependent, then the hop. */
function throughEntry(route: DependencyPathRow, entry: EntryHop, world: ScopeWorld, clauses: readonly RelationshipRow[]): ExposurePathRow {
  const path: DependencyPathRow = {
    nodeIds: [...route.nodeIds, entry.hop.providerId],
    dependence: route.dependence,
    hops: [...route.hops, entry.hop],
  };
  const scope = meetClauses(entry.hop, clauses.filter((c) => entry.clauses.includes(c)), world, chainBefore(path, path.hops.length - 1));
  return { path, atId: entry.hop.providerId, because: scope.map((m) => m.clause), scope };
}

/** What an exposure reads besides its answer (see exposure). */
interface ExposureReads {
  withFacts?: boolean;
  loaders?: ResultLoaders;
}

const byEntry = (entries: readonly EntryHop[]) => {
  const out = new Map<string, EntryHop[]>();
  for (const e of entries) out.set(e.hop.dependentId, [...(out.get(e.hop.dependentId) ?? []), e]);
  for (const list of out.values()) list.sort((a, b) => (a.hop.providerId < b.hop.providerId ? -1 : 1));
  return out;
};

/**
 * How the subject's dependencies (up to maxDepth hops) meet a country or a policy.
 * Country C: a path to every entity reached that is C or lies in C (`because`: the
 * facts placing it there). Policy P: a path through every hop that meets P's scope,
 * reported once per exposure point (the hop's provider) by its nearest path. `direct`:
 * what ties the subject itself to C or P. Nearest first.
 *
 * The paths' hops have their facts only `withFacts` (the operation selects them, or
 * something computed from them): without, the query for them is skipped, as a walk's
 * is. Neither the country's members nor a policy's scope depends on them: a policy is
 * met on the hop entering its scope, whose facts come with the policy's points.
 * `loaders` are fed as the paths are built (toPaths).
 */
export async function exposure(
  db: Database,
  subjectId: string,
  target: ExposureTarget,
  maxDepth: number,
  filter: WalkFilter,
  reads: ExposureReads = {},
): Promise<ExposureRow> {
  const { withFacts = true, loaders = {} } = reads;
  const base = { subjectId, dependence: filter.dependence };
  if ('country' in target) {
    // Only the walk's entities in the country leave the database (walkWithin): the
    // others were most of this answer's memory at 100,000 entities.
    const [exposed, members] = await Promise.all([
      walkWithin(db, subjectId, 'UPSTREAM', maxDepth, filter, { within: target.country }),
      placeMembers(db, [target.country]).then((m) => m.get(target.country)!),
    ]);
    const paths = await toPaths(db, exposed.map((r) => r.route), 'UPSTREAM', filter, withFacts, loaders);
    return {
      ...base,
      target: 'country',
      throughId: target.country,
      direct: members.get(subjectId) ?? [],
      paths: exposed.map((r, i) => ({ path: paths[i]!, atId: r.entityId, because: members.get(r.entityId) ?? [], scope: [] })),
    };
  }

  const { clauses, world, entries } = await policyPoints(db, target.policy, filter);
  const entering = byEntry(entries);
  // A path enters the scope at an entry hop's dependent: only the walk's entities that
  // are one leave the database (walkWithin), not every entity it reaches.
  const dependents = [...entering.keys()].filter((id) => id !== subjectId);
  const reaches =
    maxDepth > 1 && dependents.length > 0 ? await walkWithin(db, subjectId, 'UPSTREAM', maxDepth - 1, filter, { among: dependents }) : [];
  const routes: WalkReach[] = [{ entityId: subjectId, tier: 0, route: [subjectId] }, ...reaches];
  const candidates: { reach: WalkReach; entry: EntryHop }[] = [];
  const seenAt = new Set<string>();
  for (const reach of routes) {
    for (const entry of entering.get(reach.entityId) ?? []) {
      if (seenAt.has(entry.hop.providerId) || reach.route.includes(entry.hop.providerId)) continue;
      seenAt.add(entry.hop.providerId);
      candidates.push({ reach, entry });
    }
  }
  const paths = await toPaths(db, candidates.map((c) => c.reach.route), 'UPSTREAM', filter, withFacts, loaders);
  return {
    ...base,
    target: 'policy',
    throughId: target.policy,
    direct: namingClauses(subjectId, clauses),
    paths: candidates.map((c, i) => throughEntry(paths[i]!, c.entry, world, clauses)),
  };
}

/**
 * Everyone exposed to a country or a policy within maxDepth hops, nearest first, then by
 * name: the entities the country or policy names (distance 0), then everyone whose
 * dependencies reach them, each with its nearest path. `first` entities are kept; the
 * total counts them all.
 */
export async function exposedTo(
  db: Database,
  target: ExposureTarget,
  maxDepth: number,
  filter: WalkFilter,
  first: number,
  names: (ids: readonly string[]) => Promise<Map<string, string>>,
): Promise<ExposedSetRow> {
  const exposed = new Map<string, ExposedEntityRow>();
  const empty = (id: string): DependencyPathRow => ({ nodeIds: [id], dependence: filter.dependence, hops: [] });
  let throughId: string;

  if ('country' in target) {
    throughId = target.country;
    const members = (await placeMembers(db, [target.country])).get(target.country)!;
    const seeds = [target.country, ...members.keys()];
    for (const id of seeds) {
      exposed.set(id, { entityId: id, distance: 0, path: empty(id), atId: id, because: members.get(id) ?? [], scope: [] });
    }
    // Every reach gets its path, so the walk reads the facts of every hop it takes.
    const hopFacts = new Map<string, RelationshipRow[]>();
    const reaches = (await walk(db, seeds, 'DOWNSTREAM', maxDepth, filter, hopFacts)).filter((r) => !exposed.has(r.entityId));
    // The walk goes from the point to the dependent; the path reads from the dependent.
    const paths = await toPaths(db, reaches.map((r) => [...r.route].reverse()), 'UPSTREAM', filter, true, {}, hopFacts);
    reaches.forEach((r, i) => {
      const atId = r.route[0]!;
      exposed.set(r.entityId, { entityId: r.entityId, distance: r.tier, path: paths[i]!, atId, because: members.get(atId) ?? [], scope: [] });
    });
  } else {
    throughId = target.policy;
    const { clauses, world, entries } = await policyPoints(db, target.policy, filter);
    const named = new Set(clauses.flatMap((c) => [...(c.to === target.policy ? [] : [c.to]), ...(c.scope?.subjects ?? []), ...(c.scope?.destinations ?? [])]));
    for (const id of named) {
      exposed.set(id, { entityId: id, distance: 0, path: empty(id), atId: id, because: namingClauses(id, clauses), scope: [] });
    }
    const entering = byEntry(entries);
    const seeds = [...entering.keys()];
    const hopFacts = new Map<string, RelationshipRow[]>();
    const reaches = await walk(db, seeds, 'DOWNSTREAM', maxDepth - 1, filter, hopFacts);
    const routes: Reach[] = [...seeds.map((id) => ({ entityId: id, tier: 0, route: [id], rank: 0 })), ...reaches];
    const chosen: { reach: Reach; entry: EntryHop; route: string[] }[] = [];
    for (const reach of routes) {
      if (exposed.has(reach.entityId)) continue;
      const route = [...reach.route].reverse();
      const entry = entering.get(reach.route[0]!)!.find((e) => !route.includes(e.hop.providerId));
      if (entry) chosen.push({ reach, entry, route });
    }
    const paths = await toPaths(db, chosen.map((c) => c.route), 'UPSTREAM', filter, true, {}, hopFacts);
    chosen.forEach((c, i) => {
      const row = throughEntry(paths[i]!, c.entry, world, clauses);
      exposed.set(c.reach.entityId, { ...row, entityId: c.reach.entityId, distance: row.path.hops.length });
    });
  }

  const all = [...exposed.values()];
  const nameOf = await names(all.map((e) => e.entityId));
  const keyOf = new Map(all.map((e) => [e.entityId, displayKey(nameOf.get(e.entityId) ?? '')]));
  all.sort(
    (a, b) =>
      a.distance - b.distance || compareDisplayKeys(keyOf.get(a.entityId)!, keyOf.get(b.entityId)!) || (a.entityId < b.entityId ? -1 : 1),
  );
  return { throughId, dependence: filter.dependence, total: all.length, entities: all.slice(0, first) };
}

