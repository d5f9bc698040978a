/**
 * The project's root directory, where package.json, cypher/, schema/ and web/ are. Found
 * upward from this module, because the module runs from two places: src/ (tsx, the
 * tests) and the compiled dist/src/ (npm start, the image, the bench; tsconfig.build.json).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
