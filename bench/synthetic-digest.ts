/**
 * Prints a digest of the synthetic graph at the given sizes (counts per type and a
 * SHA-256 over every generated row, sources then entities then facts, as JSON lines),
 * with the generation time and the process's peak RSS: the check that a change to the
 * generator kept its rows (same digest) and its memory bounded.
 *
 *   node --import tsx bench/synthetic-digest.ts 2000 20000 [100000:1000000]
 *
 * Each argument is a scale (facts = 5 × scale) or scale:facts.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { PROJECT_ROOT } from '../src/graph.js';
import { streamSyntheticGraph, type SyntheticSize } from './synthetic.js';

/** `2000` (facts = 5 × scale) or `100000:1000000`. */
function parseSize(text: string): SyntheticSize {
  const [entities, facts] = text.split(':').map(Number);
  if (!Number.isInteger(entities) || (facts !== undefined && !Number.isInteger(facts))) throw new Error(`not a size: ${text}`);
  return { entities: entities!, facts: facts ?? 5 * entities! };
}

const seed = validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
const ids = new Set(seed.entities.map((e) => e.id));
for (const text of process.argv.slice(2)) {
  const size = parseSize(text);
  const started = performance.now();
  // Entities' sourceIds are known once every fact was drawn: one pass for them, a
  // second (the same facts again) for the facts, so the digest covers rows in the order
  // the in-memory generator returns them.
  const first = streamSyntheticGraph(size, ids);
  let drawn = 0;
  for (const _ of first.facts) drawn += 1;
  const hash = createHash('sha256');
  for (const s of first.sources) hash.update(`${JSON.stringify(s)}\n`);
  for (const e of first.entities) hash.update(`${JSON.stringify(e)}\n`);
  for (const f of streamSyntheticGraph(size, ids).facts) hash.update(`${JSON.stringify(f)}\n`);
  const rss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${size.entities} ${first.sources.length} ${first.entities.length} ${drawn} ${JSON.stringify(first.factsByType)} ` +
      `${hash.digest('hex').slice(0, 16)} ${Math.round(performance.now() - started)} ms peak RSS ${Math.round(rss)} MiB` +
      `${drawn === first.factCount ? '' : ` (factCount said ${first.factCount}!)`}\n`,
  );
}
