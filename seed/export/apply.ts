/**
 * Writes an export into a seed folder without ever leaving a half-written file: every
 * new file is written in full to a staging folder beside the seed first, then moved into
 * place with rename (atomic on one file system); files whose source left the graph are
 * deleted last. Only files whose text changes are touched.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Exported } from './layout.js';

export function applyExport(dir: string, exported: Exported): void {
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(dir, '.export-'));
  try {
    const staged: [string, string][] = [];
    for (const [path, text] of exported.changes) {
      if (text === null) continue;
      const file = join(staging, path.replaceAll('/', '__'));
      writeFileSync(file, text);
      staged.push([file, join(dir, path)]);
    }
    for (const [from, to] of staged) {
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
    for (const [path, text] of exported.changes) if (text === null) rmSync(join(dir, path), { force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What differs, file by file, for `--check` and the export's own report. */
export function describeExport(exported: Exported): string[] {
  const lines: string[] = [];
  for (const path of [...exported.changes.keys()].sort()) {
    const s = exported.summary.get(path);
    const parts = s
      ? [
          s.added.length > 0 && `${s.added.length} added (${s.added.slice(0, 3).join(', ')}${s.added.length > 3 ? ', …' : ''})`,
          s.changed.length > 0 && `${s.changed.length} changed (${s.changed.slice(0, 3).join(', ')}${s.changed.length > 3 ? ', …' : ''})`,
          s.removed.length > 0 && `${s.removed.length} removed (${s.removed.slice(0, 3).join(', ')}${s.removed.length > 3 ? ', …' : ''})`,
        ].filter(Boolean)
      : [];
    const what = exported.changes.get(path) === null ? 'deleted' : parts.length > 0 ? parts.join('; ') : 'layout only';
    lines.push(`  ${path}: ${what}`);
  }
  return lines;
}
