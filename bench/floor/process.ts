/**
 * The raw-Cypher floor in its own process for the bench (bench/child.ts): the bare
 * `node:http` handler of server.ts on a driver of its own, on a free 127.0.0.1 port, so
 * its RSS can be set against the app's.
 */
import { serveChild } from '../child.js';
import { startFloorServer } from './server.js';

serveChild((db) => startFloorServer(db));
