#!/usr/bin/env node
// Installs the npm dependencies when they are missing or package-lock.json changed since
// the last install, so `npm start` and `npm test` work as the first command on a fresh
// clone. Plain Node with no dependencies: it runs before any are installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.installed-lock-hash');
const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

console.log('installing npm dependencies (package-lock.json changed or first run) …');
// --include=dev: with NODE_ENV=production in the environment npm would leave out the
// dev dependencies, and the explorer's build (Vite) and the tests need them.
const result = spawnSync('npm', ['ci', '--include=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('error: npm ci failed; see the output above');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, hash);
