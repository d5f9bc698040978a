/**
 * The single executor of Cypher. Every query runs in a managed transaction of the mode
 * its file declares, with a server-side timeout; sessions are closed in `finally`; and
 * driver errors become the API's own errors (errors.ts). Only src/db imports the driver.
 *
 * Backpressure lives here too, because sessions are the scarce resource: a process-wide
 * gate keeps sessions in use below the driver's pool (so the pool never runs dry and a
 * full queue is refused at once with OVERLOADED), a per-request gate keeps one request
 * from taking many of them, and a request's deadline bounds every wait and every query.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';
import { databaseUnavailable, deadlineExceeded, overloaded } from '../errors.js';
import { Availability } from './availability.js';
import type { RequestBookmarks } from './bookmarks.js';
import { type Plain, recordToObject } from './convert.js';
import { type CypherQuery, type QueryMode, sentText } from './cypher.js';
import { Gate, GateRefused } from './gate.js';

export type Row = Record<string, Plain>;

export interface QueryEvent {
  query: string;
  mode: QueryMode;
  ms: number;
  /** Rows the query returned (what the cost model is checked against). */
  rows: number;
}

/** A transaction handed to `transaction()` callers: runs registry queries only. */
export interface Tx {
  run(query: CypherQuery, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface DatabaseOptions {
  database: string;
  queryTimeoutMs: number;
  /** Sessions open at once across all requests; keep it below the driver's pool size. */
  maxSessions?: number;
  /** Session requests that may wait for a place; more are refused with OVERLOADED. */
  maxQueuedSessions?: number;
  /** How long a session request waits for a place before OVERLOADED. */
  queueWaitMs?: number;
  /**
   * A driver of its own for the availability probe, so the probe never waits behind the
   * main pool; closed with the database. Without one the probe uses the main driver.
   */
  probeDriver?: Driver;
}

/** What one request may use: its deadline and how many sessions it may hold at once. */
export interface RequestLimits {
  /** Epoch milliseconds after which the request's queries are refused or cut short. */
  deadlineAt: number;
  /** The request's whole budget, for messages. */
  deadlineMs: number;
  maxSessions: number;
  /** Read-your-writes: sessions start after these, and writes record theirs (bookmarks.ts). */
  bookmarks?: RequestBookmarks;
}

/** Per-request state: its own gate, and whether its deadline has passed. */
class RequestScope {
  readonly gate: Gate;
  aborted = false;

  constructor(readonly limits: RequestLimits) {
    this.gate = new Gate(limits.maxSessions);
  }

  remainingMs(): number {
    return this.limits.deadlineAt - Date.now();
  }
}

/** What every per-request view of the database shares. */
class Shared {
  readonly listeners = new Set<(event: QueryEvent) => void>();
  readonly gate: Gate;
  readonly availability: Availability;

  constructor(driver: Driver, options: DatabaseOptions) {
    this.gate = new Gate(options.maxSessions ?? 48, options.maxQueuedSessions ?? 96);
    this.availability = new Availability({
      probe: (timeoutMs) => probeWith(options.probeDriver ?? driver, options.database, timeoutMs),
    });
  }
}

// Long enough for a burst to drain through a bounded queue; the queue length, not this
// wait, is what refuses overload quickly.
const DEFAULT_QUEUE_WAIT_MS = 5000;
/** Below this much time left, a query is not started: it could not finish anyway. */
const MIN_QUERY_MS = 25;

export class Database {
  private readonly shared: Shared;

  constructor(
    readonly driver: Driver,
    readonly options: DatabaseOptions,
    shared?: Shared,
    private readonly scope?: RequestScope,
  ) {
    this.shared = shared ?? new Shared(driver, options);
  }

  /** The same database seen by one request: its deadline and session cap apply to every query. */
  forRequest(limits: RequestLimits): Database {
    return new Database(this.driver, this.options, this.shared, new RequestScope(limits));
  }

  /** Marks the request's deadline as passed: its further queries are refused at once. */
  abortRequest(): void {
    if (this.scope) this.scope.aborted = true;
  }

  get availability(): Availability {
    return this.shared.availability;
  }

  /** Sessions in use and waiting, across all requests (for metrics and readiness). */
  get sessionStats(): { inUse: number; waiting: number; max: number } {
    return this.shared.gate.stats;
  }

  /** Runs one query from cypher/ in its own transaction. */
  async run(query: CypherQuery, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.transaction(query.mode, (tx) => tx.run(query, params));
  }

  /**
   * Runs `work` in one managed transaction (retried by the driver on transient errors,
   * so `work` must be safe to repeat). A write transaction may run read queries too.
   */
  async transaction<T>(mode: QueryMode, work: (tx: Tx) => Promise<T>): Promise<T> {
    const scope = this.scope;
    const releaseRequestPlace = scope ? await this.acquireRequestPlace(scope) : undefined;
    let heldUntilClosed = false;
    try {
      // Refuse at once while the database is known to be down, rather than let every
      // request wait for a connection (the probe notices recovery within a second).
      if (!this.shared.availability.isUp()) throw databaseUnavailable();
      const releaseGlobalPlace = await this.acquireGlobalPlace(scope);
      if (!scope) {
        const { answer, closed } = this.runSession(mode, work, this.options.queryTimeoutMs);
        void closed.then(releaseGlobalPlace);
        return await answer;
      }
      const remaining = scope.remainingMs();
      if (scope.aborted || remaining < MIN_QUERY_MS) {
        releaseGlobalPlace();
        throw this.deadlineError(scope);
      }
      // Both places are held until the session has really closed, even when the answer
      // came first (a read's, before its COMMIT) or the request gave up at its deadline:
      // a connection still busy with a hung query or a commit is still in use, and
      // counting it keeps the request within its cap and the gate below the driver's pool.
      const { answer, closed } = this.runSession(mode, work, Math.min(this.options.queryTimeoutMs, remaining));
      heldUntilClosed = true;
      void closed.then(() => {
        releaseGlobalPlace();
        releaseRequestPlace?.();
      });
      return await withDeadline(answer, remaining, () => this.deadlineError(scope));
    } finally {
      if (!heldUntilClosed) releaseRequestPlace?.();
    }
  }

  /** Runs each statement of a `// Statements: many` file (schema DDL) in its own transaction. */
  async runStatements(query: CypherQuery): Promise<void> {
    if (!query.statements) throw new Error(`cypher/${query.name}.cypher is not a multi-statement file`);
    for (const text of query.statements) {
      await this.transaction(query.mode, (tx) => tx.run({ ...query, text, statements: undefined }));
    }
  }

  /** Subscribes to every query run (for round-trip counting and logs); returns the unsubscribe. */
  onQuery(listener: (event: QueryEvent) => void): () => void {
    this.shared.listeners.add(listener);
    return () => this.shared.listeners.delete(listener);
  }

  /** Starts the background availability probe (the serving process calls this). */
  startMonitoring(): void {
    this.shared.availability.start();
  }

  async close(): Promise<void> {
    this.shared.availability.stop();
    await this.driver.close();
    await this.options.probeDriver?.close();
  }

  private async acquireRequestPlace(scope: RequestScope): Promise<() => void> {
    if (scope.aborted) throw this.deadlineError(scope);
    try {
      return await scope.gate.acquire(scope.remainingMs());
    } catch (error) {
      if (error instanceof GateRefused) throw this.deadlineError(scope);
      throw error;
    }
  }

  private async acquireGlobalPlace(scope: RequestScope | undefined): Promise<() => void> {
    const wait = Math.min(DEFAULT_QUEUE_WAIT_MS, this.options.queueWaitMs ?? DEFAULT_QUEUE_WAIT_MS, scope?.remainingMs() ?? Infinity);
    try {
      return await this.shared.gate.acquire(wait);
    } catch (error) {
      if (error instanceof GateRefused) throw overloaded();
      throw error;
    }
  }

  private deadlineError(scope: RequestScope) {
    scope.aborted = true;
    return deadlineExceeded(scope.limits.deadlineMs);
  }

  /**
   * Runs `work` in a managed transaction of a session of its own. `answer` settles with
   * what `work` returns (or the translated failure); `closed` once the session has closed,
   * and never rejects. A read answers as soon as `work` has its rows, without waiting for
   * the COMMIT that ends its transaction: committing a read changes nothing that was read,
   * and the wait cost 0.7–1.0 ms per query on this machine (RETURN 1: 2.22 → 1.54 ms; the
   * floor's entity lookup: 5.94 → 4.98 ms, medians of 270 side by side), as much as an
   * auto-commit query saves while keeping the driver's retries. A write answers after
   * its COMMIT, whose bookmark later reads wait for.
   */
  private runSession<T>(mode: QueryMode, work: (tx: Tx) => Promise<T>, timeoutMs: number): { answer: Promise<T>; closed: Promise<void> } {
    const bookmarks = this.scope?.limits.bookmarks;
    const config = { timeout: Math.max(1, Math.floor(timeoutMs)) };
    let answered = false;
    let answerRead: (result: T) => void = () => {};
    const readAnswer = new Promise<T>((resolve) => {
      answerRead = resolve;
    });
    const unit = async (managed: ManagedTransaction): Promise<T> => {
      // The driver retries a transaction whose COMMIT failed transiently: a read that
      // has answered has nothing more to read.
      if (answered) return undefined as T;
      const result = await work(this.wrap(managed, mode));
      if (mode === 'read') {
        answered = true;
        this.shared.availability.reportSuccess();
        answerRead(result);
      }
      return result;
    };
    const finished = (async () => {
      // Opened in here so that a session the driver refuses (closed, misconfigured)
      // rejects the answer and still settles `closed`, which frees the places.
      const session = this.driver.session({
        database: this.options.database,
        defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
        bookmarks: bookmarks?.forSession(),
      });
      sendBeginWithFirstQuery(session);
      try {
        const result = mode === 'read' ? await session.executeRead(unit, config) : await session.executeWrite(unit, config);
        if (!answered) this.shared.availability.reportSuccess();
        if (mode === 'write') bookmarks?.recordWrite(session.lastBookmarks());
        return result;
      } catch (error) {
        // A read that has answered keeps its answer whatever became of its COMMIT.
        if (answered) return undefined as T;
        const translated = translateDriverError(error, config.timeout, this.shared.availability.isUp());
        if (translated.unavailable) this.shared.availability.reportFailure(translated.reason);
        throw translated.error;
      } finally {
        await session.close().catch(() => {});
      }
    })();
    const ignore = () => {};
    return {
      answer: mode === 'read' ? Promise.race([readAnswer, finished]) : finished,
      closed: finished.then(ignore, ignore),
    };
  }

  private wrap(managed: ManagedTransaction, mode: QueryMode): Tx {
    return {
      run: async (query, params = {}) => {
        if (query.mode === 'write' && mode === 'read') {
          throw new Error(`cypher/${query.name}.cypher writes and cannot run in a read transaction`);
        }
        const started = performance.now();
        const result = await managed.run(sentText(query), params);
        const ms = performance.now() - started;
        const rows = result.records.length;
        for (const listener of this.shared.listeners) listener({ query: query.name, mode: query.mode, ms, rows });
        return result.records.map(recordToObject);
      },
    };
  }
}

// The driver's TELEMETRY_APIS.MANAGED_TRANSACTION: what the session reports using.
const MANAGED_TRANSACTION_API = 0;

/**
 * Has the session's managed transactions send BEGIN with their first query instead of
 * waiting for BEGIN's reply before running the work: 0.6 ms less per query on this
 * machine (RETURN 1: 2.64 → 2.05 ms, medians of 350 side by side). A failed BEGIN then
 * fails the first query, which the driver retries as it would the BEGIN. The driver's
 * own `executeQuery` runs this way; it has no public switch for sessions, so where a
 * driver version lacks the method the session simply keeps waiting for BEGIN
 * (test/read-commit.int.test.ts notices).
 */
function sendBeginWithFirstQuery(session: Session): void {
  const executor = session as unknown as { _configureTransactionExecutor?: (pipelined: boolean, telemetryApi: number) => void };
  executor._configureTransactionExecutor?.(true, MANAGED_TRANSACTION_API);
}

/** Rejects with `onTimeout()` when `work` has not settled after `ms` (the work goes on, unobserved). */
function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  work.catch(() => {}); // settled after the deadline: nobody is listening any more
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** One `RETURN 1` in a read transaction, bounded in time. */
export async function probeWith(driver: Driver, database: string, timeoutMs: number): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      session.run('RETURN 1', {}, { timeout: timeoutMs }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => {});
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

export interface TranslatedError {
  error: unknown;
  /** True when the database could not be reached (the availability probe should know). */
  unavailable: boolean;
  reason: string;
}

/**
 * Maps driver failures to the API's errors; anything else passes through to be masked.
 * The driver's "Connection acquisition timed out" has no code: it is the service's
 * state (busy or cut off from the database), never the client's fault. A query timeout is DEADLINE_EXCEEDED,
 * never LIMIT_EXCEEDED: it also happens while the database restarts or is overloaded,
 * so the answer must not tell the client its request was wrong.
 */
export function translateDriverError(error: unknown, timeoutMs: number, databaseUp = true): TranslatedError {
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (!(error instanceof Neo4jError)) return { error, unavailable: false, reason };
  if (UNAVAILABLE_CODES.has(error.code)) return { error: databaseUnavailable(), unavailable: true, reason };
  if (/Connection acquisition timed out/i.test(error.message)) {
    // No connection in time: the pool is busy (overload) while the probe, on its own
    // connections, still reaches the database; otherwise the database is not answering.
    return { error: databaseUp ? overloaded() : databaseUnavailable(), unavailable: false, reason };
  }
  if (TIMEOUT_CODES.has(error.code)) return { error: deadlineExceeded(timeoutMs), unavailable: false, reason };
  // Transient errors the driver already retried (a database starting or stopping, a
  // leader lost): the service's state, not the request's.
  if (error.code.startsWith('Neo.TransientError.')) {
    return { error: databaseUnavailable(), unavailable: /Unavailable|NotALeader|LeaderSwitch/i.test(error.code), reason };
  }
  return { error, unavailable: false, reason };
}
