/**
 * The explorer in headless Chromium with the internet unreachable, driven as a user
 * would: search with suggestions, a neighbourhood graph, expanding a node, a dependency
 * path between two entities, the evidence of an edge, and upstream/downstream tiers.
 * The page exposes what it draws on `window.__explorer`; the test reads it there.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './app.js';
import { explorerHook } from './explorer-hook.js';

const app = useBrowserApp();
const { hook, settled, canvasPoint, search } = explorerHook(app);

async function claimOf(id: string): Promise<string> {
  const { body } = await app.server.graphql('query ($id: ID!) { relationship(id: $id) { evidence { claim } } }', { id });
  return body.data.relationship.evidence.claim;
}

async function pick(input: string, text: string, id: string): Promise<void> {
  const { page } = app.browser;
  await page.locator(input).fill('');
  await page.locator(input).pressSequentially(text, { delay: 40 });
  const option = page.locator(`${input === '#search' ? '#search-list' : '#path-list'} li[data-id="${id}"]`);
  await option.waitFor({ timeout: 20_000 });
  await option.click();
}

describe('Explorer: the graph view served by the service, offline', () => {
  it('suggests entities as the user types a name or alias', async () => {
    const { page } = app.browser;
    const response = await page.goto(`${app.server.url}/explorer/`);
    expect(response?.status()).toBe(200);
    await page.locator('#legend li[data-kind="COMPANY"]').waitFor();
    await page.locator('#search').pressSequentially('Yimei', { delay: 40 });
    const suggestion = page.locator('#search-list li[data-id="company:yimeitai"]');
    await suggestion.waitFor({ timeout: 20_000 });
    expect(await suggestion.innerText()).toContain('Yimeitai');
    await app.browser.screenshot('explorer-1-suggestions');
  });

  it('draws the neighbourhood of the chosen entity, coloured by kind, with a legend', async () => {
    const { page } = app.browser;
    await page.locator('#search-list li[data-id="company:yimeitai"]').click();
    const nodes = await settled((e) => e.nodes(), (ids) => ids.includes('company:yimeitai') && ids.length > 1);
    expect(nodes).toEqual(
      expect.arrayContaining([
        'company:yimeitai',
        'company:optimo',
        'country:china',
        'country:south-korea',
        'product:mg-800',
        'technology:semi-solid-injection-moulding',
      ]),
    );
    expect(await hook((e) => e.edges())).toEqual(expect.arrayContaining(['yimeitai-supplies-optimo-mg-800']));
    expect(await hook((e) => e.focus())).toBe('company:yimeitai');
    // The focus's details, with the documents that name it.
    await expect.poll(() => page.locator('#details').innerText()).toContain('Named in');
    expect(await page.locator('#details h2').innerText()).toBe('Yimeitai');
    expect(await page.locator('#legend li').count()).toBeGreaterThanOrEqual(10);
    await app.browser.screenshot('explorer-2-neighbourhood');
  });

  it('shows a node’s details on click and pulls in its neighbours on double-click', async () => {
    const { page } = app.browser;
    const before = await hook((e) => e.nodes());
    const korea = await canvasPoint('country:south-korea');
    await page.mouse.click(korea.x, korea.y);
    await settled((e) => e.selected(), (id) => id === 'country:south-korea');
    await expect.poll(() => page.locator('#details h2').innerText()).toBe('South Korea');

    // An edge: the claim, and the source's publisher and date.
    const supplies = await canvasPoint('yimeitai-supplies-optimo-mg-800');
    await page.mouse.click(supplies.x, supplies.y);
    await settled((e) => e.selected(), (id) => id === 'yimeitai-supplies-optimo-mg-800');
    const details = page.locator('#details');
    await expect.poll(() => details.locator('.claim').innerText()).toBe(await claimOf('yimeitai-supplies-optimo-mg-800'));
    expect(await details.locator('.sources').innerText()).toContain('SMM (Shanghai Metals Market)');
    expect(await details.locator('.sources time').getAttribute('datetime')).toBe('2025-09-16');
    await app.browser.screenshot('explorer-3-edge-evidence');

    await page.mouse.dblclick(korea.x, korea.y);
    const after = await settled((e) => e.nodes(), (ids) => ids.length > before.length);
    expect(after).toEqual(expect.arrayContaining([...before, 'policy:kcs-certification']));
    await app.browser.screenshot('explorer-4-expanded');
  });

  it('highlights the dependency path between two picked entities', async () => {
    await pick('#search', 'BMW', 'company:bmw');
    await settled((e) => e.focus(), (id) => id === 'company:bmw');
    await pick('#path-to', 'Pidgeon', 'technology:pidgeon-process');
    const highlighted = await settled((e) => e.highlighted(), (h) => h.nodes.length > 0);
    // The same route the API gives: BMW depends on Germany, which imports from China,
    // which smelts by the Pidgeon process.
    const { body } = await app.server.graphql(
      `{ dependencyPaths(from: "company:bmw", to: "technology:pidgeon-process", k: 1) {
           nodes { id } hops { relationships { id } } } }`,
    );
    const path = body.data.dependencyPaths[0];
    const nodes = path.nodes.map((n: { id: string }) => n.id);
    const edges = path.hops.flatMap((hop: { relationships: { id: string }[] }) => hop.relationships.map((r) => r.id));
    expect(nodes[0]).toBe('company:bmw');
    expect(nodes.at(-1)).toBe('technology:pidgeon-process');
    expect(highlighted.nodes.sort()).toEqual([...nodes].sort());
    expect(highlighted.edges.sort()).toEqual([...edges].sort());
    expect(await app.browser.page.locator('#details').innerText()).toContain('BMW depends on Pidgeon process');
    await app.browser.screenshot('explorer-5-path');
  });

  it('shows the evidence of a path edge, with the source’s date or, undated, what is known of it', async () => {
    const { page } = app.browser;
    const { edges } = await hook((e) => e.highlighted());
    const edge = edges[0]!;
    const { body } = await app.server.graphql(
      'query ($id: ID!) { relationship(id: $id) { evidence { claim sources { publisher date dateNote } } } }',
      { id: edge },
    );
    const { claim, sources } = body.data.relationship.evidence as {
      claim: string;
      sources: { publisher: string; date: string | null; dateNote: string | null }[];
    };
    const point = await canvasPoint(edge);
    await page.mouse.click(point.x, point.y);
    await settled((e) => e.selected(), (id) => id === edge);
    const details = page.locator('#details');
    await expect.poll(() => details.locator('.claim').innerText()).toBe(claim);
    const listed = await details.locator('.sources').innerText();
    for (const source of sources) {
      expect(listed).toContain(source.publisher);
      expect(listed).toContain(source.date ?? source.dateNote ?? 'undated');
    }
    await app.browser.screenshot('explorer-6-path-edge-evidence');
  });

  it('switches between upstream and downstream views by tier', async () => {
    const { page } = app.browser;
    await page.locator('[data-view="upstream"]').click();
    const nodes = await settled((e) => e.view(), (view) => view === 'upstream').then(() => hook((e) => e.nodes()));
    expect(nodes).toEqual(expect.arrayContaining(['company:bmw', 'country:germany', 'country:china']));
    const details = page.locator('#details');
    expect(await details.locator('[data-tier="1"]').innerText()).toContain('Germany');
    expect(await details.locator('[data-tier="2"]').innerText()).toContain('China');
    await app.browser.screenshot('explorer-7-upstream');

    // A tier edge ("depends on") shows the facts behind the hop.
    const hop = 'hop:company:bmw>country:germany';
    const point = await canvasPoint(hop);
    await page.mouse.click(point.x, point.y);
    await settled((e) => e.selected(), (id) => id === hop);
    await expect.poll(() => details.innerText()).toContain('BMW depends on Germany');
    await expect.poll(() => details.locator('.claim').count()).toBeGreaterThan(0);
    await app.browser.screenshot('explorer-8-hop-facts');

    // Downstream of China: who depends on it, tier by tier.
    await details.locator('.claim').first().waitFor();
    const china = await canvasPoint('country:china');
    await page.mouse.click(china.x, china.y);
    await expect.poll(() => details.locator('h2').innerText()).toBe('China');
    await details.locator('[data-action="downstream"]').click();
    await settled((e) => [e.view(), e.focus()], ([view, focus]) => view === 'downstream' && focus === 'country:china');
    expect(await details.locator('h2').innerText()).toBe('Downstream of China');
    expect(await details.locator('[data-tier="1"]').count()).toBe(1);
    expect(await hook((e) => e.nodes().length)).toBeGreaterThan(2);
    await app.browser.screenshot('explorer-9-downstream');
  });

  it('needed nothing from the internet and raised no errors', () => {
    expect(app.browser.blocked).toEqual([]);
    expect(app.browser.errors).toEqual([]);
  });
});

describe('Explorer: Enter opens the top-ranked entity, whatever the typing speed', () => {
  it.each([
    ['China', 'country:china'],
    ['Japan', 'country:japan'],
    ['Europe', 'region:europe'],
  ])('typing “%s” then Enter opens %s, typed at once or slowly', async (text, id) => {
    const { page } = app.browser;
    for (const delay of [0, 250]) {
      await page.goto(`${app.server.url}/explorer/`);
      await page.locator('#legend li[data-kind="COMPANY"]').waitFor();
      await page.locator('#search').pressSequentially(text, { delay });
      // Slowly typed, the suggestions are on screen before Enter; at once, they are not.
      if (delay > 0) await page.locator(`#search-list li[data-id="${id}"]`).waitFor({ timeout: 20_000 });
      await page.locator('#search').press('Enter');
      await settled((e) => e.focus(), (focus) => focus === id);
    }
  });
});

describe('Explorer: the view lives in the address bar', () => {
  it('a URL naming an entity by name, a view and a depth opens that view, and the address bar settles on ids', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/?entity=BMW&view=upstream&depth=2`);
    await settled((e) => [e.focus(), e.view()].join(' '), (v) => v === 'company:bmw upstream');
    expect(await hook((e) => e.nodes())).toEqual(expect.arrayContaining(['company:bmw', 'country:germany', 'country:china']));
    expect(await page.locator('#depth').inputValue()).toBe('2');
    await expect.poll(search).toBe('?entity=company:bmw&view=upstream&depth=2');
  });

  it('Back and Forward step through the views opened, and a copied URL reopens the same view', async () => {
    const { page } = app.browser;
    await page.locator('[data-view="neighbourhood"]').click();
    await settled((e) => e.view(), (v) => v === 'neighbourhood');
    await expect.poll(search).toBe('?entity=company:bmw');
    await pick('#path-to', 'China', 'country:china');
    await settled((e) => e.highlighted().nodes, (ids) => ids.includes('country:china'));
    await expect.poll(search).toBe('?entity=company:bmw&path=country:china');
    const copied = page.url();

    await page.goBack();
    await settled((e) => e.highlighted().nodes.length, (n) => n === 0);
    await page.goBack();
    await settled((e) => [e.focus(), e.view()].join(' '), (v) => v === 'company:bmw upstream');
    await page.goForward();
    await settled((e) => e.view(), (v) => v === 'neighbourhood');

    await page.goto('about:blank');
    await page.goto(copied);
    await settled((e) => e.highlighted().nodes, (ids) => ids.includes('country:china') && ids.includes('company:bmw'));
    expect(await hook((e) => [e.focus(), e.view()])).toEqual(['company:bmw', 'neighbourhood']);
    await app.browser.screenshot('explorer-url-state');
  });
});

describe('Explorer: who is exposed to a policy or a country', () => {
  it('the exposure view lists everyone exposed to a policy, by distance, and draws their paths to where it lies', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/?entity=Announcement%20No.%20256&view=exposure&depth=2`);
    await settled((e) => [e.focus(), e.view()].join(' '), (v) => v === 'policy:customs-tax-announcement-256 exposure');
    const nodes = await hook((e) => e.nodes());
    expect(nodes).toEqual(expect.arrayContaining(['country:china', 'country:germany', 'company:bmw', 'company:tesla', 'company:optimo']));
    expect(nodes).not.toContain('country:russia');
    // China, where the rule applies, is highlighted as where the exposure lies.
    expect((await hook((e) => e.highlighted())).nodes).toContain('country:china');
    const panel = page.locator('#details');
    await expect.poll(() => panel.locator('h2').innerText()).toContain('Exposed to Announcement No. 256');
    expect(await panel.locator('li[data-id="company:bmw"]').innerText()).toContain('via Germany → China');
    expect(await panel.locator('li[data-id="company:bmw"]').innerText()).toContain('meets origin');
    await expect.poll(search).toBe('?entity=policy:customs-tax-announcement-256&view=exposure&depth=2');
    await app.browser.screenshot('explorer-exposure-policy');
  });

  it('the Japan dual-use controls expose Japan, not the United States; asking it of a company says why not', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/?entity=policy:dual-use-export-controls-japan&view=exposure`);
    await settled((e) => e.view(), (v) => v === 'exposure');
    const nodes = await hook((e) => e.nodes());
    expect(nodes).toContain('country:japan');
    expect(nodes).not.toContain('country:united-states');
    await page.goto(`${app.server.url}/explorer/?entity=company:bmw`);
    await settled((e) => e.focus(), (id) => id === 'company:bmw');
    await page.locator('[data-view="exposure"]').click();
    await expect.poll(() => page.locator('#status').innerText()).toContain('is none of these');
  });
});


describe('Explorer: a stable drawing', () => {
  const positions = (ids: string[]) =>
    app.browser.page.evaluate((list) => Object.fromEntries(list.map((id) => [id, window.__explorer.modelPosition(id)])), ids);

  it('expanding a node leaves every node already drawn where it was', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/?entity=company:yimeitai`);
    const before = await settled((e) => e.nodes(), (ids) => ids.includes('country:china') && ids.length > 3);
    const placed = await positions(before);
    const china = await canvasPoint('country:china');
    await page.mouse.dblclick(china.x, china.y);
    await settled((e) => e.nodes().length, (n) => n > before.length);
    expect(await positions(before)).toEqual(placed);
    await app.browser.screenshot('explorer-expanded-in-place');
  });
});

describe('Explorer: view controls and export', () => {
  it('zooms in and out, fits without shrinking text below half size, and exports the view as PNG and as JSON', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/?entity=country:china`);
    await settled((e) => e.nodes().length, (n) => n > 20);
    const start = await hook((e) => e.zoom());
    await page.locator('#zoom-in').click();
    expect(await hook((e) => e.zoom())).toBeCloseTo(start * 1.25, 5);
    await page.locator('#zoom-out').click();
    expect(await hook((e) => e.zoom())).toBeCloseTo(start, 5);
    await page.locator('#fit').click();
    expect(await hook((e) => e.zoom())).toBeGreaterThanOrEqual(0.5);

    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(png.suggestedFilename()).toBe('neighbourhood-country-china.png');
    const pngBytes = await readFile((await png.path())!);
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    expect(json.suggestedFilename()).toBe('neighbourhood-country-china.json');
    const view = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(view).toMatchObject({ view: 'neighbourhood', focus: 'country:china' });
    expect(view.nodes.map((n: { id: string }) => n.id).sort()).toEqual((await hook((e) => e.nodes())).sort());
    expect(view.nodes.every((n: { position?: { x: number } }) => typeof n.position?.x === 'number')).toBe(true);
    expect(view.edges.length).toBeGreaterThan(20);
  });
});

describe('Explorer: a hub stays readable', () => {
  it('parallel facts of one type between two entities are one edge with a count; clicking it lists them all', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/?entity=country:china`);
    const facts = await settled((e) => e.edges(), (ids) => ids.length > 30);
    const drawn = await hook((e) => e.drawnEdges());
    // Every fact is drawn exactly once, and there are fewer edges than facts.
    expect(drawn.flatMap((d) => d.facts).sort()).toEqual([...facts].sort());
    expect(drawn.length).toBeLessThan(facts.length);
    // China's ingot exports, year by year and month by month: eight facts, one edge.
    const ingot = drawn.find((d) => d.id === 'bundle:country:china>commodity:magnesium-ingot:EXPORTS')!;
    expect(ingot.facts).toHaveLength(8);
    // One edge, its count and the span of its periods.
    expect(ingot.label).toBe('exports ×8\n2024 – 2026');
    for (const single of drawn.filter((d) => d.facts.length === 1)) expect(single.label).not.toContain('×');

    const point = await canvasPoint(ingot.facts[0]!);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.locator('#details article.bundle').getAttribute('data-facts')).toBe('8');
    expect(await page.locator('#details h2').innerText()).toBe('China exports magnesium ingot: 8 facts');
    expect(await page.locator('#details article.bundle h3').count()).toBe(8);
    await app.browser.screenshot('explorer-hub-china');
  });
});
