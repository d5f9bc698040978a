/**
 * The explorer on hubs and with its controls, in headless Chromium, offline: labels that
 * never overlap, the same drawing on every load, the legend as a filter with counts, a
 * day for the facts, figures and periods on edges, supply versus market dependence and
 * certainty in dependency views, the graph from the keyboard, and exposure paths.
 * Expected answers come from the API itself, asked separately.
 */
import { describe, expect, it } from 'vitest';
import { overlappingPairs } from '../../web/src/labels.js';
import { inForce } from '../../web/src/view-options.js';
import { useBrowserApp } from './app.js';
import { explorerHook } from './explorer-hook.js';

const app = useBrowserApp();
const { hook, settled, search } = explorerHook(app);

async function openView(query: string, ready: (nodes: string[]) => boolean = (nodes) => nodes.length > 1): Promise<string[]> {
  await app.browser.page.goto(`${app.server.url}/explorer/${query}`);
  return settled((e) => e.nodes(), ready);
}

/** Every node's place in the drawing's own coordinates. */
const positions = () =>
  app.browser.page.evaluate(() => Object.fromEntries(window.__explorer.nodes().map((id) => [id, window.__explorer.modelPosition(id)])));

interface Fact {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  figure: { value: number; unit: string } | null;
  evidence: { nature: string; period: { text: string; start: string; end: string | null } };
}

/** The neighbourhood the explorer asks for, asked of the API directly. */
async function neighbourhood(id: string): Promise<{ nodes: { id: string; kind: string }[]; edges: Fact[] }> {
  const { body } = await app.server.graphql(
    `query ($id: ID!) { subgraph(ids: [$id], depth: 1, limit: 150) {
       nodes { id kind }
       edges { id type from { id } to { id } figure { value unit } evidence { nature period { text start end } } }
     } }`,
    { id },
  );
  return body.data.subgraph;
}

describe('Explorer: hubs are readable', () => {
  for (const [hub, name] of [
    ['country:china', 'China'],
    ['commodity:magnesium-ingot', 'magnesium ingot'],
  ] as const) {
    it(`no two labels overlap in the ${name} neighbourhood at the default zoom, and zooming in shows more`, async () => {
      await openView(`?entity=${hub}`, (nodes) => nodes.length > 20);
      const labels = await hook((e) => e.labels());
      expect(overlappingPairs(labels)).toEqual([]);
      const nodes = await hook((e) => e.nodes());
      const nodeLabels = labels.filter((label) => nodes.includes(label.id));
      // The hub's own name is always drawn, and most names are.
      expect(nodeLabels.map((label) => label.id)).toContain(hub);
      expect(nodeLabels.length / nodes.length).toBeGreaterThanOrEqual(2 / 3);
      console.log(`${name}: ${nodes.length} nodes, ${nodeLabels.length} node labels and ${labels.length - nodeLabels.length} edge labels drawn at zoom ${(await hook((e) => e.zoom())).toFixed(2)}`);
      await app.browser.screenshot(`explorer-hub-${hub.replace(':', '-')}`);

      await app.browser.page.locator('#zoom-in').click();
      await app.browser.page.locator('#zoom-in').click();
      const closer = await hook((e) => e.labels());
      expect(overlappingPairs(closer)).toEqual([]);
      // Zoomed in, labels are smaller in the drawing, so at least as many fit (counting
      // those still inside the window).
      expect(closer.length).toBeGreaterThan(0);
      const onScreen = (list: typeof labels, width: number, height: number) => list.filter((l) => l.x1 >= 0 && l.y1 >= 0 && l.x2 <= width && l.y2 <= height).length;
      const size = await app.browser.page.evaluate(() => ({ width: document.getElementById('graph')!.clientWidth, height: document.getElementById('graph')!.clientHeight }));
      console.log(`${name} zoomed in ×1.56: ${closer.length} labels drawn (${onScreen(closer, size.width, size.height)} on screen)`);
    });
  }

  it('the same URL gives the same drawing on every load, whatever the window size', async () => {
    const { page } = app.browser;
    await openView('?entity=country:china', (nodes) => nodes.length > 20);
    const first = await positions();
    await page.goto('about:blank');
    await openView('?entity=country:china', (nodes) => nodes.length > 20);
    expect(await positions()).toEqual(first);
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await openView('?entity=country:china', (nodes) => nodes.length > 20);
      expect(await positions()).toEqual(first);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});

describe('Explorer: the legend filters, with counts', () => {
  it('counts each kind and relationship type on the canvas; unticking hides them, and the URL keeps it', async () => {
    const { page } = app.browser;
    const expected = await neighbourhood('country:china');
    await openView('?entity=country:china', (nodes) => nodes.length > 20);
    const count = (selector: string) => page.locator(`#legend ${selector} .count`).innerText();
    const regions = expected.nodes.filter((n) => n.kind === 'REGION').map((n) => n.id);
    const exportsFacts = expected.edges.filter((e) => e.type === 'EXPORTS');
    expect(await count('[data-kind="REGION"]')).toBe(String(regions.length));
    expect(await count('[data-type="EXPORTS"]')).toBe(String(exportsFacts.length));

    await page.locator('#legend [data-kind="REGION"] input').uncheck();
    await expect.poll(search).toBe('?entity=country:china&hideKinds=REGION');
    const visible = await hook((e) => e.visibleNodes());
    expect(visible.filter((id) => regions.includes(id))).toEqual([]);
    expect(visible.sort()).toEqual(expected.nodes.filter((n) => n.kind !== 'REGION').map((n) => n.id).sort());
    expect(await count('[data-kind="REGION"]')).toBe(`0 of ${regions.length}`);

    await page.locator('#legend [data-type="EXPORTS"] input').uncheck();
    await expect.poll(search).toBe('?entity=country:china&hideKinds=REGION&hideTypes=EXPORTS');
    const drawn = await hook((e) => e.drawnEdges());
    expect(drawn.filter((d) => d.id.endsWith(':EXPORTS')).every((d) => d.shown.length === 0)).toBe(true);

    // A copied URL reopens the filtered view, its checkboxes unticked.
    await openView('?entity=country:china&hideKinds=REGION&hideTypes=EXPORTS', (nodes) => nodes.length > 20);
    expect((await hook((e) => e.visibleNodes())).filter((id) => regions.includes(id))).toEqual([]);
    expect(await page.locator('#legend [data-kind="REGION"] input').isChecked()).toBe(false);
    expect(await page.locator('#legend [data-type="EXPORTS"] input').isChecked()).toBe(false);
    await app.browser.screenshot('explorer-legend-filtered');
    await page.locator('#legend [data-kind="REGION"] input').check();
    await expect.poll(search).toBe('?entity=country:china&hideTypes=EXPORTS');
  });
});

describe('Explorer: figures and time on the canvas', () => {
  it('an edge shows its figure and period; a day (asOf) keeps only the facts that hold on it', async () => {
    const { page } = app.browser;
    const expected = await neighbourhood('country:china');
    await openView('?entity=country:china', (nodes) => nodes.length > 20);
    const drawn = await hook((e) => e.drawnEdges());
    // Every single fact with a figure says it, with its period.
    const withFigure = expected.edges.filter((e) => e.figure);
    expect(withFigure.length).toBeGreaterThan(5);
    for (const fact of withFigure) {
      const edge = drawn.find((d) => d.facts.includes(fact.id))!;
      if (edge.facts.length > 1) continue;
      expect(edge.label, fact.id).toContain(fact.figure!.unit);
      expect(edge.label, fact.id).toContain(fact.evidence.period.text.replace('/..', ' on'));
    }

    const day = '2024-06-30';
    await page.locator('#as-of').fill(day);
    await page.locator('#as-of').dispatchEvent('change');
    await expect.poll(search).toBe(`?entity=country:china&asOf=${day}`);
    const ingot = (await hook((e) => e.drawnEdges())).find((d) => d.id === 'bundle:country:china>commodity:magnesium-ingot:EXPORTS')!;
    const holding = expected.edges
      .filter((e) => e.from.id === 'country:china' && e.to.id === 'commodity:magnesium-ingot' && e.type === 'EXPORTS')
      .filter((e) => inForce(e.evidence.period, day))
      .map((e) => e.id);
    expect(holding.length).toBeGreaterThan(0);
    expect(holding.length).toBeLessThan(ingot.facts.length);
    expect(ingot.shown.sort()).toEqual(holding.sort());
    // No fact outside the day is left on the canvas.
    for (const edge of await hook((e) => e.drawnEdges())) {
      for (const id of edge.shown) expect(inForce(expected.edges.find((f) => f.id === id)!.evidence.period, day), id).toBe(true);
    }
    await app.browser.screenshot('explorer-as-of-2024-06-30');
  });
});

describe('Explorer: supply or market, and how certain', () => {
  it('upstream follows supply by default and market when asked, each drawn in its own style', async () => {
    await openView('?entity=company:bmw&view=upstream');
    const supply = await hook((e) => e.hops());
    expect(supply.length).toBeGreaterThan(0);
    expect(new Set(supply.map((hop) => `${hop.dependence} ${hop.nature}`))).toEqual(new Set(['SUPPLY REPORTED']));

    const { page } = app.browser;
    await openView('?entity=country:china&view=upstream&depth=1');
    await page.locator('#dependence').selectOption('MARKET');
    await settled((e) => e.hops(), (hops) => hops.length > 0 && hops.every((hop) => hop.dependence === 'MARKET'));
    await expect.poll(search).toBe('?entity=country:china&view=upstream&depth=1&dependence=MARKET');
    const { body } = await app.server.graphql(
      '{ upstream(id: "country:china", maxDepth: 1, dependence: MARKET) { tiers { entities { entity { id } } } } }',
    );
    const buyers = body.data.upstream.tiers.flatMap((t: { entities: { entity: { id: string } }[] }) => t.entities.map((e) => e.entity.id));
    expect((await hook((e) => e.hops())).map((hop) => hop.provider).sort()).toEqual(buyers.sort());
    expect(await page.locator('#status').innerText()).toContain('reported market links');
    // The canvas says it: market hops read "sells to", in the market colour.
    const classes = await page.evaluate(() =>
      (document.getElementById('graph') as unknown as { _cyreg: { cy: { edges(s: string): { map(f: (e: { classes(): string[]; data(k: string): string }) => unknown): unknown[] } } } })._cyreg.cy
        .edges('.hop')
        .map((edge) => [edge.classes().join(' '), edge.data('label')]),
    );
    for (const [names, label] of classes as [string, string][]) {
      expect(names).toContain('market');
      expect(label).toBe('sells to');
    }
    await app.browser.screenshot('explorer-upstream-market');
  });

  it('an intended link is followed only when intentions are ticked, and is drawn as intended', async () => {
    const { page } = app.browser;
    await openView('?entity=company:magrathea&view=downstream', (nodes) => nodes.length >= 1);
    await settled((e) => e.view(), (v) => v === 'downstream');
    expect(await hook((e) => e.hops())).toEqual([]);
    await page.locator('#natures input[data-nature="INTENT"]').check();
    const hops = await settled((e) => e.hops(), (list) => list.length > 0);
    expect(hops.map((hop) => [hop.dependent, hop.provider, hop.dependence, hop.nature])).toEqual([['region:detroit', 'company:magrathea', 'SUPPLY', 'INTENT']]);
    await expect.poll(search).toBe('?entity=company:magrathea&view=downstream&natures=REPORTED,INTENT');
    expect(await page.locator('#status').innerText()).toContain('reported or intended supply links');
    // Unticking every kind of certainty is refused: the last one stays.
    await page.locator('#natures input[data-nature="INTENT"]').uncheck();
    await settled((e) => e.hops(), (list) => list.length === 0);
    await page.locator('#natures input[data-nature="REPORTED"]').click();
    expect(await page.locator('#natures input[data-nature="REPORTED"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('#status').innerText()).toContain('Keep at least one');
  });
});

describe('Explorer: from the keyboard', () => {
  it('arrows step through the nodes, the panel lists their relationships as buttons, Enter expands', async () => {
    const { page } = app.browser;
    await openView('?entity=company:yimeitai', (nodes) => nodes.includes('country:china'));
    const nodes = await hook((e) => e.visibleNodes());
    await page.locator('#graph').focus();
    await page.keyboard.press('ArrowRight');
    await settled((e) => e.selected(), (id) => id === nodes[0]);
    await page.keyboard.press('ArrowRight');
    await settled((e) => e.selected(), (id) => id === nodes[1]);
    await page.keyboard.press('ArrowLeft');
    await settled((e) => e.selected(), (id) => id === nodes[0]);
    await expect.poll(() => page.locator('#status').innerText()).toContain('relationships on the graph');

    // Step to China; its relationships on the canvas are buttons in the panel.
    const china = nodes.indexOf('country:china');
    for (let i = 0; i < china; i += 1) await page.keyboard.press('ArrowRight');
    await settled((e) => e.selected(), (id) => id === 'country:china');
    const buttons = page.locator('#details .relations button');
    await expect.poll(() => buttons.count()).toBeGreaterThan(0);
    const drawnAtChina = await page.evaluate(() => window.__explorer.drawnEdges().filter((d) => d.id.includes('country:china') && d.shown.length > 0).length);
    expect(await buttons.count()).toBe(drawnAtChina);

    const before = (await hook((e) => e.nodes())).length;
    await page.locator('#graph').focus();
    await page.keyboard.press('Enter');
    await settled((e) => e.nodes().length, (n) => n > before);

    // A relationship button opens that edge's evidence.
    await settled((e) => e.selected(), (id) => id === 'country:china');
    await page.locator('#graph').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await settled((e) => e.selected(), (id) => id === 'country:china');
    const first = page.locator('#details .relations button').first();
    const drawnId = await first.getAttribute('data-drawn');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#details article.edge, #details article.bundle').count()).toBeGreaterThan(0);
    const facts = await page.evaluate((id) => window.__explorer.drawnEdges().find((d) => d.id === id)!.shown, drawnId!);
    expect(await hook((e) => e.selected())).toBe(facts[0]);
    await page.locator('#graph').focus();
    await page.keyboard.press('Escape');
    await settled((e) => e.selected(), (id) => id === undefined);
  });
});

describe('Explorer: exposure paths', () => {
  it('picking an exposed entity highlights the path that explains its exposure', async () => {
    const { page } = app.browser;
    await openView('?entity=policy:customs-tax-announcement-256&view=exposure&depth=2');
    await settled((e) => e.view(), (v) => v === 'exposure');
    const { body } = await app.server.graphql(
      `{ exposedTo(policy: "policy:customs-tax-announcement-256", maxDepth: 2, first: 200) {
         entities { entity { id } at { id } path { nodes { id } hops { dependent { id } provider { id } } } } } }`,
    );
    const bmw = body.data.exposedTo.entities.find((e: { entity: { id: string } }) => e.entity.id === 'company:bmw');
    await page.locator('#details li[data-id="company:bmw"] button').click();
    const highlighted = await settled((e) => e.highlighted(), (h) => h.nodes.includes('company:bmw'));
    expect(highlighted.nodes.sort()).toEqual([...new Set([...bmw.path.nodes.map((n: { id: string }) => n.id), bmw.at.id])].sort());
    expect(highlighted.edges.sort()).toEqual(
      bmw.path.hops.map((hop: { dependent: { id: string }; provider: { id: string } }) => `hop:${hop.dependent.id}>${hop.provider.id}`).sort(),
    );
    expect(await page.locator('#status').innerText()).toContain('BMW is exposed through BMW → Germany → China');
    await app.browser.screenshot('explorer-exposure-path-bmw');
  });
});

describe('Explorer: small things that confused users', () => {
  it('from a path edge’s evidence the panel leads back to the path; Clear also clears the message', async () => {
    const { page } = app.browser;
    await openView('?entity=company:bmw&path=technology:pidgeon-process');
    await settled((e) => e.highlighted().nodes, (ids) => ids.includes('technology:pidgeon-process'));
    await page.locator('#details a[data-edge]').first().click();
    await page.locator('#details [data-action="back-to-path"]').waitFor({ timeout: 20_000 });
    await page.locator('#details [data-action="back-to-path"]').click();
    await expect.poll(() => page.locator('#details article.path h2').innerText()).toBe('BMW depends on Pidgeon process');

    await page.locator('#path-to').fill('');
    await page.locator('#path-to').pressSequentially('Yimeitai', { delay: 20 });
    await page.locator('#path-list li[data-id="company:yimeitai"]').click();
    await expect.poll(() => page.locator('#status').innerText()).toContain('Neither BMW nor Yimeitai');
    await page.locator('#clear-path').click();
    expect(await page.locator('#status').innerText()).not.toContain('Neither');
    expect(await page.locator('#status').getAttribute('data-kind')).toBe('info');
  });

  it('changing the tiers in a neighbourhood says what they are for', async () => {
    const { page } = app.browser;
    await openView('?entity=company:bmw');
    await page.locator('#depth').selectOption('5');
    await expect.poll(() => page.locator('#status').innerText()).toContain('apply to Upstream, Downstream and Exposed');
  });
});

describe('Explorer: the search box', () => {
  it('Escape closes the suggestions and keeps what was typed', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/`);
    await page.locator('#search').pressSequentially('Yimei', { delay: 20 });
    await page.locator('#search-list li').first().waitFor({ timeout: 20_000 });
    await page.locator('#search').press('Escape');
    expect(await page.locator('#search-list').isHidden()).toBe(true);
    expect(await page.locator('#search').inputValue()).toBe('Yimei');
  });

  it('words naming two entities suggest both, each tagged with the words that name it', async () => {
    const { page } = app.browser;
    await page.goto(`${app.server.url}/explorer/`);
    await page.locator('#search').pressSequentially('China Japan', { delay: 20 });
    await page.locator('#search-list li[data-id="country:japan"]').waitFor({ timeout: 20_000 });
    const ids = await page.locator('#search-list li').evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    expect(ids.slice(0, 2)).toEqual(['country:china', 'country:japan']);
    expect(await page.locator('#search-list li[data-id="country:japan"]').innerText()).toContain('Japan');
  });
});

describe('Explorer: facts found by their words', () => {
  it('words found only in a fact’s claim suggest that fact; picking it opens its neighbourhood with its evidence', async () => {
    const { page } = app.browser;
    const { body } = await app.server.graphql('{ searchFacts(query: "winter smog", first: 1) { relationship { id from { id } evidence { claim } } } }');
    const fact = body.data.searchFacts[0].relationship;
    await page.goto(`${app.server.url}/explorer/`);
    await page.locator('#search').pressSequentially('winter smog', { delay: 20 });
    const option = page.locator(`#search-list li[data-id="fact:${fact.id}"]`);
    await option.waitFor({ timeout: 20_000 });
    expect(await option.innerText()).toContain('Fact');
    await option.click();
    await settled((e) => e.selected(), (id) => id === fact.id);
    expect(await hook((e) => e.focus())).toBe(fact.from.id);
    await expect.poll(() => page.locator('#details .claim').first().innerText()).toBe(fact.evidence.claim);
  });
});
