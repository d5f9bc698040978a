/**
 * Times GraphQL operations over HTTP against the app's process, one request at a time,
 * and counts the database round trips each request makes: the server's process counts
 * its queries with Database.onQuery and the client asks for the count after each
 * response (bench/child.ts). Requests are sequential, so every query counted between
 * sending a request and reading its response belongs to that request.
 */
import type { QueryCounts } from './child.js';
import type { Operation } from './operations.js';

/** Where a server's query counts come from: the queries run since the last call. */
export interface QueryCounter {
  takeCounts(): Promise<QueryCounts>;
}

export interface Sample {
  /** Wall time of the request: send, execute, receive and parse the body. */
  ms: number;
  /** Database queries the request ran. */
  roundTrips: number;
  /** Time spent inside those queries, as the data layer sees it. */
  dbMs: number;
  /** Size of the response body. */
  bytes: number;
}

export interface Measurement {
  name: string;
  /** Set when a request ran past the timeout: the operation was not timed. */
  timedOut: boolean;
  samples: Sample[];
  p50: number;
  p95: number;
  dbP50: number;
  bytesP50: number;
  /** Round trips per request; one value unless requests differed. */
  roundTrips: number[];
  /** The last response's data, for summaries (sizes of what came back). */
  data: unknown;
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** A request taking longer than this fails (the database stops the query too). */
  timeoutMs: number;
  /** Stop timing an operation after this long (but only after `minIterations`). */
  budgetMs: number;
  minIterations: number;
}

/** The nearest-rank percentile of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export class OperationError extends Error {
  override name = 'OperationError';
}

/** A request that ran past the timeout, in the database or on the way back. */
export class OperationTimeout extends Error {
  override name = 'OperationTimeout';
}

export class Client {
  /** The floor server (bench/floor/), once started. */
  floor: { url: string; counter: QueryCounter } | undefined;

  constructor(
    private readonly url: string,
    private readonly counter: QueryCounter,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Sends one operation to the API (or, with `floor`, to the floor server); fails on an
   * HTTP error or any GraphQL error in the response.
   */
  async send(operation: Operation, target: 'api' | 'floor' = 'api'): Promise<{ sample: Sample; data: unknown }> {
    if (target === 'floor' && !this.floor) throw new Error('the floor server is not started');
    const counter = target === 'api' ? this.counter : this.floor!.counter;
    // Whatever ran before this request (a timed-out request's queries) is not its own.
    await counter.takeCounts();
    const body = JSON.stringify(
      target === 'api'
        ? { query: operation.query, variables: operation.variables ?? {} }
        : { name: operation.name, variables: operation.variables ?? {} },
    );
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      // The database enforces the timeout on each query; this catches a request stuck elsewhere.
      response = await fetch(target === 'api' ? `${this.url}/graphql` : this.floor!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs + 10_000),
      });
      text = await response.text();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new OperationTimeout(`${operation.name}: no response within ${this.timeoutMs / 1000 + 10} s`);
      }
      throw error;
    }
    const parsed = JSON.parse(text) as {
      data?: unknown;
      error?: string;
      errors?: { message: string; extensions?: { code?: string; limit?: string } }[];
    };
    const ms = performance.now() - started;
    if (target === 'floor' && (!response.ok || parsed.error)) {
      throw new OperationError(`${operation.name} (floor): HTTP ${response.status}: ${parsed.error ?? 'no error message'}`);
    }
    if (!response.ok || parsed.errors?.length) {
      const error = parsed.errors?.[0];
      if (error?.extensions?.limit === 'queryTimeoutMs') {
        throw new OperationTimeout(`${operation.name}: a query ran past the ${this.timeoutMs / 1000} s timeout`);
      }
      throw new OperationError(
        `${operation.name}: HTTP ${response.status}${error ? `, ${error.extensions?.code ?? 'error'}: ${error.message}` : ''}`,
      );
    }
    const counts = await counter.takeCounts();
    return {
      sample: { ms, roundTrips: counts.queries, dbMs: counts.queryMs, bytes: Buffer.byteLength(text) },
      data: parsed.data,
    };
  }
}

/** Sends an operation `times` times, untimed (warm-up); stops early past half the budget. */
export async function warmUp(
  client: Client,
  operation: Operation,
  times: number,
  budgetMs: number,
  target: 'api' | 'floor' = 'api',
): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < times && performance.now() - started < budgetMs / 2; i += 1) await client.send(operation, target);
}

function summary(operation: Operation, samples: Sample[], data: unknown, timedOut: boolean): Measurement {
  return {
    name: operation.name,
    timedOut,
    samples,
    p50: percentile(samples.map((s) => s.ms), 50),
    p95: percentile(samples.map((s) => s.ms), 95),
    dbP50: percentile(samples.map((s) => s.dbMs), 50),
    bytesP50: percentile(samples.map((s) => s.bytes), 50),
    roundTrips: [...new Set(samples.map((s) => s.roundTrips))].sort((a, b) => a - b),
    data,
  };
}

/** The measurement of an operation whose requests ran past the timeout. */
export const timedOut = (operation: Operation): Measurement => summary(operation, [], undefined, true);

/**
 * Times an operation `iterations` times (fewer once past the budget, but at least
 * `minIterations`). A request past the timeout ends the operation's timing: it is
 * reported as timed out rather than failing the run.
 */
export async function measure(client: Client, operation: Operation, options: MeasureOptions): Promise<Measurement> {
  let data: unknown;
  const samples: Sample[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < options.iterations; i += 1) {
      const result = await client.send(operation);
      samples.push(result.sample);
      data = result.data;
      if (samples.length >= options.minIterations && performance.now() - started > options.budgetMs) break;
    }
  } catch (error) {
    if (error instanceof OperationTimeout) return timedOut(operation);
    throw error;
  }
  return summary(operation, samples, data, false);
}

/** The API and its floor timed side by side (see measurePaired). */
export interface PairedMeasurement {
  ours: Measurement;
  floor: Measurement;
  /** ours / floor of each round's wall times. */
  ratios: number[];
}

/**
 * Times an operation against the API and its floor in interleaved rounds: each round
 * sends one request to each, the API first in even rounds and the floor first in odd
 * ones, so drift in the machine's load (a shared machine) falls on both alike. The
 * per-round ratios are what the report summarises. Stops like `measure` (iterations,
 * budget, timeout); a timeout on either side reports both as timed out.
 */
export async function measurePaired(client: Client, operation: Operation, options: MeasureOptions): Promise<PairedMeasurement> {
  let oursData: unknown;
  let floorData: unknown;
  const ours: Sample[] = [];
  const floor: Sample[] = [];
  const started = performance.now();
  try {
    for (let i = 0; i < options.iterations; i += 1) {
      const order = i % 2 === 0 ? (['api', 'floor'] as const) : (['floor', 'api'] as const);
      for (const target of order) {
        const result = await client.send(operation, target);
        if (target === 'api') {
          ours.push(result.sample);
          oursData = result.data;
        } else {
          floor.push(result.sample);
          floorData = result.data;
        }
      }
      if (ours.length >= options.minIterations && performance.now() - started > options.budgetMs) break;
    }
  } catch (error) {
    if (error instanceof OperationTimeout) return { ours: timedOut(operation), floor: timedOut(operation), ratios: [] };
    throw error;
  }
  return {
    ours: summary(operation, ours, oursData, false),
    floor: summary(operation, floor, floorData, false),
    ratios: ours.map((sample, i) => sample.ms / floor[i]!.ms),
  };
}
