/**
 * What the benchmark runs against: a throw-away local Neo4j (free port, temporary data
 * directory), loaded with the real seed, and the real HTTP server in-process on
 * 127.0.0.1. Everything started is registered with a Teardown, which stops it in
 * reverse order exactly once, whether the run succeeds, fails or is interrupted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSeedFiles } from '../seed/load/files.js';
import { type SeedGraph, validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../src/local-neo4j/process.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';

export const NEO4J_HEAP_MB = 2048;
export const NEO4J_PAGE_CACHE_MB = 1024;
/** For the seed and the synthetic writes, which are not measured. */
const WRITE_TIMEOUT_MS = 600_000;

/** Stops what was started, last first, once; later calls wait for the first. */
export class Teardown {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }

  run(log: (line: string) => void): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          log(`could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }
}

export interface BenchEnvironment {
  /** The server's database: queries stop at the request timeout. */
  db: Database;
  /** A second connection for loading and growing the graph, with a long timeout. */
  writer: Database;
  local: LocalNeo4j;
  seed: SeedGraph;
  /** The server's base URL (http://127.0.0.1:port). */
  url: string;
}

export async function startEnvironment(
  teardown: Teardown,
  log: (line: string) => void,
  queryTimeoutMs: number,
): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mgkg-bench-neo4j-'));
  teardown.add(`delete ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));

  log(`starting a throw-away Neo4j in ${dataDir}`);
  const local = await startLocalNeo4j({
    launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
    dir: dataDir,
    port: await freePort(),
    heapMb: NEO4J_HEAP_MB,
    pageCacheMb: NEO4J_PAGE_CACHE_MB,
    password: undefined,
    log: (line) => log(`[neo4j] ${line}`),
  });
  teardown.add('stop Neo4j', () => local.stop());

  const connection = { uri: local.uri, username: local.username, password: local.password, database: 'neo4j', connectTimeoutMs: 30_000 };
  const writer = await connect({ ...connection, queryTimeoutMs: WRITE_TIMEOUT_MS });
  teardown.add('close the writer', () => writer.close());
  const db = await connect({ ...connection, queryTimeoutMs });
  teardown.add('close the driver', () => db.close());

  log('loading the seed');
  const seed = validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
  await loadSeed(writer, seed);

  const app = await createServer({ db, config: loadConfig({}), logger: createLogger('silent') });
  teardown.add('stop Apollo', () => app.stop());
  const server = app.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('listening', () => resolveListen());
    server.once('error', rejectListen);
  });
  teardown.add('close the HTTP server', () => {
    server.closeAllConnections();
    return new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { db, writer, local, seed, url };
}
