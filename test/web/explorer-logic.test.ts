/**
 * The explorer's pure logic, without a browser: which labels are drawn (none overlapping),
 * what an edge says, which facts a day keeps, and the view state in the address bar.
 */
import { describe, expect, it } from 'vitest';
import { edgeLabel, shortNumber } from '../../web/src/edge-label.js';
import { declutter, type LabelBox, overlappingPairs } from '../../web/src/labels.js';
import { withSeededRandom } from '../../web/src/seeded-random.js';
import { readUrlState, urlOf } from '../../web/src/url-state.js';
import { DEFAULT_OPTIONS, describeWalk, inForce } from '../../web/src/view-options.js';

const box = (id: string, x1: number, y1: number, x2: number, y2: number, priority: number, avoidsBodies = false): LabelBox => ({
  id,
  x1,
  y1,
  x2,
  y2,
  priority,
  avoidsBodies,
});

describe('declutter', () => {
  it('keeps the more important of two overlapping labels, and every label that fits', () => {
    const labels = [box('edge', 0, 0, 50, 10, 100, true), box('focus', 10, 5, 60, 15, 0), box('far', 200, 0, 250, 10, 50)];
    expect([...declutter(labels, [])].sort()).toEqual(['far', 'focus']);
  });

  it('an edge label never covers a node body; a node label may sit beside its own', () => {
    const body = { x1: 0, y1: 0, x2: 30, y2: 30 };
    const kept = declutter([box('edge', 20, 20, 60, 30, 100, true), box('node', 0, 32, 30, 42, 10)], [body]);
    expect([...kept]).toEqual(['node']);
  });

  it('what it keeps never overlaps, however crowded (a hub of 200 labels in a small area)', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const labels = Array.from({ length: 200 }, (_, i) => {
      const x = next() * 400;
      const y = next() * 300;
      return box(`l${i}`, x, y, x + 20 + next() * 60, y + 8 + next() * 6, next() * 10);
    });
    const kept = declutter(labels, []);
    expect(kept.size).toBeGreaterThan(10);
    expect(overlappingPairs(labels.filter((l) => kept.has(l.id)))).toEqual([]);
    expect(overlappingPairs(labels).length).toBeGreaterThan(100);
  });
});

describe('edge labels', () => {
  const exports = (text: string, start: string, end: string | null, value?: number) => ({
    type: 'EXPORTS',
    figure: value === undefined ? null : { value, unit: 't', approximate: false, bound: null },
    evidence: { nature: 'REPORTED' as const, period: { text, start, end } },
  });

  it('one fact: its type, then its figure and period', () => {
    expect(edgeLabel([exports('2025-12', '2025-12-01', '2025-12-31', 5060)])).toBe('exports\n5,060 t · 2025-12');
    expect(edgeLabel([{ type: 'LOCATED_IN' }])).toBe('located in');
  });

  it('says when a fact is not reported, and reads an open period as ongoing', () => {
    expect(edgeLabel([{ type: 'APPLIES_TO', evidence: { nature: 'PLAN', period: { text: '2026-01-01/..', start: '2026-01-01', end: null } } }])).toBe(
      'applies to\n2026-01-01 on · planned',
    );
  });

  it('several facts: their count and the span of their periods', () => {
    const facts = [exports('2025-12', '2025-12-01', '2025-12-31'), exports('2024', '2024-01-01', '2024-12-31'), exports('2025-H1', '2025-01-01', '2025-06-30')];
    expect(edgeLabel(facts)).toBe('exports ×3\n2024 – 2025-12');
  });

  it('big numbers stay short', () => {
    expect(shortNumber(1_026_000)).toBe('1.03 M');
    expect(shortNumber(0.875)).toBe('0.875');
  });
});

describe('a day for the facts (asOf)', () => {
  it('keeps a fact whose period holds that day, open-ended periods included', () => {
    expect(inForce({ start: '2025-01-01', end: '2025-12-31' }, '2025-06-30')).toBe(true);
    expect(inForce({ start: '2025-01-01', end: '2025-12-31' }, '2026-01-01')).toBe(false);
    expect(inForce({ start: '2026-01-06', end: null }, '2030-01-01')).toBe(true);
    expect(inForce({ start: '2026-01-06', end: null }, '2026-01-05')).toBe(false);
    expect(inForce({ start: '2026-01-06', end: null }, undefined)).toBe(true);
  });

  it('describes what a dependency view follows', () => {
    expect(describeWalk(DEFAULT_OPTIONS)).toBe('reported supply links');
    expect(describeWalk({ dependence: 'MARKET', natures: ['REPORTED', 'PLAN', 'FORECAST'], asOf: '2025-06-30' })).toBe(
      'reported, planned or forecast market links in force on 2025-06-30',
    );
  });
});

describe('the view in the address bar', () => {
  it('round-trips every option, and leaves defaults out', () => {
    const state = {
      entity: 'country:china',
      view: 'upstream' as const,
      depth: 2,
      path: 'company:bmw',
      options: {
        hiddenKinds: new Set(['SECTOR', 'POLICY'] as const),
        hiddenTypes: new Set(['LOCATED_IN']),
        asOf: '2025-06-30',
        dependence: 'MARKET' as const,
        natures: ['REPORTED', 'PLAN'] as const,
      },
    };
    const url = urlOf(state);
    expect(decodeURIComponent(url)).toBe(
      '?entity=country:china&view=upstream&depth=2&path=company:bmw&hideKinds=POLICY,SECTOR&hideTypes=LOCATED_IN&asOf=2025-06-30&dependence=MARKET&natures=REPORTED,PLAN',
    );
    const back = readUrlState(url)!;
    expect({ ...back, options: { ...back.options, hiddenKinds: [...back.options.hiddenKinds].sort(), hiddenTypes: [...back.options.hiddenTypes] } }).toEqual({
      ...state,
      options: { ...state.options, hiddenKinds: ['POLICY', 'SECTOR'], hiddenTypes: ['LOCATED_IN'], natures: ['REPORTED', 'PLAN'] },
    });
    expect(urlOf({ entity: 'company:bmw', view: 'neighbourhood', depth: 3, path: undefined, options: DEFAULT_OPTIONS })).toBe('?entity=company%3Abmw');
  });

  it('drops what it does not know instead of guessing', () => {
    const state = readUrlState('?entity=BMW&view=sideways&depth=9&hideKinds=PLANET,COMPANY&asOf=2025-13-40&dependence=LOVE&natures=RUMOUR')!;
    expect(state.view).toBe('neighbourhood');
    expect(state.depth).toBe(3);
    expect([...state.options.hiddenKinds]).toEqual(['COMPANY']);
    expect(state.options.asOf).toBeUndefined();
    expect(state.options.dependence).toBe('SUPPLY');
    expect(state.options.natures).toEqual(['REPORTED']);
  });
});

describe('layout randomness', () => {
  it('is the same sequence on every run, and Math.random is restored afterwards', () => {
    const draw = () => withSeededRandom(42, () => [Math.random(), Math.random(), Math.random()]);
    expect(draw()).toEqual(draw());
    const original = Math.random;
    draw();
    expect(Math.random).toBe(original);
  });
});
