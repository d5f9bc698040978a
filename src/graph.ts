/**
 * Opens the graph the configuration names: the Neo4j at NEO4J_URI, or the project's own
 * local Neo4j, started here and stopped again by `close()`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { connect } from './db/connect.js';
import type { Database } from './db/database.js';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j/process.js';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface OpenGraph {
  db: Database;
  uri: string;
  /** The local DBMS when this process started one. */
  local: LocalNeo4j | undefined;
  close(): Promise<void>;
}

export async function openGraph(
  config: Config,
  options: { log?: (line: string) => void } = {},
): Promise<OpenGraph> {
  const settings = config.neo4j;
  let local: LocalNeo4j | undefined;
  let uri: string;
  let username: string;
  let password: string;
  if (settings.mode === 'local') {
    local = await startLocalNeo4j({
      launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
      dir: resolve(PROJECT_ROOT, settings.dir),
      port: settings.port,
      heapMb: settings.heapMb,
      pageCacheMb: settings.pageCacheMb,
      password: settings.password,
      log: options.log,
    });
    ({ uri, username, password } = local);
  } else {
    ({ uri, username, password } = settings);
  }
  try {
    const db = await connect({
      uri,
      username,
      password,
      database: settings.database,
      queryTimeoutMs: settings.queryTimeoutMs,
      connectTimeoutMs: settings.connectTimeoutMs,
    });
    return {
      db,
      uri,
      local,
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
