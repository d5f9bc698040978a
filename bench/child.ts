/**
 * The two ends of a bench server run in its own process (the app, bench/app-process.ts,
 * and the floor, bench/floor/process.ts), so each one's RSS is its own. The bench forks
 * the child with an IPC channel and sends it how to reach the bench's Neo4j; the child
 * connects its own driver, serves on a free 127.0.0.1 port and says so. Then the bench
 * asks, over IPC, for the database queries run since it last asked (round trips are
 * counted with Database.onQuery inside the child: requests are sequential, so the queries
 * between two asks belong to the one request sent in between) and for the child's peak
 * RSS since it last asked. The child exits when told to, on SIGTERM/SIGINT, and when the
 * bench goes away (the IPC channel closes), so a crashed bench leaves no server behind.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { connect } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { RssSampler } from './rss.js';

/** How the child reaches the bench's Neo4j. */
export interface ChildInit {
  uri: string;
  username: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
}

/** Queries run since the last ask, and their summed time in the data layer. */
export interface QueryCounts {
  queries: number;
  queryMs: number;
}

/** Peak RSS (MiB) since the last ask of the same span. */
export type RssSpan = 'operation' | 'phase';

export type ToChild =
  | { type: 'init'; init: ChildInit }
  | { type: 'counts'; id: number }
  | { type: 'rss'; id: number; span: RssSpan }
  | { type: 'stop' };

export type FromChild =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }
  | { type: 'counts'; id: number; counts: QueryCounts }
  | { type: 'rss'; id: number; mib: number };

/** What a child serves: started once its driver is connected. */
export interface ChildService {
  url: string;
  close(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The child's side: call once from the entry module. */
export function serveChild(start: (db: Database) => Promise<ChildService>): void {
  const send = (reply: FromChild) => process.send?.(reply);
  if (!process.send) throw new Error('a bench child must be started by the bench (with an IPC channel)');
  let db: Database | undefined;
  let service: ChildService | undefined;
  let counts: QueryCounts = { queries: 0, queryMs: 0 };
  const rss = new RssSampler();
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    rss.stop();
    await service?.close().catch(() => {});
    await db?.close().catch(() => {});
    process.exit(code);
  };
  process.on('message', (received: ToChild) => {
    switch (received.type) {
      case 'init':
        void (async () => {
          try {
            db = await connect({ ...received.init, connectTimeoutMs: 30_000 });
            db.onQuery((event) => {
              // The app's graph-version watch polls in the background, whatever is asked:
              // counted, it added a round trip to whichever request it fell in ("3–4").
              if (event.query === 'system/graph-version') return;
              counts.queries += 1;
              counts.queryMs += event.ms;
            });
            service = await start(db);
            rss.start();
            send({ type: 'ready', url: service.url });
          } catch (error) {
            send({ type: 'failed', message: message(error) });
            await stop(1);
          }
        })();
        break;
      case 'counts':
        send({ type: 'counts', id: received.id, counts });
        counts = { queries: 0, queryMs: 0 };
        break;
      case 'rss':
        send({ type: 'rss', id: received.id, mib: received.span === 'phase' ? rss.takePhasePeakMiB() : rss.takePeakMiB() });
        break;
      case 'stop':
        void stop(0);
        break;
    }
  });
  process.on('disconnect', () => void stop(0));
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(0));
}

/** The bench's side of one child server. */
export class ChildServer {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: FromChild) => void; reject: (error: Error) => void }>();
  private exited: Error | undefined;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (reply: FromChild) => {
      if (reply.type !== 'counts' && reply.type !== 'rss') return;
      this.pending.get(reply.id)?.resolve(reply);
      this.pending.delete(reply.id);
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`the ${name} process exited (${signal ?? `code ${code}`})`);
      for (const { reject } of this.pending.values()) reject(this.exited);
      this.pending.clear();
    });
  }

  /**
   * Forks `module` (a bench child entry) with the bench's Node flags (tsx), sends it
   * `init`, and resolves once it serves. Rejects (and kills the child) if it fails or
   * does not answer within `timeoutMs`.
   */
  static async start(name: string, module: string | URL, init: ChildInit, timeoutMs = 60_000): Promise<ChildServer> {
    const child = fork(module, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: process.execArgv });
    try {
      let timer: NodeJS.Timeout | undefined;
      const url = await new Promise<string>((resolveReady, rejectReady) => {
        timer = setTimeout(() => rejectReady(new Error(`the ${name} process did not start within ${timeoutMs / 1000} s`)), timeoutMs);
        child.on('message', (reply: FromChild) => {
          if (reply.type === 'ready') resolveReady(reply.url);
          if (reply.type === 'failed') rejectReady(new Error(`the ${name} process failed to start: ${reply.message}`));
        });
        child.once('error', rejectReady);
        child.once('exit', (code, signal) => rejectReady(new Error(`the ${name} process exited while starting (${signal ?? `code ${code}`})`)));
        child.send({ type: 'init', init } satisfies ToChild);
      }).finally(() => {
        clearTimeout(timer);
        child.removeAllListeners('message');
      });
      return new ChildServer(name, child, url);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  private ask(request: { type: 'counts' } | { type: 'rss'; span: RssSpan }): Promise<FromChild> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<FromChild>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id } satisfies ToChild);
    });
  }

  /** The queries the child ran since the last call. */
  async takeCounts(): Promise<QueryCounts> {
    const reply = await this.ask({ type: 'counts' });
    return reply.type === 'counts' ? reply.counts : { queries: 0, queryMs: 0 };
  }

  /** The child's peak RSS (MiB) since the last call for the same span. */
  async takeRssMiB(span: RssSpan): Promise<number> {
    const reply = await this.ask({ type: 'rss', span });
    return reply.type === 'rss' ? reply.mib : Number.NaN;
  }

  /** Asks the child to stop; kills it if it has not exited after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToChild);
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited.finally(() => clearTimeout(timer));
  }

  /** Kills the child at once (for a bench stopping on a signal). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
