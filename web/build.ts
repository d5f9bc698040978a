/**
 * Builds the explorer (web/ → web/dist) with Vite when its inputs changed since the
 * last build, so `npm start` and `npm test` (their pre-scripts run this) always serve
 * a current page without a manual step. `--force` rebuilds regardless.
 *
 *   node --import tsx web/build.ts [--force]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(WEB_DIR, '..');
const DIST = join(WEB_DIR, 'dist');
const STAMP = join(DIST, '.inputs-hash');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : files(path);
    return [path];
  });
}

/** A hash of everything the build reads: web/'s sources and the installed versions. */
export function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of [...files(WEB_DIR), join(ROOT, 'package-lock.json')].sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds web/dist unless it is current; returns whether it built. */
export async function ensureWebBuilt(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<boolean> {
  const log = options.log ?? ((line: string) => console.log(line));
  const hash = inputsHash();
  const current = existsSync(join(DIST, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;
  if (current && !options.force) return false;
  log('building the graph explorer (web/ → web/dist) …');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIR, 'vite.config.ts'), mode: 'production' });
  writeFileSync(STAMP, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuilt({ force: process.argv.includes('--force') }).catch((error: unknown) => {
    console.error(`error: the explorer build failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
