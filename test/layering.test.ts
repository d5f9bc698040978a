/**
 * The API does not contain the loader: nothing under src/ imports seed/load/ or the
 * load command (npm start runs it as a child process), so the serving process has no
 * write path. seed/vocabulary.ts stays shared: it is the graph's vocabulary, not loading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/graph.js';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

describe('Layering: the API and the loader', () => {
  it('no module under src/ imports seed/load/ or seed/cli.ts', () => {
    const offenders = sources(join(PROJECT_ROOT, 'src')).filter((file) =>
      /from '[./]*\/seed\/(load\/|cli)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(PROJECT_ROOT, file))).toEqual([]);
  });
});
