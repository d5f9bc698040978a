/**
 * `npm run load` (also `npm run seed`): validates seed/, then, in write transactions,
 * applies constraints and indexes, migrates, loads the seed idempotently and stamps the
 * graph with its version (seed/load/version.ts), in the configured Neo4j (NEO4J_URI, or
 * the local one, attached to when running, otherwise started for the occasion). The API
 * only reads; in Docker Compose and Kubernetes this runs as a one-shot job. Flags:
 *   --check   validate only; needs no database
 *   --prune   also delete seeded nodes and relationships no longer in seed/
 *   --dir D   read the seed from folder D instead of seed/ (same layout)
 *   --summary print two lines (version stamp, totals) instead of the table (npm start)
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openGraph } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { runCli } from '../src/run-cli.js';
import { readSeedFiles } from './load/files.js';
import { formatReport, summarise } from './load/report.js';
import { validateSeed } from './load/validate.js';
import { loadSeed } from './load/write.js';

/** The least time one loader transaction may take. */
const LOAD_QUERY_TIMEOUT_MS = 300_000;

// seed/ at the project's root, also when this runs compiled from dist/seed/.
const SEED_DIR = join(PROJECT_ROOT, 'seed');

runCli(async () => {
  const argv = process.argv.slice(2);
  const dirAt = argv.indexOf('--dir');
  const seedDir = dirAt >= 0 ? resolve(argv[dirAt + 1] ?? '') : SEED_DIR;
  if (dirAt >= 0) argv.splice(dirAt, 2);
  const args = new Set(argv);
  const unknown = [...args].filter((a) => !['--check', '--prune', '--summary'].includes(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (expected --check, --prune, --summary or --dir DIR)`);
  // Errors show paths as `seed/facts/…`, or `<dir>/facts/…` for another folder.
  const graph = validateSeed(readSeedFiles(seedDir, resolve(seedDir, '..')));
  console.log(
    `seed is valid: ${graph.sources.length} sources, ${graph.entities.length} entities, ${graph.facts.length} facts`,
  );
  if (args.has('--check')) return;
  const config = loadConfig();
  // Batch work, not a request: on a grown graph the stale-data check and the merges scan
  // far more than any API query, so NEO4J_QUERY_TIMEOUT_MS (sized for requests) is only
  // a floor here.
  const neo4j = { ...config.neo4j, queryTimeoutMs: Math.max(config.neo4j.queryTimeoutMs, LOAD_QUERY_TIMEOUT_MS) };
  const opened = await openGraph({ ...config, neo4j }, { log: (line) => console.log(line) });
  try {
    const report = await loadSeed(opened.db, graph, { prune: args.has('--prune') });
    const lines = formatReport(report).split('\n');
    // --summary keeps the stamp and any stale or migration lines, without the per-label table.
    console.log((args.has('--summary') ? lines.filter((line) => !/^(nodes|relationships):|^ {2}/.test(line)) : lines).join('\n'));
    console.log(summarise(report));
  } finally {
    await opened.close();
  }
});
