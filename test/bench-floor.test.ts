/**
 * The benchmark's pure parts: its --json flag, the comparison that decides whether the
 * raw-Cypher floor gives the API's answer before the two are timed side by side, and
 * the floor's table of operations (a floor under a name no operation has is never run).
 */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs, USAGE, UsageError } from '../bench/args.js';
import { firstDifference } from '../bench/floor/compare.js';
import { FLOOR } from '../bench/floor/operations.js';
import { ENTITY_NAME, SUPPLIERS_NAME } from '../bench/load/operations.js';
import { nestedOperation, OPERATIONS } from '../bench/operations.js';

describe('bench --json', () => {
  it('is off by default and takes a file name', () => {
    expect(parseBenchArgs([])?.json).toBeNull();
    expect(parseBenchArgs(['--json', 'out.json'])?.json).toBe('out.json');
    expect(USAGE).toContain('--json FILE');
  });

  it('refuses a missing or empty file name', () => {
    expect(() => parseBenchArgs(['--json'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--json', ''])).toThrow(UsageError);
  });
});

describe('floor answers compared with the API', () => {
  it('are equal whatever the key order', () => {
    expect(firstDifference({ a: 1, b: [{ x: 'y', z: null }] }, { b: [{ z: null, x: 'y' }], a: 1 })).toBeNull();
  });

  it('compare lists in order and name the first difference', () => {
    expect(firstDifference({ nodes: [{ id: 'a' }, { id: 'b' }] }, { nodes: [{ id: 'b' }, { id: 'a' }] })).toBe(
      'data.nodes[0].id: API "a", floor "b"',
    );
    expect(firstDifference({ nodes: [1, 2] }, { nodes: [1] })).toBe('data.nodes: API has 2 items, floor 1');
    expect(firstDifference({ e: { kind: 'COMPANY' } }, { e: {} })).toBe('data.e.kind: missing from the floor\'s answer, API "COMPANY"');
    expect(firstDifference({ n: 1 }, { n: '1' })).toBe('data.n: API 1, floor "1"');
  });
});

describe('the floor', () => {
  it('answers only operations the benchmark times, by their names', () => {
    // The timed operations, and those of the open-loop load and the overhead (bench/load/).
    const names = new Set([...[...OPERATIONS, nestedOperation(5), nestedOperation(50)].map((o) => o.name), SUPPLIERS_NAME, ENTITY_NAME]);
    expect(Object.keys(FLOOR).filter((name) => !names.has(name))).toEqual([]);
    expect(Object.keys(FLOOR)).toEqual(
      expect.arrayContaining([
        'search "magnesium"',
        'entity company:yimeitai',
        'suppliers bmw first 200',
        'relationships by source',
        'tradeFigures China exports',
        'nested entities(first: 50)',
        'upstream bmw depth 3',
        'upstream bmw depth 6',
        'downstream china depth 2',
        'dependencyPaths bmw→pidgeon k3',
      ]),
    );
  });
});
