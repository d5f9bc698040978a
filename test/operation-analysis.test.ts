/**
 * Operation analysis: hostile documents are measured in a number of steps linear in
 * their size and refused before any resolver runs; the cost model prices each field by
 * its parent type and field, and sizes every list of the schema.
 */
import { ApolloServer } from '@apollo/server';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  GraphQLList,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { AnalysisBudgetExceeded, analyzeOperation } from '../src/analysis/analyze.js';
import { DESCENDANT_SIZES, LIST_SIZE_HINTS, SIZING_ARGUMENTS } from '../src/analysis/cost-model.js';
import { ANALYSIS_CACHE_MAX_KEY, AnalysisCache, MAX_ANALYSIS_STEPS, MAX_TOKENS, operationLimitsPlugin, PARSE_OPTIONS } from '../src/protections.js';
import { loadTypeDefs } from '../src/schema.js';
import { directiveFlood, fragmentBomb, interfaceChain, tokenFlood } from './support/attacks.js';
import { readFileSync } from 'node:fs';

const sdl = loadTypeDefs().join('\n');
const schema = buildASTSchema(parse(sdl));

/** The analysis of a valid document's first operation. */
function analyse(text: string, variables: Record<string, unknown> = {}, maxSteps = MAX_ANALYSIS_STEPS) {
  const document = parse(text, PARSE_OPTIONS);
  expect(validate(schema, document)).toEqual([]);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return analyzeOperation({ schema, document, operation, variables, maxSteps });
}

/** Tokens of a document, the measure of its size the step bound is stated in. */
const tokens = (text: string) => {
  let count = 0;
  for (let t = parse(text).loc!.startToken.next; t && t.kind !== '<EOF>'; t = t.next) count += 1;
  return count;
};

/**
 * The real plugin in an Apollo Server without a database: every resolver counts its
 * calls, so a refusal can be shown to happen before any of them runs.
 */
function serverWithLimits() {
  let resolved = 0;
  const count = () => {
    resolved += 1;
    return null;
  };
  const server = new ApolloServer({
    typeDefs: sdl,
    resolvers: { Query: { health: () => (count(), { status: 'OK' }), entity: count } },
    plugins: [operationLimitsPlugin()],
    parseOptions: PARSE_OPTIONS,
  });
  return {
    async run(query: string) {
      await server.start().catch(() => {});
      const response = await server.executeOperation({ query });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      return { status: response.http.status, errors: result?.errors, resolved };
    },
  };
}

describe('Operation analysis: hostile documents in linear steps', () => {
  it('prices a fragment bomb (k=30, health leaf) at 2^31 in fewer steps than it has tokens', () => {
    const text = fragmentBomb(30, 'health{status}');
    const analysis = analyse(text);
    expect(analysis).toMatchObject({ depth: 2, aliases: 0, directives: 0, cost: 2 ** 31 });
    expect(analysis.steps).toBeLessThanOrEqual(tokens(text));
  });

  it('prices a fragment bomb with a __typename leaf at 2^30: each spread counts, __typename too', () => {
    const text = fragmentBomb(30, '__typename');
    const analysis = analyse(text);
    expect(analysis).toMatchObject({ depth: 0, cost: 2 ** 30 });
    expect(analysis.steps).toBeLessThanOrEqual(tokens(text));
  });

  it('prices an interface chain at depth 12 × 30 aliases once on the interface, not per possible type', () => {
    const text = interfaceChain(30, 5);
    const analysis = analyse(text);
    // Per alias: entity, then 5 × (relationships(first: 1) + from), then id: 12 objects.
    expect(analysis).toEqual({ depth: 12, aliases: 30, directives: 0, cost: 360, steps: 720 });
    expect(analysis.steps).toBeLessThanOrEqual(tokens(text));
  });

  it('compares type-conditioned fragments per possible type and keeps the costliest', () => {
    const analysis = analyse(`{ entity(id: "x") {
      id
      ... on Company { customers(first: 10) { entity { id } } }
      ... on Country { members(first: 3) { entity { id } } policiesTargeting(first: 3) { entity { id } } }
    } }`);
    // entity: 1 × (1 + id 1 + max(Company: 10 × (1 + entity 1 × (1 + id 1)) = 30, Country: 2 × 3 × 3 = 18)).
    expect(analysis.cost).toBe(32);
  });

  it('stops at the step budget', () => {
    expect(() => analyse(interfaceChain(30, 5), {}, 100)).toThrow(AnalysisBudgetExceeded);
  });

  it('counts directives and aliases as written', () => {
    expect(analyse(directiveFlood(500))).toMatchObject({ directives: 500, cost: 500 });
  });

  it('stops the parser at MAX_TOKENS', () => {
    // graphql-js's own wording, "more that", typo included.
    expect(() => parse(tokenFlood(MAX_TOKENS + 10), PARSE_OPTIONS)).toThrow(
      `Syntax Error: Document contains more that ${MAX_TOKENS} tokens. Parsing aborted.`,
    );
    expect(() => parse(tokenFlood(MAX_TOKENS - 10), PARSE_OPTIONS)).not.toThrow();
  });
});

describe('Operation limits: refused before any resolver runs', () => {
  const server = serverWithLimits();
  const refused = async (query: string, limit: string, max: number, actual?: number) => {
    const before = (await server.run('{ __typename }')).resolved;
    const { status, errors, resolved } = await server.run(query);
    expect(status).toBe(400);
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit, max, ...(actual === undefined ? {} : { actual }) });
    expect(resolved).toBe(before);
  };

  it('a fragment bomb with a health leaf, by cost', async () => {
    await refused(fragmentBomb(30, 'health{status}'), 'cost', 200_000, 2 ** 31);
  });

  it('a fragment bomb with a __typename leaf, by cost', async () => {
    await refused(fragmentBomb(30, '__typename'), 'cost', 200_000, 2 ** 30);
  });

  it('a directive flood', async () => {
    await refused(directiveFlood(51), 'directives', 50, 51);
  });

  it('an interface chain one level too deep', async () => {
    await refused(interfaceChain(1, 6), 'depth', 12, 14);
  });

  it('a token flood, by the parser (GRAPHQL_PARSE_FAILED)', async () => {
    const { status, errors, resolved } = await server.run(tokenFlood(MAX_TOKENS + 10));
    expect(status).toBe(400);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(resolved).toBe(0);
  });

  it('lets the interface chain at the depth and alias limits through', async () => {
    const { status, errors } = await server.run(interfaceChain(30, 5));
    // Apollo leaves the status unset on success: 200.
    expect(status ?? 200).toBe(200);
    expect(errors).toBeUndefined();
  });
});

describe('Cost model: by parent type and field, every list sized', () => {
  it('puts the base cost of the relationships page on Query.relationships only', () => {
    // Query.relationships: 20 + 1 × (1 + totalCount 1 + edges 5 × (1 + node 1 × (1 + id 1))).
    expect(analyse('{ relationships(first: 5) { totalCount edges { node { id } } } }').cost).toBe(20 + 1 * (1 + 1 + 5 * (1 + 1 * (1 + 1))));
    // Entity.relationships: 5 × (1 + id 1), no base cost.
    expect(analyse('{ entity(id: "x") { relationships(first: 5) { id } } }').cost).toBe(1 * (1 + 5 * 2));
  });

  it('sizes link fields by first, from a variable or the SDL default of 50', () => {
    const suppliers = '{ entity(id: "x") { ... on Company { suppliers(first: $n) { entity { id } } } } }';
    expect(analyse(`query($n: Int) ${suppliers}`, { n: 7 }).cost).toBe(1 + 7 * 3);
    expect(analyse(`query($n: Int) ${suppliers}`, {}).cost).toBe(1 + 50 * 3);
  });

  it('sizes a walk’s tiers and their entities from its arguments', () => {
    // upstream: 200 + 1 × (1 + tiers 2 × (1 + entities 5 × (1 + entity 1 × (1 + id 1)))).
    expect(analyse('{ upstream(id: "x", maxDepth: 2, perTier: 5) { tiers { entities { entity { id } } } } }').cost).toBe(
      200 + 1 * (1 + 2 * (1 + 5 * (1 + 1 * (1 + 1)))),
    );
  });

  it('has a size for every list of objects in the schema', () => {
    const fromAncestors = new Set(Object.values(DESCENDANT_SIZES).flatMap((sizes) => Object.keys(sizes(() => 1))));
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!(getNullableType(field.type) instanceof GraphQLList) || !isCompositeType(getNamedType(field.type))) continue;
        const coordinates = [type.name, ...type.getInterfaces().map((i) => i.name)].map((t) => `${t}.${field.name}`);
        const sized =
          field.args.some((a) => (SIZING_ARGUMENTS as readonly string[]).includes(a.name) && typeof a.defaultValue === 'number') ||
          coordinates.some((c) => c in LIST_SIZE_HINTS || fromAncestors.has(c)) ||
          (type.name.endsWith('Connection') && field.name === 'edges');
        if (!sized) unsized.push(`${type.name}.${field.name}`);
      }
    }
    expect(unsized).toEqual([]);
  });

  it('accepts every operation of the explorer with its largest arguments', () => {
    const document = parse(readFileSync('web/src/graphql/explorer.graphql', 'utf8'), PARSE_OPTIONS);
    expect(validate(schema, document)).toEqual([]);
    const costs = Object.fromEntries(
      document.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => [
          operation.name!.value,
          analyzeOperation({ schema, document, operation, variables: { first: 10, depth: 3, limit: 500, maxDepth: 6 }, maxSteps: MAX_ANALYSIS_STEPS }).cost,
        ]),
    );
    expect(Math.max(...Object.values(costs))).toBeLessThanOrEqual(200_000);
  });
});

describe('Analysis cache: an operation seen before is not analysed again', () => {
  const document = parse('query Suppliers($id: ID!, $first: Int!) { entity(id: $id) { id ... on Company { suppliers(first: $first) { entity { id } } } } }');
  const operation = document.definitions[0] as OperationDefinitionNode;
  const input = (variables: Record<string, unknown>) => ({ schema, document, operation, variables, maxSteps: MAX_ANALYSIS_STEPS });

  it('answers what the analysis answers, per operation and variables', () => {
    const cache = new AnalysisCache();
    for (const first of [5, 200, 5]) {
      expect(cache.analyze(input({ id: 'company:bmw', first }))).toEqual(analyzeOperation(input({ id: 'company:bmw', first })));
    }
    expect(cache.size).toBe(2);
    expect(cache.analyze(input({ id: 'company:bmw', first: 5 })).cost).toBeLessThan(cache.analyze(input({ id: 'company:bmw', first: 200 })).cost);
    // The same text parsed again is another document: analysed on its own.
    const again = parse(print(document));
    cache.analyze({ ...input({ id: 'company:bmw', first: 5 }), document: again, operation: again.definitions[0] as OperationDefinitionNode });
    expect(cache.size).toBe(3);
  });

  it('stays bounded, and keeps neither long variables nor refusals', () => {
    const cache = new AnalysisCache(3);
    for (let first = 1; first <= 10; first += 1) cache.analyze(input({ id: 'company:bmw', first }));
    expect(cache.size).toBe(3);
    const long = new AnalysisCache();
    long.analyze(input({ id: 'x'.repeat(ANALYSIS_CACHE_MAX_KEY), first: 1 }));
    expect(long.size).toBe(0);
    // A value nested deeper than JSON.stringify can follow (the resilience suite's
    // deep_variable_value) is analysed as without the cache, never a thrown RangeError.
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const deepInput = input({ id: 'company:bmw', first: 1, deep });
    expect(() => JSON.stringify(deepInput.variables)).toThrow(RangeError);
    expect(long.analyze(deepInput)).toEqual(analyzeOperation(deepInput));
    expect(long.size).toBe(0);
    const bomb = parse(fragmentBomb(30, '__typename'));
    const refusing = new AnalysisCache();
    const analyze = () =>
      refusing.analyze({ schema, document: bomb, operation: bomb.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)!, variables: {}, maxSteps: 10 });
    expect(analyze).toThrow(AnalysisBudgetExceeded);
    expect(refusing.size).toBe(0);
  });
});
