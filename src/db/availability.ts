/**
 * Whether the database answers, known without waiting behind the connection pool: a
 * probe (`RETURN 1` on a driver of its own, see connect.ts) runs in the background, and
 * the main pool reports connection failures as they happen. While the database is
 * down, queries are refused at once with DATABASE_UNAVAILABLE instead of each waiting
 * for a connection that will not come; the probe runs more often then, so the service
 * answers again within about a second of the database. State changes are logged once
 * per incident, never once per request.
 */
export type AvailabilityState = 'up' | 'down';

export interface AvailabilityOptions {
  /** Runs one cheap query; rejects when the database does not answer. */
  probe: (timeoutMs: number) => Promise<void>;
  /** Between probes while up. */
  intervalMs?: number;
  /** Between probes while down (recovery is noticed this fast). */
  downIntervalMs?: number;
  /** A probe slower than this counts as a failure. */
  probeTimeoutMs?: number;
  /** Probe failures in a row that mark an up database down. */
  failuresToDown?: number;
}

export interface AvailabilityChange {
  state: AvailabilityState;
  /** Why the database counts as down (the first line of the failure). */
  reason?: string;
}

export class Availability {
  private current: AvailabilityState = 'up';
  private failures = 0;
  /** Set by reportSuccess(); cleared by each probe. */
  private answeredSinceProbe = false;
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  /** Probing periodically while up (the serving process); recovery probes run regardless. */
  private monitoring = false;
  private closed = false;
  private readonly listeners = new Set<(change: AvailabilityChange) => void>();
  private readonly intervalMs: number;
  private readonly downIntervalMs: number;
  private readonly probeTimeoutMs: number;
  private readonly failuresToDown: number;

  constructor(private readonly options: AvailabilityOptions) {
    this.intervalMs = options.intervalMs ?? 2000;
    this.downIntervalMs = options.downIntervalMs ?? 500;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 2000;
    this.failuresToDown = options.failuresToDown ?? 2;
  }

  get state(): AvailabilityState {
    return this.current;
  }

  isUp(): boolean {
    return this.current === 'up';
  }

  /** Starts probing in the background (timers do not keep the process alive). */
  start(): void {
    if (this.monitoring || this.closed) return;
    this.monitoring = true;
    this.schedule(this.intervalMs);
  }

  /** Stops every probe for good (the database is closing). */
  stop(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Called once per change of state (for logs and metrics), not once per failure. */
  onChange(listener: (change: AvailabilityChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A query got its answer: the database is answering, whatever a slow probe says. A
   * busy database can take longer than the probe's timeout to answer `RETURN 1` while
   * it serves real queries; calling it down then would refuse work it can do.
   */
  reportSuccess(): void {
    this.answeredSinceProbe = true;
  }

  /** A query could not reach the database: down now, and probe soon to learn when it is back. */
  reportFailure(reason: string): void {
    const wasUp = this.isUp();
    this.set('down', reason);
    if (wasUp) this.schedule(this.downIntervalMs);
  }

  /** Probes now (also used by readiness checks); resolves when the probe has settled. */
  check(): Promise<void> {
    const answered = this.answeredSinceProbe;
    this.answeredSinceProbe = false;
    this.probing ??= this.options
      .probe(this.probeTimeoutMs)
      .then(
        () => {
          this.failures = 0;
          this.set('up');
        },
        (error: unknown) => {
          if (answered && this.current === 'up') return;
          this.failures += 1;
          if (this.current === 'down' || this.failures >= this.failuresToDown) {
            this.set('down', error instanceof Error ? error.message.split('\n')[0] : String(error));
          }
        },
      )
      .finally(() => {
        this.probing = undefined;
      });
    return this.probing;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.check().then(() => {
        if (this.closed) return;
        if (this.current === 'down' || this.failures > 0) this.schedule(this.downIntervalMs);
        else if (this.monitoring) this.schedule(this.intervalMs);
      });
    }, ms);
    this.timer.unref();
  }

  private set(state: AvailabilityState, reason?: string): void {
    if (state === this.current) return;
    this.current = state;
    const change = { state, ...(reason ? { reason } : {}) };
    for (const listener of this.listeners) listener(change);
  }
}
