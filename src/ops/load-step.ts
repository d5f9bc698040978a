/**
 * The load step of `npm start` (SEED_ON_START=true): runs the loader, `npm run load`, as
 * a child process against the database this process has just opened, before the API
 * serves. A child process rather than an import keeps the API free of the loader's code
 * and write paths: in Docker Compose and Kubernetes the same command runs as a one-shot
 * job and the API only reads.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { besideModule } from '../module-form.js';
import { PROJECT_ROOT } from '../project-root.js';

/**
 * The loader's entry point, in the form this module runs: seed/cli.ts under tsx beside
 * src/, or the compiled dist/seed/cli.js beside dist/src/. The API never imports it.
 */
export const LOADER_ENTRY = fileURLToPath(besideModule('../../seed/cli', import.meta.url));
const LOADER_ARGS = LOADER_ENTRY.endsWith('.js') ? [LOADER_ENTRY] : ['--import', 'tsx', LOADER_ENTRY];

/**
 * Runs the loader with this process's environment (it reads the same configuration and
 * so reaches the same database: a local Neo4j already running is attached to, not
 * started again). Its report goes to `say` line by line; a failure rejects with its
 * last error line.
 */
export function runLoadStep(say: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [...LOADER_ARGS, '--summary'], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastError = '';
    const lines = (stream: NodeJS.ReadableStream, onLine: (line: string) => void) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) if (line.trim() !== '') onLine(line);
      });
      stream.on('end', () => rest.trim() !== '' && onLine(rest));
    };
    lines(child.stdout!, (line) => say(`load: ${line}`));
    lines(child.stderr!, (line) => {
      lastError = line.replace(/^error: /, '');
      say(`load: ${line}`);
    });
    child.once('error', failed);
    child.once('close', (code) => {
      if (code === 0) done();
      else failed(new Error(`the load step failed: ${lastError || `exit code ${code}`}`));
    });
  });
}
