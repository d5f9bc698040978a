/**
 * `npm run export`: reads the configured graph (as `npm run seed` opens it) and writes it
 * back into the seed's YAML layout, so changes made through the API can be reviewed in
 * git and reloaded to the same graph. Items already in the files keep their place, and
 * their bytes (comments included) when the graph holds what they say. Flags:
 *   --out DIR  write into DIR instead of seed/ (created if missing)
 *   --check    write nothing; exit 1 and list the differences if the export would
 *              change the files in DIR
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openGraph } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/project-root.js';
import { runCli } from '../src/run-cli.js';
import { applyExport, describeExport } from './export/apply.js';
import { layOutSeed } from './export/layout.js';
import { readGraph } from './export/read.js';

// seed/ at the project's root, also when this runs compiled from dist/seed/.
const SEED_DIR = join(PROJECT_ROOT, 'seed');

runCli(async () => {
  const argv = process.argv.slice(2);
  const outAt = argv.indexOf('--out');
  if (outAt >= 0 && !argv[outAt + 1]) throw new Error('--out needs a folder');
  const dir = outAt >= 0 ? resolve(argv[outAt + 1]!) : SEED_DIR;
  if (outAt >= 0) argv.splice(outAt, 2);
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown[0]} (expected --check or --out DIR)`);
  const check = argv.includes('--check');

  const opened = await openGraph(loadConfig(), { log: (line) => console.log(line) });
  let snapshot;
  try {
    snapshot = await readGraph(opened.db);
  } finally {
    await opened.close();
  }
  const exported = layOutSeed(snapshot, dir);
  for (const warning of exported.warnings) console.log(`warning: ${warning}`);
  const counts = `${snapshot.sources.length} sources, ${snapshot.entities.length} entities, ${snapshot.facts.length} facts`;
  if (exported.changes.size === 0) {
    console.log(`export: ${counts}; the files in ${dir} already hold the graph`);
    return;
  }
  const lines = describeExport(exported);
  if (check) {
    console.log(`export --check: the graph (${counts}) differs from the files in ${dir}:\n${lines.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  applyExport(dir, exported);
  console.log(`export: ${counts}; wrote ${exported.changes.size} file${exported.changes.size === 1 ? '' : 's'} in ${dir}:\n${lines.join('\n')}`);
});
