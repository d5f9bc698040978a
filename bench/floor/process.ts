/**
 * The raw-Cypher floor in its own process for the bench (bench/child.ts): the bare
 * `node:http` handler of server.ts on a driver of its own, on a free 127.0.0.1 port, so
 * its RSS can be set against the app's.
 */
import { limitHeapGrowth } from '../../src/ops/heap-growth.js';
import { serveChild } from '../child.js';
import { startFloorServer } from './server.js';

// The same heap settings as the app's (src/main.ts), so RSS compares like with like.
limitHeapGrowth();
serveChild((db) => startFloorServer(db));
