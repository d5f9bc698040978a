/**
 * Runs the operations clients repeat with graphql-jit instead of graphql-js's
 * interpreter. graphql-jit compiles an operation once into a function that resolves,
 * completes and serialises its fields without walking the document again, where
 * graphql-js re-walks the selection and its field definitions for every object of
 * every list. Measured on the bench's 20,000-entity graph, graphql-js's execution was
 * about 155 ms of an 810 ms upstream walk to depth 6 (3,000 entities with their
 * routes); compiled, the walk took about 590 ms.
 *
 * Apollo Server has no setting for another executor; its gateway interface
 * (@apollo/server-gateway-interface) is how it runs one: Apollo still parses,
 * validates (with this project's rules and limits), runs every plugin hook and formats
 * errors and responses, and hands the validated operation to `executor` for execution
 * only. The schema is the same executable schema Apollo would build from the type
 * definitions and resolvers.
 *
 * Compiling is not free, and it blocks the event loop while it runs: from 1 ms for a
 * search to 80 ms for a page of entities with their relationships' ends, and seconds
 * for a short query nesting abstract fields a few levels deep (compiled-size.ts). So an
 * operation runs compiled only when all of these hold, and is interpreted by graphql-js
 * otherwise, with the same answer:
 * - its document has been seen before (a one-off query is never compiled);
 * - graphql-jit would compile at most MAX_COMPILED_FIELDS fields for it;
 * - the compile budget (COMPILE_BUDGET, compile time refilled at a fixed rate) is not
 *   spent, so a client sending ever new documents costs at most that share of a core.
 * Compiled operations are kept per parsed document (Apollo keeps one object per query
 * text in its document store) and operation name, the MAX_COMPILED most recently used.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, type ExecutionResult, execute, GraphQLError, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { compiledFieldCount } from './compiled-size.js';

/** At most this many fields compiled per operation: about 90 ms of compiling at worst. */
export const MAX_COMPILED_FIELDS = 1_000;
/** Compiled operations kept, the most recently used. */
export const MAX_COMPILED = 200;
/** Compile time a burst may spend (ms), and how fast it comes back (ms per second). */
export const COMPILE_BUDGET = { burstMs: 1_000, refillMsPerSecond: 20 };

type Compiled = CompiledQuery | ExecutionResult;

/**
 * A graphql-jit error in graphql-js 16's shape. graphql-jit builds its errors the
 * graphql 15 way: no `extensions` unless the resolver's error had some, where graphql-js
 * always gives an object (with the thrown error's extensions), and Apollo's error
 * formatting reads `extensions.code` from every error. The message, path, locations and
 * the error the resolver threw (which formatError masks or explains) carry over.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const shaped = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  if (error.locations) Object.defineProperty(shaped, 'locations', { value: error.locations, enumerable: true, writable: true, configurable: true });
  return shaped;
}

/** A token bucket of compile time (ms). */
export class CompileBudget {
  readonly #now: () => number;
  #available = COMPILE_BUDGET.burstMs;
  #at: number;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
    this.#at = now();
  }

  allows(): boolean {
    const now = this.#now();
    this.#available = Math.min(COMPILE_BUDGET.burstMs, this.#available + ((now - this.#at) / 1000) * COMPILE_BUDGET.refillMsPerSecond);
    this.#at = now;
    return this.#available > 0;
  }

  spend(ms: number): void {
    this.#available -= ms;
  }
}

export interface CompiledExecutionOptions {
  /** graphql-jit's compileQuery; tests pass one that counts its calls. */
  compile?: typeof compileQuery;
  budget?: CompileBudget;
}

/** Apollo's gateway interface over a fixed schema, executing with graphql-jit where it pays. */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): GatewayInterface {
  const compile = options.compile ?? compileQuery;
  // Map order is insertion order: a hit moves its document to the end, the first is the oldest.
  const compiled = new Map<DocumentNode, Map<string, Compiled>>();
  const seen = new WeakSet<DocumentNode>();
  const budget = options.budget ?? new CompileBudget();

  const compiledFor = (document: DocumentNode, operationName: string): Compiled | undefined => {
    const byName = compiled.get(document);
    const hit = byName?.get(operationName);
    if (byName && hit) {
      compiled.delete(document);
      compiled.set(document, byName);
    }
    return hit;
  };

  const keep = (document: DocumentNode, operationName: string, query: Compiled) => {
    const byName = compiled.get(document) ?? new Map<string, Compiled>();
    byName.set(operationName, query);
    compiled.delete(document);
    compiled.set(document, byName);
    if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, context } = requestContext;
    const operationName = requestContext.request.operationName ?? undefined;
    const variableValues = requestContext.request.variables ?? {};
    const interpreted = () => execute({ schema, document, contextValue: context, variableValues, operationName });

    let query = compiledFor(document, operationName ?? '');
    if (!query) {
      const repeated = seen.has(document);
      seen.add(document);
      if (!repeated || !operation) return interpreted();
      if (compiledFieldCount(schema, document, operation, MAX_COMPILED_FIELDS) > MAX_COMPILED_FIELDS) {
        // Too big now is too big for good: kept as "not compiled", so the fields are not
        // counted again on every request.
        keep(document, operationName ?? '', {});
        return interpreted();
      }
      if (!budget.allows()) return interpreted();
      const started = performance.now();
      try {
        // Resolver errors keep their own stack (logged by formatError); graphql-jit's
        // extra capture of one per error would only cost time.
        query = compile(schema, document, operationName, { disablingCapturingStackErrors: true }) as Compiled;
      } catch {
        // Something graphql-jit cannot compile: kept as "not compiled" (an empty
        // result, as an operation too big to compile), interpreted from now on.
        query = {};
      }
      budget.spend(performance.now() - started);
      keep(document, operationName ?? '', query);
    }
    // Compiling refuses what graphql-js's execute would refuse before running anything;
    // graphql-js words it as before.
    if (!isCompiledQuery(query)) return interpreted();
    const result = await query.query(undefined, context, variableValues);
    // No data at all: the variables were refused before anything ran. graphql-jit words
    // those errors its own way and leaves out the variable's node, which Apollo reads to
    // answer BAD_USER_INPUT; graphql-js, given the same variables, refuses them as
    // before, again before running any resolver.
    if (result.errors?.length && !('data' in result)) return interpreted();
    return result.errors?.length ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };

  return {
    // Apollo asks for the schema before it loads the executor, and then never again:
    // this schema does not change while the server runs.
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}
