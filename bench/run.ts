/**
 * The performance benchmark: times a fixed set of GraphQL operations over HTTP against
 * the seeded graph, grows the graph with a synthetic supply network, and times the same
 * operations again in the same run, so the report compares the two side by side (see
 * bench/README.md). Progress goes to stderr; the report to stdout.
 *
 *   node --import tsx bench/run.ts [--iterations 30] [--scale 20000]
 */
import { cpus, totalmem } from 'node:os';
import { readHealth } from '../src/db/system.js';
import type { HealthRow } from '../src/db/rows.js';
import { type BenchArgs, parseBenchArgs, USAGE, UsageError } from './args.js';
import { NEO4J_HEAP_MB, NEO4J_PAGE_CACHE_MB, startEnvironment, Teardown } from './environment.js';
import { growGraph } from './grow.js';
import { Client, type Measurement, measure, type MeasureOptions, OperationTimeout, timedOut, warmUp } from './measure.js';
import { nestedOperation, type Operation, OPERATIONS } from './operations.js';
import { count, kilobytes, ms, ratio, table, trips } from './report.js';
import { generateSyntheticGraph } from './synthetic.js';

const NESTED_SIZES = [5, 50] as const;
const MIN_ITERATIONS = 5;

const log = (line: string) => process.stderr.write(`${line}\n`);

interface Phase {
  health: HealthRow;
  operations: Measurement[];
  nested: Measurement[];
}

/**
 * Warms every operation up first (so the first timed one does not pay for a cold JVM
 * and plan cache), then times each in turn. An operation that times out during warm-up
 * is not timed again.
 */
async function runPhase(client: Client, label: string, options: MeasureOptions, only: BenchArgs['only']): Promise<Omit<Phase, 'health'>> {
  const chosen = (list: readonly Operation[]) =>
    only === null ? list : list.filter((o) => only.some((text) => o.name.toLowerCase().includes(text)));
  const operations = chosen(OPERATIONS);
  const all: Operation[] = [...operations, ...chosen(NESTED_SIZES.map(nestedOperation))];
  const skipped = new Set<string>();
  for (const operation of all) {
    try {
      await warmUp(client, operation, options.warmup, options.budgetMs);
    } catch (error) {
      if (!(error instanceof OperationTimeout)) throw error;
      log(`  [${label}] ${error.message}`);
      skipped.add(operation.name);
    }
  }
  const results: Measurement[] = [];
  for (const operation of all) {
    const result = skipped.has(operation.name) ? timedOut(operation) : await measure(client, operation, options);
    log(
      result.timedOut
        ? `  [${label}] ${operation.name}: timed out after ${options.timeoutMs / 1000} s`
        : `  [${label}] ${operation.name}: p50 ${ms(result.p50)} ms, ${trips(result.roundTrips)} round trips`,
    );
    results.push(result);
  }
  return { operations: results.slice(0, operations.length), nested: results.slice(operations.length) };
}

/** A few words on what came back, so a ratio can be read against the work done. */
function summarize(data: unknown): string {
  const root = data && typeof data === 'object' ? Object.values(data)[0] : undefined;
  if (Array.isArray(root)) return `${root.length} rows`;
  if (!root || typeof root !== 'object') return root === null ? 'null' : '';
  const r = root as Record<string, unknown>;
  const length = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  if (typeof r.total === 'number') return `${count(r.total)} reached`;
  if (typeof r.totalCount === 'number') return `${count(r.totalCount)} total`;
  if (Array.isArray(r.nodes) && Array.isArray(r.edges)) {
    return `${length(r.nodes)} nodes, ${length(r.edges)} edges${r.truncated ? ', cut' : ''}`;
  }
  if (Array.isArray(r.paths)) return `${length(r.paths)} paths`;
  if (Array.isArray(r.relationships)) return `${length(r.relationships)} rels, degree ${String(r.degree ?? '?')}`;
  return 'found';
}

/** Relationships in a nested response (entities → relationships). */
function nestedRelationships(data: unknown): number {
  const edges = (data as { entities?: { edges?: { node?: { relationships?: unknown[] } }[] } })?.entities?.edges ?? [];
  return edges.reduce((sum, edge) => sum + (edge.node?.relationships?.length ?? 0), 0);
}

function report(args: BenchArgs, seed: Phase, scaled: Phase, neo4jVersion: string, growSeconds: number): string {
  const lines: string[] = [];
  const over = `> ${count(args.timeoutSeconds * 1000)}`;
  const p50 = (m: Measurement) => (m.timedOut ? over : ms(m.p50));
  const p95 = (m: Measurement) => (m.timedOut ? over : ms(m.p95) + (m.samples.length < args.iterations ? ` (n=${m.samples.length})` : ''));
  const versus = (a: Measurement, b: Measurement) =>
    a.timedOut ? (b.timedOut ? 'n/a' : `> ${ratio(args.timeoutSeconds * 1000, b.p50)}`) : ratio(a.p50, b.p50);
  const cpu = cpus();
  const growth = {
    entities: scaled.health.entities / seed.health.entities,
    relationships: scaled.health.relationships / seed.health.relationships,
  };
  lines.push('Magnesium supply graph: benchmark');
  lines.push('');
  lines.push(
    `Neo4j ${neo4jVersion} ${seed.health.neo4jEdition} (throw-away local, heap ${NEO4J_HEAP_MB} MB, page cache ${NEO4J_PAGE_CACHE_MB} MB) · ` +
      `Node ${process.version} · ${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (${cpu[0]?.model.trim() ?? 'unknown'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  lines.push(
    `iterations ${args.iterations} per operation and phase after ${args.warmup} warm-up requests ` +
      `(at most ${args.budgetSeconds} s each, and at least ${MIN_ITERATIONS}; a request past ${args.timeoutSeconds} s is stopped and reported as "> …") · one request at a time over HTTP to the in-process server`,
  );
  lines.push('');
  lines.push(
    table(
      ['graph', 'entities', 'relationships', 'sources'],
      [
        ['seed', count(seed.health.entities), count(seed.health.relationships), count(seed.health.sources)],
        ['scaled', count(scaled.health.entities), count(scaled.health.relationships), count(scaled.health.sources)],
        ['growth', ratio(scaled.health.entities, seed.health.entities), ratio(scaled.health.relationships, seed.health.relationships), ''],
      ],
      ['left', 'right', 'right', 'right'],
    ),
  );
  lines.push(`(synthetic: ${count(args.scale)} entities and ${count(args.facts)} facts, written in ${growSeconds.toFixed(1)} s)`);
  lines.push('');

  const rows = seed.operations.map((s, i) => {
    const c = scaled.operations[i]!;
    return [s.name, p50(s), p95(s), p50(c), p95(c), versus(c, s), `${trips(s.roundTrips)}, ${trips(c.roundTrips)}`];
  });
  lines.push('Latency in ms over HTTP (p50 / p95); ratio = scaled p50 / seed p50; round trips = database queries per request');
  lines.push(
    table(
      ['operation', 'seed p50', 'seed p95', 'scaled p50', 'scaled p95', 'scaled/seed (p50)', 'round trips (seed, scaled)'],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  lines.push('');
  lines.push(
    'What came back, and where the scaled time goes (db ms = summed time inside database queries, p50; ' +
      'db/wall above 100% means batches ran concurrently)',
  );
  lines.push(
    table(
      ['operation', 'seed result', 'scaled result', 'seed KB', 'scaled KB', 'scaled db ms', 'db/wall'],
      seed.operations.map((s, i) => {
        const c = scaled.operations[i]!;
        if (c.timedOut) return [s.name, summarize(s.data), 'timed out', kilobytes(s.bytesP50), 'n/a', 'n/a', 'n/a'];
        return [
          s.name,
          summarize(s.data),
          summarize(c.data),
          kilobytes(s.bytesP50),
          kilobytes(c.bytesP50),
          ms(c.dbP50),
          `${Math.round((100 * c.dbP50) / c.p50)}%`,
        ];
      }),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  const slow = seed.operations
    .map((s, i) => ({ name: s.name, seed: s, scaled: scaled.operations[i]! }))
    .filter((o) => o.scaled.timedOut || o.scaled.p50 / o.seed.p50 > 2 * growth.relationships || o.scaled.p50 > 1000);
  lines.push('');
  lines.push(
    slow.length === 0
      ? `No operation grew more than twice the graph (×${growth.relationships.toFixed(0)} relationships) or passed 1 s at p50.`
      : `Disproportionate at scale (ratio above 2 × the relationship growth of ×${growth.relationships.toFixed(0)}, or p50 above 1 s): ` +
          slow.map((o) => `${o.name} (${versus(o.scaled, o.seed)}, ${p50(o.scaled)} ms)`).join('; '),
  );
  lines.push('');

  // --only may leave out the nested pair.
  if (seed.nested.length < NESTED_SIZES.length) return lines.join('\n');
  lines.push('Batching: entities(first: N) { sources, relationships(first: 10) { from/to sources, evidence sources } }');
  lines.push(
    table(
      ['graph', 'N=5 trips', 'N=5 rels', 'N=5 p50', 'N=50 trips', 'N=50 rels', 'N=50 p50', 'p50 ratio (50/5)', 'trips ratio (50/5)'],
      [
        ['seed', seed],
        ['scaled', scaled],
      ].map(([label, phase]) => {
        const [five, fifty] = (phase as Phase).nested as [Measurement, Measurement];
        return [
          label as string,
          trips(five.roundTrips),
          count(nestedRelationships(five.data)),
          p50(five),
          trips(fifty.roundTrips),
          count(nestedRelationships(fifty.data)),
          p50(fifty),
          versus(fifty, five),
          ratio(Math.max(...fifty.roundTrips), Math.max(...five.roundTrips)),
        ];
      }),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  return lines.join('\n');
}

async function main(args: BenchArgs, teardown: Teardown): Promise<void> {
  const env = await startEnvironment(teardown, log, args.timeoutSeconds * 1000);
  const client = new Client(env.url, env.db, args.timeoutSeconds * 1000);
  teardown.add('unsubscribe the client', () => client.close());
  const options: MeasureOptions = {
    warmup: args.warmup,
    iterations: args.iterations,
    timeoutMs: args.timeoutSeconds * 1000,
    budgetMs: args.budgetSeconds * 1000,
    minIterations: Math.min(MIN_ITERATIONS, args.iterations),
  };

  log('timing the operations on the seeded graph');
  const seedHealth = await readHealth(env.db);
  const seed: Phase = { health: seedHealth, ...(await runPhase(client, 'seed', options, args.only)) };

  log(`growing the graph by ${count(args.scale)} entities and ${count(args.facts)} facts`);
  const synthetic = generateSyntheticGraph(
    { entities: args.scale, facts: args.facts },
    new Set(env.seed.entities.map((e) => e.id)),
  );
  const started = performance.now();
  await growGraph(env.writer, synthetic, log);
  const growSeconds = (performance.now() - started) / 1000;
  log(`  written in ${growSeconds.toFixed(1)} s: ${Object.entries(synthetic.factsByType).map(([t, n]) => `${t} ${n}`).join(', ')}`);

  log('timing the operations on the scaled graph');
  const scaledHealth = await readHealth(env.db);
  const scaled: Phase = { health: scaledHealth, ...(await runPhase(client, 'scaled', options, args.only)) };

  process.stdout.write(`\n${report(args, seed, scaled, scaledHealth.neo4jVersion, growSeconds)}\n`);
}

let args: BenchArgs | null;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  log(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (args === null) {
  process.stdout.write(`${USAGE}\n`);
} else {
  const teardown = new Teardown();
  let interrupted = false;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      interrupted = true;
      log(`\n${signal}: stopping Neo4j and deleting its data`);
      void teardown.run(log).finally(() => process.exit(code));
    });
  }
  try {
    await main(args, teardown);
  } catch (error) {
    if (!interrupted) {
      log(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  } finally {
    if (!interrupted) await teardown.run(log);
  }
}
