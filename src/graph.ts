/**
 * Opens the graph the configuration names: the Neo4j at NEO4J_URI, or the project's own
 * local Neo4j, started and supervised here (restarted if it dies) and stopped by `close()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config, Neo4jLocal } from './config.js';
import { connect } from './db/connect.js';
import type { Database } from './db/database.js';
import { LocalNeo4jUnavailable } from './local-neo4j/build.js';
import { passwordFile } from './local-neo4j/credentials.js';
import { portInUse, startLocalNeo4j } from './local-neo4j/process.js';
import { PROJECT_ROOT } from './project-root.js';
import { type SupervisedNeo4j, superviseLocalNeo4j } from './local-neo4j/supervise.js';

export { PROJECT_ROOT } from './project-root.js';

export interface OpenGraph {
  db: Database;
  uri: string;
  /** The local DBMS when this process started one; its `pid` follows restarts. */
  local: SupervisedNeo4j | undefined;
  /**
   * Resolves with the reason when the local Neo4j died and cannot be restarted. Never
   * settles for a database this process does not run.
   */
  lost: Promise<Error>;
  close(): Promise<void>;
}

const never = new Promise<never>(() => {});

export async function openGraph(
  config: Config,
  options: { log?: (line: string) => void } = {},
): Promise<OpenGraph> {
  const settings = config.neo4j;
  let local: SupervisedNeo4j | undefined;
  let uri: string;
  let username: string;
  let password: string;
  if (settings.mode === 'local') {
    const dir = resolve(PROJECT_ROOT, settings.dir);
    if ((await portInUse(settings.port)) && existsSync(passwordFile(dir))) {
      return attachToRunningLocal(settings, dir, options.log);
    }
    local = await superviseConfiguredLocal(settings, options.log);
    ({ uri, username, password } = local);
  } else {
    ({ uri, username, password } = settings);
  }
  try {
    const db = await connectWith(settings, { uri, username, password });
    return {
      db,
      uri,
      local,
      lost: local?.gaveUp ?? never,
      close: async () => {
        await db.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await local?.stop();
    throw error;
  }
}

/**
 * The project's own Neo4j as the configuration describes it, started and supervised
 * (restarted when it dies); `npm start` and `npm run neo4j` both run it this way.
 */
export function superviseConfiguredLocal(settings: Neo4jLocal, log?: (line: string) => void): Promise<SupervisedNeo4j> {
  const dir = resolve(PROJECT_ROOT, settings.dir);
  return superviseLocalNeo4j(
    (signal) =>
      startLocalNeo4j({
        launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
        dir,
        port: settings.port,
        heapMb: settings.heapMb,
        pageCacheMb: settings.pageCacheMb,
        password: settings.password,
        signal,
        log,
      }),
    { log, logDir: resolve(dir, 'logs') },
  );
}

/**
 * The project's Neo4j is already running (npm run neo4j, or npm start): use it, and leave
 * it running on close. If the port belongs to something else, say so.
 */
async function attachToRunningLocal(
  settings: Neo4jLocal & Config['neo4j'],
  dir: string,
  log?: (line: string) => void,
): Promise<OpenGraph> {
  const uri = `bolt://127.0.0.1:${settings.port}`;
  let db: Database;
  try {
    const password = settings.password ?? readFileSync(passwordFile(dir), 'utf8').trim();
    db = await connectWith(settings, { uri, username: 'neo4j', password }, Math.min(settings.connectTimeoutMs, 5000));
  } catch {
    throw new LocalNeo4jUnavailable(
      `port ${settings.port} on 127.0.0.1 is in use by something that is not this project's Neo4j; set NEO4J_LOCAL_PORT to a free port or NEO4J_URI to use that database`,
    );
  }
  log?.(`using the local Neo4j already running on 127.0.0.1:${settings.port}`);
  return { db, uri, local: undefined, lost: never, close: () => db.close() };
}

/** Connects with the configured database and timeouts to the given server. */
function connectWith(
  settings: Config['neo4j'],
  server: { uri: string; username: string; password: string },
  connectTimeoutMs = settings.connectTimeoutMs,
): Promise<Database> {
  return connect({
    ...server,
    database: settings.database,
    queryTimeoutMs: settings.queryTimeoutMs,
    connectTimeoutMs,
    maxPoolSize: settings.maxPoolSize,
    serving: { maxSessions: settings.maxSessions, maxQueuedSessions: settings.maxQueuedSessions },
  });
}
