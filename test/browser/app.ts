/**
 * The usual setup of a browser test file: the usual API setup (test/support/api.ts: a
 * database connection and the real HTTP server over the seeded graph), with the web build
 * before it and headless Chromium after it.
 */
import { afterAll, beforeAll } from 'vitest';
import { ensureWebBuilt } from '../../web/build.js';
import { type TestApi, type TestApiOptions, useTestApi } from '../support/api.js';
import { openBrowser, type TestBrowser } from './browser.js';

export interface BrowserApp extends TestApi {
  readonly browser: TestBrowser;
}

/** Options as for useTestApi: curator keys, a Neo4j of the file's own. */
export function useBrowserApp(options: TestApiOptions = {}): BrowserApp {
  // `npm test` builds web/ in its pretest; this covers running vitest directly. Hooks
  // run in the order they are registered, so the build comes before the server starts.
  beforeAll(() => ensureWebBuilt({ log: () => {} }), 240_000);
  const api = useTestApi(options);
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await openBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get db() {
      return api.db;
    },
    get server() {
      return api.server;
    },
    query: api.query,
    asCurator: api.asCurator,
    counted: api.counted,
    get browser() {
      return browser!;
    },
  };
}
