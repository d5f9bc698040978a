/**
 * Probes for process managers and load balancers, answered without touching the
 * database's connection pool: /livez says the process serves HTTP (restart it if not),
 * /readyz says it can answer queries now (send it traffic or not), from the background
 * availability probe, or with `readiness` also from the graph version and the session
 * queue (src/ops/readiness.ts). /healthz stays as the older name of /livez.
 */
import type { Express } from 'express';
import type { Database } from '../db/database.js';
import type { Readiness } from '../ops/readiness.js';

export function mountProbes(app: Express, db: Database, readiness?: Readiness): void {
  const live = (_req: unknown, res: { json(body: unknown): void }) => res.json({ status: 'ok' });
  app.get('/livez', live);
  app.get('/healthz', live);
  app.get('/readyz', (_req, res) => {
    if (readiness) {
      const { ready, body } = readiness.check();
      res.status(ready ? 200 : 503).json(body);
      return;
    }
    const database = db.availability.state;
    res.status(database === 'up' ? 200 : 503).json({ status: database === 'up' ? 'ready' : 'not ready', database });
  });
}
