/**
 * Readiness from state already in memory: the database's availability, the graph
 * version stamp, and the session queue. No database: the inputs are stand-ins.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import type { GraphVersionStatus, GraphVersionWatch } from '../src/ops/graph-version-watch.js';
import { GraphVersionWatch as Watch } from '../src/ops/graph-version-watch.js';
import { Readiness } from '../src/ops/readiness.js';

const stub = (state: 'up' | 'down', waiting: number) =>
  ({ availability: { state }, sessionStats: { inUse: 3, waiting, max: 48 } }) as unknown as Database;

/** A watch whose last read gave `status` (problem() is the real one). */
const watchWith = (status: GraphVersionStatus): GraphVersionWatch => {
  const watch = new Watch({} as Database);
  Object.defineProperty(watch, 'status', { get: () => status });
  return watch;
};

const supported: GraphVersionStatus = { state: 'supported', version: { schemaVersion: 3, seedHash: 'abcdef0123456789', loadedAt: '2026-11-27T10:00:00Z' } };

describe('Readiness: when to take traffic', () => {
  it('ready with the database up, a graph version it serves and no queue', () => {
    expect(new Readiness(stub('up', 0), watchWith(supported), { maxWaitingSessions: 32 }).check()).toEqual({
      ready: true,
      body: {
        status: 'ready',
        database: 'up',
        graph: { state: 'supported', schemaVersion: 3, seedHash: 'abcdef0123456789' },
        sessions: { inUse: 3, waiting: 0, max: 48 },
        reasons: [],
      },
    });
  });

  it('not ready while the database is down', () => {
    const { ready, body } = new Readiness(stub('down', 0), watchWith(supported), { maxWaitingSessions: 32 }).check();
    expect(ready).toBe(false);
    expect(body).toMatchObject({ status: 'not ready', database: 'down', reasons: ['database unavailable'] });
  });

  it('not ready before the loader has stamped the graph, naming the command', () => {
    const { body } = new Readiness(stub('up', 0), watchWith({ state: 'missing' }), { maxWaitingSessions: 32 }).check();
    expect(body).toMatchObject({ status: 'not ready', graph: { state: 'missing' }, reasons: ['graph not loaded: no version stamp (run npm run load)'] });
  });

  it('not ready before the stamp was read at all', () => {
    const { body } = new Readiness(stub('up', 0), watchWith({ state: 'unknown' }), { maxWaitingSessions: 32 }).check();
    expect(body.reasons).toEqual(['graph version not read yet']);
  });

  it('not ready on a graph of a schema version this build does not serve', () => {
    const newer: GraphVersionStatus = { state: 'unsupported', version: { schemaVersion: 4, seedHash: 'ffff', loadedAt: '2026-11-27T10:00:00Z' } };
    const { body } = new Readiness(stub('up', 0), watchWith(newer), { maxWaitingSessions: 32 }).check();
    expect(body).toMatchObject({
      graph: { state: 'unsupported', schemaVersion: 4, seedHash: 'ffff' },
      reasons: ['graph schema version 4 is not one this build serves (3)'],
    });
  });

  it('not ready on a graph of the old schema version 1, not yet migrated', () => {
    const older: GraphVersionStatus = { state: 'unsupported', version: { schemaVersion: 1, seedHash: 'eeee', loadedAt: '2026-11-27T10:00:00Z' } };
    const { body } = new Readiness(stub('up', 0), watchWith(older), { maxWaitingSessions: 32 }).check();
    expect(body).toMatchObject({
      graph: { state: 'unsupported', schemaVersion: 1, seedHash: 'eeee' },
      reasons: ['graph schema version 1 is not one this build serves (3)'],
    });
  });

  it('not ready while more sessions wait than the threshold, ready again at the threshold', () => {
    const over = new Readiness(stub('up', 33), watchWith(supported), { maxWaitingSessions: 32 }).check();
    expect(over.body.reasons).toEqual(['overloaded: 33 database sessions waiting (more than 32)']);
    expect(new Readiness(stub('up', 32), watchWith(supported), { maxWaitingSessions: 32 }).check().ready).toBe(true);
  });

  it('gives every reason at once', () => {
    const { body } = new Readiness(stub('down', 40), watchWith({ state: 'missing' }), { maxWaitingSessions: 32 }).check();
    expect(body.reasons).toHaveLength(3);
  });
});
