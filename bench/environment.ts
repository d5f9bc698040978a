/**
 * What the benchmark runs against: a throw-away local Neo4j (free port, temporary data
 * directory), loaded with the real seed. The app and the floor are served from child
 * processes of their own (bench/child.ts), each with its own driver. Everything started
 * is registered with a Teardown, which stops it in reverse order exactly once, whether
 * the run succeeds, fails or is interrupted.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSeedFiles } from '../seed/load/files.js';
import { type SeedGraph, validateSeed } from '../seed/load/validate.js';
import { loadSeed } from '../seed/load/write.js';
import { connect } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { freePort, type LocalNeo4j, startLocalNeo4j } from '../src/local-neo4j/process.js';
import type { ChildInit } from './child.js';
import type { Neo4jMemory } from './neo4j-memory.js';

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
  /** The bench's own connection, for loading and growing the graph (long timeout) and health reads. */
  writer: Database;
  local: LocalNeo4j;
  seed: SeedGraph;
  /** How a child server connects (queries stop at the request timeout). */
  childInit: ChildInit;
  /** Neo4j's temporary directory (deleted at teardown). */
  dataDir: string;
}

export async function startEnvironment(
  teardown: Teardown,
  log: (line: string) => void,
  queryTimeoutMs: number,
  memory: Neo4jMemory,
): Promise<BenchEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mgkg-bench-neo4j-'));
  teardown.add(`delete ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));

  log(`starting a throw-away Neo4j in ${dataDir} (heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB)`);
  const local = await startLocalNeo4j({
    launcherDir: resolve(PROJECT_ROOT, 'neo4j-local'),
    dir: dataDir,
    port: await freePort(),
    heapMb: memory.heapMb,
    pageCacheMb: memory.pageCacheMb,
    password: undefined,
    log: (line) => log(`[neo4j] ${line}`),
  });
  teardown.add('stop Neo4j', () => local.stop());

  const connection = { uri: local.uri, username: local.username, password: local.password, database: 'neo4j', connectTimeoutMs: 30_000 };
  const writer = await connect({ ...connection, queryTimeoutMs: WRITE_TIMEOUT_MS });
  teardown.add('close the writer', () => writer.close());

  log('loading the seed');
  const seed = validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
  await loadSeed(writer, seed);
  return { writer, local, seed, dataDir, childInit: { uri: local.uri, username: local.username, password: local.password, database: 'neo4j', queryTimeoutMs } };
}

/** Bytes of the files under `dir` (Neo4j's store, indexes and logs), or NaN if unreadable. */
export function storeBytes(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  } catch {
    return Number.NaN;
  }
}
