/**
 * Keeps the local Neo4j this process launched running. When its JVM exits without being
 * asked to (a crash, the OOM killer, SIGKILL), it is started again with the same options,
 * so the same port, data directory and password, after an exponential backoff. The
 * driver keeps its URI, so the API serves again without restarting Node.
 *
 * Only `stop()` ends a JVM on purpose, and it is the only thing that stops supervision,
 * so any other exit is a crash. Supervision gives up, and says why through `gaveUp`, when
 * the port has been taken by something else, or after too many failures in a window.
 */
import { describeExit, type LocalNeo4j, LocalNeo4jPortInUse } from './process.js';

export interface RestartPolicy {
  /** The wait before the first restart; it doubles with each further failure in the window. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Unexpected exits and failed restarts allowed within `windowMs`; one more and it gives up. */
  maxFailures: number;
  windowMs: number;
}

/**
 * A crash loop (a corrupt store, a disk full) gives up after about a minute of waits
 * (1 + 2 + 4 + 8 + 16 s), while a JVM that dies once a day is restarted every time.
 */
export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  maxFailures: 5,
  windowMs: 10 * 60_000,
};

export interface SupervisedNeo4j {
  readonly uri: string;
  readonly username: 'neo4j';
  readonly password: string;
  readonly neo4jVersion: string;
  /** The current JVM's PID; it changes on every restart (also in `<dir>/neo4j.pid`). */
  readonly pid: number;
  /**
   * Resolves with the reason when supervision gives up; no JVM is running then. Never
   * settles if supervision ends with `stop()`.
   */
  readonly gaveUp: Promise<Error>;
  /** Stops supervising, then shuts the JVM down cleanly (or cancels a restart under way). */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  log?: (line: string) => void;
  /** Where the JVM logs, named in the reason for giving up after repeated failures. */
  logDir?: string;
  policy?: RestartPolicy;
}

/**
 * Starts the local Neo4j with `start` and supervises it. A failure of this first start
 * is thrown as it is: nothing was running, so there is nothing to restore.
 */
export async function superviseLocalNeo4j(
  start: (signal: AbortSignal) => Promise<LocalNeo4j>,
  options: SuperviseOptions = {},
): Promise<SupervisedNeo4j> {
  const log = options.log ?? (() => {});
  const policy = options.policy ?? RESTART_POLICY;
  const cancel = new AbortController();
  let current = await start(cancel.signal);
  let stopping = false;
  let reportGiveUp: (reason: Error) => void = () => {};
  const gaveUp = new Promise<Error>((resolve) => (reportGiveUp = resolve));
  const failures: number[] = [];

  const loop = async (): Promise<void> => {
    let what = `exited unexpectedly (${describeExit(await current.exited)})`;
    while (!stopping) {
      const now = Date.now();
      failures.push(now);
      while (failures[0]! <= now - policy.windowMs) failures.shift();
      const attempt = failures.length;
      if (attempt > policy.maxFailures) {
        reportGiveUp(
          new Error(
            `the local Neo4j ${what}; giving up after ${attempt} failures within ${span(policy.windowMs)}` +
              (options.logDir && !what.includes(options.logDir) ? `; see ${options.logDir}` : ''),
          ),
        );
        return;
      }
      const delay = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      log(`local Neo4j ${what}; restarting in ${delay / 1000}s (attempt ${attempt} of ${policy.maxFailures})`);
      await sleep(delay, cancel.signal);
      if (stopping) return;
      try {
        current = await start(cancel.signal);
      } catch (error) {
        if (stopping) return;
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof LocalNeo4jPortInUse) {
          reportGiveUp(new Error(`the local Neo4j exited unexpectedly and cannot be restarted: ${message}`));
          return;
        }
        what = `did not restart (${message})`;
        continue;
      }
      if (stopping) return;
      log(`local Neo4j is back at ${current.uri} (pid ${current.pid})`);
      what = `exited unexpectedly (${describeExit(await current.exited)})`;
    }
  };
  const supervising = loop();

  return {
    get uri() {
      return current.uri;
    },
    username: 'neo4j',
    password: current.password,
    neo4jVersion: current.neo4jVersion,
    get pid() {
      return current.pid;
    },
    gaveUp,
    stop: async () => {
      stopping = true;
      cancel.abort();
      await current.stop();
      await supervising;
      // A restart that won the race with the cancel has made a new `current`.
      await current.stop();
    },
  };
}

function span(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${ms / 1000}s`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
