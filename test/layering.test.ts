/**
 * The API does not contain the loader: nothing under src/ imports seed/load/ or the
 * load command (npm start runs it as a child process), so the serving process has no
 * write path. seed/vocabulary.ts stays shared: it is the graph's vocabulary, not loading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePeriod as loaderPeriod } from '../seed/load/period.js';
import { parsePeriod as apiPeriod } from '../src/db/period.js';
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

describe('Layering: the API reads periods as the loader writes them', () => {
  it('src/db/period.ts (the API\'s copy) parses every shape as seed/load/period.ts does', () => {
    const texts = [
      '2025', '2024-02', '2025-Q3', '2025-H1', '2025-H2', '2025-09-16', '2024-02-29', '2025-02-29',
      '2025-01/2025-06', '2024/2035', '2026-01-06/..', '2025/..', '2025-Q1/2025-H2', '2025-13', '2025/2024', '..', 'x', '2025/../..',
    ];
    for (const text of texts) expect(apiPeriod(text), text).toEqual(loaderPeriod(text));
    expect(apiPeriod('2026-01-06/..')).toEqual({ start: '2026-01-06', end: null });
  });
});
