/**
 * Starts and stops the local Neo4j JVM (neo4j-local/LocalNeo4j.java).
 *
 * The JVM reports readiness with a `READY bolt://…` line on stdout. Its stdin stays an
 * open pipe for its whole life: when this process exits for any reason, even SIGKILL,
 * the pipe closes and the JVM shuts the DBMS down and exits, so no JVM is left behind.
 *
 * While it runs, `<dir>/neo4j.pid` holds the JVM's PID, for tools and test harnesses
 * outside this process; it is rewritten on every start and removed when that JVM exits.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { checkJava, ensureLauncherBuilt, LocalNeo4jUnavailable } from './build.js';
import { ensurePassword, passwordFile } from './credentials.js';

export interface LocalNeo4jOptions {
  /** The project's neo4j-local/ folder (the Maven project of the launcher). */
  launcherDir: string;
  /** Where data, logs and the password file live. */
  dir: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
  password: string | undefined;
  /** How long to wait for the DBMS to report readiness. */
  startTimeoutMs?: number;
  /** Aborting during the start stops the JVM being started, and the start rejects. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** How the JVM ended: an exit code, or the signal that killed it. */
export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The port is held by another process: retrying will not help until someone frees it. */
export class LocalNeo4jPortInUse extends LocalNeo4jUnavailable {
  override name = 'LocalNeo4jPortInUse';
}

export function pidFile(dir: string): string {
  return join(dir, 'neo4j.pid');
}

export interface LocalNeo4j {
  uri: string;
  username: 'neo4j';
  password: string;
  neo4jVersion: string;
  pid: number;
  /** Shuts the DBMS down cleanly; kills the JVM if it has not exited after the grace period. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves when the JVM has exited, for whatever reason. */
  exited: Promise<JvmExit>;
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const dir = resolve(options.dir);
  // Checked on every start, not only when building: a built launcher still needs Java.
  checkJava();
  const build = await ensureLauncherBuilt(resolve(options.launcherDir), log);
  const password = ensurePassword(dir, options.password);
  await assertPortFree(options.port);
  if (options.signal?.aborted) throw new LocalNeo4jUnavailable('the local Neo4j start was cancelled');

  mkdirSync(join(dir, 'logs'), { recursive: true });
  const jvmLog = createWriteStream(join(dir, 'logs', 'jvm.log'), { flags: 'a' });
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
    'java',
    [
      `-Xms${Math.min(512, options.heapMb)}m`,
      `-Xmx${options.heapMb}m`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      `@${build.argFile}`,
      'dev.mgkg.neo4j.LocalNeo4j',
      '--data-dir',
      join(dir, 'data'),
      '--port',
      String(options.port),
      '--password-file',
      passwordFile(dir),
      '--pagecache-mb',
      String(options.pageCacheMb),
    ],
    // Its own process group: Ctrl-C in a terminal and a process manager's group signal
    // reach only this process, which stops the JVM after the API. So every exit of the
    // JVM that this process did not ask for is unexpected, and a supervisor can tell a
    // crash from a shutdown without guessing from exit codes.
    { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  child.stderr.pipe(jvmLog);
  const pid = child.pid;
  if (pid !== undefined) writeFileSync(pidFile(dir), `${pid}\n`);

  const exited = new Promise<JvmExit>((resolveExit) => {
    child.on('exit', (code, signal) => {
      removePidFile(dir, pid);
      resolveExit({ code, signal });
    });
  });
  const abort = () => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  };
  options.signal?.addEventListener('abort', abort, { once: true });

  const uri = await new Promise<string>((resolveReady, rejectReady) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rejectReady(
        new LocalNeo4jUnavailable(
          `the local Neo4j did not start within ${(options.startTimeoutMs ?? 180_000) / 1000}s; see ${join(dir, 'logs')}`,
        ),
      );
    }, options.startTimeoutMs ?? 180_000);
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line.startsWith('READY ')) {
          clearTimeout(timer);
          resolveReady(line.slice('READY '.length));
        } else if (line.startsWith('ERROR ')) {
          clearTimeout(timer);
          rejectReady(
            new LocalNeo4jUnavailable(`the local Neo4j failed to start: ${line.slice('ERROR '.length)}`),
          );
        }
        newline = buffered.indexOf('\n');
      }
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      rejectReady(new LocalNeo4jUnavailable(`could not run java: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      rejectReady(
        new LocalNeo4jUnavailable(
          `the local Neo4j exited during start (${describeExit({ code, signal })}); see ${join(dir, 'logs')}`,
        ),
      );
    });
  }).finally(() => options.signal?.removeEventListener('abort', abort));

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 30_000): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
      jvmLog.end();
    })();
    return stopping;
  };

  return {
    uri,
    username: 'neo4j',
    password,
    neo4jVersion: build.neo4jVersion,
    pid: pid!,
    stop,
    exited,
  };
}

export function describeExit(exit: JvmExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}

/** Only this JVM's file: a newer JVM may already have written its own. */
function removePidFile(dir: string, pid: number | undefined): void {
  try {
    if (readFileSync(pidFile(dir), 'utf8').trim() === String(pid)) rmSync(pidFile(dir));
  } catch {
    // Already gone.
  }
}

/** True when something on this machine already listens on the port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(false)));
  });
}

/** A clear message beats Neo4j's bind error when another DBMS already holds the port. */
async function assertPortFree(port: number): Promise<void> {
  if (await portInUse(port)) {
    throw new LocalNeo4jPortInUse(
      `port ${port} on 127.0.0.1 is already in use (another Neo4j?); set NEO4J_LOCAL_PORT to a free port or NEO4J_URI to use that database`,
    );
  }
}

/** A free TCP port on 127.0.0.1, for test runs that must not touch a developer's DBMS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const probe = createServer();
    probe.once('error', rejectPort);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
