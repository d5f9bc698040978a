/**
 * A stock Apollo Server 5, the baseline of the per-request overhead and the reference
 * side of the open-loop load: the same @apollo/server, Express and express.json as the
 * app, with the stock Express integration (@as-integrations/express5), a schema of the
 * load's two operations only, no plugins, no context, on /graphql at 127.0.0.1 (a free
 * port), run by the bench in a process of its own (stock-process.ts) beside the app's.
 * Its one root resolver, `entity(id)`, runs the floor's query of the operation asked
 * (cypher/bench/floor-load-entity.cypher, or floor-load-suppliers.cypher when the
 * selection asks a company's suppliers, through LOAD_FLOOR): one query per request, as
 * the floor, so a request through it costs what Apollo Server and Express add to the
 * floor, and no more.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type FieldNode, type GraphQLResolveInfo, Kind, valueFromASTUntyped } from 'graphql';
import type { Database } from '../../src/db/database.js';
import { besideModule } from '../../src/module-form.js';
import { type ChildInit, ChildServer } from '../child.js';
import { ENTITY_NAME, LOAD_FLOOR, SUPPLIERS_NAME } from '../load/operations.js';
import { listenOnLoopback, type LoopbackServer } from '../loopback.js';
import { Client } from '../measure.js';

/** http://127.0.0.1:port (the API is on /graphql). */
export type StockServer = LoopbackServer;

// What the load's operations select (bench/load/operations.ts), and only that.
const TYPE_DEFS = `type Query { entity(id: ID!): Entity }
interface Entity { id: ID! name: String! kind: String! }
type Company implements Entity { id: ID! name: String! kind: String! suppliers(first: Int!): [Supplier!]! }
type OtherEntity implements Entity { id: ID! name: String! kind: String! }
type Supplier { entity: Entity! relationship: Fact! }
type Fact { id: ID! type: String! evidence: Evidence! }
type Evidence { claim: String! sources: [Source!]! }
type Source { title: String }`;

/** The `suppliers` field under `... on Company` in the lookup's selection, if any. */
function suppliersField(info: GraphQLResolveInfo): FieldNode | undefined {
  for (const selection of info.fieldNodes[0]!.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.INLINE_FRAGMENT || selection.typeCondition?.name.value !== 'Company') continue;
    const field = selection.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'suppliers');
    if (field) return field;
  }
  return undefined;
}

export async function startStockServer(db: Database): Promise<StockServer> {
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: {
        entity: async (_: unknown, { id }: { id: string }, _context: unknown, info: GraphQLResolveInfo) => {
          const suppliers = suppliersField(info);
          if (!suppliers) return ((await LOAD_FLOOR[ENTITY_NAME]!(db, { id })) as { entity: unknown }).entity;
          const first = suppliers.arguments?.find((a) => a.name.value === 'first');
          if (!first) throw new Error('suppliers needs first');
          const answer = await LOAD_FLOOR[SUPPLIERS_NAME]!(db, { id, first: valueFromASTUntyped(first.value, info.variableValues) });
          return (answer as { entity: unknown }).entity;
        },
      },
      Entity: { __resolveType: (entity: { kind: string }) => (entity.kind === 'COMPANY' ? 'Company' : 'OtherEntity') },
      // The floor's query has read them with the company (one query per request).
      Company: {
        suppliers: (company: { suppliers?: unknown[] }) => {
          if (!company.suppliers) throw new Error('suppliers are read with the company, by the root lookup');
          return company.suppliers;
        },
      },
    },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  return listenOnLoopback(app, () => apollo.stop());
}

/** The stock server in a process of its own (stock-process.ts), as the overhead and the load run it, with a client for it. */
export async function startStockProcess(init: ChildInit, timeoutMs: number): Promise<{ server: ChildServer; client: Client }> {
  const server = await ChildServer.start('stock Apollo', besideModule('./stock-process', import.meta.url), init);
  return { server, client: new Client(server.url, server, timeoutMs) };
}
