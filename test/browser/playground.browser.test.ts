/**
 * The playground in headless Chromium with the internet unreachable: GraphiQL loads
 * from the service alone, opens with the example operations, and runs them.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './app.js';

const app = useBrowserApp();

async function runTab(name: string, expected: string, screenshot: string): Promise<string> {
  const { page } = app.browser;
  await page.locator('.graphiql-tab', { hasText: name }).click();
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => responseText(), { timeout: 20_000 }).toContain(expected);
  await app.browser.screenshot(screenshot);
  return responseText();
}

/** The whole result, from the result editor (the page only renders the lines in view). */
function responseText(): Promise<string> {
  return app.browser.page.evaluate(() => {
    const editor = document.querySelector('.graphiql-response .CodeMirror') as unknown as {
      CodeMirror?: { getValue(): string };
    } | null;
    return editor?.CodeMirror?.getValue() ?? '';
  });
}

describe('Playground: GraphiQL served by the service, offline', () => {
  it('loads with no request leaving the machine and opens with the example operations', async () => {
    const { page } = app.browser;
    const response = await page.goto(`${app.server.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    // The schema arrives by introspection from /graphql: the docs explorer can open.
    await expect.poll(() => page.locator('.graphiql-tab').allInnerTexts()).toEqual([
      'SearchMagnesiumIngot',
      'YimeitaiWithEvidence',
      'BmwUpstreamTiers',
      'BmwToPidgeonProcess',
      'BmwExposureToAnnouncement256',
    ]);
    await app.browser.screenshot('playground-1-loaded');
    expect(app.browser.blocked).toEqual([]);
  });

  it('runs the entity-with-evidence example and shows the sourced answer', async () => {
    const text = await runTab('YimeitaiWithEvidence', '"Optimo"', 'playground-2-entity-evidence');
    expect(text).toContain('"Yimei Tai"');
    expect(text).toContain('"publisher": "SMM (Shanghai Metals Market)"');
  });

  it('runs the search and dependency-path examples', async () => {
    await runTab('SearchMagnesiumIngot', '"commodity:magnesium-ingot"', 'playground-3-search');
    await runTab('BmwToPidgeonProcess', '"Pidgeon process"', 'playground-4-dependency-path');
  });

  it('an example tab closed and gone after a reload comes back with “Restore the examples”', async () => {
    const { page } = app.browser;
    const tabs = () => page.locator('.graphiql-tab').allInnerTexts();
    const all = await tabs();
    const tab = page.locator('.graphiql-tab', { hasText: 'SearchMagnesiumIngot' });
    // The close button shows on hover.
    await tab.hover();
    await tab.locator('.graphiql-tab-close').click({ force: true });
    await expect.poll(tabs).toEqual(all.filter((name) => name !== 'SearchMagnesiumIngot'));
    // GraphiQL stores its tabs a moment after a change.
    await expect
      .poll(() => page.evaluate(() => Object.entries(localStorage).some(([key, value]) => key.includes('tabState') && !value.includes('SearchMagnesiumIngot'))))
      .toBe(true);
    await page.reload();
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await expect.poll(tabs).toEqual(all.filter((name) => name !== 'SearchMagnesiumIngot'));
    await page.locator('#restore-examples').click();
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await expect.poll(tabs).toEqual(all);
  });

  it('needed nothing from the internet and raised no errors', () => {
    expect(app.browser.blocked).toEqual([]);
    expect(app.browser.errors).toEqual([]);
  });
});
