/**
 * An automated accessibility check of the explorer with axe-core (WCAG 2 A and AA
 * rules), in headless Chromium, over its main states: the empty page, a neighbourhood
 * with an edge's evidence open, upstream tiers, and the exposure view. No violation of
 * serious or critical impact may remain; lesser ones are printed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from './app.js';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const app = useBrowserApp();
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
