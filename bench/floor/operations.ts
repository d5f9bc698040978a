/**
 * The raw-Cypher floor of the benchmark's operations: for each operation it can answer,
 * one hand-tuned query from cypher/bench/floor-*.cypher, run through the same
 * `Database` (driver, pool, timeout) as the app, and turned into the JSON the GraphQL
 * operation's `data` holds for the same variables. What the handler does besides the
 * query is only what the response format needs (cursors, choosing among the rows the
 * query returned), never another query.
 *
 * Operations left out (no single query gives an identical answer without rebuilding the
 * API's resolvers; see bench/README.md): search, entity(id), relationships by source,
 * tradeFigures, the upstream/downstream walks, dependencyPaths, exposure and the nested
 * batching pair.
 */
import { escapeLucene } from '../../src/db/catalog.js';
import { int } from '../../src/db/convert.js';
import { bindBounds, cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import { lookupKey } from '../../src/db/names.js';
import { cursorFor } from '../../src/pagination.js';
import { LOAD_FLOOR } from '../load/operations.js';

type Variables = Record<string, unknown>;
export type FloorHandler = (db: Database, variables: Variables) => Promise<unknown>;

const BY_NAME = cypher('bench/floor-entity-by-name');
const BY_DEGREE = cypher('bench/floor-entities-by-degree');
const SUBGRAPH = cypher('bench/floor-subgraph');

/** The floor of each operation it covers, by the operation's name in operations.ts. */
export const FLOOR: Readonly<Record<string, FloorHandler>> = {
  'entityByName (alias)': async (db, variables) => {
    const key = lookupKey(String(variables.name));
    if (key === '') return { entityByName: null };
    const rows = await db.run(BY_NAME, { phrase: `"${escapeLucene(key)}"`, key });
    const entities = rows.map((row) => row.entity as { name: string });
    // The API's preference: the entity whose own name has the key, else the smallest id.
    return { entityByName: entities.find((e) => lookupKey(e.name) === key) ?? entities[0] ?? null };
  },

  'entities DEGREE_DESC 50': async (db) => {
    const first = 50;
    const [row] = await db.run(BY_DEGREE, { limit: int(first) });
    const total = Number(row?.total ?? 0);
    const page = (row?.page as unknown[] | undefined) ?? [];
    return {
      entities: {
        totalCount: total,
        edges: page.map((node, i) => ({ cursor: cursorFor(i), node })),
        pageInfo: { hasNextPage: page.length < total, endCursor: page.length > 0 ? cursorFor(page.length - 1) : null },
      },
    };
  },

  'subgraph yimeitai d2 l200': async (db, variables) => {
    const [row] = await db.run(bindBounds(SUBGRAPH, { depth: 2 }), { ids: variables.ids, limit: int(200) });
    return { subgraph: row ? { truncated: row.truncated, nodes: row.nodes, edges: row.edges } : { truncated: false, nodes: [], edges: [] } };
  },

  // The load's and the overhead's operations (bench/load/operations.ts).
  ...LOAD_FLOOR,
};
