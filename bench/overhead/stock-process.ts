/**
 * The overhead's stock Apollo Server (stock.ts) in a process of its own (bench/child.ts),
 * as the app and the floor are: a server sharing the bench client's process answers
 * without waking another process, which made it about 15% quicker than the same server
 * in its own process for `{ __typename }` (measured side by side), a bias the ratio
 * ours/stock must not carry.
 */
import { serveChild } from '../child.js';
import { startStockServer } from './stock.js';

// With a driver of its own: its lookup runs the floor's query (stock.ts).
serveChild((db) => startStockServer(db));
