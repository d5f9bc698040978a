/**
 * The single executor of Cypher. Every query runs in a managed transaction of the mode
 * its file declares, with a server-side timeout; sessions are closed in `finally`; and
 * driver errors become the API's own errors (errors.ts). Only src/db imports the driver.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { databaseUnavailable, limitExceeded } from '../errors.js';
import { type Plain, recordToObject } from './convert.js';
import type { CypherQuery, QueryMode } from './cypher.js';

export type Row = Record<string, Plain>;

export interface QueryEvent {
  query: string;
  mode: QueryMode;
  ms: number;
}

/** A transaction handed to `transaction()` callers: runs registry queries only. */
export interface Tx {
  run(query: CypherQuery, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface DatabaseOptions {
  database: string;
  queryTimeoutMs: number;
}

export class Database {
  private readonly listeners = new Set<(event: QueryEvent) => void>();

  constructor(
    readonly driver: Driver,
    readonly options: DatabaseOptions,
  ) {}

  /** Runs one query from cypher/ in its own transaction. */
  async run(query: CypherQuery, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.transaction(query.mode, (tx) => tx.run(query, params));
  }

  /**
   * Runs `work` in one managed transaction (retried by the driver on transient errors,
   * so `work` must be safe to repeat). A write transaction may run read queries too.
   */
  async transaction<T>(mode: QueryMode, work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: this.options.queryTimeoutMs };
    try {
      const unit = (managed: ManagedTransaction) => work(this.wrap(managed, mode));
      return mode === 'read'
        ? await session.executeRead(unit, config)
        : await session.executeWrite(unit, config);
    } catch (error) {
      throw translateDriverError(error, this.options.queryTimeoutMs);
    } finally {
      await session.close();
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
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private wrap(managed: ManagedTransaction, mode: QueryMode): Tx {
    return {
      run: async (query, params = {}) => {
        if (query.mode === 'write' && mode === 'read') {
          throw new Error(`cypher/${query.name}.cypher writes and cannot run in a read transaction`);
        }
        const started = performance.now();
        const result = await managed.run(query.text, params);
        const ms = performance.now() - started;
        for (const listener of this.listeners) listener({ query: query.name, mode: query.mode, ms });
        return result.records.map(recordToObject);
      },
    };
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** Maps driver failures to the API's errors; anything else passes through to be masked. */
export function translateDriverError(error: unknown, timeoutMs: number): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (UNAVAILABLE_CODES.has(error.code)) return databaseUnavailable();
  if (TIMEOUT_CODES.has(error.code)) {
    return limitExceeded(
      `The query ran longer than the ${timeoutMs} ms limit; ask for less (fewer tiers or results).`,
      {
        limit: 'queryTimeoutMs',
      },
    );
  }
  return error;
}
