/**
 * The performance benchmark: times a fixed set of GraphQL operations over HTTP against
 * the seeded graph, grows the graph with a synthetic supply network, and times the same
 * operations again in the same run, so the report compares the two side by side (see
 * bench/README.md). Progress goes to stderr; the report to stdout.
 *
 *   npm run bench -- [--iterations 30] [--scale 20000]
 *
 * `npm run bench` compiles first (npm run build) and runs dist/bench/run.js, so the app,
 * the floor and the stock server all run compiled, as `npm start` and the image run the
 * app. `node --import tsx bench/run.ts` runs everything from the sources instead.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { readHealth } from '../src/db/system.js';
import type { HealthRow } from '../src/db/rows.js';
import { type BenchArgs, parseBenchArgs, USAGE, UsageError } from './args.js';
import { besideModule } from '../src/module-form.js';
import { ChildServer, type RssSpan } from './child.js';
import { startEnvironment, storeBytes, Teardown } from './environment.js';
import { firstDifference } from './floor/compare.js';
import { FLOOR } from './floor/operations.js';
import { growGraph, type LoadFigures } from './grow.js';
import { Client, type Measurement, measure, measurePaired, type MeasureOptions, OperationError, OperationTimeout, percentile, timedOut, warmUp } from './measure.js';
import { type Neo4jMemory, neo4jMemory } from './neo4j-memory.js';
import { processCpuSeconds } from './process-cpu.js';
import { nestedOperation, type Operation, OPERATIONS } from './operations.js';
import { count, kilobytes, ms, perSecond, ratio, rssVersus, table, trips } from './report.js';
import { streamSyntheticGraph } from './synthetic.js';
import { runScaledExtras, scaledExtrasJson, scaledExtrasReport } from './scaled-extras.js';

const NESTED_SIZES = [5, 50] as const;
const MIN_ITERATIONS = 5;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** An operation against its raw-Cypher floor (bench/floor/), in one phase. */
type FloorResult =
  /** No floor for this operation. */
  | { kind: 'none' }
  /** The floor's answer differed from the API's: not timed against it. */
  | { kind: 'mismatch'; difference: string }
  | { kind: 'timed'; floor: Measurement; ratios: number[] };

interface Phase {
  health: HealthRow;
  operations: Measurement[];
  nested: Measurement[];
  /** Parallel to `operations` then `nested`. */
  floors: FloorResult[];
  /** Peak RSS of the app's process while each operation was timed, MiB; parallel to operations then nested. */
  appRssMiB: number[];
  /** The same of the floor's process (idle for operations without a floor). */
  floorRssMiB: number[];
  /** Peak RSS of each process over the whole phase (warm-up included), MiB. */
  phaseAppRssMiB: number;
  phaseFloorRssMiB: number;
}

/** The app's and the floor's processes (bench/child.ts). */
interface Servers {
  app: ChildServer;
  floor: ChildServer;
}

async function takeRss(servers: Servers, span: RssSpan): Promise<{ app: number; floor: number }> {
  const [app, floor] = await Promise.all([servers.app.takeRssMiB(span), servers.floor.takeRssMiB(span)]);
  return { app, floor };
}

/** The API's answer and the floor's, before timing: equal, or the first difference. */
async function checkFloor(client: Client, operation: Operation): Promise<string | null> {
  const ours = await client.send(operation);
  const floor = await client.send(operation, 'floor');
  return firstDifference(ours.data, floor.data);
}

/**
 * Warms every operation up first (so the first timed one does not pay for a cold JVM
 * and plan cache), then times each in turn. An operation that times out during warm-up
 * is not timed again.
 */
async function runPhase(
  client: Client,
  label: string,
  options: MeasureOptions,
  only: BenchArgs['only'],
  servers: Servers,
): Promise<Omit<Phase, 'health'>> {
  await takeRss(servers, 'phase');
  const chosen = (list: readonly Operation[]) =>
    only === null ? list : list.filter((o) => only.some((text) => o.name.toLowerCase().includes(text)));
  const operations = chosen(OPERATIONS);
  const all: Operation[] = [...operations, ...chosen(NESTED_SIZES.map(nestedOperation))];
  const skipped = new Set<string>();
  const floors = new Map<string, FloorResult>();
  for (const operation of all) {
    try {
      await warmUp(client, operation, options.warmup, options.budgetMs);
      if (!FLOOR[operation.name]) continue;
      // Timed against the floor only when both give the same answer; a failing floor
      // query counts as a different answer rather than stopping the run.
      const difference = await warmUp(client, operation, options.warmup, options.budgetMs, 'floor')
        .then(() => checkFloor(client, operation))
        .catch((error: unknown) => {
          if (error instanceof OperationError && error.message.includes('(floor)')) return `the floor failed: ${error.message}`;
          throw error;
        });
      if (difference) {
        log(`  [${label}] ${operation.name}: the floor's answer differs from the API's, not timed against it. First difference: ${difference}`);
        floors.set(operation.name, { kind: 'mismatch', difference });
      }
    } catch (error) {
      if (!(error instanceof OperationTimeout)) throw error;
      log(`  [${label}] ${error.message}`);
      skipped.add(operation.name);
    }
  }
  const results: Measurement[] = [];
  const appRssMiB: number[] = [];
  const floorRssMiB: number[] = [];
  for (const operation of all) {
    await takeRss(servers, 'operation');
    let result: Measurement;
    if (skipped.has(operation.name)) {
      result = timedOut(operation);
    } else if (FLOOR[operation.name] && !floors.has(operation.name)) {
      const paired = await measurePaired(client, operation, options);
      result = paired.ours;
      floors.set(operation.name, { kind: 'timed', floor: paired.floor, ratios: paired.ratios });
      if (!paired.floor.timedOut) {
        log(
          `  [${label}] ${operation.name} floor: p50 ${ms(paired.floor.p50)} ms, ${trips(paired.floor.roundTrips)} round trips, ` +
            `ours/floor median ${ratio(percentile(paired.ratios, 50), 1)}`,
        );
      }
    } else {
      result = await measure(client, operation, options);
    }
    const rss = await takeRss(servers, 'operation');
    appRssMiB.push(rss.app);
    floorRssMiB.push(rss.floor);
    log(
      result.timedOut
        ? `  [${label}] ${operation.name}: timed out after ${options.timeoutMs / 1000} s`
        : `  [${label}] ${operation.name}: p50 ${ms(result.p50)} ms, ${trips(result.roundTrips)} round trips`,
    );
    results.push(result);
  }
  return {
    operations: results.slice(0, operations.length),
    nested: results.slice(operations.length),
    floors: all.map((o) => floors.get(o.name) ?? { kind: 'none' }),
    appRssMiB,
    floorRssMiB,
    ...(await takeRss(servers, 'phase').then((rss) => ({ phaseAppRssMiB: rss.app, phaseFloorRssMiB: rss.floor }))),
  };
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

/** Median and min–max of the per-round ratios ours/floor. */
function ratioSpread(ratios: readonly number[]): string {
  if (ratios.length === 0) return 'n/a';
  return `${ratio(percentile(ratios, 50), 1)} (${ratio(Math.min(...ratios), 1)}–${ratio(Math.max(...ratios), 1)})`;
}

/** The table against the raw-Cypher floor, with round trips and peak RSS. */
function floorReport(seed: Phase, scaled: Phase, p50: (m: Measurement) => string): string[] {
  const cells = (phase: Phase, i: number): [string, string, string] => {
    const floor = phase.floors[i]!;
    if (floor.kind === 'none') return ['–', '–', '–'];
    if (floor.kind === 'mismatch') return ['differs', '–', '–'];
    return [p50(floor.floor), ratioSpread(floor.ratios), trips(floor.floor.roundTrips)];
  };
  const scaledAll = [...scaled.operations, ...scaled.nested];
  const rows = [...seed.operations, ...seed.nested].map((s, i) => {
    const c = scaledAll[i]!;
    const [seedFloor, seedRatio, seedTrips] = cells(seed, i);
    const [scaledFloor, scaledRatio, scaledTrips] = cells(scaled, i);
    return [
      s.name,
      p50(s),
      seedFloor,
      seedRatio,
      p50(c),
      scaledFloor,
      scaledRatio,
      `${trips(c.roundTrips)} / ${scaledTrips === '–' ? seedTrips : scaledTrips}`,
      rssVersus(seed.appRssMiB[i]!, seed.floorRssMiB[i]!),
      rssVersus(scaled.appRssMiB[i]!, scaled.floorRssMiB[i]!),
    ];
  });
  const differing = [seed, scaled].flatMap((phase, p) =>
    phase.floors.flatMap((f, i) => (f.kind === 'mismatch' ? [`${[...phase.operations, ...phase.nested][i]!.name} (${p === 0 ? 'seed' : 'scaled'}): ${f.difference}`] : [])),
  );
  return [
    'Against the raw-Cypher floor (bench/floor/: one hand-tuned query per operation, behind a bare node:http handler in its own process with its own driver); ' +
      'ours/floor = median (min–max) of per-round ratios, API and floor requests interleaved; – = no floor for this operation',
    table(
      [
        'operation',
        'seed p50',
        'seed floor p50',
        'seed ours/floor',
        'scaled p50',
        'scaled floor p50',
        'scaled ours/floor',
        'round trips (ours / floor, scaled)',
        'seed peak RSS MiB app / floor',
        'scaled peak RSS MiB app / floor',
      ],
      rows,
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    `Peak RSS of the app's process and of the floor's (each its own Node process with its own driver; Neo4j is a separate JVM, ` +
      `the bench's client is not counted) while each operation was timed, and (×) app/floor; the floor's process idles during ` +
      `operations without a floor. Over each phase: seed ${rssVersus(seed.phaseAppRssMiB, seed.phaseFloorRssMiB)}, ` +
      `scaled ${rssVersus(scaled.phaseAppRssMiB, scaled.phaseFloorRssMiB)}.`,
    ...(differing.length === 0 ? [] : ['Floor answers that differ from the API (not timed against it):', ...differing.map((d) => `  ${d}`)]),
  ];
}

const finite = (value: number) => (Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null);

/** The bulk load's figures as JSON (`load` in --json). */
function jsonLoad(load: LoadFigures, memory: Neo4jMemory, storeMiB: number | null): unknown {
  return {
    ...Object.fromEntries(Object.entries(load).map(([key, value]) => [key, finite(value)])),
    neo4jHeapMb: memory.heapMb,
    neo4jPageCacheMb: memory.pageCacheMb,
    storeMiB: storeMiB === null ? null : finite(storeMiB),
  };
}

/** The figures as JSON (--json): the bulk load, then one entry per operation and phase. */
function jsonReport(load: unknown, seed: Phase, scaled: Phase): unknown {
  const rss = (phase: Phase) => ({
    appRssMiB: finite(phase.phaseAppRssMiB),
    floorRssMiB: finite(phase.phaseFloorRssMiB),
    appToFloorRss: finite(phase.phaseAppRssMiB / phase.phaseFloorRssMiB),
  });
  return {
    load,
    rss: { seed: rss(seed), scaled: rss(scaled) },
    operations: (
      [
        ['seed', seed],
        ['scaled', scaled],
      ] as const
    ).flatMap(([label, phase]) =>
      [...phase.operations, ...phase.nested].map((m, i) => {
        const floor: FloorResult = phase.floors[i] ?? { kind: 'none' };
        const timed = floor.kind === 'timed' && !floor.floor.timedOut ? floor : null;
        return {
          name: m.name,
          phase: label,
          scale: phase.health.entities,
          timedOut: m.timedOut,
          p50: finite(m.p50),
          p95: finite(m.p95),
          floorP50: timed ? finite(timed.floor.p50) : null,
          ratioToFloor: timed ? finite(percentile(timed.ratios, 50)) : null,
          ratioToFloorMin: timed ? finite(Math.min(...timed.ratios)) : null,
          ratioToFloorMax: timed ? finite(Math.max(...timed.ratios)) : null,
          floorMismatch: floor.kind === 'mismatch' ? floor.difference : null,
          roundTrips: m.roundTrips.length === 0 ? null : Math.max(...m.roundTrips),
          floorRoundTrips: timed ? Math.max(...timed.floor.roundTrips) : null,
          appRssMiB: finite(phase.appRssMiB[i]!),
          floorRssMiB: finite(phase.floorRssMiB[i]!),
          appToFloorRss: finite(phase.appRssMiB[i]! / phase.floorRssMiB[i]!),
        };
      }),
    ),
  };
}

/** The bulk load in a few lines (also the whole report of --grow-only). */
function loadReport(load: LoadFigures, memory: Neo4jMemory, storeMiB: number | null): string[] {
  return [
    `Bulk load (${count(load.batchSize)} rows per UNWIND batch, one transaction each; Neo4j heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB): ` +
      `${count(load.entities)} entities in ${load.entitySeconds.toFixed(1)} s (${perSecond(load.entitiesPerSecond)}), ` +
      `${count(load.facts)} facts in ${load.factSeconds.toFixed(1)} s (${perSecond(load.factsPerSecond)}, generation included), ` +
      `entity sources and index wait ${load.finishSeconds.toFixed(1)} s; ${load.seconds.toFixed(1)} s in all` +
      (Number.isFinite(load.factNeo4jCpuSeconds)
        ? `; Neo4j used ${load.factNeo4jCpuSeconds.toFixed(1)} CPU s for the facts (${perSecond(load.factsPerNeo4jCpuSecond)} of its CPU time)`
        : '') +
      (storeMiB === null ? '' : `; store on disk ${count(Math.round(storeMiB))} MiB`),
  ];
}

function report(args: BenchArgs, seed: Phase, scaled: Phase, neo4jVersion: string, load: LoadFigures, memory: Neo4jMemory, storeMiB: number | null): string {
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
    `Neo4j ${neo4jVersion} ${seed.health.neo4jEdition} (throw-away local, heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB) · ` +
      `Node ${process.version} · ${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (${cpu[0]?.model.trim() ?? 'unknown'}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  lines.push(
    `iterations ${args.iterations} per operation and phase after ${args.warmup} warm-up requests ` +
      `(at most ${args.budgetSeconds} s each, and at least ${MIN_ITERATIONS}; a request past ${args.timeoutSeconds} s is stopped and reported as "> …") · one request at a time over HTTP to the app's own process`,
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
  lines.push(`(synthetic: ${count(args.scale)} entities and ${count(args.facts)} facts, written in ${load.seconds.toFixed(1)} s)`);
  lines.push(...loadReport(load, memory, storeMiB));
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

  lines.push(...floorReport(seed, scaled, p50));
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

/** Forks the app's and the floor's processes; both are stopped at teardown. */
async function startServers(env: Awaited<ReturnType<typeof startEnvironment>>, teardown: Teardown): Promise<Servers> {
  const start = async (name: string, module: URL) => {
    const server = await ChildServer.start(name, module, env.childInit);
    teardown.add(`stop the ${name} process`, () => server.stop());
    return server;
  };
  const [app, floor] = await Promise.all([
    start('app', besideModule('./app-process', import.meta.url)),
    start('floor', besideModule('./floor/process', import.meta.url)),
  ]);
  return { app, floor };
}

async function main(args: BenchArgs, teardown: Teardown): Promise<void> {
  const memory = neo4jMemory(args.facts);
  const env = await startEnvironment(teardown, log, args.timeoutSeconds * 1000, memory);
  const grow = async () => {
    log(`growing the graph by ${count(args.scale)} entities and ${count(args.facts)} facts`);
    const synthetic = streamSyntheticGraph(
      { entities: args.scale, facts: args.facts },
      new Set(env.seed.entities.map((e) => e.id)),
    );
    const load = await growGraph(env.writer, synthetic, log, args.batchSize, () => processCpuSeconds(env.local.pid));
    log(`  written in ${load.seconds.toFixed(1)} s: ${Object.entries(synthetic.factsByType).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    const storeMiB = storeBytes(env.dataDir) / 2 ** 20;
    return { load, storeMiB: Number.isFinite(storeMiB) ? storeMiB : null };
  };

  if (args.growOnly) {
    const { load, storeMiB } = await grow();
    const health = await readHealth(env.writer);
    process.stdout.write(
      `\n${[
        `Magnesium supply graph: bulk load only (--grow-only), Neo4j ${health.neo4jVersion} ${health.neo4jEdition}, Node ${process.version}`,
        `graph after: ${count(health.entities)} entities, ${count(health.relationships)} relationships, ${count(health.sources)} sources`,
        ...loadReport(load, memory, storeMiB),
      ].join('\n')}\n`,
    );
    if (args.json) {
      writeFileSync(args.json, `${JSON.stringify({ load: jsonLoad(load, memory, storeMiB), operations: [] }, null, 2)}\n`);
      log(`figures written to ${args.json}`);
    }
    return;
  }

  const servers = await startServers(env, teardown);
  const client = new Client(servers.app.url, servers.app, args.timeoutSeconds * 1000);
  client.floor = { url: servers.floor.url, counter: servers.floor };
  const options: MeasureOptions = {
    warmup: args.warmup,
    iterations: args.iterations,
    timeoutMs: args.timeoutSeconds * 1000,
    budgetMs: args.budgetSeconds * 1000,
    minIterations: Math.min(MIN_ITERATIONS, args.iterations),
  };

  log('timing the operations on the seeded graph');
  const seedHealth = await readHealth(env.writer);
  const seed: Phase = { health: seedHealth, ...(await runPhase(client, 'seed', options, args.only, servers)) };

  const { load, storeMiB } = await grow();

  log('timing the operations on the scaled graph');
  const scaledHealth = await readHealth(env.writer);
  const scaled: Phase = { health: scaledHealth, ...(await runPhase(client, 'scaled', options, args.only, servers)) };

  const extras = await runScaledExtras(args, { client, db: env.writer, apiUrl: servers.app.url, floorUrl: servers.floor.url, childInit: env.childInit, log });

  process.stdout.write(`\n${report(args, seed, scaled, scaledHealth.neo4jVersion, load, memory, storeMiB)}\n${scaledExtrasReport(extras)}`);
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify({ ...(jsonReport(jsonLoad(load, memory, storeMiB), seed, scaled) as object), ...scaledExtrasJson(extras) }, null, 2)}\n`);
    log(`figures written to ${args.json}`);
  }
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
