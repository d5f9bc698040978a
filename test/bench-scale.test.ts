/**
 * The benchmark's bulk-load and process helpers: the synthetic generator drawn lazily
 * gives the same rows as before (pinned by a digest at scale 2,000), batching, rates,
 * Neo4j's memory by size, the RSS comparison's format and the new flags.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, USAGE, WRITE_BATCH } from '../bench/args.js';
import { batches, rate } from '../bench/grow.js';
import { neo4jMemory } from '../bench/neo4j-memory.js';
import { cpuTicksFromStat } from '../bench/process-cpu.js';
import { rssVersus } from '../bench/report.js';
import { anchorIds, generateSyntheticGraph, streamSyntheticGraph } from '../bench/synthetic.js';

const anchors = new Set<string>(anchorIds());

describe('the synthetic graph drawn lazily', () => {
  it('keeps the rows of scale 2,000 (digest taken before facts were streamed)', () => {
    const graph = generateSyntheticGraph({ entities: 2000, facts: 10_000 }, anchors);
    const hash = createHash('sha256');
    for (const row of [...graph.sources, ...graph.entities, ...graph.facts]) hash.update(`${JSON.stringify(row)}\n`);
    expect(hash.digest('hex').slice(0, 16)).toBe('960bb85b634c5dbe');
    expect(graph.factsByType).toEqual({
      LOCATED_IN: 1980,
      SUPPLIES: 4491,
      DEPENDS_ON: 481,
      USES_TECHNOLOGY: 802,
      PRODUCES: 1203,
      EXPORTS_TO: 642,
      IMPORTS_FROM: 401,
    });
  });

  it('says how many facts it will draw, and fills entity sources once drawn', () => {
    for (const size of [
      { entities: 100, facts: 50 },
      { entities: 1000, facts: 5000 },
      { entities: 3000, facts: 40_000 },
    ]) {
      const stream = streamSyntheticGraph(size, anchors);
      expect(stream.entities.every((e) => (e.props.sourceIds as string[]).length === 0)).toBe(true);
      let drawn = 0;
      for (const _ of stream.facts) drawn += 1;
      expect(drawn).toBe(stream.factCount);
      expect(stream.entities.some((e) => (e.props.sourceIds as string[]).length > 0)).toBe(true);
    }
  });
});

describe('bulk-load helpers', () => {
  it('batch any sequence lazily, the last batch short', () => {
    expect([...batches([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...batches([], 3)]).toEqual([]);
    function* endless() {
      for (let i = 0; ; i += 1) yield i;
    }
    expect(batches(endless(), 3).next().value).toEqual([0, 1, 2]);
    expect(() => [...batches([1], 0)]).toThrow();
  });

  it('give a rate per second, 0 when nothing was timed', () => {
    expect(rate(1000, 4)).toBe(250);
    expect(rate(1000, 0)).toBe(0);
  });

  it("keep Neo4j's memory at the default size and grow the page cache with the facts, within 6 GiB", () => {
    expect(neo4jMemory(100_000)).toEqual({ heapMb: 2048, pageCacheMb: 1024 });
    expect(neo4jMemory(10_000)).toEqual({ heapMb: 2048, pageCacheMb: 1024 });
    const large = neo4jMemory(1_000_000);
    expect(large.pageCacheMb).toBeGreaterThanOrEqual(1536);
    expect(large.heapMb + large.pageCacheMb).toBeLessThanOrEqual(6144);
    expect(neo4jMemory(100_000_000).heapMb + neo4jMemory(100_000_000).pageCacheMb).toBeLessThanOrEqual(6144);
  });
});

describe('bench flags and formats', () => {
  it('--grow-only and --batch-size', () => {
    expect(parseBenchArgs([])).toMatchObject({ growOnly: false, batchSize: WRITE_BATCH });
    expect(parseBenchArgs(['--grow-only', '--batch-size', '20000'])).toMatchObject({ growOnly: true, batchSize: 20_000 });
    expect(() => parseBenchArgs(['--batch-size', '0'])).toThrow();
    expect(USAGE).toContain('--grow-only');
    expect(USAGE).toContain('--batch-size N');
  });

  it("set the app's RSS against the floor's", () => {
    expect(rssVersus(150, 100)).toBe('150 / 100 (×1.50)');
    expect(rssVersus(Number.NaN, 100)).toBe('n/a');
  });
});

describe("Neo4j's CPU time from /proc", () => {
  it('reads utime + stime, whatever the command name holds', () => {
    const stat = '2419 (a (weird) name) R 2416 2416 18535 0 -1 4194304 123 0 0 0 1200 34 0 0 20 0 1 0 4408224';
    expect(cpuTicksFromStat(stat)).toBe(1234);
    expect(cpuTicksFromStat('garbage')).toBeNaN();
  });
});
