import { describe, expect, it } from 'vitest';
import { compareDisplayKeys, displayKey } from '../src/db/names.js';

const byDisplayName = (names: readonly string[]) =>
  names
    .map((name) => ({ name, key: displayKey(name) }))
    .sort((a, b) => compareDisplayKeys(a.key, b.key))
    .map((e) => e.name);

describe('the order entities are listed in by name', () => {
  it('ignores case and sorts accented letters beside their base letter', () => {
    expect(byDisplayName(['magontec', 'Élan Metals', 'BMW', 'alcoa', 'Zhongxin', 'elkem', '3M'])).toEqual([
      '3M',
      'alcoa',
      'BMW',
      'Élan Metals',
      'elkem',
      'magontec',
      'Zhongxin',
    ]);
  });

  it('is the order the comparator lower-casing both names gave, on names like the graph’s', () => {
    const names = ['US Magnesium', 'u.s. magnesium', 'Ürümqi Mg', 'Shaanxi Fugu', 'shaanxi', 'Anyang Highrise', 'anyang', 'Ölmez', 'O-Mag', '宝钢', 'Pidgeon'];
    expect(byDisplayName(names)).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(byDisplayName(names).slice(0, 4)).toEqual(['anyang', 'Anyang Highrise', 'O-Mag', 'Ölmez']);
  });
});
