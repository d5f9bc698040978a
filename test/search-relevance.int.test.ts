/**
 * Search relevance, measured: a set of queries people type (names, aliases, garbled and
 * short forms, misspellings) with the entity that must come first, run against the
 * seeded graph. Prints precision at 1 for the ranked search and for the full-text index's
 * own order (the ranking before src/db/catalog.ts re-ranked it), and requires every query
 * to put its entity first. Also: facts found by their words, and exact lookups of short
 * forms.
 */
import { describe, expect, it } from 'vitest';
import { searchQuery } from '../src/db/catalog.js';
import { int } from '../src/db/convert.js';
import { cypher } from '../src/db/cypher.js';
import { lookupKey } from '../src/db/names.js';
import { useTestApi } from './support/api.js';

const t = useTestApi();

/** Query → the entity a user means by it. */
const RELEVANCE: [string, string][] = [
  ['China', 'country:china'],
  ['Japan', 'country:japan'],
  ['Europe', 'region:europe'],
  ['Germany', 'country:germany'],
  ['United States', 'country:united-states'],
  ['US', 'country:united-states'],
  ['magnesium', 'commodity:magnesium'],
  ['magnesium ingot', 'commodity:magnesium-ingot'],
  ['Mg ingot', 'commodity:magnesium-ingot'],
  ['ingot', 'commodity:magnesium-ingot'],
  ['primary magnesium', 'commodity:primary-magnesium'],
  ['original magnesium', 'commodity:primary-magnesium'],
  ['magnesium alloy', 'commodity:magnesium-alloy'],
  ['Yimei Tai', 'company:yimeitai'],
  ['yimei', 'company:yimeitai'],
  ['Yingfeimai Technology', 'company:infimotion'],
  ['InfiMotion', 'company:infimotion'],
  ['Big Blue', 'company:big-blue-technologies'],
  ['Anyang Highrise Metal Material', 'company:anyang-highrise-metal-material'],
  ['US Magnesium', 'company:us-magnesium'],
  ['U.S. Magnesium', 'company:us-magnesium'],
  ['pidgeon method', 'technology:pidgeon-process'],
  ['Pidgeon', 'technology:pidgeon-process'],
  ['CITIC SEC', 'company:citic-securities'],
  ['Ministry of Commerce', 'org:mofcom'],
  ['MOFCOM', 'org:mofcom'],
  ['dual-use items', 'commodity:dual-use-items'],
  ['Announcement No. 256', 'policy:customs-tax-announcement-256'],
  ['Chapter 11', 'policy:us-chapter-11'],
  ['anti-monopoly', 'policy:china-campaign-against-vicious-competition'],
  ['Magrathea', 'company:magrathea'],
  ['Minago', 'project:minago'],
  ['BMW', 'company:bmw'],
  ['humanoid robots', 'sector:humanoid-robots'],
  ['Optimo', 'company:optimo'],
  ['MG-800', 'product:mg-800'],
  ['Great Salt Lake', 'region:great-salt-lake'],
  ['Shangmagnesium', 'org:shangmagnesium'],
  ['magnesum', 'commodity:magnesium'],
  ['Kazakstan', 'country:kazakhstan'],
];

describe('Search relevance: precision at 1', () => {
  it(`puts the intended entity first for all ${RELEVANCE.length} queries, and says how the index alone did`, async () => {
    let ranked = 0;
    let indexOnly = 0;
    const misses: string[] = [];
    for (const [text, expected] of RELEVANCE) {
      const { search } = await t.query('query ($text: String!) { search(query: $text, first: 3) { entity { id } match } }', { text });
      if (search[0]?.entity.id === expected) ranked += 1;
      else misses.push(`${text} → ${search[0]?.entity.id ?? 'nothing'}`);
      // The index's own order: the same candidates by score alone.
      const rows = await t.db.run(cypher('entities/search'), {
        query: searchQuery(text),
        keyQuery: 'id:"none"',
        key: lookupKey(text),
        kinds: null,
        limit: int(3),
      });
      const top = [...rows].sort((a, b) => Number(b.score) - Number(a.score))[0];
      if (top && String(top.id) === expected) indexOnly += 1;
    }
    const p1 = ranked / RELEVANCE.length;
    console.log(
      `search relevance: precision@1 ${p1.toFixed(3)} ranked, ${(indexOnly / RELEVANCE.length).toFixed(3)} by full-text score alone (${RELEVANCE.length} queries)`,
    );
    expect(misses).toEqual([]);
    expect(p1).toBe(1);
  });

  it('each hit says how it matches, and hits come in that order', async () => {
    const { search } = await t.query('{ search(query: "China", first: 10) { entity { id } match } }');
    expect(search[0]).toEqual({ entity: { id: 'country:china' }, match: 'EXACT' });
    const order = ['EXACT', 'PREFIX', 'WORDS', 'FUZZY'];
    const ranks = search.map((h: { match: string }) => order.indexOf(h.match));
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    // The ingot grade whose description mentions China no longer outranks China.
    expect(search.findIndex((h: any) => h.entity.id === 'commodity:magnesium-ingot-99-9')).not.toBe(0);
  });
});

describe('Search: short forms and facts', () => {
  it('entityByName finds a company without its legal or generic suffix, and ignores punctuation', async () => {
    const data = await t.query(`{
      a: entityByName(name: "Anyang Highrise Metal Material") { id }
      b: entityByName(name: "big blue") { id }
      c: entityByName(name: "U.S. Magnesium") { id }
      d: entityByName(name: "Baowu Magnesium") { id }
      e: entityByName(name: "Magnesium Industry") { id }
    }`);
    expect(data).toEqual({
      a: { id: 'company:anyang-highrise-metal-material' },
      b: { id: 'company:big-blue-technologies' },
      c: { id: 'company:us-magnesium' },
      d: { id: 'company:baowu-magnesium-technology' },
      e: null,
    });
  });

  it('searchFacts finds a fact by words that appear only in its claim', async () => {
    const data = await t.query(`{
      smog: searchFacts(query: "winter smog") { relationship { id type } }
      reviews: searchFacts(query: "stricter compliance reviews", first: 1) { relationship { id } }
      entities: search(query: "winter smog") { entity { id } }
    }`);
    expect(data.smog).toEqual([{ relationship: { id: 'us-magnesium-dispute-with-utah-over-lease', type: 'IN_DISPUTE_WITH' } }]);
    expect(data.reviews).toEqual([{ relationship: { id: 'japan-dual-use-controls-tighten-magnesium-reviews' } }]);
    expect(data.entities).toEqual([]);
  });

  it('searchFacts also reads every document’s own wording of a fact', async () => {
    const { searchFacts } = await t.query('{ searchFacts(query: "Magnesium Industry Branch count", first: 3) { relationship { id } } }');
    expect(searchFacts.map((h: any) => h.relationship.id)).toContain('china-magnesium-output-2024-overview');
  });
});
