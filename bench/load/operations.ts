/**
 * The load's operations (bench/load/): a supplier lookup and the minimal `entity(id)`,
 * each over a set of entity ids picked from the graph before the load, and their
 * raw-Cypher floors (one query each, cypher/bench/floor-load-*.cypher, registered in
 * bench/floor/operations.ts through LOAD_FLOOR). The minimal lookup is also the one
 * bench/overhead/ compares with its floor.
 */
import { int } from '../../src/db/convert.js';
import { cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import type { FloorHandler } from '../floor/operations.js';
import type { Operation } from '../operations.js';

/** Suppliers per lookup: enough for evidence to matter, well within `linksFirst`. */
export const SUPPLIERS_FIRST = 20;

export const SUPPLIERS_NAME = 'load: suppliers';
export const ENTITY_NAME = 'load: entity(id)';

/** A company's suppliers, each with the fact and its evidence (claim, sources' titles). */
export const suppliersOperation = (id: string): Operation => ({
  name: SUPPLIERS_NAME,
  query: `query Suppliers($id: ID!, $first: Int!) {
  entity(id: $id) {
    id name kind
    ... on Company {
      suppliers(first: $first) {
        entity { id name kind }
        relationship { id type evidence { claim sources { title } } }
      }
    }
  }
}`,
  variables: { id, first: SUPPLIERS_FIRST },
});

/** The smallest lookup there is: one entity by id, three scalar fields. */
export const entityOperation = (id: string): Operation => ({
  name: ENTITY_NAME,
  query: `query Entity($id: ID!) {
  entity(id: $id) { id name kind }
}`,
  variables: { id },
});

const ENTITY = cypher('bench/floor-load-entity');
const SUPPLIERS = cypher('bench/floor-load-suppliers');

/** The floor of a supplier lookup, whatever its page size (`$first`). */
export const suppliersFloor: FloorHandler = async (db, variables) => {
  const [row] = await db.run(SUPPLIERS, { id: String(variables.id), first: int(Number(variables.first)) });
  if (!row) return { entity: null };
  const entity = row.entity as { kind: string };
  // `... on Company`: only a company has the field.
  return { entity: entity.kind === 'COMPANY' ? { ...entity, suppliers: row.suppliers } : entity };
};

/** The floors of the load's operations, by name (merged into FLOOR). */
export const LOAD_FLOOR: Readonly<Record<string, FloorHandler>> = {
  [ENTITY_NAME]: async (db, variables) => {
    const [row] = await db.run(ENTITY, { id: String(variables.id) });
    return { entity: row?.entity ?? null };
  },
  [SUPPLIERS_NAME]: suppliersFloor,
};

/** The ids the load spreads its requests over. */
export interface LoadTargets {
  /** Companies with at least one supplier: BMW and Tesla first, then others by id. */
  suppliers: string[];
  /** Entities of every kind, spread evenly over the ids in order. */
  entities: string[];
}

const TARGETS = cypher('bench/load-targets');

/** Picks the load's ids from the graph (untimed), the same for the same graph. */
export async function pickTargets(db: Database, count = { suppliers: 20, entities: 40 }): Promise<LoadTargets> {
  const [row] = await db.run(TARGETS, { suppliers: int(count.suppliers), entities: int(count.entities) });
  const ids = (value: unknown) => [...new Set(((value as unknown[] | undefined) ?? []).filter((id): id is string => typeof id === 'string'))];
  return { suppliers: ids(row?.suppliers), entities: ids(row?.entities) };
}
