/**
 * Runs the service as a new user starts it — `node dist/src/main.js` (what `npm start`
 * runs; `npm run test:resilience` builds dist/ first) with NODE_ENV unset — with its own
 * local Neo4j in a fresh temporary directory and free ports on 127.0.0.1. The service leads its own process group (the
 * Neo4j JVM is its child), so stopping it kills everything it started, even when the
 * suite itself fails or is interrupted.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/graph.js';
import { freePort } from '../../../src/local-neo4j/process.js';
import { pollUntil } from './http.js';
import type { BoltTarget } from './graph.js';

const live = new Set<Service>();

// Whatever happens to the suite, nothing it started outlives it.
process.on('exit', () => {
  for (const service of live) service.killNow();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the service and its Neo4j`);
    process.exit(130);
  });
}

export class Service {
  readonly dir: string;
  readonly url: URL;
  private child: ChildProcess | undefined;
  private output = '';
  private exitCode: number | null | undefined;

  private constructor(
    dir: string,
    readonly port: number,
    readonly boltPort: number,
  ) {
    this.dir = dir;
    this.url = new URL(`http://127.0.0.1:${port}/graphql`);
  }

  /** Starts the service on fresh ports with a fresh Neo4j directory; resolves once it prints `Explorer:`. */
  static async start(timeoutMs: number): Promise<Service> {
    const dir = mkdtempSync(join(tmpdir(), 'resilience-'));
    const service = new Service(dir, await freePort(), await freePort());
    live.add(service);
    await service.launch(timeoutMs);
    return service;
  }

  get bolt(): BoltTarget {
    return {
      uri: `bolt://127.0.0.1:${this.boltPort}`,
      password: readFileSync(join(this.dir, 'neo4j-password'), 'utf8').trim(),
    };
  }

  get logFile() {
    return join(this.dir, 'service.log');
  }

  /** The exit code when the service has exited on its own; undefined while it runs. */
  get exited(): number | null | undefined {
    return this.exitCode;
  }

  private async launch(timeoutMs: number) {
    const env: NodeJS.ProcessEnv = {};
    for (const key of ['PATH', 'HOME', 'JAVA_HOME', 'MAVEN_OPTS', 'TMPDIR', 'LANG']) {
      if (process.env[key] !== undefined) env[key] = process.env[key];
    }
    // NODE_ENV deliberately unset: the suite checks what a user gets by default.
    Object.assign(env, { NEO4J_LOCAL_DIR: this.dir, NEO4J_LOCAL_PORT: String(this.boltPort), PORT: String(this.port) });
    this.output = '';
    this.exitCode = undefined;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: PROJECT_ROOT,
      env,
      detached: true, // its own process group: one signal reaches the service and its JVM
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      // Only the start lines are needed here; the full log is in service.log.
      if (this.output.length < 100_000) this.output += chunk.toString('utf8');
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, signal) => {
      if (this.child !== child) return; // a previous run, killed by restart()
      this.exitCode = code ?? (signal ? -1 : null);
      log.end();
    });
    const started = await pollUntil(() => /Explorer:/.test(this.output) || this.exitCode !== undefined, Math.ceil(timeoutMs / 100), 100);
    if (this.exitCode !== undefined) throw new Error(`the service exited during start (code ${this.exitCode}):\n${tail(this.output)}`);
    if (!started) throw new Error(`the service did not print "Explorer:" after ${Math.ceil(timeoutMs / 100)} looks:\n${tail(this.output)}`);
  }

  /**
   * Kills the stalled or broken service and starts it again on the same directory and
   * ports. A stalled event loop never runs a SIGTERM handler, so the service gets SIGKILL;
   * its JVM sees its stdin close and shuts Neo4j down cleanly (a clean store starts
   * faster), and gets SIGKILL only if it takes longer than 30 s. A start that fails (on a
   * busy machine the seed can hit the query timeout) is tried once more.
   */
  async restart(timeoutMs: number) {
    const pid = this.child?.pid;
    if (pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await pollUntil(() => !groupAlive(pid), 120, 250);
    }
    await this.stop(0);
    try {
      await this.launch(timeoutMs);
    } catch (error) {
      console.log(`  (the restart failed, trying once more: ${(error as Error).message.split('\n')[0]})`);
      await this.stop(0);
      await this.launch(timeoutMs);
    }
  }

  /** SIGTERM to the group (a clean stop), SIGKILL after `graceMs`; also kills our JVM if it escaped the group. */
  async stop(graceMs = 15_000) {
    const pgid = this.child?.pid;
    if (pgid !== undefined) {
      signalGroup(pgid, graceMs > 0 ? 'SIGTERM' : 'SIGKILL');
      await pollUntil(() => !groupAlive(pgid), Math.ceil(graceMs / 200), 200);
      signalGroup(pgid, 'SIGKILL');
      await pollUntil(() => !groupAlive(pgid), 50, 100);
    }
    const jvm = this.jvmPid();
    if (jvm !== undefined) {
      try {
        process.kill(jvm, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  /** Stops the service and removes its directory (unless --keep). */
  async dispose() {
    await this.stop();
    live.delete(this);
    if (!Service.keepDirs) rmSync(this.dir, { recursive: true, force: true });
  }

  /** Keep the temporary directories (set by --keep). */
  static keepDirs = false;

  /** Synchronous last resort (process exit): SIGKILL to the group, and the directory removed. */
  killNow() {
    if (this.child?.pid !== undefined) signalGroup(this.child.pid, 'SIGKILL');
    const jvm = this.jvmPid();
    if (jvm !== undefined) {
      try {
        process.kill(jvm, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!Service.keepDirs) rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * The PID of this service's Neo4j JVM: from `$NEO4J_LOCAL_DIR/neo4j.pid` when the
   * service writes one, else the java process listening on the Bolt port, else a scan of
   * /proc. Any candidate must be a live java process whose command line names our directory.
   */
  jvmPid(): number | undefined {
    const pidFile = join(this.dir, 'neo4j.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (this.isOurJvm(pid)) return pid;
    }
    try {
      const line = execFileSync('ss', ['-ltnpH', `sport = :${this.boltPort}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const match = /pid=(\d+)/.exec(line);
      if (match && this.isOurJvm(Number(match[1]))) return Number(match[1]);
    } catch {
      // no ss: scan /proc below
    }
    for (const entry of readdirSync('/proc')) {
      if (/^\d+$/.test(entry) && this.isOurJvm(Number(entry))) return Number(entry);
    }
    return undefined;
  }

  /** How the pid was found, for the report. */
  jvmPidSource(): string {
    return existsSync(join(this.dir, 'neo4j.pid')) ? `${this.dir}/neo4j.pid` : 'the Bolt port (no neo4j.pid)';
  }

  private isOurJvm(pid: number): boolean {
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return state !== 'Z' && /(^|\/)java$/.test(cmd[0] ?? '') && cmd.some((arg) => arg.startsWith(this.dir));
    } catch {
      return false;
    }
  }

  /** The last lines of the service's output, for failure reports. */
  tail(lines = 12): string {
    try {
      return tail(readFileSync(this.logFile, 'utf8'), lines);
    } catch {
      return tail(this.output, lines);
    }
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

function groupAlive(pgid: number): boolean {
  const out = execFileSync('ps', ['-eo', 'pgid=,stat='], { encoding: 'utf8' });
  return out.split('\n').some((line) => {
    const [group, stat] = line.trim().split(/\s+/);
    return Number(group) === pgid && stat !== undefined && !stat.startsWith('Z');
  });
}

function tail(text: string, lines = 12): string {
  return text
    .split('\n')
    .filter(Boolean)
    .slice(-lines)
    .map((l) => `    | ${l.slice(0, 240)}`)
    .join('\n');
}
