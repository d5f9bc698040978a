/**
 * Supervision of the local Neo4j, with stand-in JVMs: which exits restart it, with what
 * backoff and log lines, and when it gives up. test/start.int.test.ts does the same with
 * real processes.
 */
import { describe, expect, it } from 'vitest';
import { type JvmExit, type LocalNeo4j, LocalNeo4jPortInUse } from '../src/local-neo4j/process.js';
import { type RestartPolicy, superviseLocalNeo4j } from '../src/local-neo4j/supervise.js';

const policy: RestartPolicy = { firstDelayMs: 1, maxDelayMs: 4, maxFailures: 3, windowMs: 60_000 };

/** A stand-in JVM: `crash()` ends it as a SIGKILL would; `stop()` as a clean shutdown. */
function fakeJvm(pid: number) {
  let exit: (result: JvmExit) => void = () => {};
  const exited = new Promise<JvmExit>((resolve) => (exit = resolve));
  let stopped = false;
  const jvm: LocalNeo4j = {
    uri: 'bolt://127.0.0.1:7999',
    username: 'neo4j',
    password: 'password',
    neo4jVersion: '5.26.0',
    pid,
    exited,
    stop: async () => {
      stopped = true;
      exit({ code: 0, signal: null });
    },
  };
  return { jvm, crash: () => exit({ code: null, signal: 'SIGKILL' }), stopped: () => stopped };
}

/** Starts stand-ins with pids 100, 101, …; restarts fail with the scripted errors first. */
function starter(failures: Error[] = [], firstStart?: Error) {
  const started: ReturnType<typeof fakeJvm>[] = [];
  let calls = 0;
  const start = async () => {
    calls += 1;
    const failure = calls === 1 ? firstStart : failures.shift();
    if (failure) throw failure;
    const fake = fakeJvm(100 + started.length);
    started.push(fake);
    return fake.jvm;
  };
  return { start, started };
}

const lineMatching = async (lines: string[], pattern: RegExp) =>
  expect.poll(() => lines.find((line) => pattern.test(line))).toBeDefined();

describe('Local Neo4j supervision: restarts', () => {
  it('restarts a JVM that died, logs the exit and the return, and follows the new pid', async () => {
    const lines: string[] = [];
    const { start, started } = starter();
    const neo4j = await superviseLocalNeo4j(start, { log: (line) => lines.push(line), policy });
    expect(neo4j.pid).toBe(100);
    started[0]!.crash();
    await lineMatching(lines, /is back/);
    expect(lines).toEqual([
      'local Neo4j exited unexpectedly (signal SIGKILL); restarting in 0.001s (attempt 1 of 3)',
      'local Neo4j is back at bolt://127.0.0.1:7999 (pid 101)',
    ]);
    expect(neo4j.pid).toBe(101);
    await neo4j.stop();
    expect(started[1]!.stopped()).toBe(true);
  });

  it('doubles the wait for each failure in the window, up to the cap', async () => {
    const lines: string[] = [];
    const { start, started } = starter([new Error('boom'), new Error('boom')]);
    const neo4j = await superviseLocalNeo4j(start, { log: (line) => lines.push(line), policy });
    started[0]!.crash();
    await lineMatching(lines, /is back/);
    expect(lines).toEqual([
      'local Neo4j exited unexpectedly (signal SIGKILL); restarting in 0.001s (attempt 1 of 3)',
      'local Neo4j did not restart (boom); restarting in 0.002s (attempt 2 of 3)',
      'local Neo4j did not restart (boom); restarting in 0.004s (attempt 3 of 3)',
      'local Neo4j is back at bolt://127.0.0.1:7999 (pid 101)',
    ]);
    await neo4j.stop();
  });

  it('does not restart after stop(), and stop() shuts the current JVM down', async () => {
    const lines: string[] = [];
    const { start, started } = starter();
    const neo4j = await superviseLocalNeo4j(start, { log: (line) => lines.push(line), policy });
    await neo4j.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toHaveLength(1);
    expect(started[0]!.stopped()).toBe(true);
    expect(lines).toEqual([]);
  });

  it('stop() during the backoff cancels the restart', async () => {
    const lines: string[] = [];
    const { start, started } = starter();
    const slow = { ...policy, firstDelayMs: 60_000, maxDelayMs: 60_000 };
    const neo4j = await superviseLocalNeo4j(start, { log: (line) => lines.push(line), policy: slow });
    started[0]!.crash();
    await lineMatching(lines, /restarting in 60s/);
    await neo4j.stop();
    expect(started).toHaveLength(1);
  });
});

describe('Local Neo4j supervision: giving up', () => {
  it('gives up after more failures than allowed within the window, naming the last one', async () => {
    const lines: string[] = [];
    const { start, started } = starter([new Error('boom'), new Error('boom'), new Error('still boom')]);
    const neo4j = await superviseLocalNeo4j(start, { log: (line) => lines.push(line), policy, logDir: '/x/logs' });
    started[0]!.crash();
    const reason = await neo4j.gaveUp;
    expect(reason.message).toBe(
      'the local Neo4j did not restart (still boom); giving up after 4 failures within 1 minutes; see /x/logs',
    );
    expect(lines).toHaveLength(3);
    expect(started).toHaveLength(1);
  });

  it('gives up at once when the port has been taken', async () => {
    const { start, started } = starter([new LocalNeo4jPortInUse('port 7999 on 127.0.0.1 is already in use')]);
    const neo4j = await superviseLocalNeo4j(start, { policy });
    started[0]!.crash();
    expect((await neo4j.gaveUp).message).toBe(
      'the local Neo4j exited unexpectedly and cannot be restarted: port 7999 on 127.0.0.1 is already in use',
    );
  });

  it('does not supervise a first start that failed: the error is thrown', async () => {
    const { start } = starter([], new Error('no java'));
    await expect(superviseLocalNeo4j(start, { policy })).rejects.toThrow('no java');
  });
});
