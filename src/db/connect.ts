/**
 * Opens the driver and proves the database answers before anything else starts. Each
 * way this can fail (unreachable, wrong credentials, unknown database, too slow) becomes
 * a one-line DatabaseConnectError within the configured timeout, never a hang.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';
import { Database, type DatabaseOptions } from './database.js';

export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
}

export interface ConnectOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
  /** The whole check, connection and first query, must finish within this. */
  connectTimeoutMs: number;
  /** The driver's connection pool; the session gate (maxSessions) stays below it. */
  maxPoolSize?: number;
  /** Backpressure and availability settings passed on to the Database. */
  serving?: Pick<DatabaseOptions, 'maxSessions' | 'maxQueuedSessions' | 'queueWaitMs'>;
}

/** Connections the availability probe may use: its own, so it never waits behind the main pool. */
const PROBE_POOL_SIZE = 2;

export async function connect(options: ConnectOptions): Promise<Database> {
  const auth = neo4j.auth.basic(options.username, options.password);
  const driverConfig = {
    connectionTimeout: Math.min(options.connectTimeoutMs, 10_000),
    // Short waits: a request must learn that the database is unreachable well within
    // its deadline, and retries of transient errors must not outlast it either.
    connectionAcquisitionTimeout: Math.min(options.connectTimeoutMs, 5_000),
    maxTransactionRetryTime: Math.min(options.connectTimeoutMs, 3_000),
    userAgent: 'magnesium-supply-graph',
    // Integers arrive as numbers: toPlain turned every one into a number anyway (no
    // value here comes near 2^53), and so need not rebuild the maps and lists holding
    // them (convert.ts converts in place).
    disableLosslessIntegers: true,
    // Driver log lines would interleave with ours; failures surface as errors instead.
    logging: { level: 'error' as const, logger: () => {} },
  };
  const driver = neo4j.driver(options.uri, auth, { ...driverConfig, maxConnectionPoolSize: options.maxPoolSize ?? 64 });
  const where = `${options.uri} (database "${options.database}")`;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DatabaseConnectError(
            `Neo4j at ${where} did not answer within ${options.connectTimeoutMs / 1000}s`,
          ),
        ),
      options.connectTimeoutMs,
    );
  });
  try {
    // A real query, not verifyConnectivity(): only a query proves the database exists.
    // Auto-commit, not executeQuery: its retries would hide "connection refused" until
    // the deadline instead of reporting it at once.
    const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await Promise.race([session.run('RETURN 1 AS ok'), deadline]);
    } finally {
      void session.close().catch(() => {});
    }
    const probeDriver = neo4j.driver(options.uri, auth, { ...driverConfig, maxConnectionPoolSize: PROBE_POOL_SIZE });
    const db = new Database(driver, {
      database: options.database,
      queryTimeoutMs: options.queryTimeoutMs,
      ...options.serving,
      maxSessions: Math.min(options.serving?.maxSessions ?? 48, options.maxPoolSize ?? 64),
      probeDriver,
    });
    return db;
  } catch (error) {
    await driver.close().catch(() => {});
    throw describeConnectError(error, options);
  } finally {
    clearTimeout(timer);
  }
}

function describeConnectError(error: unknown, options: ConnectOptions): Error {
  const where = `${options.uri} (database "${options.database}")`;
  const username = options.username;
  if (error instanceof DatabaseConnectError) return error;
  if (error instanceof Neo4jError) {
    switch (error.code) {
      case 'Neo.ClientError.Security.Unauthorized':
        return new DatabaseConnectError(
          `Neo4j at ${where} rejected the credentials of user "${username}"; check NEO4J_USERNAME and NEO4J_PASSWORD`,
        );
      case 'Neo.ClientError.Security.AuthenticationRateLimit':
        return new DatabaseConnectError(
          `Neo4j at ${where} is refusing logins after too many failed attempts; wait and check NEO4J_PASSWORD`,
        );
      case 'Neo.ClientError.Database.DatabaseNotFound':
        return new DatabaseConnectError(
          `Neo4j at ${options.uri} has no database "${options.database}"; check NEO4J_DATABASE (Community has only "neo4j")`,
        );
      case 'ServiceUnavailable':
      case 'SessionExpired':
        return new DatabaseConnectError(`cannot reach Neo4j at ${where}: ${firstLine(error.message)}`);
    }
    return new DatabaseConnectError(
      `Neo4j at ${where} failed the connection check: ${firstLine(error.message)}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseConnectError(`cannot use Neo4j at ${where}: ${firstLine(message)}`);
}

const firstLine = (text: string) => text.split('\n')[0]!.trim();
