/**
 * A Neo4j of a test file's own, on a free port with a throw-away data directory, for
 * tests that write or kill the database and so must not share the run's seeded one.
 * `kill()` ends the JVM with SIGKILL (no clean shutdown); `restart()` starts it again on
 * the same data, as a supervisor would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSeedFiles } from '../../seed/load/files.js';
import { validateSeed } from '../../seed/load/validate.js';
import { applySchema, loadSeed } from '../../seed/load/write.js';
import { connect } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { PROJECT_ROOT } from '../../src/graph.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../../src/local-neo4j/process.js';

export interface OwnNeo4j {
  readonly db: Database;
  readonly pid: number;
  /** SIGKILL to the JVM: whatever was not committed is lost, as in a crash. */
  kill(): void;
  /** Starts the JVM again on the same data and opens a new connection (`db`). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnNeo4j(name: string, options: { seed?: boolean } = {}): Promise<OwnNeo4j> {
  const dir = mkdtempSync(join(tmpdir(), `mgkg-${name}-neo4j-`));
  const port = await freePort();
  let local: LocalNeo4j;
  let db: Database;
  const start = async () => {
    local = await startLocalNeo4j({ launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'), dir, port, heapMb: 512, pageCacheMb: 64, password: undefined });
    db = await connect({ uri: local.uri, username: local.username, password: local.password, database: 'neo4j', queryTimeoutMs: 60_000, connectTimeoutMs: 30_000 });
  };
  await start();
  if (options.seed) await loadSeed(db!, validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT)));
  else await applySchema(db!);
  return {
    get db() {
      return db;
    },
    get pid() {
      return local.pid;
    },
    kill() {
      process.kill(local.pid, 'SIGKILL');
    },
    async restart() {
      await db.close().catch(() => {});
      await start();
    },
    async stop() {
      await db?.close().catch(() => {});
      await local?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
