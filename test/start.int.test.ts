/**
 * The start command as a user runs it: `npm start` against a database, and against the
 * project's own local Neo4j, with clean stops, persistence across restarts, supervision
 * of the local Neo4j, and one-line failures for each way the database can be wrong.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, pidFile } from '../src/local-neo4j/process.js';
import { testNeo4j } from './support/neo4j.js';
import { childEnv, processesInGroup, processesMatching, runCommand, stopAllCommands } from './support/process.js';

const typename = async (port: number) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename health { entities sources } }' }),
  });
  return response.json();
};

// Whatever a test asserts, nothing it started outlives it.
afterEach(stopAllCommands);

describe('Start command: against a running Neo4j (NEO4J_URI)', () => {
  it('seeds idempotently, serves GraphQL, prints where, and stops on SIGTERM to npm alone', async () => {
    const db = testNeo4j();
    const port = await freePort();
    const run = runCommand(
      ['start'],
      childEnv({
        NEO4J_URI: db.uri,
        NEO4J_USERNAME: db.username,
        NEO4J_PASSWORD: db.password,
        PORT: String(port),
      }),
    );
    await run.waitFor(/Explorer:/, 180_000);
    expect(run.output()).toContain(`GraphQL API:  http://127.0.0.1:${port}/graphql`);
    expect(run.output()).toContain(`Playground:   http://127.0.0.1:${port}/`);
    expect(run.output()).toContain(`Explorer:     http://127.0.0.1:${port}/explorer/`);
    // The global setup seeded this database already: this start must change nothing.
    expect(run.output()).toMatch(
      /seed: nodes 0 created, 0 updated, \d+ unchanged; relationships 0 created, 0 updated, \d+ unchanged/,
    );
    const body = await typename(port);
    expect(body.data.__typename).toBe('Query');
    expect(body.data.health.sources).toBe(5);
    // A process manager stops npm by PID; npm does not pass the signal on, and the
    // server must still go (it notices it was orphaned).
    process.kill(run.child.pid!, 'SIGTERM');
    await run.exited;
    await expect.poll(() => processesInGroup(run.child.pid!), { timeout: 15_000 }).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 300_000);
});

// Each run builds the explorer first (prestart); a loaded machine needs the long timeout.
describe('Start command: one-line failures', { timeout: 180_000 }, () => {
  // No time limit is asserted: the test's own timeout is the guard against a hang.
  const expectOneLineFailure = async (env: Record<string, string>, message: RegExp) => {
    const run = runCommand(['start'], childEnv({ PORT: String(await freePort()), ...env }));
    const code = await run.exited;
    expect(code).not.toBe(0);
    const errorLines = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('error:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
  };

  it('an unreachable database', async () => {
    const closed = await freePort();
    await expectOneLineFailure(
      { NEO4J_URI: `bolt://127.0.0.1:${closed}`, NEO4J_PASSWORD: 'whatever-pass' },
      new RegExp(`^error: cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${closed} \\(database "neo4j"\\)`),
    );
  });

  it('a wrong password', async () => {
    const db = testNeo4j();
    await expectOneLineFailure(
      { NEO4J_URI: db.uri, NEO4J_PASSWORD: 'not-the-password' },
      /^error: Neo4j at .* rejected the credentials of user "neo4j"; check NEO4J_USERNAME and NEO4J_PASSWORD$/,
    );
  });

  it('an unknown database name', async () => {
    const db = testNeo4j();
    await expectOneLineFailure(
      { NEO4J_URI: db.uri, NEO4J_PASSWORD: db.password, NEO4J_DATABASE: 'nosuchdb' },
      /^error: Neo4j at .* has no database "nosuchdb"; check NEO4J_DATABASE/,
    );
  });

  it('no Java on the machine, for the local Neo4j: points to NEO4J_URI and Docker', async () => {
    // A PATH with node, npm and a shell but no java or mvn.
    const bin = mkdtempSync(join(tmpdir(), 'mgkg-nojava-'));
    for (const tool of ['node', 'npm', 'sh']) symlinkSync(execFileSync('which', [tool], { encoding: 'utf8' }).trim(), join(bin, tool));
    try {
      await expectOneLineFailure(
        { PATH: bin, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_DIR: join(bin, 'neo4j-data') },
        /^error: Java 17 or newer is needed to run Neo4j locally and none was found; set NEO4J_URI \(and NEO4J_PASSWORD\) to use an existing Neo4j, or run `docker compose up` \(see README\)$/,
      );
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('a malformed variable', async () => {
    await expectOneLineFailure(
      { PORT: 'eighty' },
      /^error: PORT must be a port number from 1 to 65535, got "eighty"$/,
    );
  });
});

/** `npm start` with the project's own Neo4j in `dir` on `boltPort`, small enough for a test machine. */
const localNeo4jEnv = (dir: string, boltPort: number, port: number) =>
  childEnv({
    NEO4J_LOCAL_DIR: dir,
    NEO4J_LOCAL_PORT: String(boltPort),
    NEO4J_LOCAL_HEAP_MB: '768',
    NEO4J_LOCAL_PAGECACHE_MB: '128',
    PORT: String(port),
  });

describe('Start command: the project-local Neo4j', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mgkg-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts Neo4j, seeds, serves; Ctrl-C leaves no process; data survives a restart', async () => {
    const boltPort = await freePort();
    const env = (port: number) => localNeo4jEnv(dir, boltPort, port);

    const firstPort = await freePort();
    const first = runCommand(['start'], env(firstPort));
    await first.waitFor(/Explorer:/, 300_000);
    expect(first.output()).toMatch(/Neo4j 5\.26\.\d+ is ready at bolt:\/\/127\.0\.0\.1:/);
    expect(first.output()).toMatch(/seed: nodes \d+ created, 0 updated, 0 unchanged/);
    const seeded = await typename(firstPort);
    expect(seeded.data.health.entities).toBeGreaterThan(100);
    first.signalGroup('SIGINT');
    // npm itself dies by the signal at once; the server and Neo4j stop cleanly after it.
    await expect.poll(() => processesInGroup(first.child.pid!), { timeout: 60_000 }).toEqual([]);
    await first.closed;
    expect(first.output()).toContain('SIGINT: shutting down');
    expect(first.output()).toMatch(/\nstopped\n/);
    expect(processesMatching(dir)).toEqual([]);

    const secondPort = await freePort();
    const second = runCommand(['start'], env(secondPort));
    await second.waitFor(/Explorer:/, 300_000);
    // Everything written by the first run is still there: nothing to create.
    expect(second.output()).toMatch(
      /seed: nodes 0 created, 0 updated, \d+ unchanged; relationships 0 created, 0 updated, \d+ unchanged/,
    );
    expect((await typename(secondPort)).data.health).toEqual(seeded.data.health);
    second.signalGroup('SIGTERM');
    await expect.poll(() => processesInGroup(second.child.pid!), { timeout: 60_000 }).toEqual([]);
    await second.closed;
    expect(second.output()).toMatch(/\nstopped\n/);
    expect(processesMatching(dir)).toEqual([]);
  }, 900_000);
});

describe('Start command: supervision of the project-local Neo4j', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mgkg-supervise-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pidInFile = () => Number(readFileSync(pidFile(dir), 'utf8').trim());
  const health = async (port: number) => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { entities } }' }),
      });
      return ((await response.json()) as { data?: { health?: { entities?: number } } }).data?.health?.entities;
    } catch {
      return undefined;
    }
  };
  const start = async () => {
    const port = await freePort();
    const run = runCommand(
      ['start'],
      localNeo4jEnv(dir, boltPort, port),
    );
    await run.waitFor(/Explorer:/, 300_000);
    return { run, port };
  };
  let boltPort = 0;
  beforeAll(async () => {
    boltPort = await freePort();
  });

  it('restarts a JVM killed with SIGKILL on the same port, serves again, and leaves nothing behind on stop', async () => {
    const { run, port } = await start();
    const firstPid = pidInFile();
    expect(run.output()).toContain(`is ready at bolt://127.0.0.1:${boltPort} (pid ${firstPid})`);
    expect(await health(port)).toBeGreaterThan(100);

    process.kill(firstPid, 'SIGKILL');
    await run.waitFor(/local Neo4j exited unexpectedly/, 60_000);
    expect(run.output()).toContain(
      'local Neo4j exited unexpectedly (signal SIGKILL); restarting in 1s (attempt 1 of 5)',
    );
    const back = await run.waitFor(/local Neo4j is back at/, 300_000);
    const secondPid = pidInFile();
    expect(back).toBe(`local Neo4j is back at bolt://127.0.0.1:${boltPort} (pid ${secondPid})`);
    expect(secondPid).not.toBe(firstPid);
    // The same driver, the same URI: the API recovers without a restart of Node.
    await expect.poll(() => health(port), { timeout: 60_000, interval: 250 }).toBeGreaterThan(100);

    run.signalGroup('SIGTERM');
    await expect.poll(() => processesInGroup(run.child.pid!), { timeout: 60_000 }).toEqual([]);
    await run.closed;
    expect(run.output()).toMatch(/\nstopped\n/);
    // A clean stop is not a crash: no restart, and the JVM is gone with its pid file.
    expect(run.output().match(/exited unexpectedly/g)).toHaveLength(1);
    expect(processesMatching(dir)).toEqual([]);
    expect(existsSync(pidFile(dir))).toBe(false);
  }, 900_000);

  it('exits non-zero with one error line when the port is taken before the restart', async () => {
    const { run } = await start();
    const node = processesInGroup(run.child.pid!).find((line) => /^\d+ \d+ \S+ node .*dist\/src\/main\.js/.test(line));
    const nodePid = Number(node!.split(' ')[0]);
    // Freeze the server so that it sees the exit only once the port is taken: the
    // restart then meets the listener every time, whatever the machine's load.
    process.kill(nodePid, 'SIGSTOP');
    const squatter = createServer();
    try {
      process.kill(pidInFile(), 'SIGKILL');
      await expect
        .poll(
          () =>
            new Promise<boolean>((resolve) => {
              squatter.once('error', () => resolve(false));
              squatter.listen(boltPort, '127.0.0.1', () => resolve(true));
            }),
          { timeout: 60_000, interval: 100 },
        )
        .toBe(true);
    } finally {
      process.kill(nodePid, 'SIGCONT');
    }
    try {
      expect(await run.exited).not.toBe(0);
      await expect.poll(() => processesInGroup(run.child.pid!), { timeout: 60_000 }).toEqual([]);
      await run.closed;
    } finally {
      squatter.close();
    }
    const errorLines = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('error:'));
    expect(errorLines).toEqual([
      `error: the local Neo4j exited unexpectedly and cannot be restarted: port ${boltPort} on 127.0.0.1 is already in use (another Neo4j?); set NEO4J_LOCAL_PORT to a free port or NEO4J_URI to use that database`,
    ]);
    expect(run.output()).not.toMatch(/\n\s+at /);
    expect(processesMatching(dir)).toEqual([]);
  }, 600_000);

  it('npm run neo4j: an ordinary SIGTERM stops it quietly, with exit code 0', async () => {
    const run = runCommand(
      ['run', 'neo4j'],
      childEnv({ NEO4J_LOCAL_DIR: dir, NEO4J_LOCAL_PORT: String(boltPort), NEO4J_LOCAL_HEAP_MB: '768' }),
    );
    await run.waitFor(/Ctrl-C stops it/, 300_000);
    expect(run.output()).toContain(`is ready at bolt://127.0.0.1:${boltPort} (pid ${pidInFile()})`);
    // To the node process alone, as a process manager would: npm then exits with its code.
    const node = processesInGroup(run.child.pid!).find((line) => /^\d+ \d+ \S+ node .*cli\.ts/.test(line));
    process.kill(Number(node!.split(' ')[0]), 'SIGTERM');
    expect(await run.exited).toBe(0);
    await run.closed;
    expect(run.output()).toMatch(/SIGTERM: stopping Neo4j …\nstopped\n/);
    expect(run.output()).not.toContain('error:');
    expect(processesMatching(dir)).toEqual([]);
  }, 600_000);
});
