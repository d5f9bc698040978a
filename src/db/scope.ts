/**
 * Whether a dependency hop meets a clause of a policy's scope, dimension by dimension
 * (schema/MODEL.md, "Policies and exposure"). Pure: the places, sectors and goods it
 * needs are looked up beforehand (src/db/exposure.ts) and handed in.
 *
 * Each hop has a supplying side and a receiving side: in a supply hop the provider
 * supplies the dependent; in a market hop the dependent sells to the provider.
 */
import type { ScopeDimension } from '../../seed/vocabulary.js';
import type { DependencyHopRow, RelationshipRow, ScopeMatchRow, ScopeRow } from './rows.js';

/** What the clause checks need to know about the graph. */
export interface ScopeWorld {
  /** place id → itself and every entity located in it or a member of it, through its regions. */
  placeMembers: Map<string, Set<string>>;
  /** sector id → itself and every entity that serves it. */
  sectorServers: Map<string, Set<string>>;
}

/** The two sides of a hop for scope questions. */
export function hopSides(hop: Pick<DependencyHopRow, 'dependentId' | 'providerId' | 'dependence'>) {
  return hop.dependence === 'SUPPLY'
    ? { supplier: hop.providerId, receiver: hop.dependentId }
    : { supplier: hop.dependentId, receiver: hop.providerId };
}

const within = (id: string, ids: readonly string[], groups: Map<string, Set<string>>) =>
  ids.some((group) => group === id || groups.get(group)?.has(id) === true);

/**
 * How the hop meets the clause, or null when one stated dimension fails. `chain` holds
 * the entities that depend, along the path, on the hop's receiving side (the path's
 * earlier entities): an end user anywhere down the chain counts. ITEM, ORIGIN,
 * DESTINATION and SUBJECT are decided from the graph; END_USER and SECTOR are matched
 * when the graph shows them and otherwise left unverified, because the graph rarely
 * records who the end users of a flow are.
 */
export function meetClause(
  hop: DependencyHopRow,
  clause: RelationshipRow,
  world: ScopeWorld,
  chain: readonly string[] = [],
): ScopeMatchRow | null {
  const scope: ScopeRow | null = clause.scope;
  if (!scope) return null;
  const { supplier, receiver } = hopSides(hop);
  const matched: ScopeDimension[] = [];
  const unverified: ScopeDimension[] = [];
  let stated = false;

  if (scope.subjects.length > 0) {
    stated = true;
    if (!scope.subjects.includes(hop.providerId)) return null;
    matched.push('SUBJECT');
  }
  if (scope.coveredItems.length > 0) {
    stated = true;
    const goods = new Set([hop.dependentId, hop.providerId, ...hop.relationships.flatMap((r) => (r.item ? [r.item] : []))]);
    if (!scope.coveredItems.some((id) => goods.has(id))) return null;
    matched.push('ITEM');
  }
  if (scope.origins.length > 0) {
    stated = true;
    if (!within(supplier, scope.origins, world.placeMembers)) return null;
    matched.push('ORIGIN');
  }
  if (scope.destinations.length > 0) {
    stated = true;
    if (!within(receiver, scope.destinations, world.placeMembers)) return null;
    matched.push('DESTINATION');
  }
  if (scope.endUsers.length > 0) {
    stated = true;
    const users = [receiver, ...chain];
    (users.some((id) => within(id, scope.endUsers, world.sectorServers)) ? matched : unverified).push('END_USER');
  }
  if (scope.sectors.length > 0) {
    stated = true;
    (within(supplier, scope.sectors, world.sectorServers) ? matched : unverified).push('SECTOR');
  }
  return stated ? { clause, matched, unverified } : null;
}

/** Every clause the hop meets. */
export function meetClauses(
  hop: DependencyHopRow,
  clauses: readonly RelationshipRow[],
  world: ScopeWorld,
  chain: readonly string[] = [],
): ScopeMatchRow[] {
  return clauses.flatMap((clause) => meetClause(hop, clause, world, chain) ?? []);
}

/**
 * The clauses that name the entity itself: they bind it by name, name it as a
 * destination, or restrict or apply to it.
 */
export const namingClauses = (entityId: string, clauses: readonly RelationshipRow[]): RelationshipRow[] =>
  clauses.filter(
    (c) =>
      c.to === entityId ||
      c.scope?.subjects.includes(entityId) === true ||
      c.scope?.destinations.includes(entityId) === true,
  );
