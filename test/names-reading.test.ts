/**
 * Reading a text as the names of several entities (src/db/names.ts), without a database:
 * which runs of words are looked up, which reading wins, and when a text names entities
 * together at all.
 */
import { describe, expect, it } from 'vitest';
import { type KeyName, readText, runKeys, togetherReadings } from '../src/db/names.js';

/** Keys as the by-keys query resolves them: each entity's exact keys, and keys typed in part (`~`). */
const names = (table: Record<string, string[]>) =>
  new Map<string, KeyName>(
    Object.entries(table).flatMap(([entityId, keys]) =>
      keys.map((key): [string, KeyName] => [key.replace(/^~/, ''), { entityId, exact: !key.startsWith('~') }]),
    ),
  );

/** The keys a small graph answers to. */
const NAMES = names({
  'country:united-states': ['us', 'united states', 'the united states'],
  'commodity:magnesium': ['magnesium', 'mg'],
  'company:us-magnesium': ['us magnesium', 'u s magnesium'],
  'policy:us-chapter-11': ['chapter 11'],
  'country:china': ['china'],
  'country:japan': ['japan'],
  'company:tesla': ['tesla'],
  'company:yimeitai': ['~yimei'],
  'org:mofcom': ['ministry of commerce'],
});

const parts = (text: string) => readText(text, NAMES).map((r) => ({ parts: r.parts.map((p) => p.text), leftover: r.leftover }));

describe('Names in a text: runs looked up', () => {
  it('looks up every run of consecutive words by its key, once, and never a stop word alone', () => {
    expect(runKeys('US Magnesium of Utah').sort()).toEqual(
      ['magnesium', 'magnesium of', 'magnesium of utah', 'of utah', 'us', 'us magnesium', 'us magnesium of', 'us magnesium of utah', 'utah'].sort(),
    );
    expect(runKeys('China china')).toEqual(['china', 'china china']);
  });

  it('keys a run as entityByName would key it: punctuation and dropped suffixes aside', () => {
    expect(runKeys('U.S. Magnesium')).toContain('u s magnesium');
    expect(runKeys('Tesla Inc')).toContain('tesla');
  });
});

describe('Names in a text: the best reading', () => {
  it('prefers the fewest parts: US Magnesium + Chapter 11, not United States + magnesium + Chapter 11', () => {
    const [best, next] = readText('US Magnesium Chapter 11', NAMES);
    expect(best).toEqual({
      parts: [
        { text: 'US Magnesium', entityId: 'company:us-magnesium', exact: true },
        { text: 'Chapter 11', entityId: 'policy:us-chapter-11', exact: true },
      ],
      leftover: [],
    });
    expect(next!.parts.map((p) => p.entityId)).toEqual(['country:united-states', 'commodity:magnesium', 'policy:us-chapter-11']);
  });

  it('keeps the words as typed in each part, punctuation included', () => {
    expect(parts('U.S. Magnesium, Chapter 11')[0]).toEqual({ parts: ['U.S. Magnesium', 'Chapter 11'], leftover: [] });
  });

  it('drops stop words between parts, but reads them inside a name', () => {
    expect(parts('Japan and the China')[0]).toEqual({ parts: ['Japan', 'China'], leftover: [] });
    expect(parts('Ministry of Commerce Japan')[0]).toEqual({ parts: ['Ministry of Commerce', 'Japan'], leftover: [] });
    expect(parts('the United States China')[0]).toEqual({ parts: ['the United States', 'China'], leftover: [] });
  });

  it('leaves over the words that name nothing, normalised', () => {
    expect(parts('China Japan dual-use')[0]).toEqual({ parts: ['China', 'Japan'], leftover: ['dual', 'use'] });
  });

  it('prefers fewer leftover words to fewer parts', () => {
    expect(parts('Tesla US magnesium imports').slice(0, 2)).toEqual([
      { parts: ['Tesla', 'US magnesium'], leftover: ['imports'] },
      { parts: ['Tesla', 'US', 'magnesium'], leftover: ['imports'] },
    ]);
  });

  it('reads a name typed in part only when nothing else reads the words', () => {
    const [best] = readText('Yimei Tesla', NAMES);
    expect(best!.parts).toEqual([
      { text: 'Yimei', entityId: 'company:yimeitai', exact: false },
      { text: 'Tesla', entityId: 'company:tesla', exact: true },
    ]);
    // Two parts either way: the reading with every name typed in full wins over the longer first part.
    const salt = names({ 'region:salt-lake': ['~salt lake'], 'region:city': ['city'], 'commodity:salt': ['salt'], 'region:lake-city': ['lake city'] });
    expect(readText('Salt Lake City', salt)[0]!.parts.map((p) => p.entityId)).toEqual(['commodity:salt', 'region:lake-city']);
  });

  it('gives at most the number of readings asked for, best first', () => {
    const readings = readText('US Magnesium Chapter 11 China Japan', NAMES, 3);
    expect(readings).toHaveLength(3);
    expect(readings[0]!.parts).toHaveLength(4);
  });

  it('reads an empty or all-stop-word text as nothing', () => {
    expect(readText('', NAMES)).toEqual([{ parts: [], leftover: [] }]);
    expect(readText('of the', NAMES)).toEqual([{ parts: [], leftover: [] }]);
  });
});

describe('Names in a text: entities named together', () => {
  const together = (text: string) => togetherReadings(readText(text, NAMES)).map((r) => r.parts.map((p) => p.entityId));

  it('takes the best reading when it leaves nothing over and names two or more entities', () => {
    expect(together('China Japan')).toEqual([['country:china', 'country:japan']]);
    expect(together('US Magnesium Chapter 11')).toEqual([['company:us-magnesium', 'policy:us-chapter-11']]);
  });

  it('names nothing together when the text is one entity’s name, or names one entity twice', () => {
    expect(together('US Magnesium')).toEqual([]);
    expect(together('magnesium')).toEqual([]);
    expect(together('Mg magnesium')).toEqual([]);
  });

  it('offers every reading of two or more entities, in order, when the best leaves words over', () => {
    expect(together('Tesla US magnesium imports').slice(0, 2)).toEqual([
      ['company:tesla', 'company:us-magnesium'],
      ['company:tesla', 'country:united-states', 'commodity:magnesium'],
    ]);
    expect(together('China prices')).toEqual([]);
  });
});
