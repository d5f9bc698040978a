/**
 * Limits on what one operation may ask for, enforced before execution so a rejected
 * operation never reaches the database: tokens (while parsing, through PARSE_OPTIONS),
 * then aliases, directives, selection depth, and an estimated cost, checked once the
 * operation and its variables are known. Introspection fields are left out of the
 * depth and the cost so IDEs can load the schema; graphql's own rule bounds them.
 *
 * The measuring is src/analysis/: our own, linear in the document, with a step budget.
 * We compared the two libraries for this job on the documents that stalled this
 * server (`bench/analysis-libraries.ts`; one run on a loaded 2-core machine):
 * - graphql-query-complexity 2.0.0 walks a fragment again at every spread: a k=20
 *   fragment bomb (762 bytes) took 21.5 s without its node cap; with the default cap
 *   (10,000 nodes) it throws in 25–100 ms, so it also refuses any honest operation that
 *   expands to more than 10,000 nodes. Interface chains are linear (12–41 ms for 30
 *   aliases at depth 12). Its estimators see the parent type and the field's own
 *   arguments, but not an ancestor's: a walk's perTier cannot size its tiers' entities.
 * - graphql-armor's cost limit 2.4.3 memoises fragments by name (under 1 ms for k=30)
 *   but reads no schema: no defaults, no variables, only a literal first/last, and a
 *   price per depth rather than per field, so it cannot express the model.
 * - Ours: 0.2–0.5 ms and 126 steps for k=30, 720 steps for the interface chain.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLSchema, type OperationDefinitionNode, type ParseOptions } from 'graphql';
import { type Analysis, AnalysisBudgetExceeded, analyzeOperation } from './analysis/analyze.js';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_DIRECTIVES = 50;
export const MAX_COST = 200_000;
/** Writes one operation may make (root fields of a mutation): each is its own transaction. */
export const MAX_MUTATION_FIELDS = 10;
/** Tokens a document may have: the explorer's operations have 455 together, 30 aliases of a depth-12 walk about 2,000. */
export const MAX_TOKENS = 5_000;
/**
 * Units of work the analysis may take: a document of MAX_TOKENS needs at most a few
 * times its token count, and 100,000 steps run in a few milliseconds.
 */
export const MAX_ANALYSIS_STEPS = 100_000;

/** For Apollo Server's `parseOptions`: graphql's parser stops at this many tokens. */
export const PARSE_OPTIONS: ParseOptions = { maxTokens: MAX_TOKENS };

export interface OperationLimits {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  steps: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  depth: MAX_DEPTH,
  aliases: MAX_ALIASES,
  directives: MAX_DIRECTIVES,
  cost: MAX_COST,
  steps: MAX_ANALYSIS_STEPS,
};

// A refused operation is the client's to fix: HTTP 400, as for invalid operations.
const limitError = (message: string, limit: string, max: number, actual?: number) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, ...(actual === undefined ? {} : { actual }), http: { status: 400 } },
  });

/** Analyses kept by AnalysisCache, all operations together. */
export const ANALYSIS_CACHE_ENTRIES = 1_000;
/** Variables longer than this (as JSON) are analysed every time rather than kept as a key. */
export const ANALYSIS_CACHE_MAX_KEY = 1_024;

/**
 * The analyses of operations already seen, so a client sending the same operation with
 * the same variables is not analysed again. Apollo parses and validates a query text
 * once and hands later requests the same document (its document store), so the
 * operation's node identifies the text; the analysis is a pure function of that
 * operation (and its document's fragments), the variables and the schema, which is
 * fixed for the life of the plugin. Bounded: at most ANALYSIS_CACHE_ENTRIES analyses,
 * the oldest dropped first, each keyed by variables of at most ANALYSIS_CACHE_MAX_KEY
 * characters (variables too deep to serialise are not kept either). Refusals (a spent
 * step budget) are not kept.
 *
 * Measured as bench/overhead/ does ({ __typename } against a stock Apollo Server 5,
 * 1,200 interleaved rounds, on a 2-core machine loaded by other jobs): ours/stock ×1.19
 * with this plugin analysing every request, ×1.15 with the plugin left out (an upper
 * bound of what the cache saves); with the cache, two runs gave ×1.14 and ×1.22, within
 * that machine's noise. A micro-benchmark of analyzeOperation on the same machine: 0.05
 * to 0.35 ms per request for the bench's operations, which a repeated operation no
 * longer pays.
 */
export class AnalysisCache {
  private readonly ids = new WeakMap<OperationDefinitionNode, number>();
  private nextId = 0;
  private readonly analyses = new Map<string, Analysis>();

  constructor(private readonly maxEntries = ANALYSIS_CACHE_ENTRIES) {}

  analyze(input: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operation: OperationDefinitionNode;
    variables: Readonly<Record<string, unknown>>;
    maxSteps: number;
  }): Analysis {
    let variables: string;
    try {
      variables = JSON.stringify(input.variables);
    } catch {
      // Too deep to serialise (a hostile nesting overflows the stack): analysed as it is,
      // not kept, so the request gets the analysis's answer, never a 500.
      return analyzeOperation(input);
    }
    if (variables.length > ANALYSIS_CACHE_MAX_KEY) return analyzeOperation(input);
    let id = this.ids.get(input.operation);
    if (id === undefined) this.ids.set(input.operation, (id = this.nextId++));
    const key = `${id}|${variables}`;
    const known = this.analyses.get(key);
    if (known) return known;
    const analysis = analyzeOperation(input);
    if (this.analyses.size >= this.maxEntries) this.analyses.delete(this.analyses.keys().next().value!);
    this.analyses.set(key, analysis);
    return analysis;
  }

  get size(): number {
    return this.analyses.size;
  }
}

/**
 * Checks the operation once it is resolved and its variables are known, before any
 * resolver runs. One hook for every limit, so each is refused the same way, with the
 * public LIMIT_EXCEEDED code.
 */
export function operationLimitsPlugin(limits: OperationLimits = DEFAULT_LIMITS): ApolloServerPlugin<Context> {
  const cache = new AnalysisCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          let analysis;
          try {
            analysis = cache.analyze({ schema, document, operation, variables: request.variables ?? {}, maxSteps: limits.steps });
          } catch (error) {
            if (!(error instanceof AnalysisBudgetExceeded)) throw error;
            throw limitError(
              `The operation is too complex to analyse within ${limits.steps} steps; use fewer fragments, spreads or fields.`,
              'analysisSteps',
              limits.steps,
            );
          }
          const { depth, aliases, directives, cost } = analysis;
          if (operation.operation === 'mutation') {
            const writes = operation.selectionSet.selections.length;
            if (writes > MAX_MUTATION_FIELDS) {
              throw limitError(`The operation makes ${writes} writes; at most ${MAX_MUTATION_FIELDS} are allowed in one.`, 'mutations', MAX_MUTATION_FIELDS, writes);
            }
          }
          if (aliases > limits.aliases) {
            throw limitError(`The operation uses ${aliases} aliases; at most ${limits.aliases} are allowed.`, 'aliases', limits.aliases, aliases);
          }
          if (directives > limits.directives) {
            throw limitError(
              `The operation uses ${directives} directives; at most ${limits.directives} are allowed.`,
              'directives',
              limits.directives,
              directives,
            );
          }
          if (depth > limits.depth) {
            throw limitError(`The operation is nested ${depth} fields deep; at most ${limits.depth} is allowed.`, 'depth', limits.depth, depth);
          }
          if (cost > limits.cost) {
            throw limitError(
              `The operation's estimated cost is ${cost}; at most ${limits.cost} is allowed. Ask for smaller pages (first, limit) or fewer nested lists.`,
              'cost',
              limits.cost,
              cost,
            );
          }
        },
      };
    },
  };
}
