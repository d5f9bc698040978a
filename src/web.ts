/**
 * The service's own browser pages, served with every asset they use so they work with
 * no internet: the GraphQL playground at `/` (GraphiQL's prebuilt browser bundle and
 * React, straight from node_modules, so it needs no build) and the graph explorer at
 * `/explorer` with its review page for proposals at `/explorer/review.html` (web/, built
 * by Vite into web/dist by `npm start`/`npm test`; see web/README.md). A Content-Security-Policy of 'self' makes the browser refuse anything
 * from elsewhere, so a page that would need the internet fails loudly here, not offline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Express, type Response } from 'express';
import { PROJECT_ROOT } from './graph.js';

const WEB_DIR = join(PROJECT_ROOT, 'web');
/** Where Vite writes the built explorer (git-ignored). */
export const EXPLORER_DIST = join(WEB_DIR, 'dist');
const EXAMPLES_DIR = join(WEB_DIR, 'playground', 'examples');

// GraphiQL and React inject inline styles, hence 'unsafe-inline' for styles only.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** One example operation the playground opens with, one tab each. */
export interface PlaygroundExample {
  /** The file name without `.graphql`, such as `1-search`. */
  name: string;
  query: string;
}

/** The playground's example operations, from web/playground/examples/*.graphql, in file-name order. */
export function playgroundExamples(): PlaygroundExample[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ name: file.slice(0, -'.graphql'.length), query: readFileSync(join(EXAMPLES_DIR, file), 'utf8') }));
}

/** Files of an npm package, found through its package.json (GraphiQL's `exports` map hides its dist files). */
function packageFile(pkg: string, file: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** The browser builds the playground loads, by the name it asks for under /playground/vendor/. */
export const VENDOR_FILES: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'dist/index.umd.js'),
  'graphiql.css': packageFile('graphiql', 'dist/style.css'),
};

function playgroundHtml(examples: PlaygroundExample[]): string {
  // JSON in a non-executed script element; `<` escaped so no example can close the element.
  const data = JSON.stringify(examples).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Magnesium Supply Graph: GraphQL playground</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/playground/vendor/graphiql.css" />
    <link rel="stylesheet" href="/playground/playground.css" />
  </head>
  <body>
    <header class="mgkg-bar">
      <strong>Magnesium Supply Graph</strong>
      <span>GraphQL playground: the tabs hold example questions; press ▶ to run one.</span>
      <button type="button" id="restore-examples" title="Closed an example tab? This reopens every example (your other tabs are closed).">Restore the examples</button>
      <a href="/explorer/">Graph explorer →</a>
    </header>
    <div id="graphiql">Loading the playground…</div>
    <script id="examples" type="application/json">${data}</script>
    <script src="/playground/vendor/react.js"></script>
    <script src="/playground/vendor/react-dom.js"></script>
    <script src="/playground/vendor/graphiql.js"></script>
    <script src="/playground/playground.js"></script>
  </body>
</html>
`;
}

function page(res: Response, status: number, html: string): void {
  res.status(status).set({
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cache-control': 'no-cache',
  });
  res.send(html);
}

/**
 * Serves the playground at `/` and the explorer at `/explorer/`, with their assets.
 * Call after the /graphql route. The examples are read per request, so an edited
 * example shows on reload.
 */
export function mountWeb(app: Express): void {
  app.get('/', (_req, res) => page(res, 200, playgroundHtml(playgroundExamples())));

  app.get('/playground/vendor/:file', (req, res, next) => {
    const file = VENDOR_FILES[req.params.file];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1d' });
  });
  app.use('/playground', express.static(join(WEB_DIR, 'playground'), { index: false, maxAge: 0 }));

  // Vite names assets by content hash, so they can be cached for good; the page cannot.
  app.use(
    '/explorer',
    (_req, res, next) => {
      res.set('content-security-policy', CONTENT_SECURITY_POLICY);
      next();
    },
    express.static(EXPLORER_DIST, {
      setHeaders: (res, path) => {
        res.set('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.get(['/explorer', '/explorer/'], (_req, res) =>
    page(
      res,
      503,
      '<!doctype html><title>Explorer not built</title><p>The graph explorer has not been built. ' +
        'Run <code>npm run build:web</code> (<code>npm start</code> and <code>npm test</code> do it for you).</p>',
    ),
  );
}
