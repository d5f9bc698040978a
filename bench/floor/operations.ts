/**
 * The raw-Cypher floor of the benchmark's operations: for each operation it can answer,
 * one hand-tuned query from cypher/bench/floor-*.cypher, run through the same
 * `Database` (driver, pool, timeout) as the app, and turned into the JSON the GraphQL
 * operation's `data` holds for the same variables. What the handler does besides the
 * query is only what the response format needs (cursors, choosing among the rows the
 * query returned), never another query.
 *
 * Covered: search (a text of one word), entity(id) with sources, relationships and
 * customers/suppliers, entityByName, entities by degree, relationships by source,
 * tradeFigures (exports), subgraph, the nested batching pair, and (walks.ts) the
 * upstream/downstream walks and dependencyPaths. Left out (see bench/README.md): exposure.
 */
import { escapeLucene, factRefQuery, searchQuery } from '../../src/db/catalog.js';
import { int } from '../../src/db/convert.js';
import { bindBounds, cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import { lookupKey, normaliseName, STOP_WORDS } from '../../src/db/names.js';
import { cursorFor } from '../../src/pagination.js';
import { LOAD_FLOOR, suppliersFloor } from '../load/operations.js';
import { SUPPLIERS_OF_BMW } from '../operations.js';
import { WALK_FLOORS } from './walks.js';

type Variables = Record<string, unknown>;
export type FloorHandler = (db: Database, variables: Variables) => Promise<unknown>;

const BY_NAME = cypher('bench/floor-entity-by-name');
const BY_DEGREE = cypher('bench/floor-entities-by-degree');
const SUBGRAPH = cypher('bench/floor-subgraph');
const ENTITY = cypher('bench/floor-entity');
const FACTS_BY_SOURCE = cypher('bench/floor-facts-by-source');
const TRADE_EXPORTS = cypher('bench/floor-trade-exports');
const NESTED = cypher('bench/floor-nested-entities');
const SEARCH = cypher('bench/floor-search');

/** The nested batching request at one page size: its entities, in page order, as `edges`. */
const nested: FloorHandler = async (db, variables) => {
  const rows = await db.run(NESTED, { first: int(Number(variables.first)) });
  return { entities: { edges: rows.map((row) => ({ node: row.node })) } };
};

/** The floor of each operation it covers, by the operation's name in operations.ts. */
export const FLOOR: Readonly<Record<string, FloorHandler>> = {
  ...WALK_FLOORS,
  'search "magnesium"': async (db, variables) => {
    const text = String(variables.q).trim();
    const limit = 10;
    const query = searchQuery(text);
    if (query === '') return { search: [] };
    const key = lookupKey(text);
    const typed = normaliseName(text);
    const words = typed.split(' ').filter((w) => w.length > 0 && !STOP_WORDS.has(w));
    // Several words may name entities together (PART), which the API reads with a second query.
    if (words.length >= 2) throw new Error('the search floor covers texts of one word');
    const rows = await db.run(SEARCH, {
      query,
      keyQuery: `"${escapeLucene(key)}"`,
      key,
      typed,
      words,
      candidates: int(Math.max(limit * 5, 50)),
      limit: int(limit),
    });
    return { search: rows.map((row) => ({ score: row.score, entity: row.entity })) };
  },

  'entity company:yimeitai': async (db, variables) => {
    const [row] = await db.run(ENTITY, { id: variables.id });
    if (!row) return { entity: null };
    // Customers and suppliers are fields of Company only (`... on Company`).
    const links = row.company === true ? { customers: row.customers, suppliers: row.suppliers } : {};
    return { entity: { ...(row.entity as object), ...links } };
  },

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

  'relationships by source': async (db, variables) => {
    const first = 20;
    const sourceId = String(variables.sourceId);
    const [row] = await db.run(FACTS_BY_SOURCE, { sourceId, sourceQuery: factRefQuery('sourceIds', sourceId), limit: int(first) });
    const total = Number(row?.total ?? 0);
    const page = (row?.page as unknown[] | undefined) ?? [];
    return {
      relationships: {
        totalCount: total,
        edges: page.map((node) => ({ node })),
        pageInfo: { hasNextPage: page.length < total, endCursor: page.length > 0 ? cursorFor(page.length - 1) : null },
      },
    };
  },

  'tradeFigures China exports': async (db, variables) => {
    const [row] = await db.run(TRADE_EXPORTS, { place: variables.place, limit: int(50) });
    const page = (row?.page as unknown[] | undefined) ?? [];
    return { tradeFigures: { totalCount: Number(row?.total ?? 0), edges: page.map((node) => ({ node })) } };
  },

  'nested entities(first: 5)': nested,
  'nested entities(first: 50)': nested,

  // The load's supplier lookup with a page of 200: the same floor, $first 200.
  [SUPPLIERS_OF_BMW]: suppliersFloor,

  // The load's and the overhead's operations (bench/load/operations.ts).
  ...LOAD_FLOOR,
};
