/**
 * The pure parts of the bench's open-loop load and overhead measurements: flags, the
 * step verdicts, the highest rate held, the mix and the generator's split of a rate.
 * Nothing here times anything (performance is printed by the bench, never asserted).
 */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, USAGE, UsageError } from '../bench/args.js';
import { MAX_INSTANCES, shareOf, type StepOutcome } from '../bench/load/generator.js';
import { heldEveryRate, highestPassingRate, type LoadResult, loadJson, loadReport, mix, P99_TARGET_MS, RATES, type StepSummary, summarizeStep } from '../bench/load/load.js';
import { ENTITY_NAME, SUPPLIERS_NAME } from '../bench/load/operations.js';

const outcome = (overrides: Partial<StepOutcome> = {}): StepOutcome => ({
  rate: 10,
  seconds: 2,
  scheduled: 20,
  answered: 20,
  latencies: Array.from({ length: 20 }, (_, i) => 5 + i),
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  mismatches: 0,
  ...overrides,
});

describe('bench load flags', () => {
  it('runs the load and the overhead by default, 8 s per step and 300 rounds', () => {
    const args = parseBenchArgs([])!;
    expect(args.load).toBe(true);
    expect(args.loadSeconds).toBe(8);
    expect(args.overhead).toBe(true);
    expect(args.overheadRounds).toBe(300);
  });

  it('takes --load-seconds, --no-load, --overhead-rounds and --no-overhead', () => {
    const args = parseBenchArgs(['--load-seconds', '3', '--no-load', '--overhead-rounds', '50', '--no-overhead'])!;
    expect(args).toMatchObject({ loadSeconds: 3, load: false, overheadRounds: 50, overhead: false });
    for (const flag of ['--load-seconds N', '--no-load', '--overhead-rounds N', '--no-overhead']) expect(USAGE).toContain(flag);
  });

  it('refuses a step too short, too long or not a number', () => {
    for (const value of ['1', '61', 'x', '2.5']) expect(() => parseBenchArgs(['--load-seconds', value])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--overhead-rounds', '5'])).toThrow(UsageError);
  });
});

describe('a load step', () => {
  it('holds with its p99 within the target and every request answered cleanly', () => {
    const step = summarizeStep(outcome());
    expect(step).toMatchObject({ passed: true, failure: null, p50: 14, p99: 24, max: 24 });
  });

  it('fails on a p99 above the target, errors, refusals, error answers or missing answers, saying why', () => {
    const slow = summarizeStep(outcome({ latencies: [...Array.from({ length: 19 }, () => 5), P99_TARGET_MS + 1] }));
    expect(slow.passed).toBe(false);
    expect(slow.failure).toContain('p99');
    expect(summarizeStep(outcome({ errors: 2, timeouts: 1 })).failure).toContain('2 errors (1 timeouts)');
    expect(summarizeStep(outcome({ non2xx: 1 })).failure).toContain('1 non-2xx');
    expect(summarizeStep(outcome({ mismatches: 3 })).failure).toContain('3 error answers');
    const missing = outcome({ answered: 18, latencies: Array.from({ length: 18 }, () => 5) });
    expect(summarizeStep(missing).failure).toContain('18 of 20 answered');
    expect(summarizeStep(outcome({ answered: 0, latencies: [] })).passed).toBe(false);
  });

  it('tolerates the last tick falling past the end of the step', () => {
    expect(summarizeStep(outcome({ answered: 19, latencies: Array.from({ length: 19 }, () => 5) })).passed).toBe(true);
  });
});

describe('the highest rate held', () => {
  const steps = (...passed: boolean[]) => passed.map((p, i) => ({ rate: RATES[i]!, passed: p }));

  it('is the last passing step before the first failing one', () => {
    expect(highestPassingRate(steps(true, true, true, false))).toBe(40);
    expect(highestPassingRate(steps(true, false, true))).toBe(10);
  });

  it('is null when the first step failed or none ran', () => {
    expect(highestPassingRate(steps(false))).toBeNull();
    expect(highestPassingRate([])).toBeNull();
  });

  it('is only a lower bound when every rate held', () => {
    expect(heldEveryRate(steps(...RATES.map(() => true)))).toBe(true);
    expect(heldEveryRate(steps(...RATES.map((_, i) => i < RATES.length - 1)))).toBe(false);
    expect(heldEveryRate(steps(true, true))).toBe(false);
  });
});

describe('the load report', () => {
  const step = (rate: number, passed: boolean): StepSummary => ({
    rate, scheduled: rate * 8, answered: rate * 8, p50: 5, p99: passed ? 40 : 140, max: 150,
    errors: 0, timeouts: 0, non2xx: 0, mismatches: 0, passed, failure: passed ? null : 'p99 140 ms > 100',
  });
  const steps = (held: number, failed?: number) => [...RATES.filter((r) => r <= held).map((r) => step(r, true)), ...(failed ? [step(failed, false)] : [])];
  const result = (stock: StepSummary[] | null): LoadResult => ({
    seconds: 8,
    targets: { suppliers: 20, entities: 40 },
    api: steps(160, 200),
    stock,
    stockMismatch: stock ? null : 'load: suppliers {"id":"company:x"}: entity.name: "A" ≠ "B"',
    floor: steps(320, 400),
    floorMismatch: null,
  });

  it('sets the stock Apollo reference between the API and the floor', () => {
    const report = loadReport(result(steps(240, 280))).join('\n');
    expect(report).toContain('Highest rate held: API 160/s, stock Apollo 240/s, floor 320/s. ours/floor (highest rate held): 0.50');
    expect(report).toContain('stock/floor 0.75, ours/stock 0.67');
    expect(report).toMatch(/^stock +\| +240\/s \|/m);
    expect(loadJson(result(steps(240, 280)))).toMatchObject({ apiHighestRate: 160, stockHighestRate: 240, floorHighestRate: 320, ratioToFloor: 0.5, stockRatioToFloor: 0.75, ratioToStock: 0.667, stockMismatch: null });
  });

  it('leaves out a stock server whose answers differ, and says why', () => {
    const report = loadReport(result(null)).join('\n');
    expect(report).toContain('stock Apollo n/a');
    expect(report).toContain("Stock Apollo: not loaded, its answer differs from the API's: load: suppliers");
    expect(report).not.toMatch(/^stock +\|/m);
    expect(loadJson(result(null))).toMatchObject({ stockHighestRate: null, stockRatioToFloor: null, ratioToStock: null, stock: null });
  });
});

describe('the load mix', () => {
  it('is four supplier lookups to one entity, over the ids in turn', () => {
    const operations = mix({ suppliers: ['company:a', 'company:b'], entities: ['x:1', 'x:2', 'x:3'] }, 100);
    expect(operations.filter((o) => o.name === SUPPLIERS_NAME)).toHaveLength(80);
    expect(operations.filter((o) => o.name === ENTITY_NAME)).toHaveLength(20);
    expect(operations.slice(0, 5).map((o) => o.variables?.id)).toEqual(['company:a', 'company:b', 'company:a', 'company:b', 'x:1']);
    expect(operations[9]!.variables?.id).toBe('x:2');
  });
});

describe('the generator', () => {
  it('splits a rate over its instances without losing or adding a request', () => {
    for (const rate of RATES) {
      const instances = Math.min(rate, MAX_INSTANCES);
      const shares = Array.from({ length: instances }, (_, i) => shareOf(rate, instances, i));
      expect(shares.reduce((a, b) => a + b, 0)).toBe(rate);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      expect(Math.min(...shares)).toBeGreaterThan(0);
    }
  });
});
