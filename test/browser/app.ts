/**
 * The usual setup of a browser test file: the web build, a database connection, the
 * real HTTP server over the seeded graph and headless Chromium, opened before the
 * file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { ensureWebBuilt } from '../../web/build.js';
import { openTestDb } from '../support/neo4j.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { openBrowser, type TestBrowser } from './browser.js';

export interface BrowserApp {
  readonly db: Database;
  readonly server: TestServer;
  readonly browser: TestBrowser;
}

export function useBrowserApp(): BrowserApp {
  let db: Database | undefined;
  let server: TestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    // `npm test` builds web/ in its pretest; this covers running vitest directly.
    await ensureWebBuilt({ log: () => {} });
    db = await openTestDb();
    server = await startTestServer(db);
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });
  return {
    get db() {
      return db!;
    },
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
