/**
 * An automated accessibility check of the explorer with axe-core (WCAG 2 A and AA
 * rules), in headless Chromium, over its main states: the empty page, a neighbourhood
 * with an edge's evidence open, upstream tiers, and the exposure view; and of the review
 * page: asking for a token, refusing one, and a queue with its forms open. No violation
 * of serious or critical impact may remain; lesser ones are printed.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/graph.js';
import { TEST_CURATOR_KEY, useTestApi } from '../support/api.js';
import { useBrowserApp } from './app.js';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const app = useBrowserApp();
// The review page needs proposals, and taking a document in writes: that is done on a
// Neo4j of its own (the schema only), never on the run's seeded graph.
const review = useTestApi({ curators: true, ownNeo4j: { name: 'a11y-review' } });
let axeSource: string;

beforeAll(async () => {
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});

/** Runs axe on the page as it is; returns the serious and critical violations, printing the rest. */
async function audit(state: string): Promise<string[]> {
  const { page } = app.browser;
  // Evaluated through the DevTools protocol: the page's own CSP ('self' only) forbids inline scripts.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  )) as AxeResult;
  const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) console.log(`axe (${state}), not serious: ${minor.map((v) => `${v.id} ×${v.nodes.length}`).join(', ')}`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('; ')})`);
}

const busy = () => app.browser.page.evaluate(() => document.body.dataset.busy === 'true');

async function open(path: string, ready: string): Promise<void> {
  const { page } = app.browser;
  await page.goto(`${app.server.url}/explorer/${path}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await expect.poll(busy, { timeout: 20_000 }).toBe(false);
}

describe('Explorer: accessibility (axe-core, WCAG 2 A/AA)', () => {
  it('the empty page has no serious or critical violations', async () => {
    await open('', '#legend li');
    expect(await audit('empty')).toEqual([]);
  });

  it('a neighbourhood with its details panel has none', async () => {
    await open('?entity=company:yimeitai', '#details h2');
    expect(await audit('neighbourhood')).toEqual([]);
  });

  it('upstream tiers have none', async () => {
    await open('?entity=company:bmw&view=upstream', '#details section.tier');
    expect(await audit('upstream')).toEqual([]);
  });

  it('the exposure view has none', async () => {
    await open('?entity=policy:customs-tax-announcement-256&view=exposure', '#details ul.exposed li');
    expect(await audit('exposure')).toEqual([]);
  });
});

describe('Review page: accessibility (axe-core, WCAG 2 A/AA)', () => {
  const SOURCE = 'test-a11y-review-offtake';

  beforeAll(async () => {
    const text = readFileSync(resolve(PROJECT_ROOT, 'test', 'fixtures', 'ingest', 'north-america-offtake-2026-03.txt'), 'utf8');
    await review.asCurator(`mutation($input: DocumentInput!) { ingestDocument(input: $input) { status } }`, {
      input: { id: SOURCE, publisher: 'SMM (Shanghai Metals Market)', title: 'North American Magnesium Hopes Rest on New Offtake Deals', date: '2026-03-03', text },
    });
  });

  it('asking for a token, and refusing a wrong one, has none', async () => {
    const { page } = app.browser;
    await page.goto(`${review.server.url}/explorer/review.html`);
    await expect.poll(() => page.locator('#message').innerText()).toContain('Paste a curator token');
    expect(await audit('review: no token')).toEqual([]);
    await page.locator('#token').fill('not-a-key-of-this-service');
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#auth-error').waitFor({ state: 'visible' });
    expect(await audit('review: refused')).toEqual([]);
  });

  it('the queue, with a document’s text, an accept form showing a refusal and a preview, and a reject form, has none', async () => {
    const { page } = app.browser;
    await page.locator('#token').fill(TEST_CURATOR_KEY);
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator(`section.source[data-source="${SOURCE}"] li.proposal`).first().waitFor({ timeout: 20_000 });
    const section = page.locator(`section.source[data-source="${SOURCE}"]`);
    await section.locator('details.document summary').click();
    await section.locator('.document-text .text').waitFor();
    const [entity, fact] = [section.locator('li.proposal[data-kind="ENTITY"]').first(), section.locator('li.proposal[data-kind="FACT"]').first()];
    // An entity's accept form with a dry-run preview, and a fact's with the server's refusal (no claim).
    await entity.locator('details.accept summary').click();
    await entity.locator('[name="description"]').fill('A company (an accessibility check).');
    await entity.locator('[data-action="preview"]').click();
    await entity.locator('.preview li').first().waitFor();
    await entity.locator('details.reject summary').click();
    await fact.locator('details.accept summary').click();
    await fact.locator('[data-action="preview"]').click();
    await fact.locator('.form-error').filter({ hasText: 'edits.claim' }).waitFor();
    await expect.poll(busy, { timeout: 20_000 }).toBe(false);
    expect(await audit('review: queue with forms')).toEqual([]);
  });
});
