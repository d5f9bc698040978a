/**
 * Keeps the graph's version stamp known to the serving process without reading it per
 * probe: read at start, then in the background, often until a supported version shows
 * up (the loader job may still be running) and rarely after (a later load may change it).
 * Readiness and metrics read the cached state, so neither ever waits on the database.
 */
import type { Database } from '../db/database.js';
import { type GraphVersion, isSupportedVersion, readGraphVersion, SUPPORTED_SCHEMA_VERSIONS } from '../db/graph-version.js';

/** unknown: not read yet (or the database did not answer); missing: never loaded. */
export type GraphVersionState = 'unknown' | 'missing' | 'supported' | 'unsupported';

export interface GraphVersionStatus {
  state: GraphVersionState;
  version?: GraphVersion;
}

export interface GraphVersionWatchOptions {
  /** Between reads until the version is supported. */
  pendingIntervalMs?: number;
  /** Between reads once it is. */
  settledIntervalMs?: number;
}

export class GraphVersionWatch {
  private current: GraphVersionStatus = { state: 'unknown' };
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly pendingIntervalMs: number;
  private readonly settledIntervalMs: number;

  constructor(
    private readonly db: Database,
    options: GraphVersionWatchOptions = {},
  ) {
    this.pendingIntervalMs = options.pendingIntervalMs ?? 2000;
    this.settledIntervalMs = options.settledIntervalMs ?? 30_000;
  }

  get status(): GraphVersionStatus {
    return this.current;
  }

  /** Reads now, then keeps reading in the background (timers do not hold the process). */
  start(): Promise<void> {
    this.stopped = false;
    return this.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Reads the stamp once; a failed read keeps what was known (the database's own probe reports outages). */
  async refresh(): Promise<void> {
    try {
      const version = await readGraphVersion(this.db);
      this.current = version
        ? { state: isSupportedVersion(version) ? 'supported' : 'unsupported', version }
        : { state: 'missing' };
    } catch {
      // Unknown only until the first successful read; later the last known state stands.
    }
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => void this.refresh(),
      this.current.state === 'supported' ? this.settledIntervalMs : this.pendingIntervalMs,
    );
    this.timer.unref();
  }

  /** Why the graph cannot be served, or undefined when it can. */
  problem(): string | undefined {
    const { state, version } = this.status;
    switch (state) {
      case 'supported':
        return undefined;
      case 'unknown':
        return 'graph version not read yet';
      case 'missing':
        return 'graph not loaded: no version stamp (run npm run load)';
      case 'unsupported':
        return `graph schema version ${version!.schemaVersion} is not one this build serves (${SUPPORTED_SCHEMA_VERSIONS.join(', ')})`;
    }
  }
}
