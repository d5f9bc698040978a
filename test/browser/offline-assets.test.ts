/**
 * Every file the playground and the explorer load is served by the service, and none
 * of them pulls anything from another host: no http(s) URL in a src=, href=, url( or
 * import( context. (Host names alone are fine: GraphiQL's bundle names a CDN in an
 * error message it never shows here.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/graph.js';
import { EXPLORER_DIST, VENDOR_FILES } from '../../src/web.js';
import { ensureWebBuilt } from '../../web/build.js';

const EXTERNAL = /(?:\bsrc\s*=\s*|\bhref\s*=\s*|\burl\(\s*|\bimport\(\s*)["'`]?\s*(?:https?:)?\/\/[^"'`)\s]+/gi;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function externalReferences(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(EXTERNAL)].map((match) => `${relative(PROJECT_ROOT, file)}: ${match[0]}`);
}

beforeAll(async () => {
  await ensureWebBuilt({ log: () => {} });
}, 120_000);

describe('Web assets: nothing is loaded from the internet', () => {
  it('the built explorer references no other host', () => {
    const built = files(EXPLORER_DIST).filter((file) => /\.(html|js|css)$/.test(file));
    expect(built.some((file) => file.endsWith('index.html'))).toBe(true);
    expect(built.flatMap(externalReferences)).toEqual([]);
  });

  it('the playground page, its script and its vendored GraphiQL and React reference no other host', () => {
    const playground = files(join(PROJECT_ROOT, 'web', 'playground')).filter((file) => /\.(js|css|html)$/.test(file));
    expect(Object.keys(VENDOR_FILES).sort()).toEqual(['graphiql.css', 'graphiql.js', 'react-dom.js', 'react.js']);
    expect([...playground, ...Object.values(VENDOR_FILES)].flatMap(externalReferences)).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    const samples = ['<script src="https://cdn.example/x.js">', "url('//fonts.example/a.woff2')", 'import("https://esm.sh/react")'];
    expect(samples.map((sample) => sample.match(EXTERNAL)?.length ?? 0)).toEqual([1, 1, 1]);
    expect('see https://github.com/graphql/graphiql for help'.match(EXTERNAL)).toBeNull();
  });
});
