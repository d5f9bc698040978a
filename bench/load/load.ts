/**
 * The open-loop load (bench/README.md, "Open-loop load"): a mixed read workload (80% a
 * company's suppliers with evidence, 20% the minimal entity(id)) sent at fixed arrival
 * rates, stepping up, by autocannon in a child process (generator.ts), against the API,
 * against the raw-Cypher floor of the same operations and, as a reference, against a
 * stock Apollo Server running the floor's queries (../overhead/stock.ts), interleaved
 * step by step. For each side, the highest rate whose step had p99 ≤ 100 ms and no
 * errors.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { besideModule } from '../../src/module-form.js';
import type { ChildInit } from '../child.js';
import { firstDifference } from '../floor/compare.js';
import { type Client, percentile } from '../measure.js';
import type { Operation } from '../operations.js';
import { startStockProcess } from '../overhead/stock.js';
import { count, ms, table } from '../report.js';
import type { StepOutcome, StepPlan } from './generator.js';
import { entityOperation, type LoadTargets, pickTargets, suppliersOperation } from './operations.js';

/**
 * Arrival rates, requests per second, in order; the load stops after a side's first
 * failing step. Steps of 40 from 160 (×1.25 to ×1.14), ×1.5 below and ×2 at the low
 * end, not ×2 throughout: with doubling steps a ratio of highest rates could only read
 * 0.25, 0.5 or 1, too coarse to tell a service at 0.8× its floor from one at 0.5×. The
 * steps went 160, 240, 320 until the floor held 320/s with a p99 near the target, which
 * left its limit unknown and read an API holding 240/s as 0.75 whether it held 300 or
 * not; 400 and 480 were added to find where the floor stops, and 560, 640 and 800 once
 * a quiet machine let the floor, the stock server and the API all hold 480/s (every
 * side at the top step says nothing about their ratio).
 */
export const RATES = [10, 20, 40, 60, 80, 120, 160, 200, 240, 280, 320, 400, 480, 560, 640, 800] as const;
/** A step passes with its p99 at most this, and no error, timeout or refused answer. */
export const P99_TARGET_MS = 100;
/** ...and at least this share of its scheduled requests answered (the last tick may fall past the step's end). */
export const MIN_ANSWERED_SHARE = 0.95;
/** In every five requests, this many ask for suppliers; the rest for the minimal entity. */
const SUPPLIER_SHARE_OF_FIVE = 4;
const REQUEST_TIMEOUT_SECONDS = 10;
/** The generator must report a step within its length plus this, or the run fails. */
const STEP_GRACE_MS = 30_000;

export interface StepSummary {
  rate: number;
  scheduled: number;
  answered: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  passed: boolean;
  /** Why the step failed; null when it passed. */
  failure: string | null;
}

export interface LoadResult {
  seconds: number;
  targets: { suppliers: number; entities: number };
  api: StepSummary[];
  /** Null when the floor's answers differed (then `floorMismatch` says where). */
  floor: StepSummary[] | null;
  floorMismatch: string | null;
  /** The reference: the floor's queries behind a stock Apollo Server; null when its answers differed. */
  stock: StepSummary[] | null;
  stockMismatch: string | null;
}

/** A step's figures, and whether it passes (p99 within the target, nothing failed or missing). */
export function summarizeStep(outcome: StepOutcome): StepSummary {
  const p99 = percentile(outcome.latencies, 99);
  const failures: string[] = [];
  if (outcome.errors > 0) failures.push(`${outcome.errors} errors (${outcome.timeouts} timeouts)`);
  if (outcome.non2xx > 0) failures.push(`${outcome.non2xx} non-2xx`);
  if (outcome.mismatches > 0) failures.push(`${outcome.mismatches} error answers`);
  if (outcome.answered < MIN_ANSWERED_SHARE * outcome.scheduled) failures.push(`${outcome.answered} of ${outcome.scheduled} answered`);
  if (!(p99 <= P99_TARGET_MS)) failures.push(`p99 ${ms(p99)} ms > ${P99_TARGET_MS}`);
  return {
    rate: outcome.rate,
    scheduled: outcome.scheduled,
    answered: outcome.answered,
    p50: percentile(outcome.latencies, 50),
    p99,
    max: outcome.latencies.length === 0 ? Number.NaN : Math.max(...outcome.latencies),
    errors: outcome.errors,
    timeouts: outcome.timeouts,
    non2xx: outcome.non2xx,
    mismatches: outcome.mismatches,
    passed: failures.length === 0,
    failure: failures.length === 0 ? null : failures.join(', '),
  };
}

/**
 * The highest rate held: that of the last passing step before the first failing one
 * (steps are in rising order); null when the first step failed or none ran.
 */
export function highestPassingRate(steps: readonly Pick<StepSummary, 'rate' | 'passed'>[]): number | null {
  let best: number | null = null;
  for (const step of steps) {
    if (!step.passed) break;
    best = step.rate;
  }
  return best;
}

/** Whether a side's highest rate is only a lower bound: every step passed, up to the last rate. */
export const heldEveryRate = (steps: readonly Pick<StepSummary, 'rate' | 'passed'>[], rates: readonly number[] = RATES) =>
  steps.length === rates.length && steps.every((s) => s.passed);

/** The mix, in the order requests are sent: four supplier lookups then one entity, over the ids in turn. */
export function mix(targets: LoadTargets, length = 200): Operation[] {
  const operations: Operation[] = [];
  let s = 0;
  let e = 0;
  for (let i = 0; i < length; i += 1) {
    operations.push(
      i % 5 < SUPPLIER_SHARE_OF_FIVE
        ? suppliersOperation(targets.suppliers[s++ % targets.suppliers.length]!)
        : entityOperation(targets.entities[e++ % targets.entities.length]!),
    );
  }
  return operations;
}

/** The generator's child process: one step at a time over IPC. */
class Generator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<Generator> {
    const child = fork(fileURLToPath(besideModule('./generator', import.meta.url)), [], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolveReady, rejectReady) => {
      child.once('message', () => resolveReady());
      child.once('exit', (code) => rejectReady(new Error(`the load generator exited with ${code} before it was ready`)));
      child.once('error', rejectReady);
    });
    return new Generator(child);
  }

  step(plan: StepPlan): Promise<StepOutcome> {
    return new Promise((resolveStep, rejectStep) => {
      const timer = setTimeout(() => {
        cleanup();
        rejectStep(new Error(`the load generator did not report a ${plan.seconds} s step within ${STEP_GRACE_MS / 1000} s more`));
      }, plan.seconds * 1000 + STEP_GRACE_MS);
      const onMessage = (message: { outcome?: StepOutcome; error?: string }) => {
        cleanup();
        if (message.outcome) resolveStep(message.outcome);
        else rejectStep(new Error(`the load generator failed: ${message.error ?? 'no message'}`));
      };
      const onExit = (code: number | null) => {
        cleanup();
        rejectStep(new Error(`the load generator exited with ${code} during a step`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send({ step: plan });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
    if (this.child.connected) this.child.send({ exit: true });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The first difference between the API's answers and another side's (the floor, or the
 * stock server's client) over the whole mix, or null.
 */
async function checkAnswers(client: Client, operations: readonly Operation[], other: (operation: Operation) => Promise<{ data: unknown }>, name: string): Promise<string | null> {
  const seen = new Set<string>();
  for (const operation of operations) {
    const key = JSON.stringify([operation.name, operation.variables]);
    if (seen.has(key)) continue;
    seen.add(key);
    const ours = await client.send(operation);
    let theirs;
    try {
      theirs = await other(operation);
    } catch (error) {
      return `${operation.name} ${JSON.stringify(operation.variables)}: the ${name} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    const difference = firstDifference(ours.data, theirs.data);
    if (difference) return `${operation.name} ${JSON.stringify(operation.variables)}: ${difference}`;
  }
  return null;
}

export interface LoadSettings {
  client: Client;
  db: Parameters<typeof pickTargets>[0];
  /** The API's base URL (http://127.0.0.1:port). */
  apiUrl: string;
  floorUrl: string;
  /** What the stock server's process is sent on start (its queries use the database). */
  childInit: ChildInit;
  timeoutMs: number;
  seconds: number;
  log: (line: string) => void;
}

/** Runs the load against the API, the stock Apollo reference and the floor, rate by rate, each side until its first failing step. */
export async function runLoad(settings: LoadSettings): Promise<LoadResult> {
  const { client, log } = settings;
  const targets = await pickTargets(settings.db);
  if (targets.suppliers.length === 0 || targets.entities.length === 0) throw new Error('the load found no company with suppliers');
  const operations = mix(targets);
  const floorMismatch = await checkAnswers(client, operations, (o) => client.send(o, 'floor'), 'floor');
  if (floorMismatch) log(`  [load] the floor's answer differs from the API's, the floor is not loaded. First difference: ${floorMismatch}`);
  const { server: stock, client: stockClient } = await startStockProcess(settings.childInit, settings.timeoutMs);
  try {
    const stockMismatch = await checkAnswers(client, operations, (o) => stockClient.send(o), 'stock server');
    if (stockMismatch) log(`  [load] the stock server's answer differs from the API's, it is not loaded. First difference: ${stockMismatch}`);
    return await loadSides(settings, targets, operations, floorMismatch, stock.url, stockMismatch);
  } finally {
    await stock.stop();
  }
}

/** The steps, rate by rate: the API, the stock server and the floor in turn, each until its first failing step. */
async function loadSides(
  settings: LoadSettings,
  targets: LoadTargets,
  operations: readonly Operation[],
  floorMismatch: string | null,
  stockUrl: string,
  stockMismatch: string | null,
): Promise<LoadResult> {
  const { log, seconds } = settings;
  const floorUrl = new URL(settings.floorUrl);
  const graphqlPlan = (origin: string) => (rate: number): StepPlan => ({
    origin,
    path: '/graphql',
    bodies: operations.map((o) => JSON.stringify({ query: o.query, variables: o.variables })),
    rate,
    seconds,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    expect: 'graphql',
  });
  const plans = {
    api: graphqlPlan(settings.apiUrl),
    stock: graphqlPlan(stockUrl),
    floor: (rate: number): StepPlan => ({
      origin: floorUrl.origin,
      path: floorUrl.pathname,
      bodies: operations.map((o) => JSON.stringify({ name: o.name, variables: o.variables })),
      rate,
      seconds,
      timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
      expect: 'floor',
    }),
  };
  const api: StepSummary[] = [];
  const stock: StepSummary[] = [];
  const floor: StepSummary[] = [];
  const generator = await Generator.start();
  try {
    for (const rate of RATES) {
      const sides = [
        ['api', api] as const,
        ...(stockMismatch ? [] : [['stock', stock] as const]),
        ...(floorMismatch ? [] : [['floor', floor] as const]),
      ];
      let ran = false;
      for (const [side, steps] of sides) {
        if (steps.some((s) => !s.passed)) continue;
        const summary = summarizeStep(await generator.step(plans[side](rate)));
        steps.push(summary);
        ran = true;
        log(
          `  [load] ${side} ${rate}/s: p50 ${ms(summary.p50)} ms, p99 ${ms(summary.p99)} ms, ${summary.answered}/${summary.scheduled} answered` +
            (summary.failure ? ` — failed: ${summary.failure}` : ''),
        );
        // Let what is still in flight finish before the next step.
        await new Promise((resolvePause) => setTimeout(resolvePause, 500));
      }
      if (!ran) break;
    }
  } finally {
    await generator.close();
  }
  return {
    seconds,
    targets: { suppliers: targets.suppliers.length, entities: targets.entities.length },
    api,
    floor: floorMismatch ? null : floor,
    floorMismatch,
    stock: stockMismatch ? null : stock,
    stockMismatch,
  };
}

/** Each side's highest rate held (null: it held none, or was left out). */
function highestRates(result: LoadResult) {
  return {
    api: highestPassingRate(result.api),
    stock: result.stock ? highestPassingRate(result.stock) : null,
    floor: result.floor ? highestPassingRate(result.floor) : null,
  };
}

/** One side's highest rate over another's; null when either held none. */
const rateRatio = (numerator: number | null, denominator: number | null) =>
  numerator === null || denominator === null ? null : numerator / denominator;

const NO_RATE = 'n/a (a side held no rate)';
const formatRatio = (ratio: number | null) => (ratio === null ? NO_RATE : ratio.toFixed(2));

function best(steps: readonly StepSummary[]): string {
  const rate = highestPassingRate(steps);
  if (rate === null) return `below ${RATES[0]}/s`;
  return heldEveryRate(steps) ? `≥ ${rate}/s (every step held)` : `${rate}/s`;
}

/** The report's section. */
export function loadReport(result: LoadResult): string[] {
  const rows = (side: string, steps: readonly StepSummary[]) =>
    steps.map((s) => [
      side,
      `${s.rate}/s`,
      `${count(s.answered)} / ${count(s.scheduled)}`,
      ms(s.p50),
      ms(s.p99),
      ms(s.max),
      count(s.errors + s.non2xx + s.mismatches),
      s.passed ? 'held' : `failed: ${s.failure}`,
    ]);
  const rates = highestRates(result);
  const stockLine =
    result.stock === null
      ? `Stock Apollo: not loaded, its answer differs from the API's: ${result.stockMismatch}`
      : `Reference, the floor's queries behind a stock Apollo Server 5 on Express 5 (bench/overhead/stock.ts): ` +
        `stock/floor ${formatRatio(rateRatio(rates.stock, rates.floor))}, ours/stock ${formatRatio(rateRatio(rates.api, rates.stock))}` +
        ': what Apollo Server and Express alone leave of the floor\'s rate, and what the app leaves of theirs';
  const ours = rateRatio(rates.api, rates.floor);
  const ratioLine =
    result.floor === null
      ? `Floor: not loaded, its answer differs from the API's: ${result.floorMismatch}`
      : ours === null
        ? `ours/floor: ${NO_RATE}`
        : `ours/floor (highest rate held): ${formatRatio(ours)}` +
          (heldEveryRate(result.floor) ? ` (the floor held every rate: its limit, and so the ratio's denominator, may be higher)` : '');
  return [
    `Open-loop load on the scaled graph (bench/load/): 80% suppliers(first: 20) of ${result.targets.suppliers} companies with evidence, ` +
      `20% entity(id) { id name kind } over ${result.targets.entities} entities; fixed arrival rates from autocannon in a child process ` +
      `(one connection per request per second, ticks staggered over the second), ${result.seconds} s per step, API, stock Apollo and floor steps interleaved; ` +
      `a step holds with p99 ≤ ${P99_TARGET_MS} ms, no error, timeout or non-2xx, and ≥ ${MIN_ANSWERED_SHARE * 100}% answered`,
    table(
      ['side', 'rate', 'answered / scheduled', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'step'],
      [...rows('API', result.api), ...rows('stock', result.stock ?? []), ...rows('floor', result.floor ?? [])],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    `Highest rate held: API ${best(result.api)}, stock Apollo ${result.stock ? best(result.stock) : 'n/a'}, floor ${result.floor ? best(result.floor) : 'n/a'}. ${ratioLine}`,
    stockLine,
  ];
}

/** The section of --json. */
export function loadJson(result: LoadResult): unknown {
  const finite = (value: number) => (Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null);
  const steps = (list: readonly StepSummary[]) =>
    list.map((s) => ({ ...s, p50: finite(s.p50), p99: finite(s.p99), max: finite(s.max) }));
  const rates = highestRates(result);
  const ratio = (numerator: number | null, denominator: number | null) => {
    const value = rateRatio(numerator, denominator);
    return value === null ? null : finite(value);
  };
  return {
    secondsPerStep: result.seconds,
    p99TargetMs: P99_TARGET_MS,
    targets: result.targets,
    apiHighestRate: rates.api,
    floorHighestRate: rates.floor,
    floorHeldEveryRate: result.floor ? heldEveryRate(result.floor) : null,
    ratioToFloor: ratio(rates.api, rates.floor),
    floorMismatch: result.floorMismatch,
    stockHighestRate: rates.stock,
    stockRatioToFloor: ratio(rates.stock, rates.floor),
    ratioToStock: ratio(rates.api, rates.stock),
    stockMismatch: result.stockMismatch,
    api: steps(result.api),
    stock: result.stock ? steps(result.stock) : null,
    floor: result.floor ? steps(result.floor) : null,
  };
}
