/**
 * `npm run seed` validates seed/ and loads it into the configured Neo4j (NEO4J_URI, or
 * the local one started for the occasion). Flags:
 *   --check   validate only; needs no database
 *   --prune   also delete seeded nodes and relationships no longer in seed/
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { openGraph } from '../src/graph.js';
import { runCli } from '../src/run-cli.js';
import { readSeedFiles } from './load/files.js';
import { formatReport } from './load/report.js';
import { validateSeed } from './load/validate.js';
import { loadSeed } from './load/write.js';

const SEED_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)));

runCli(async () => {
  const args = new Set(process.argv.slice(2));
  const unknown = [...args].filter((a) => a !== '--check' && a !== '--prune');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (expected --check or --prune)`);
  const graph = validateSeed(readSeedFiles(SEED_DIR, resolve(SEED_DIR, '..')));
  console.log(
    `seed is valid: ${graph.sources.length} sources, ${graph.entities.length} entities, ${graph.facts.length} facts`,
  );
  if (args.has('--check')) return;
  const opened = await openGraph(loadConfig(), { log: (line) => console.log(line) });
  try {
    const report = await loadSeed(opened.db, graph, { prune: args.has('--prune') });
    console.log(formatReport(report));
  } finally {
    await opened.close();
  }
});
