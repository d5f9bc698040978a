/**
 * A counting semaphore with a bounded queue: at most `max` holders at once, at most
 * `maxQueued` waiters, each waiting at most the time it asks for. Both limits exist so
 * that overload turns into a fast, explicit refusal instead of a queue that grows until
 * every request times out. Used twice: once for the whole process (database sessions
 * in use, which keeps the driver's pool from being exhausted) and once per request (so
 * one request with 30 aliases cannot take 30 sessions).
 */
export class GateRefused extends Error {
  constructor(readonly reason: 'queue-full' | 'timeout') {
    super(reason === 'queue-full' ? 'too many waiters' : 'waited too long');
    this.name = 'GateRefused';
  }
}

interface Waiter {
  grant: (release: () => void) => void;
  timer: NodeJS.Timeout | undefined;
}

export class Gate {
  private holders = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly max: number,
    readonly maxQueued: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Holders now, and requests waiting for a place. */
  get stats(): { inUse: number; waiting: number; max: number } {
    return { inUse: this.holders, waiting: this.waiters.length, max: this.max };
  }

  /**
   * Resolves with a release function once a place is free; rejects with GateRefused
   * at once when the queue is full, or after `waitMs` without a place.
   */
  acquire(waitMs: number): Promise<() => void> {
    if (this.holders < this.max && this.waiters.length === 0) {
      this.holders += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.maxQueued) return Promise.reject(new GateRefused('queue-full'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, timer: undefined };
      if (Number.isFinite(waitMs)) {
        waiter.timer = setTimeout(() => {
          const at = this.waiters.indexOf(waiter);
          if (at >= 0) this.waiters.splice(at, 1);
          reject(new GateRefused('timeout'));
        }, Math.max(0, waitMs));
      }
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) {
        // The place passes straight to the next waiter: holders stays the same.
        clearTimeout(next.timer);
        next.grant(this.releaser());
      } else {
        this.holders -= 1;
      }
    };
  }
}
