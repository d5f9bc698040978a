/**
 * Reading a new document (src/ingest/extract.ts): mentions of known entities with their
 * spans, new names proposed as entities, and figures with units, periods, changes and the
 * entities they concern. The documents are our own, written in the style of the seed's
 * machine-translated news (test/fixtures/ingest/); the known entities are the seed's, by
 * name and alias. Every expected answer is written out, and so is what must not appear.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, type KnownEntity } from '../src/ingest/extract.js';
import { findFigures } from '../src/ingest/figures.js';
import { findPeriods, periodText } from '../src/ingest/periods.js';
import { proposalsOf } from '../src/ingest/proposals.js';

const KNOWN: KnownEntity[] = [
  { id: 'country:china', kind: 'Country', name: 'China', aliases: [] },
  { id: 'country:japan', kind: 'Country', name: 'Japan', aliases: [] },
  { id: 'country:south-korea', kind: 'Country', name: 'South Korea', aliases: ['Korea'] },
  { id: 'country:united-states', kind: 'Country', name: 'United States', aliases: ['US', 'USA', 'the United States'] },
  { id: 'country:israel', kind: 'Country', name: 'Israel', aliases: [] },
  { id: 'country:canada', kind: 'Country', name: 'Canada', aliases: [] },
  { id: 'region:shanxi', kind: 'Region', name: 'Shanxi', aliases: [] },
  { id: 'region:fugu', kind: 'Region', name: 'Fugu', aliases: ['Fugu area'] },
  { id: 'region:shaanxi', kind: 'Region', name: 'Shaanxi', aliases: [] },
  { id: 'region:inner-mongolia', kind: 'Region', name: 'Inner Mongolia', aliases: [] },
  { id: 'region:europe', kind: 'Region', name: 'Europe', aliases: ['European market'] },
  { id: 'region:north-america', kind: 'Region', name: 'North America', aliases: [] },
  { id: 'commodity:magnesium', kind: 'Commodity', name: 'magnesium', aliases: ['Mg', 'magnesium metal'] },
  { id: 'commodity:magnesium-ingot', kind: 'Commodity', name: 'magnesium ingot', aliases: ['Mg ingot'] },
  { id: 'commodity:magnesium-alloy', kind: 'Commodity', name: 'magnesium alloy', aliases: ['magnesium alloys'] },
  { id: 'commodity:magnesium-powder', kind: 'Commodity', name: 'magnesium powder', aliases: [] },
  { id: 'technology:brine-electrolysis', kind: 'Technology', name: 'brine electrolysis', aliases: [] },
  { id: 'org:mofcom', kind: 'Organization', name: 'Ministry of Commerce of China', aliases: ['Ministry of Commerce', 'MOFCOM'] },
  { id: 'org:smm', kind: 'Organization', name: 'SMM', aliases: ['Shanghai Metals Market'] },
  { id: 'org:european-union', kind: 'Organization', name: 'European Union', aliases: ['EU'] },
  { id: 'company:general-motors', kind: 'Company', name: 'General Motors', aliases: ['GM'] },
  { id: 'company:us-magnesium', kind: 'Company', name: 'US Magnesium', aliases: ['U.S. Magnesium'] },
  // Not in the seed: a known company whose name starts with a demonym.
  { id: 'company:canadian-light-metals', kind: 'Company', name: 'Canadian Light Metals', aliases: [] },
  { id: 'policy:us-chapter-11', kind: 'Policy', name: 'Chapter 11 of the US Bankruptcy Code', aliases: ['Chapter 11'] },
];

const read = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'ingest', name), 'utf8');

describe('a Chinese export report (shanxi-exports-2026-02.txt)', () => {
  const text = read('shanxi-exports-2026-02.txt');
  const result = extract(text, KNOWN, '2026-02-10');

  it('links every mention of a known entity, with its span, and none inside a new company’s name', () => {
    expect(result.mentions.map((m) => [m.entityId, m.text])).toEqual([
      ['region:shanxi', 'Shanxi'],
      ['commodity:magnesium-ingot', 'Magnesium Ingot'],
      // The title's "Japanese Buyers": Japan, by its demonym.
      ['country:japan', 'Japanese'],
      ['org:smm', 'SMM'],
      ['org:smm', 'SMM'],
      ['country:china', 'China'],
      ['commodity:magnesium-ingot', 'magnesium ingot'],
      ['country:japan', 'Japan'],
      ['country:south-korea', 'South Korea'],
      ['technology:brine-electrolysis', 'brine electrolysis'],
      ['commodity:magnesium-ingot', 'magnesium ingot'],
      ['region:fugu', 'Fugu'],
      ['org:mofcom', 'Ministry of Commerce'],
    ]);
    for (const mention of result.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    // "Shanxi" and "Magnesium" inside the new company's name are not mentions.
    expect(result.mentions.filter((m) => m.start >= 275 && m.start < 329)).toEqual([]);
  });

  it('proposes the companies and the place the graph does not know, each once, with its passage', () => {
    expect(result.entities.map((e) => [e.kind, e.name, text.slice(e.start, e.end)])).toEqual([
      ['COMPANY', 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.', 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.'],
      ['COMPANY', 'Qinghai Salt Lake Industry Group', 'Qinghai Salt Lake Industry Group'],
      ['PLACE', 'Qinghai', 'Qinghai'],
    ]);
    expect(result.entities[1]!.passage.text).toBe('Meanwhile, Qinghai Salt Lake Industry Group plans a new brine electrolysis line in Qinghai.');
    // Known names (China, Japan, Fugu, the Ministry of Commerce) are never proposed.
    expect(result.entities.map((e) => e.name)).not.toEqual(expect.arrayContaining(['China']));
    expect(result.entities.some((e) => /Ministry|Fugu|Japan|Korea/.test(e.name))).toBe(false);
  });

  it('proposes each figure with its unit, period, change and the entities of its sentence', () => {
    expect(
      result.figures.map((f) => ({
        written: text.slice(f.start, f.end),
        value: f.figure.value,
        unit: f.figure.unit,
        change: f.figure.change,
        period: f.period?.text,
        subject: f.subject,
        item: f.item?.entityId,
        type: f.suggestedType,
        nature: f.nature,
      })),
    ).toEqual([
      {
        written: '41,230 mt',
        value: 41230,
        unit: 't',
        change: { value: 6.8, unit: 'percent', basis: 'YOY' },
        period: '2026-01',
        subject: { entityId: 'country:china', name: 'China' },
        item: 'commodity:magnesium-ingot',
        type: 'EXPORTS',
        nature: 'REPORTED',
      },
      {
        written: '120,000 t',
        value: 120000,
        unit: 't',
        change: null,
        period: '2027',
        subject: { newName: 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.' },
        item: undefined,
        type: 'HAS_CAPACITY',
        nature: 'PLAN',
      },
      {
        written: '18,350 yuan/mt',
        value: 18350,
        unit: 'CNY/t',
        change: null,
        period: '2026-02-06',
        subject: { entityId: 'region:fugu', name: 'Fugu' },
        item: 'commodity:magnesium-ingot',
        type: 'QUOTES_PRICE',
        nature: 'REPORTED',
      },
    ]);
    // The change is the export figure's, not a figure of its own; days and years are not figures.
    expect(result.figures.map((f) => f.figure.value)).not.toEqual(expect.arrayContaining([6.8, 2026, 6, 10]));
    expect(result.figures[0]!.passage.text).toBe('According to SMM statistics, China exported 41,230 mt of magnesium ingot in January 2026, up 6.8% YoY.');
  });
});

describe('a North American offtake report (north-america-offtake-2026-03.txt)', () => {
  const text = read('north-america-offtake-2026-03.txt');
  const result = extract(text, KNOWN, '2026-03-03');

  it('links known entities by name, alias and demonym', () => {
    expect(result.mentions.map((m) => m.entityId)).toEqual([
      'region:north-america',
      'commodity:magnesium',
      'org:smm',
      'company:general-motors',
      'commodity:magnesium-alloy',
      'company:us-magnesium',
      'policy:us-chapter-11',
      'country:united-states',
      'commodity:magnesium',
      'country:israel',
      'country:canada',
      'country:canada',
    ]);
    expect(result.mentions.find((m) => m.entityId === 'country:united-states')!.text).toBe('the United States');
    // "North American" is the region, not the United States; "Canadian output" is Canada's.
    expect(result.mentions[0]!.text).toBe('North American');
    expect(result.mentions[result.mentions.length - 1]!.text).toBe('Canadian');
  });

  it('proposes the new company only, and resolves "the company" to it', () => {
    expect(result.entities.map((e) => [e.kind, e.name])).toEqual([['COMPANY', 'Nevada Clean Magnesium Inc.']]);
    const delivery = result.figures.find((f) => f.figure.value === 5000)!;
    expect(delivery.subject).toEqual({ newName: 'Nevada Clean Magnesium Inc.' });
    expect(delivery.figure.approximate).toBe(true);
    expect(delivery.nature).toBe('FORECAST');
    expect(delivery.period?.text).toBe('2027');
  });

  it('reads a fall as a negative change, and a horizon as the period of a forecast', () => {
    const imports = result.figures.find((f) => f.figure.value === 62400)!;
    expect(imports).toMatchObject({
      figure: { unit: 't', change: { value: -4.2, unit: 'percent', basis: 'YOY' } },
      period: { text: '2025' },
      subject: { entityId: 'country:united-states' },
      item: { entityId: 'commodity:magnesium' },
      suggestedType: 'IMPORTS',
      nature: 'REPORTED',
    });
    const canada = result.figures.find((f) => f.figure.value === 30000)!;
    // "Canadian output": the demonym names the subject (before demonyms it had none).
    expect(canada).toMatchObject({ period: { text: '2028' }, suggestedType: 'PRODUCES', nature: 'FORECAST', subject: { entityId: 'country:canada', name: 'Canada' } });
    expect(result.figures).toHaveLength(3);
  });
});

describe('a monthly review with demonyms and changes alone (europe-demand-2026-04.txt)', () => {
  const text = read('europe-demand-2026-04.txt');
  const result = extract(text, KNOWN, '2026-04-08');
  const proposals = proposalsOf('smm-2026-04-08-europe-demand', result);
  const facts = proposals.filter((p) => p.kind === 'FACT');

  it('links countries and regions named by their demonyms, and none inside a name or a holiday', () => {
    expect(result.mentions.map((m) => [m.entityId, m.text])).toEqual([
      ['country:china', 'Chinese'],
      ['commodity:magnesium-ingot', 'Magnesium Ingot'],
      ['region:europe', 'European'],
      ['org:smm', 'SMM'],
      ['org:smm', 'SMM'],
      ['country:china', 'Chinese'],
      ['commodity:magnesium-ingot', 'magnesium ingot'],
      ['region:europe', 'European'],
      ['commodity:magnesium-alloy', 'magnesium alloy'],
      ['country:japan', 'Japanese'],
      ['country:united-states', 'American'],
      ['commodity:magnesium-powder', 'magnesium powder'],
      ['commodity:magnesium-ingot', 'magnesium ingot'],
      ['region:fugu', 'Fugu area'],
      ['commodity:magnesium', 'Magnesium'],
      ['region:shaanxi', 'Shaanxi'],
      ['commodity:magnesium', 'magnesium'],
      ['region:inner-mongolia', 'Inner Mongolia'],
      ['country:canada', 'Canadian'],
      ['company:canadian-light-metals', 'Canadian Light Metals'],
    ]);
    for (const mention of result.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    // "China" in China Magnesium Corporation, "Chinese New Year", "Latin American": no mention.
    const at = (words: string) => text.indexOf(words);
    const within = (words: string) => result.mentions.filter((m) => m.start >= at(words) && m.end <= at(words) + words.length);
    expect(within('China Magnesium Corporation')).toEqual([]);
    expect(within('Chinese New Year')).toEqual([]);
    expect(within('Latin American')).toEqual([]);
  });

  it('proposes the new company and place, not a demonym', () => {
    expect(result.entities.map((e) => [e.kind, e.name])).toEqual([
      ['COMPANY', 'China Magnesium Corporation'],
      ['PLACE', 'Quebec'],
    ]);
  });

  it('proposes each figure, and each change given alone, with the demonym’s entity as its subject', () => {
    expect(proposals.map((p) => [p.id.split('~')[1], p.kind, p.suggestedId])).toEqual([
      ['1', 'FACT', 'china-exports-magnesium-ingot-2026-03'],
      ['2', 'FACT', 'europe-imports-magnesium-alloy-2026-03'],
      ['3', 'FACT', 'united-states-imports-magnesium-powder-2026-q1'],
      ['4', 'FACT', 'fugu-quotes-price-magnesium-ingot-2026-03'],
      ['5', 'FACT', 'shaanxi-produces-magnesium-2026-03'],
      ['6', 'ENTITY', 'company:china-magnesium'],
      ['7', 'FACT', 'china-magnesium-produces-magnesium-2026-q1'],
      ['8', 'FACT', 'canada-produces-2026'],
      ['9', 'ENTITY', 'region:quebec'],
    ]);
    const yoy = (value: number) => ({ value, unit: 'percent', basis: 'YOY' });
    const mom = (value: number) => ({ value, unit: 'percent', basis: 'MOM' });
    expect(
      facts.map((p) => ({
        written: text.slice(p.start, p.end),
        from: 'entityId' in p.from! ? p.from.entityId : p.from!.newName,
        to: p.to?.entityId ?? null,
        type: p.factType,
        value: p.figure.value,
        unit: p.figure.unit,
        approximate: p.figure.approximate,
        change: p.figure.change,
        otherChanges: p.figure.otherChanges,
        period: p.period,
        nature: p.nature,
        needsFigure: p.reviewNote?.includes('no figure') ?? false,
      })),
    ).toEqual([
      // Two changes of one figure: the fact holds the year-on-year one.
      { written: '45,870 mt', from: 'country:china', to: 'commodity:magnesium-ingot', type: 'EXPORTS', value: 45_870, unit: 't', approximate: false, change: yoy(12.3), otherChanges: [mom(3.1)], period: '2026-03', nature: 'REPORTED', needsFigure: false },
      // Changes alone: the figure is the change, a figure is needed to accept.
      { written: '20% year on year', from: 'region:europe', to: 'commodity:magnesium-alloy', type: 'IMPORTS', value: null, unit: null, approximate: false, change: yoy(20), otherChanges: [], period: '2026-03', nature: 'REPORTED', needsFigure: true },
      { written: '8.6% from a year earlier', from: 'country:united-states', to: 'commodity:magnesium-powder', type: 'IMPORTS', value: null, unit: null, approximate: false, change: yoy(-8.6), otherChanges: [], period: '2026-Q1', nature: 'REPORTED', needsFigure: true },
      { written: '3.5% month on month', from: 'region:fugu', to: 'commodity:magnesium-ingot', type: 'QUOTES_PRICE', value: null, unit: null, approximate: false, change: mom(-3.5), otherChanges: [], period: '2026-03', nature: 'REPORTED', needsFigure: true },
      { written: '12% YoY', from: 'region:shaanxi', to: 'commodity:magnesium', type: 'PRODUCES', value: null, unit: null, approximate: false, change: yoy(12), otherChanges: [mom(3)], period: '2026-03', nature: 'REPORTED', needsFigure: true },
      { written: '9,600 tonnes', from: 'China Magnesium Corporation', to: 'commodity:magnesium', type: 'PRODUCES', value: 9600, unit: 't', approximate: true, change: yoy(-4), otherChanges: [], period: '2026-Q1', nature: 'CLAIMED', needsFigure: false },
      { written: '15% YoY', from: 'country:canada', to: null, type: 'PRODUCES', value: null, unit: null, approximate: false, change: yoy(15), otherChanges: [], period: '2026', nature: 'FORECAST', needsFigure: true },
    ]);
    // Changes are not figures of their own beside the figure they qualify; years are not figures.
    expect(facts.map((p) => p.figure.value)).not.toEqual(expect.arrayContaining([12.3, 3.1, 2023, 2026]));
    expect(facts[4]!.reviewNote).toBe(
      "The passage gives a change (+12% year on year, +3% month on month) and no figure for it to qualify; a fact holds a change only with its quantity: give the figure when accepting (edits.figure; the proposed change is kept unless you give one), or reject the proposal. Only +12% year on year can be the fact's change; accepting writes the others into its note.",
    );
    expect(facts[5]!.reviewNote).toBeNull();
    expect(facts[1]!.passage.text).toBe('European imports of magnesium alloy rose 20% year on year in March, the fastest pace since 2023.');
  });
});

describe('demonyms: a country or region named by its adjective', () => {
  const mentioned = (sentence: string) => extract(sentence, KNOWN, '2026-04-08').mentions.map((m) => [m.entityId, m.text]);

  it('links the demonyms of the countries and regions the graph knows, with their spans', () => {
    const sentence = 'Chinese exporters, Japanese buyers, Canadian output, American and U.S. imports, European demand.';
    const result = extract(sentence, KNOWN, '2026-04-08');
    expect(result.mentions.map((m) => [m.entityId, m.text, m.start, m.end])).toEqual([
      ['country:china', 'Chinese', 0, 7],
      ['country:japan', 'Japanese', 19, 27],
      ['country:canada', 'Canadian', 36, 44],
      ['country:united-states', 'American', 53, 61],
      ['country:united-states', 'U.S.', 66, 70],
      ['region:europe', 'European', 80, 88],
    ]);
    expect(result.entities).toEqual([]);
    expect(mentioned('North American buyers and South Korean mills.')).toEqual([
      ['region:north-america', 'North American'],
      ['country:south-korea', 'South Korean'],
    ]);
  });

  it('is the subject of a figure in its sentence', () => {
    const result = extract('Chinese exporters shipped 45,000 t of magnesium ingot in March 2026.', KNOWN, '2026-04-08');
    expect(result.figures.map((f) => [f.subject, f.suggestedType, f.item?.entityId])).toEqual([
      [{ entityId: 'country:china', name: 'China' }, 'EXPORTS', 'commodity:magnesium-ingot'],
    ]);
  });

  it('does not link what only looks like one', () => {
    // Another place's ("South American", "North Korean", "Southeast Asian"), lower case, a holiday.
    expect(mentioned('South American, North Korean and Southeast Asian buyers; chinese exporters; before Chinese New Year.')).toEqual([]);
    // A demonym of a country the graph does not know links nothing.
    expect(mentioned('Norwegian output fell.')).toEqual([]);
    // Inside a known name, the name wins: the company, not Canada; the European Union, not Europe.
    expect(mentioned('Canadian Light Metals and the European Union.')).toEqual([
      ['company:canadian-light-metals', 'Canadian Light Metals'],
      ['org:european-union', 'European Union'],
    ]);
    // Inside a new organisation's name, neither the demonym nor the country is a mention.
    const result = extract('The European Commission met China Magnesium Corporation.', KNOWN, '2026-04-08');
    expect(result.mentions).toEqual([]);
    expect(result.entities.map((e) => [e.kind, e.name])).toEqual([
      ['ORGANIZATION', 'European Commission'],
      ['COMPANY', 'China Magnesium Corporation'],
    ]);
    // A demonym the library takes for an organisation is not proposed as one, even of a place the graph does not know.
    expect(extract('Buyers from South Korean markets stayed away.', KNOWN, '2026-04-08').entities).toEqual([]);
    expect(extract('Buyers from Latin American markets stayed away.', KNOWN, '2026-04-08').entities).toEqual([]);
  });
});

describe('figures and periods, one rule at a time', () => {
  const figure = (sentence: string) => findFigures(sentence, 0).map((f) => [f.value, f.unit, f.change?.value ?? null, f.change?.basis ?? null, f.bound, f.approximate]);

  it('scales tonnes and reads currencies, bounds and hedges', () => {
    expect(figure('Capacity will reach 1.2 million tonnes.')).toEqual([[1_200_000, 't', null, null, null, false]]);
    expect(figure('It exported 12 kt.')).toEqual([[12_000, 't', null, null, null, false]]);
    expect(figure('The deal is worth US$ 25 million.')).toEqual([[25_000_000, 'USD', null, null, null, false]]);
    expect(figure('It holds over 85% of world output.')).toEqual([[85, 'percent', null, null, 'AT_LEAST', false]]);
    expect(figure('Output fell 5.5% month-on-month to about 650,000 t.')).toEqual([[650_000, 't', -5.5, 'MOM', null, true]]);
    expect(figure('Three plants opened in 2025 and 12 workers left.')).toEqual([]);
  });

  it('keeps every change of a figure, the year-on-year one as the change a fact holds', () => {
    const changes = (sentence: string) =>
      findFigures(sentence, 0).map((f) => [f.written, f.value, f.unit, f.change, f.otherChanges]);
    expect(changes('China exported 38,200 t in March, down 3% MoM and up 12% YoY.')).toEqual([
      ['38,200 t', 38_200, 't', { value: 12, unit: 'percent', basis: 'YOY' }, [{ value: -3, unit: 'percent', basis: 'MOM' }]],
    ]);
    // Changes before the figure they lead to, and one after it.
    expect(changes('Output fell 5.5% YoY and 2% MoM to about 650,000 t, up 1% DoD.')).toEqual([
      [
        '650,000 t',
        650_000,
        't',
        { value: -5.5, unit: 'percent', basis: 'YOY' },
        [
          { value: 2, unit: 'percent', basis: 'MOM' },
          { value: 1, unit: 'percent', basis: 'DOD' },
        ],
      ],
    ]);
  });

  it('reads a change with no figure as a figure of its own, with no value or unit', () => {
    const changes = (sentence: string) => findFigures(sentence, 0).map((f) => [f.written, f.value, f.unit, f.change?.value, f.change?.basis, f.otherChanges.length]);
    expect(changes('Exports rose 20% year on year in January.')).toEqual([['20% year on year', null, null, 20, 'YOY', 0]]);
    expect(changes('Prices fell 3.5% month on month.')).toEqual([['3.5% month on month', null, null, -3.5, 'MOM', 0]]);
    expect(changes('Output rose 12% YoY and 3% MoM.')).toEqual([['12% YoY', null, null, 12, 'YOY', 1]]);
    // Another clause's change is not the figure's before it, nor the figure's after it.
    expect(changes('China exported 41,230 t in January, while prices fell 3% MoM.')).toEqual([
      ['41,230 t', 41_230, 't', undefined, undefined, 0],
      ['3% MoM', null, null, -3, 'MOM', 0],
    ]);
    expect(changes('Prices fell 3.5% MoM, while China exported 41,000 t.')).toEqual([
      ['3.5% MoM', null, null, -3.5, 'MOM', 0],
      ['41,000 t', 41_000, 't', undefined, undefined, 0],
    ]);
    // Two changes of the same basis are two figures' changes.
    expect(changes('Exports rose 5% YoY, while imports fell 3% YoY.')).toEqual([
      ['5% YoY', null, null, 5, 'YOY', 0],
      ['3% YoY', null, null, -3, 'YOY', 0],
    ]);
    // A share is a figure, not a change.
    expect(changes('It holds over 85% of world output.')).toEqual([['85%', 85, 'percent', undefined, undefined, 0]]);
  });

  it('writes periods as the seed does, including the forms the library misreads', () => {
    const periods = (sentence: string) => findPeriods(sentence, 0, '2026-01-15').map((p) => p.text);
    expect(periods('Exports in January-November 2025 rose.')).toEqual(['2025-01/2025-11']);
    expect(periods('In H1 2025 output fell.')).toEqual(['2025-H1']);
    expect(periods('In the first half of 2025 output fell.')).toEqual(['2025-H1']);
    expect(periods('In Q3 2025 prices rose.')).toEqual(['2025-Q3']);
    expect(periods('Last month exports rose.')).toEqual(['2025-12']);
    expect(periods('By 2030 capacity doubles.')).toEqual(['2030']);
    // A month without its year: the latest one up to the document's date (the library gives
    // the next one, and took "year" of "year on year" into it), or the next one in a sentence
    // that looks ahead; "may" the verb is not May, and a day or year keeps the library's reading.
    const inApril = (sentence: string) => findPeriods(sentence, 0, '2026-04-08').map((p) => [p.written, p.text]);
    expect(inApril('Exports rose 20% year on year in March.')).toEqual([['in March', '2026-03']]);
    expect(inApril('Exports fell in November.')).toEqual([['in November', '2025-11']]);
    expect(inApril('Output is expected to recover in March.')).toEqual([['in March', '2027-03']]);
    expect(inApril('Output may rise.')).toEqual([]);
    expect(inApril('Prices fell in early March and rose on April 2, 2026.')).toEqual([
      ['in early March', '2026-03'],
      ['April 2, 2026', '2026-04-02'],
    ]);
    expect(inApril('Exports in March 2026 rose.')).toEqual([['in March 2026', '2026-03']]);
    expect(findPeriods('Exports fell in March.', 0, undefined).map((p) => p.written)).not.toContain('in March');
    expect(periodText('2025-04-01', '2025-06-30')).toBe('2025-Q2');
    expect(periodText('2025-03-10', '2025-03-20')).toBe('2025-03-10/2025-03-20');
  });
});

describe('proposals for review (src/ingest/proposals.ts)', () => {
  it('turns a document into numbered proposals with suggested ids, in the order of the text', () => {
    const text = read('shanxi-exports-2026-02.txt');
    const proposals = proposalsOf('smm-2026-02-10-shanxi-exports', extract(text, KNOWN, '2026-02-10'));
    expect(proposals.map((p) => [p.id, p.kind, p.suggestedId])).toEqual([
      ['smm-2026-02-10-shanxi-exports~1', 'FACT', 'china-exports-magnesium-ingot-2026-01'],
      ['smm-2026-02-10-shanxi-exports~2', 'ENTITY', 'company:shanxi-yinguang-huasheng-magnesium-industry'],
      ['smm-2026-02-10-shanxi-exports~3', 'FACT', 'shanxi-yinguang-huasheng-magnesium-industry-has-capacity-2027'],
      ['smm-2026-02-10-shanxi-exports~4', 'ENTITY', 'company:qinghai-salt-lake-industry'],
      ['smm-2026-02-10-shanxi-exports~5', 'ENTITY', 'region:qinghai'],
      ['smm-2026-02-10-shanxi-exports~6', 'FACT', 'fugu-quotes-price-magnesium-ingot-2026-02-06'],
    ]);
    const capacity = proposals[2]!;
    expect(capacity).toMatchObject({ kind: 'FACT', from: { newName: 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.' }, to: null, nature: 'PLAN', period: '2027' });
    // The same text gives the same proposals.
    expect(proposalsOf('smm-2026-02-10-shanxi-exports', extract(text, KNOWN, '2026-02-10'))).toEqual(proposals);
    // Nothing to add before accepting these: each has a figure and one change at most.
    expect(proposals.map((p) => (p.kind === 'FACT' ? p.reviewNote : undefined))).toEqual([null, undefined, null, undefined, undefined, null]);
  });

  it('proposes a change with no figure as a fact whose figure is the change, saying a figure is needed; and one change per fact', () => {
    const text = 'Chinese exporters shipped 45,870 mt of magnesium ingot in March 2026, up 12.3% YoY and 3.1% MoM. European imports of magnesium alloy rose 20% year on year in March.';
    const proposals = proposalsOf('doc', extract(text, KNOWN, '2026-04-08'));
    expect(proposals.map(({ passage: _passage, ...p }) => p)).toEqual([
      {
        id: 'doc~1',
        kind: 'FACT',
        start: 26,
        end: 35,
        suggestedId: 'china-exports-magnesium-ingot-2026-03',
        factType: 'EXPORTS',
        from: { entityId: 'country:china', name: 'China' },
        to: { entityId: 'commodity:magnesium-ingot', name: 'magnesium ingot' },
        figure: {
          value: 45_870,
          unit: 't',
          approximate: false,
          bound: null,
          change: { value: 12.3, unit: 'percent', basis: 'YOY' },
          otherChanges: [{ value: 3.1, unit: 'percent', basis: 'MOM' }],
        },
        period: '2026-03',
        nature: 'REPORTED',
        reviewNote:
          "The passage also gives +3.1% month on month; a fact holds one change, so +12.3% year on year is proposed and accepting writes the others into the fact's note.",
      },
      {
        id: 'doc~2',
        kind: 'FACT',
        start: 138,
        end: 154,
        suggestedId: 'europe-imports-magnesium-alloy-2026-03',
        factType: 'IMPORTS',
        from: { entityId: 'region:europe', name: 'Europe' },
        to: { entityId: 'commodity:magnesium-alloy', name: 'magnesium alloy' },
        figure: { value: null, unit: null, approximate: false, bound: null, change: { value: 20, unit: 'percent', basis: 'YOY' }, otherChanges: [] },
        period: '2026-03',
        nature: 'REPORTED',
        reviewNote:
          'The passage gives a change (+20% year on year) and no figure for it to qualify; a fact holds a change only with its quantity: give the figure when accepting (edits.figure; the proposed change is kept unless you give one), or reject the proposal.',
      },
    ]);
    expect(text.slice(138, 154)).toBe('20% year on year');
  });
});
