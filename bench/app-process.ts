/**
 * The app in its own process for the bench (bench/child.ts): the real `createServer`
 * with the default config, a silent logger and the heap settings `npm start` uses
 * (src/ops/heap-growth.ts), on a driver of its own, on a free 127.0.0.1 port. Round
 * trips are counted with Database.onQuery here, in the child; nothing in src/ knows
 * about the bench.
 */
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { limitHeapGrowth } from '../src/ops/heap-growth.js';
import { createServer } from '../src/server.js';
import { serveChild } from './child.js';
import { listenOnLoopback } from './loopback.js';

limitHeapGrowth(); // as src/main.ts does
serveChild(async (db) => {
  const app = await createServer({ db, config: loadConfig({}), logger: createLogger('silent') });
  return listenOnLoopback(app.listener, () => app.stop());
});
