/**
 * The executor behind Apollo (src/http/compiled-execution.ts): the answers are
 * graphql-js's, compiled or not; a document is compiled only once it repeats, only when
 * it is small enough, only while the compile budget lasts, and only the most recent
 * MAX_COMPILED are kept. The schema here is a small one with an interface, so that
 * abstract fields multiply as they do under `Entity`.
 */
import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { type DocumentNode, execute, getOperationAST, parse } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { CompileBudget, COMPILE_BUDGET, compiledExecution, MAX_COMPILED, MAX_COMPILED_FIELDS } from '../src/http/compiled-execution.js';
import { compiledFieldCount } from '../src/http/compiled-size.js';

const schema = makeExecutableSchema({
  typeDefs: `
    interface Thing { id: ID! name: String }
    type Plant implements Thing { id: ID! name: String capacity: Int neighbours: [Thing!]! }
    type Mine implements Thing { id: ID! name: String ore: String neighbours: [Thing!]! }
    type Query { things(first: Int!): [Thing!]! thing(id: ID!): Thing broken: String }
  `,
  resolvers: {
    Thing: { __resolveType: (thing: { ore?: string }) => (thing.ore ? 'Mine' : 'Plant') },
    Plant: { neighbours: async () => THINGS },
    Mine: { neighbours: () => THINGS.slice(0, 1) },
    Query: {
      things: async (_root: unknown, { first }: { first: number }) => THINGS.slice(0, first),
      thing: (_root: unknown, { id }: { id: string }) => THINGS.find((thing) => thing.id === id) ?? null,
      broken: () => {
        throw new Error('the resolver failed');
      },
    },
  },
});

const THINGS = [
  { id: 'plant:1', name: 'Plant one', capacity: 50 },
  { id: 'mine:1', name: 'Mine one', ore: 'dolomite' },
  { id: 'plant:2', name: null, capacity: 8 },
];

const QUERY = `query Things($first: Int!) {
  things(first: $first) {
    __typename id name
    ... on Plant { capacity neighbours { id ... on Mine { ore } } }
    ... on Mine { ore neighbours { id name } }
  }
  broken
}`;

function counting() {
  const calls: DocumentNode[] = [];
  const compile: typeof compileQuery = (...args) => {
    calls.push(args[1]);
    return compileQuery(...args);
  };
  return { calls, compile };
}

async function executorOf(options: Parameters<typeof compiledExecution>[1]): Promise<GatewayExecutor> {
  const gateway = compiledExecution(schema, options);
  gateway.onSchemaLoadOrUpdate(() => {});
  const { executor } = await gateway.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } } as never);
  if (!executor) throw new Error('no executor');
  return executor;
}

/** What Apollo hands the executor, as far as it reads it. */
const requestOf = (document: DocumentNode, variables: Record<string, unknown>, operationName?: string) =>
  ({ document, operation: getOperationAST(document, operationName), context: {}, request: { variables, operationName } }) as unknown as GatewayGraphQLRequestContext;

const interpreted = async (document: DocumentNode, variables: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(await execute({ schema, document, variableValues: variables, contextValue: {} })));

const plain = async (result: unknown) => JSON.parse(JSON.stringify(await result));

describe('compiled execution', () => {
  it('interprets a document the first time, compiles it the second, reuses it after; the answers are graphql-js’s every time', async () => {
    const { calls, compile } = counting();
    const executor = await executorOf({ compile });
    const document = parse(QUERY);
    const expected = await interpreted(document, { first: 3 });
    expect(expected.errors).toHaveLength(1);
    expect(expected.data.things).toHaveLength(3);

    expect(await plain(executor(requestOf(document, { first: 3 })))).toEqual(expected);
    expect(calls).toHaveLength(0);
    expect(await plain(executor(requestOf(document, { first: 3 })))).toEqual(expected);
    expect(calls).toHaveLength(1);
    expect(await plain(executor(requestOf(document, { first: 2 })))).toEqual(await interpreted(document, { first: 2 }));
    expect(calls).toHaveLength(1);
    // A resolver's error comes in graphql-js's shape, which Apollo's formatting reads:
    // extensions always an object, the thrown error kept for formatError.
    const [error] = (await executor(requestOf(document, { first: 1 }))).errors!;
    expect(error!.extensions).toEqual({});
    expect(error!.originalError?.message).toBe('the resolver failed');
    expect(error!.path).toEqual(['broken']);
    expect(error!.locations).toEqual([{ line: 7, column: 3 }]);
  });

  it('refuses bad variables in graphql-js’s words, with the variable’s node Apollo reads for BAD_USER_INPUT, compiled or not', async () => {
    const executor = await executorOf({});
    const document = parse(QUERY);
    for (const variables of [{}, { first: 'three' }, { first: 2 ** 40 }]) {
      const expected = execute({ schema, document, variableValues: variables, contextValue: {} }) as unknown as { errors: { message: string; nodes: unknown[] }[] };
      for (let run = 0; run < 3; run++) {
        const result = (await executor(requestOf(document, variables))) as unknown as { data?: unknown; errors: { message: string; nodes?: unknown[] }[] };
        expect(result.data).toBeUndefined();
        expect(result.errors.map((error) => error.message)).toEqual(expected.errors.map((error) => error.message));
        expect(result.errors[0]!.nodes).toHaveLength(1);
      }
    }
  });

  it('runs the operation named, compiled per name', async () => {
    const { calls, compile } = counting();
    const executor = await executorOf({ compile });
    const document = parse('query A { thing(id: "mine:1") { id } } query B { thing(id: "plant:1") { name } }');
    for (let run = 0; run < 2; run++) {
      expect(await plain(executor(requestOf(document, {}, 'A')))).toEqual({ data: { thing: { id: 'mine:1' } } });
      expect(await plain(executor(requestOf(document, {}, 'B')))).toEqual({ data: { thing: { name: 'Plant one' } } });
    }
    expect(calls).toHaveLength(2);
  });

  it('interprets an operation graphql-jit fails to compile, and does not try again', async () => {
    let calls = 0;
    const executor = await executorOf({
      compile: () => {
        calls += 1;
        throw new Error('cannot compile this');
      },
    });
    const document = parse(QUERY);
    for (let run = 0; run < 4; run++) expect(await plain(executor(requestOf(document, { first: 2 })))).toEqual(await interpreted(document, { first: 2 }));
    expect(calls).toBe(1);
  });

  it('never compiles an operation past MAX_COMPILED_FIELDS fields', async () => {
    const { calls, compile } = counting();
    const executor = await executorOf({ compile });
    const aliases = Array.from({ length: MAX_COMPILED_FIELDS + 1 }, (_, i) => `a${i}: broken`).join(' ');
    const document = parse(`{ ${aliases} }`);
    for (let run = 0; run < 3; run++) {
      const result = (await executor(requestOf(document, {}))) as { errors: unknown[] };
      expect(result.errors).toHaveLength(MAX_COMPILED_FIELDS + 1);
    }
    expect(calls).toHaveLength(0);
  });

  it('keeps the MAX_COMPILED most recently used operations', async () => {
    const { calls, compile } = counting();
    const executor = await executorOf({ compile });
    const documents = Array.from({ length: MAX_COMPILED + 1 }, (_, i) => parse(`{ thing(id: "plant:${i}") { id } }`));
    for (const document of documents) for (let run = 0; run < 2; run++) await executor(requestOf(document, {}));
    expect(calls).toHaveLength(MAX_COMPILED + 1);
    await executor(requestOf(documents[MAX_COMPILED]!, {}));
    expect(calls).toHaveLength(MAX_COMPILED + 1);
    // The first was the least recently used: evicted, so compiled again.
    expect(await plain(executor(requestOf(documents[0]!, {})))).toEqual({ data: { thing: null } });
    expect(calls).toHaveLength(MAX_COMPILED + 2);
  });

  it('stops compiling once the budget is spent, and interprets meanwhile', async () => {
    let now = 0;
    const budget = new CompileBudget(() => now);
    budget.spend(COMPILE_BUDGET.burstMs + 5);
    const { calls, compile } = counting();
    const executor = await executorOf({ compile, budget });
    const document = parse(QUERY);
    for (let run = 0; run < 3; run++) expect(await plain(executor(requestOf(document, { first: 1 })))).toEqual(await interpreted(document, { first: 1 }));
    expect(calls).toHaveLength(0);
    now += (10 / COMPILE_BUDGET.refillMsPerSecond) * 1000; // 10 ms of compile time back: in credit again
    await executor(requestOf(document, { first: 1 }));
    expect(calls).toHaveLength(1);
  });
});

describe('compiledFieldCount', () => {
  const count = (query: string, stopAt = 1e9) => {
    const document = parse(query);
    return compiledFieldCount(schema, document, getOperationAST(document)!, stopAt);
  };

  it('counts a field once per concrete type its parent can be', () => {
    // things; id and name for Plant and for Mine; Plant's capacity; Mine's ore.
    expect(count('{ things(first: 1) { id name ... on Plant { capacity } ... on Mine { ore } } }')).toBe(7);
    expect(count('{ thing(id: "x") { ...F } } fragment F on Thing { id }')).toBe(3);
  });

  it('multiplies through nested abstract fields, and stops counting past stopAt', () => {
    const nested = '{ things(first: 1) { neighbours { neighbours { neighbours { id } } } } }';
    // 1 + 2 × (1 + 2 × (1 + 2 × (1 + 2 × 1)))
    expect(count(nested)).toBe(1 + 2 * (1 + 2 * (1 + 2 * (1 + 2))));
    expect(count(nested, 10)).toBeLessThanOrEqual(12);
    expect(count(nested, 10)).toBeGreaterThan(10);
  });
});
