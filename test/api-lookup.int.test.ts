/**
 * The GraphQL API over HTTP, on the seeded graph: lookups, search, paged lists, typed
 * relationship fields with their evidence, and trade figures.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/graph.js';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { useTestApi } from './support/api.js';

const seed = validateSeed(readSeedFiles(resolve(PROJECT_ROOT, 'seed'), PROJECT_ROOT));
const t = useTestApi();
const query = t.query;

describe('API: lookup by id and by name', () => {
  it('returns an entity with its kind, aliases, description and sources', async () => {
    const data = await query(`{
      entity(id: "company:yimeitai") {
        __typename id kind name aliases description degree
        sources { id publisher title date }
      }
    }`);
    expect(data.entity).toMatchObject({
      __typename: 'Company',
      id: 'company:yimeitai',
      kind: 'COMPANY',
      name: 'Yimeitai',
      aliases: expect.arrayContaining(['Yimei Tai']),
    });
    expect(data.entity.description.length).toBeGreaterThan(20);
    expect(data.entity.sources).toEqual([
      {
        id: 'smm-2025-09-16-us-supply-risk',
        publisher: 'SMM (Shanghai Metals Market)',
        title: expect.stringMatching(/^US Producer Bankruptcy Triggers Supply Chain Risks/),
        date: '2025-09-16',
      },
    ]);
  });

  it('returns null for an unknown id', async () => {
    expect(await query('{ entity(id: "company:nobody") { id } }')).toEqual({ entity: null });
  });

  it('finds an entity by its name or any alias, ignoring case and surrounding spaces', async () => {
    const data = await query(`{
      a: entityByName(name: "Yimei Tai") { id }
      b: entityByName(name: "  yingfeimai technology ") { id }
      c: entityByName(name: "PIDGEON METHOD") { id }
      d: entityByName(name: "CITIC SEC") { id }
      e: entityByName(name: "original magnesium") { id }
      f: entityByName(name: "Yimei") { id }
    }`);
    expect(data).toEqual({
      a: { id: 'company:yimeitai' },
      b: { id: 'company:infimotion' },
      c: { id: 'technology:pidgeon-process' },
      d: { id: 'company:citic-securities' },
      e: { id: 'commodity:primary-magnesium' },
      f: null,
    });
  });
});

describe('API: full-text search', () => {
  it('ranks the entity whose name matches first, and finds names by prefix', async () => {
    const data = await query('{ search(query: "yimei") { score entity { id } } }');
    expect(data.search[0].entity.id).toBe('company:yimeitai');
    expect(data.search[0].score).toBeGreaterThan(data.search[1]?.score ?? 0);
  });

  it('finds aliases, filters by kind, and honours first', async () => {
    const data = await query(`{
      alias: search(query: "infimotion", kinds: [COMPANY], first: 1) { entity { id } }
      countries: search(query: "korea", kinds: [COUNTRY]) { entity { id kind } }
    }`);
    expect(data.alias).toEqual([{ entity: { id: 'company:infimotion' } }]);
    expect(data.countries).toEqual([{ entity: { id: 'country:south-korea', kind: 'COUNTRY' } }]);
  });

  it('treats Lucene syntax in the query as text', async () => {
    const data = await query('{ search(query: "magnesium AND (ingot OR) ~ * \\\\") { entity { id } } }');
    expect(data.search.length).toBeGreaterThan(0);
  });
});

describe('API: paged lists', () => {
  it('pages through entities with cursors and a total', async () => {
    const first = await query(`{
      entities(filter: {kinds: [COUNTRY]}, first: 5) {
        totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor }
      }
    }`);
    expect(first.entities.totalCount).toBe(seed.entities.filter((e) => e.kind === 'Country').length);
    expect(first.entities.edges.map((e: any) => e.node.name)).toEqual(['Brazil', 'Canada', 'China', 'Germany', 'India']);
    expect(first.entities.pageInfo.hasNextPage).toBe(true);
    const second = await query(
      `query($after: String) { entities(filter: {kinds: [COUNTRY]}, first: 5, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }`,
      { after: first.entities.pageInfo.endCursor },
    );
    expect(second.entities.edges.map((e: any) => e.node.name)).toEqual(['Israel', 'Italy', 'Japan', 'Kazakhstan', 'Netherlands']);
    const last = await query(`{ entities(filter: {kinds: [COUNTRY]}, first: 100) { edges { node { name } } pageInfo { hasNextPage } } }`);
    expect(last.entities.edges).toHaveLength(first.entities.totalCount);
    expect(last.entities.pageInfo.hasNextPage).toBe(false);
    // Without totalCount the list does not count: it reads one more than a page to know
    // whether another follows, exact at the boundary.
    const countries = first.entities.totalCount;
    const page = async (n: number) =>
      (await query(`query($n: Int) { entities(filter: {kinds: [COUNTRY]}, first: $n) { edges { node { name } } pageInfo { hasNextPage } } }`, { n })).entities;
    expect((await page(countries)).pageInfo.hasNextPage).toBe(false);
    expect((await page(countries)).edges).toHaveLength(countries);
    expect((await page(countries - 1)).pageInfo.hasNextPage).toBe(true);
    expect((await page(countries - 1)).edges).toHaveLength(countries - 1);
    // Unfiltered, the total is the store's count of entities; filtered, the entities tested.
    expect((await query('{ entities(first: 1) { totalCount } }')).entities.totalCount).toBe(seed.entities.length);
    expect((await query('{ entities(first: 1, orderBy: DEGREE_DESC) { totalCount } }')).entities.totalCount).toBe(seed.entities.length);
  });

  it('sorts by name descending and by degree, and filters by name, alias and source', async () => {
    const data = await query(`{
      desc: entities(filter: {kinds: [COUNTRY]}, orderBy: NAME_DESC, first: 2) { edges { node { name } } }
      degree: entities(orderBy: DEGREE_DESC, first: 1) { edges { node { id degree } } }
      byAlias: entities(filter: {nameContains: "yimei"}) { totalCount edges { node { id } } }
      bySource: entities(filter: {sourceId: "smm-2026-01-15-magnesium-innovation", kinds: [COMPANY]}) { edges { node { id } } }
    }`);
    expect(data.desc.edges.map((e: any) => e.node.name)).toEqual(['United States', 'United Kingdom']);
    expect(data.degree.edges[0].node.id).toBe('country:china');
    expect(data.byAlias).toEqual({ totalCount: 1, edges: [{ node: { id: 'company:yimeitai' } }] });
    expect(data.bySource.edges.map((e: any) => e.node.id)).toEqual([
      'company:arkansas-magnesium',
      'company:big-blue-technologies',
      'company:infimotion',
      'company:magrathea',
      'company:minago-development',
      'company:tetra-technologies',
      'company:wogen',
    ]);
  });

  it('lists a source’s facts and filters relationships by type, source and figure', async () => {
    const data = await query(`{
      source(id: "smm-2026-01-china-magnesium-exports-2025") { facts(first: 1) { totalCount } }
      relationships(filter: {types: [EXPORTS], sourceId: "smm-2026-01-china-magnesium-exports-2025", hasFigure: true, period: {from: "2025-12-01", to: "2025-12-31"}}) {
        totalCount edges { node { id figure { value unit change { value basis } } } }
      }
    }`);
    expect(data.source.facts.totalCount).toBe(seed.facts.filter((f) => f.sourceIds.includes('smm-2026-01-china-magnesium-exports-2025')).length);
    // Periods overlap: the four December figures and the four for the whole of 2025.
    expect(data.relationships.totalCount).toBe(8);
    const byId = Object.fromEntries(data.relationships.edges.map((e: any) => [e.node.id, e.node.figure]));
    expect(byId['china-magnesium-ingot-exports-2025-12']).toEqual({ value: 21500, unit: 't', change: { value: -3.13, basis: 'MOM' } });
    expect(byId['china-magnesium-exports-2025-12-total']).toEqual({ value: 38700, unit: 't', change: { value: -0.5, basis: 'MOM' } });
  });

  it('pages through a source’s facts and a place’s trade figures in list order, each page the slice of the whole list', async () => {
    const PAGES = `query ($after: String, $first: Int) {
      relationships(filter: { sourceId: "smm-2026-01-china-magnesium-exports-2025" }, first: $first, after: $after) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
      }
      tradeFigures(place: "country:china", first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage } }
    }`;
    const ids = (page: any) => page.edges.map((e: any) => e.node.id);
    const whole = await query(PAGES, { first: 100 });
    expect(whole.relationships.totalCount).toBeGreaterThan(12);
    expect(whole.tradeFigures.totalCount).toBeGreaterThan(12);
    const first = await query(PAGES, { first: 5 });
    const second = await query(PAGES, { first: 5, after: first.relationships.pageInfo.endCursor });
    for (const list of ['relationships', 'tradeFigures'] as const) {
      expect(first[list].totalCount, list).toBe(whole[list].totalCount);
      expect(ids(first[list]), list).toEqual(ids(whole[list]).slice(0, 5));
      expect(ids(second[list]), list).toEqual(ids(whole[list]).slice(5, 10));
      expect(second[list].pageInfo.hasNextPage, list).toBe(true);
    }
    const last = await query(PAGES, { first: 100, after: first.relationships.pageInfo.endCursor });
    expect(ids(last.relationships)).toEqual(ids(whole.relationships).slice(5));
    expect(last.relationships.pageInfo.hasNextPage).toBe(false);
  });
});

describe('API: typed relationship fields with evidence', () => {
  it('a company’s customers, technologies and location', async () => {
    const data = await query(`{
      entity(id: "company:yimeitai") { ... on Company {
        customers { entity { id } relationship { type item { id } evidence { claim sources { publisher date } period { text } } } }
        technologies { entity { id } }
        location { entity { id } }
      } }
    }`);
    const customers = data.entity.customers.map((l: any) => [l.entity.id, l.relationship.type, l.relationship.item?.id]);
    expect(customers).toEqual(
      expect.arrayContaining([
        ['company:optimo', 'SUPPLIES', 'product:mg-800'],
        ['country:south-korea', 'EXPORTS_TO', 'product:mg-800'],
      ]),
    );
    const optimo = data.entity.customers.find((l: any) => l.entity.id === 'company:optimo');
    expect(optimo.relationship.evidence.sources).toEqual([{ publisher: 'SMM (Shanghai Metals Market)', date: '2025-09-16' }]);
    expect(data.entity.technologies.map((l: any) => l.entity.id)).toContain('technology:semi-solid-injection-moulding');
    expect(data.entity.location.map((l: any) => l.entity.id)).toEqual(['country:china']);
  });

  it('a country’s exports by commodity and period, imports from others’ reports, and policies', async () => {
    const data = await query(`{
      china: entity(id: "country:china") { ... on Country {
        exports(commodity: "commodity:magnesium-ingot", period: {from: "2025-01-01", to: "2025-12-31"}) { id figure { value } }
        production(period: {from: "2024-01-01", to: "2024-12-31"}) {
          id type figure { value unit metric measuredBy { id } }
          evidence { sources { id } references { source { id } claim period { text start end } } }
        }
        policiesIssued { entity { id } }
        policiesTargeting { entity { id } relationship { id type } }
      } }
      germany: entity(id: "country:germany") { ... on Country { imports { id type from { id } to { id } item { id } } } }
      japan: entity(id: "country:japan") { ... on Country { policiesTargeting { entity { id } relationship { id type } } } }
      southKorea: entity(id: "country:south-korea") { ... on Country { policiesTargeting { entity { id } relationship { id type } } } }
    }`);
    const withFigures = data.china.exports.filter((r: any) => r.figure).map((r: any) => [r.id, r.figure.value]);
    expect(withFigures).toEqual(
      expect.arrayContaining([
        ['china-magnesium-ingot-exports-2025', 251300],
        ['china-magnesium-ingot-exports-2025-12', 21500],
        ['china-exports-magnesium-ingot-to-europe-2025-12', 5060],
      ]),
    );
    // The 2024 output is one fact stated by two documents, each reference with its own wording.
    const production = data.china.production.filter((r: any) => r.type === 'PRODUCES' && r.figure);
    expect(production).toHaveLength(1);
    expect(production[0]).toMatchObject({
      id: 'china-magnesium-output-2024-overview',
      figure: { value: 1026000, unit: 't', metric: null, measuredBy: { id: 'org:magnesium-industry-branch' } },
      evidence: { sources: [{ id: 'overview-magnesium-ingot-export-market' }, { id: 'citic-2025-08-18-magnesium-rare-earths' }] },
    });
    expect(production[0].evidence.references).toEqual([
      {
        source: { id: 'overview-magnesium-ingot-export-market' },
        claim: 'China produced 1.026 million t of magnesium in 2024.',
        period: { text: '2024', start: '2024-01-01', end: '2024-12-31' },
      },
      {
        source: { id: 'citic-2025-08-18-magnesium-rare-earths' },
        claim: "China turned out 1.026 million t of primary magnesium in 2024, by the Magnesium Industry Branch's count.",
        period: { text: '2024', start: '2024-01-01', end: '2024-12-31' },
      },
    ]);
    expect(data.china.production.find((r: any) => r.type === 'HAS_CAPACITY').figure).toMatchObject({
      value: 1488000,
      unit: 't',
      measuredBy: { id: 'org:magnesium-industry-branch' },
    });
    expect(data.china.policiesIssued.map((l: any) => l.entity.id)).toEqual(
      expect.arrayContaining(['policy:customs-tax-announcement-256', 'policy:dual-use-export-controls-japan']),
    );
    const germanyImports = data.germany.imports.map((r: any) => [r.type, r.from.id, r.to.id, r.item?.id]);
    expect(germanyImports).toEqual(
      expect.arrayContaining([
        ['IMPORTS_FROM', 'country:germany', 'country:china', 'commodity:magnesium-ingot'],
        ['EXPORTS_TO', 'country:china', 'country:germany', 'commodity:magnesium-alloy'],
      ]),
    );
    // Policy clauses that target the country or name it as an origin or a destination:
    // China is where Announcement No. 256 applies and the origin of every Chinese control;
    // Japan is the destination of the dual-use controls (not a blanket restriction of it).
    const links = (list: any[]) => list.map((l: any) => [l.entity.id, l.relationship.id, l.relationship.type]);
    expect(links(data.china.policiesTargeting)).toEqual([
      ['policy:customs-tax-announcement-256', 'announcement-256-applies-in-china', 'APPLIES_TO'],
      ['policy:dual-use-export-controls-japan', 'japan-dual-use-controls-bar-military-end-use', 'RESTRICTS'],
      ['policy:dual-use-export-controls-japan', 'japan-dual-use-controls-tighten-magnesium-reviews', 'APPLIES_TO'],
      ['policy:china-campaign-against-vicious-competition', 'vicious-competition-campaign-applies-to-primary-magnesium', 'APPLIES_TO'],
      ['policy:china-campaign-against-vicious-competition', 'vicious-competition-campaign-restricts-magnesium-sector-capacity', 'RESTRICTS'],
      ['policy:customs-tax-announcement-256', 'announcement-256-applies-to-magnesium-exports', 'APPLIES_TO'],
      ['policy:china-energy-intensive-industry-requirements', 'china-energy-intensive-rules-apply-to-magnesium-ingot', 'APPLIES_TO'],
    ]);
    expect(links(data.southKorea.policiesTargeting)).toEqual([
      ['policy:kcs-certification', 'kcs-certification-applies-in-south-korea', 'APPLIES_TO'],
    ]);
    expect(data.japan.policiesTargeting.map((l: any) => l.relationship.type)).toEqual(['RESTRICTS', 'APPLIES_TO']);
  });

  it('a policy’s issuers, dates and targets; a project’s funders; a technology’s developers, licensees and users', async () => {
    const data = await query(`{
      policy: entity(id: "policy:dual-use-export-controls-japan") { ... on Policy {
        issuedOn effectiveFrom issuers { entity { id } } targets { entity { id } relationship { id type } }
        scope {
          effect items { id } coveredItems { id } origins { id } destinations { id } endUsers { id } sectors { id } subjects { id }
          inForce { text start end } nature evidence { id }
        }
      } }
      project: entity(id: "project:highmag") { ... on Project { funders { entity { id } } supporters { entity { id } } } }
      atr: entity(id: "technology:aluminothermic-reduction") { ... on Technology {
        developers { entity { id } } licensees { entity { id } relationship { type from { id } } } users { entity { id } }
      } }
    }`);
    expect(data.policy.issuedOn).toBe('2026-01-06');
    expect(data.policy.effectiveFrom).toBe('2026-01-06');
    expect(data.policy.issuers).toEqual([{ entity: { id: 'org:mofcom' } }]);
    // One restriction (dual-use items) and one forecast application (magnesium); Japan and
    // defence are the clause's destination and end users, not targets of their own.
    expect(data.policy.targets.map((l: any) => [l.entity.id, l.relationship.type, l.relationship.id]).sort()).toEqual([
      ['commodity:dual-use-items', 'RESTRICTS', 'japan-dual-use-controls-bar-military-end-use'],
      ['commodity:magnesium', 'APPLIES_TO', 'japan-dual-use-controls-tighten-magnesium-reviews'],
    ]);
    const ids = (list: any[]) => list.map((e) => e.id);
    const clauses = [...data.policy.scope].sort((a: any, b: any) => a.evidence.id.localeCompare(b.evidence.id));
    expect(clauses.map((c: any) => c.evidence.id)).toEqual(['japan-dual-use-controls-bar-military-end-use', 'japan-dual-use-controls-tighten-magnesium-reviews']);
    const [bar, reviews] = clauses;
    expect(bar).toMatchObject({ effect: 'RESTRICTS', nature: 'REPORTED', inForce: { text: '2026-01-06/..', start: '2026-01-06', end: null } });
    expect([ids(bar.items), ids(bar.origins), ids(bar.destinations), ids(bar.endUsers), ids(bar.sectors), ids(bar.subjects)]).toEqual([
      ['commodity:dual-use-items'],
      ['country:china'],
      ['country:japan'],
      ['sector:defence'],
      [],
      [],
    ]);
    // Magnesium and its narrower goods are covered through the goods taxonomy.
    expect(ids(bar.coveredItems)).toEqual(
      expect.arrayContaining(['commodity:dual-use-items', 'commodity:magnesium', 'commodity:primary-magnesium', 'commodity:magnesium-ingot', 'commodity:magnesium-ingot-99-9']),
    );
    expect(reviews).toMatchObject({ effect: 'APPLIES_TO', nature: 'FORECAST', inForce: { text: '2026-01-06/..', start: '2026-01-06', end: null } });
    expect([ids(reviews.items), ids(reviews.origins), ids(reviews.destinations), ids(reviews.endUsers)]).toEqual([
      ['commodity:magnesium'],
      ['country:china'],
      ['country:japan'],
      [],
    ]);
    expect(ids(reviews.coveredItems)).not.toContain('commodity:dual-use-items');
    expect(data.project.funders).toEqual([{ entity: { id: 'org:horizon-europe' } }]);
    expect(data.project.supporters.map((l: any) => l.entity.id)).toContain('org:cinea');
    expect(data.atr.developers).toEqual([{ entity: { id: 'company:big-blue-technologies' } }]);
    expect(data.atr.licensees).toEqual([
      { entity: { id: 'company:minago-development' }, relationship: { type: 'LICENSES_TO', from: { id: 'company:big-blue-technologies' } } },
    ]);
    expect(data.atr.users).toEqual([{ entity: { id: 'project:minago' } }]);
  });

  it('a region’s country comes from its sourced LOCATED_IN facts, through containing regions', async () => {
    const data = await query(`{
      fugu: entity(id: "region:fugu") { ... on Region { country { id } } }
      lake: entity(id: "region:great-salt-lake") { ... on Region { country { id } location: relationships(types: [LOCATED_IN], direction: OUTGOING) { to { id } evidence { sources { id } } } } }
      europe: entity(id: "region:europe") { ... on Region { country { id } members { entity { id } } } }
    }`);
    expect(data.fugu.country).toEqual({ id: 'country:china' });
    expect(data.lake.country).toEqual({ id: 'country:united-states' });
    expect(data.lake.location).toEqual([{ to: { id: 'region:utah' }, evidence: { sources: [{ id: 'smm-2025-09-16-us-supply-risk' }] } }]);
    expect(data.europe.country).toBeNull();
    expect(data.europe.members.map((l: any) => l.entity.id)).toEqual(
      expect.arrayContaining(['country:germany', 'country:netherlands', 'country:italy']),
    );
  });

  it('trade figures by place, commodity and period, with others’ reports of flows into the place', async () => {
    const data = await query(`{
      tradeFigures(place: "country:china", commodity: "commodity:magnesium-powder", measures: [EXPORTS], period: {from: "2025-01-01"}) {
        totalCount edges { node { id figure { value unit change { value basis } } evidence { period { text } } } }
      }
      europe: tradeFigures(place: "region:europe", measures: [IMPORTS]) { edges { node { id from { id } figure { value } } } }
    }`);
    expect(data.tradeFigures.edges.map((e: any) => [e.node.id, e.node.figure.value, e.node.figure.change.value])).toEqual([
      ['china-magnesium-powder-exports-2025-12', 5900, -10.92],
      ['china-magnesium-powder-exports-2025', 73600, -11.07],
    ]);
    expect(data.europe.edges.map((e: any) => [e.node.id, e.node.from.id, e.node.figure.value])).toEqual([
      ['china-exports-magnesium-ingot-to-europe-2025-12', 'country:china', 5060],
    ]);
  });
});
