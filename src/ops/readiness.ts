/**
 * Whether this replica should get traffic now, from state already in memory (the
 * availability probe, the graph version watch, the session gate): the answer never
 * waits behind the connection pool, so a probe is fast even when the database is not.
 */
import type { Database } from '../db/database.js';
import type { GraphVersionWatch } from './graph-version-watch.js';

export interface ReadinessOptions {
  /** Session requests waiting for a place beyond which the replica says it is overloaded. */
  maxWaitingSessions: number;
}

export interface ReadinessReport {
  ready: boolean;
  body: {
    status: 'ready' | 'not ready';
    database: 'up' | 'down';
    graph: { state: string; schemaVersion?: number; seedHash?: string };
    sessions: { inUse: number; waiting: number; max: number };
    /** Why not ready, one line each (empty when ready). */
    reasons: string[];
  };
}

export class Readiness {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphVersionWatch,
    private readonly options: ReadinessOptions,
  ) {}

  check(): ReadinessReport {
    const database = this.db.availability.state;
    const { state, version } = this.graph.status;
    const sessions = this.db.sessionStats;
    const reasons: string[] = [];
    if (database !== 'up') reasons.push('database unavailable');
    const graphProblem = this.graph.problem();
    if (graphProblem) reasons.push(graphProblem);
    if (sessions.waiting > this.options.maxWaitingSessions) {
      reasons.push(`overloaded: ${sessions.waiting} database sessions waiting (more than ${this.options.maxWaitingSessions})`);
    }
    const ready = reasons.length === 0;
    return {
      ready,
      body: {
        status: ready ? 'ready' : 'not ready',
        database,
        graph: { state, ...(version ? { schemaVersion: version.schemaVersion, seedHash: version.seedHash } : {}) },
        sessions,
        reasons,
      },
    };
  }
}
