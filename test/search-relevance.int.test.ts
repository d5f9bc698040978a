/**
 * Search relevance, measured: a set of queries people type (names, aliases, garbled and
 * short forms, misspellings) with the entity that must come first, run against the
 * seeded graph. Prints precision at 1 for the ranked search and for the full-text index's
 * own order (the ranking before src/db/catalog.ts re-ranked it), and requires every query
 * to put its entity first. Then texts that name several entities together ("BMW
 * Germany"): the exact hits each must give, in order, what must not appear, and the facts
 * between the entities searchFacts must list first, with precision and recall printed.
 * Also: facts found by their words, and exact lookups of short forms.
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
    const { search } = await t.query('{ search(query: "China", first: 10) { entity { id } match matched } }');
    expect(search[0]).toEqual({ entity: { id: 'country:china' }, match: 'EXACT', matched: 'China' });
    // One entity's name names no entity in part.
    expect(search.filter((h: { matched: string }) => h.matched !== 'China')).toEqual([]);
    const order = ['EXACT', 'PREFIX', 'WORDS', 'PART', 'FUZZY'];
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

  it('searchFacts finds figures by what they measure, where no claim uses those words', async () => {
    const query = 'query ($q: String!) { searchFacts(query: $q) { match relationship { id evidence { claim } figure { metric } } } }';
    const share = (await t.query(query, { q: 'share of world output' })).searchFacts;
    // The three world shares of China (two documents, two goods), and nothing else.
    expect(share.map((h: any) => h.relationship.id).sort()).toEqual([
      'china-share-of-world-magnesium-ingot-output-2024',
      'china-share-of-world-magnesium-output-2024',
      'china-share-of-world-magnesium-output-over-85',
    ]);
    expect(share.every((h: any) => h.match === 'WORDS' && h.relationship.figure.metric === 'SHARE_OF_WORLD_OUTPUT')).toBe(true);
    // Found by its metric alone: its claim says neither "share" nor "output".
    const over85 = share.find((h: any) => h.relationship.id === 'china-share-of-world-magnesium-output-over-85');
    expect(over85.relationship.evidence.claim).not.toMatch(/share|output/i);

    const density = (await t.query(query, { q: 'power density' })).searchFacts;
    expect(density.map((h: any) => h.relationship.id).sort()).toEqual(['900v-e-drive-power-density', 'mg-al-dual-motor-system-power-density']);
    // By the metric's name too, and with the other spelling of utilisation (one edit away).
    const byName = (await t.query(query, { q: 'output as a share of capacity' })).searchFacts;
    expect(byName.map((h: any) => h.relationship.id)).toContain('china-primary-magnesium-utilisation-2024');
    const spelling = (await t.query(query, { q: 'capacity utilization' })).searchFacts;
    expect(spelling[0].relationship).toMatchObject({ id: 'china-primary-magnesium-utilisation-2024', figure: { metric: 'CAPACITY_UTILISATION' } });
  });

  it('searchFacts also reads every document’s own wording of a fact', async () => {
    const { searchFacts } = await t.query('{ searchFacts(query: "Magnesium Industry Branch count", first: 3) { relationship { id } } }');
    expect(searchFacts.map((h: any) => h.relationship.id)).toContain('china-magnesium-output-2024-overview');
  });
});

/** A hit as the tables below write it: entity id and match, and for PART the words that name it. */
type Hit = [id: string, match: string, matched?: string];

/**
 * Texts that name several entities together, with every hit search must give (first: 10),
 * in order, and entities that must not appear (a wrong reading of the text).
 */
const TOGETHER: { text: string; hits: Hit[]; never?: string[] }[] = [
  { text: 'BMW Germany', hits: [['company:bmw', 'PART', 'BMW'], ['country:germany', 'PART', 'Germany']] },
  { text: 'Tesla and BMW', hits: [['company:tesla', 'PART', 'Tesla'], ['company:bmw', 'PART', 'BMW']] },
  { text: 'Boeing Lockheed Martin', hits: [['company:boeing', 'PART', 'Boeing'], ['company:lockheed-martin', 'PART', 'Lockheed Martin']] },
  // Nothing but two full names: both countries first, in the order typed, then MOFCOM, whose
  // description carries both words (so does Japan's, but the user typed two countries).
  { text: 'China Japan', hits: [['country:china', 'PART', 'China'], ['country:japan', 'PART', 'Japan'], ['org:mofcom', 'WORDS']] },
  { text: 'Japan and China', hits: [['country:japan', 'PART', 'Japan'], ['country:china', 'PART', 'China'], ['org:mofcom', 'WORDS']] },
  // "dual-use" names nothing, but the dual-use restrictions from China to Japan have the words.
  {
    text: 'China Japan dual-use',
    hits: [['org:mofcom', 'WORDS'], ['country:japan', 'WORDS'], ['country:china', 'PART', 'China']],
    never: ['commodity:dual-use-items'],
  },
  // The company, not the United States and magnesium: the fewest parts win.
  {
    text: 'US Magnesium Chapter 11',
    hits: [['company:us-magnesium', 'PART', 'US Magnesium'], ['policy:us-chapter-11', 'PART', 'Chapter 11']],
    never: ['country:united-states', 'commodity:magnesium'],
  },
  { text: 'U.S. Magnesium Utah', hits: [['company:us-magnesium', 'PART', 'U.S. Magnesium'], ['region:utah', 'PART', 'Utah']], never: ['country:united-states'] },
  // No fact between Tesla and the company US Magnesium has "imports"; Tesla's reliance on US magnesium imports does.
  {
    text: 'Tesla US magnesium imports',
    hits: [['company:tesla', 'PART', 'Tesla'], ['country:united-states', 'PART', 'US'], ['commodity:magnesium', 'PART', 'magnesium']],
    never: ['company:us-magnesium'],
  },
  {
    text: 'Yimeitai Optimo MG-800',
    hits: [['company:yimeitai', 'PART', 'Yimeitai'], ['company:optimo', 'PART', 'Optimo'], ['product:mg-800', 'PART', 'MG-800']],
  },
  // Names typed in part: "Yimei" starts only Yimeitai's names, "auto" only the automotive sector's.
  { text: 'Yimei Tesla', hits: [['company:yimeitai', 'PART', 'Yimei'], ['company:tesla', 'PART', 'Tesla']] },
  { text: 'China auto', hits: [['org:caam', 'WORDS'], ['country:china', 'PART', 'China'], ['sector:automotive', 'PART', 'auto']] },
  // Not together: words left over that no fact between the entities has.
  { text: 'Tesla supplier Germany', hits: [] },
  { text: 'Ministry of Commerce Japan dual-use', hits: [['org:mofcom', 'WORDS'], ['policy:dual-use-export-controls-japan', 'WORDS']] },
];

/** A fact hit as the tables below write it: fact id and how it was found. */
type Fact = [id: string, match: string];

/**
 * Texts that name several entities together, with the facts between them searchFacts must
 * list first, exactly, then the facts found by their words alone.
 */
const FACTS_TOGETHER: { text: string; between: Fact[]; words: string[] }[] = [
  {
    text: 'BMW Germany',
    between: [['bmw-depends-on-germany-magnesium-imports', 'LINKS'], ['bmw-located-in-germany', 'LINKS']],
    words: [],
  },
  { text: 'US Magnesium Chapter 11', between: [['us-magnesium-chapter-11-filing', 'LINKS']], words: [] },
  {
    text: 'U.S. Magnesium Utah',
    between: [['us-magnesium-dispute-with-utah-over-lease', 'LINKS'], ['us-magnesium-located-in-utah', 'LINKS']],
    words: [],
  },
  // China's exports to Japan join them; the dual-use restrictions name them in their scope.
  {
    text: 'China Japan',
    between: [
      ['china-exports-magnesium-ingot-to-japan-overview', 'LINKS'],
      ['japan-dual-use-controls-bar-military-end-use', 'INVOLVES'],
      ['japan-dual-use-controls-tighten-magnesium-reviews', 'INVOLVES'],
    ],
    words: ['china-magnesium-ingot-exports-2026-outlook', 'japan-dual-use-controls-issued-by-mofcom', 'mofcom-located-in-china'],
  },
  // The words left over narrow the facts between them to the dual-use restrictions.
  {
    text: 'China Japan dual-use',
    between: [
      ['japan-dual-use-controls-bar-military-end-use', 'INVOLVES'],
      ['japan-dual-use-controls-tighten-magnesium-reviews', 'INVOLVES'],
    ],
    words: ['china-magnesium-ingot-exports-2026-outlook', 'japan-dual-use-controls-issued-by-mofcom', 'mofcom-located-in-china'],
  },
  { text: 'Yimeitai Optimo', between: [['yimeitai-supplies-optimo-mg-800', 'LINKS']], words: [] },
  {
    text: 'Yimeitai South Korea',
    between: [['yimeitai-exports-mg-800-to-south-korea', 'LINKS']],
    words: ['yimeitai-supplies-optimo-mg-800'],
  },
  {
    text: 'China Russia US imports',
    between: [
      ['us-imports-magnesium-from-china-2025-09', 'LINKS'],
      ['us-imports-magnesium-from-russia-2025-09', 'LINKS'],
      ['us-depends-on-china-for-magnesium-2025-09', 'LINKS'],
      ['us-depends-on-russia-for-magnesium-2025-09', 'LINKS'],
    ],
    words: [],
  },
];

/** Precision and recall of `got` against `wanted`, summed over a set. */
class Tally {
  private hits = 0;
  private got = 0;
  private wanted = 0;
  add(got: readonly string[], wanted: readonly string[]): void {
    this.hits += got.filter((x) => wanted.includes(x)).length;
    this.got += got.length;
    this.wanted += wanted.length;
  }
  get text(): string {
    const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b).toFixed(3);
    return `precision ${ratio(this.hits, this.got)}, recall ${ratio(this.hits, this.wanted)} (${this.wanted} expected)`;
  }
}

describe('Search relevance: several entities named together', () => {
  it(`gives exactly the expected hits, in order, for all ${TOGETHER.length} texts, and says how the words alone did`, async () => {
    const misses: string[] = [];
    const parts = new Tally();
    const wordsOnly = new Tally();
    for (const { text, hits, never = [] } of TOGETHER) {
      const { search } = await t.query('query ($text: String!) { search(query: $text, first: 10) { entity { id } match matched } }', { text });
      const got: Hit[] = search.map((h: any) => (h.match === 'PART' ? [h.entity.id, h.match, h.matched] : [h.entity.id, h.match]));
      const shown = got.map(([id]) => id);
      const wrong = never.filter((id) => shown.includes(id));
      if (JSON.stringify(got) !== JSON.stringify(hits) || wrong.length > 0) misses.push(`${text} → ${JSON.stringify(got)}`);
      const named = hits.filter(([, match]) => match === 'PART').map(([id]) => id);
      parts.add(got.filter(([, match]) => match === 'PART').map(([id]) => id), named);
      // Before entities could be named together: the full-text candidates of the whole text.
      const rows = await t.db.run(cypher('entities/search'), { query: searchQuery(text), keyQuery: 'id:"none"', key: lookupKey(text), kinds: null, limit: int(10) });
      const candidates = rows.map((row) => String(row.id));
      wordsOnly.add(candidates.filter((id) => named.includes(id)), named);
    }
    console.log(
      `search, entities named together (${TOGETHER.length} texts): ${TOGETHER.length - misses.length} exactly as expected; PART hits ${parts.text}; the same entities by the words alone: ${wordsOnly.text}`,
    );
    expect(misses).toEqual([]);
  });

  it('names nothing in part when the text is one entity’s name, for every text of the single-entity set', async () => {
    const parted: string[] = [];
    for (const text of [...RELEVANCE.map(([q]) => q), 'US Magnesium', 'the United States', 'Ministry of Commerce of China']) {
      const { search } = await t.query('query ($text: String!) { search(query: $text, first: 50) { entity { id } match } }', { text });
      if (search.some((h: { match: string }) => h.match === 'PART')) parted.push(text);
    }
    expect(parted).toEqual([]);
  });

  it('names only entities of the kinds asked for, and reads the text the same way', async () => {
    const { search } = await t.query('{ search(query: "BMW Germany", kinds: [COUNTRY]) { entity { id } match matched } }');
    expect(search).toEqual([{ entity: { id: 'country:germany' }, match: 'PART', matched: 'Germany' }]);
  });

  it(`searchFacts lists exactly the facts between the entities first, then those found by their words, for all ${FACTS_TOGETHER.length} texts`, async () => {
    const misses: string[] = [];
    const between = new Tally();
    const wordsOnly = new Tally();
    for (const { text, between: wanted, words } of FACTS_TOGETHER) {
      const { searchFacts } = await t.query(
        'query ($text: String!) { searchFacts(query: $text, first: 20) { match relationship { id } } }',
        { text },
      );
      const got: Fact[] = searchFacts.map((h: any) => [h.relationship.id, h.match]);
      const expected = [...wanted, ...words.map((id): Fact => [id, 'WORDS'])];
      if (JSON.stringify(got) !== JSON.stringify(expected)) misses.push(`${text} → ${JSON.stringify(got)}`);
      between.add(
        got.filter(([, match]) => match !== 'WORDS').map(([id]) => id),
        wanted.map(([id]) => id),
      );
      // Before entities could be named together: the facts with every word of the text.
      const rows = await t.db.run(cypher('relationships/search'), { query: searchQuery(text), limit: int(20) });
      const ids = wanted.map(([id]) => id);
      wordsOnly.add(rows.map((row) => String((row.rel as { id: string }).id)).filter((id) => ids.includes(id)), ids);
    }
    console.log(
      `searchFacts, facts between entities named together (${FACTS_TOGETHER.length} texts): ${between.text}; the same facts by the words alone: ${wordsOnly.text}`,
    );
    expect(misses).toEqual([]);
  });

  it('searchFacts says which of the named entities each fact involves, in the order typed', async () => {
    const { searchFacts } = await t.query('{ searchFacts(query: "Japan China dual-use", first: 3) { match between { id } relationship { id } } }');
    expect(searchFacts).toEqual([
      { match: 'INVOLVES', between: [{ id: 'country:japan' }, { id: 'country:china' }], relationship: { id: 'japan-dual-use-controls-bar-military-end-use' } },
      { match: 'INVOLVES', between: [{ id: 'country:japan' }, { id: 'country:china' }], relationship: { id: 'japan-dual-use-controls-tighten-magnesium-reviews' } },
      { match: 'WORDS', between: [], relationship: { id: 'china-magnesium-ingot-exports-2026-outlook' } },
    ]);
  });

  it('searchFacts keeps to `first` with the facts between the entities counted in', async () => {
    const { searchFacts } = await t.query('{ searchFacts(query: "China Japan", first: 2) { match relationship { id } } }');
    expect(searchFacts).toEqual([
      { match: 'LINKS', relationship: { id: 'china-exports-magnesium-ingot-to-japan-overview' } },
      { match: 'INVOLVES', relationship: { id: 'japan-dual-use-controls-bar-military-end-use' } },
    ]);
  });
});
