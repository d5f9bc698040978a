/**
 * The review page (web/review.html) in headless Chromium, driven as a curator would: it
 * asks for a token and shows nothing of the queue to a wrong one; with a curator key it
 * lists exactly the proposals the API has for a document taken in; a dry-run preview
 * writes nothing; an entity accepted with an edited description, and a proposal rejected
 * with a reason, are as the API then says; an acceptance missing a required field shows
 * the server's error verbatim, keeps the form, changes nothing, and retries under the same
 * idempotency key. It writes, so it runs on a seeded Neo4j of its own; its source id is
 * its own all the same.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/graph.js';
import { TEST_CURATOR_KEY, TEST_READER_KEY } from '../support/api.js';
import { useBrowserApp } from './app.js';

const app = useBrowserApp({ curators: true, ownNeo4j: { name: 'review-page', seed: true } });

const SOURCE = 'test-review-page-shanxi-exports';
const TITLE = 'Shanxi Producers Step Up Magnesium Ingot Shipments as Japanese Buyers Restock';
const COMPANY = 'company:shanxi-yinguang-huasheng-magnesium-industry';
const text = readFileSync(resolve(PROJECT_ROOT, 'test', 'fixtures', 'ingest', 'shanxi-exports-2026-02.txt'), 'utf8');

const PROPOSALS = `query($status: ProposalStatus, $sourceId: ID) {
  proposals(status: $status, sourceId: $sourceId) {
    id kind status suggestedId name factType from { id name } fromNewName to { id name } period nature
    passage passageStart start end note resultId decidedBy
  }
}`;

/** What a refused request must leave as it was. */
async function fingerprint() {
  const [row] = await app.db.run({
    name: 'test/review-page-fingerprint',
    mode: 'read',
    text: `
      CALL () { MATCH (n) RETURN count(n) AS nodes }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
      CALL () { MATCH (c:Change) RETURN count(c) AS changes }
      OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
      RETURN nodes, relationships, changes, m.writeVersion AS writeVersion`,
  });
  return row;
}

async function proposal(id: string) {
  const { proposals } = await app.asCurator(PROPOSALS, { status: null, sourceId: SOURCE });
  return proposals.find((p: { id: string }) => p.id === id);
}

/** The decisions the page sent, with their variables. */
const decisions: { operation: string; variables: Record<string, any> }[] = [];
function record(request: Request): void {
  if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
  const body = request.postDataJSON() as { query: string; variables: Record<string, any> };
  const operation = /mutation (\w+)/.exec(body.query)?.[1];
  if (operation) decisions.push({ operation, variables: body.variables });
}

const card = (id: string) => app.browser.page.locator(`#queue li.proposal[data-id="${id}"]`);
const busy = () => app.browser.page.evaluate(() => document.body.dataset.busy === 'true');

beforeAll(async () => {
  await app.asCurator(
    `mutation($input: DocumentInput!) { ingestDocument(input: $input, idempotencyKey: "test-review-page-ingest") { status } }`,
    {
      input: { id: SOURCE, publisher: 'SMM (Shanghai Metals Market)', title: TITLE, date: '2026-02-10', url: 'https://example.org/test-review-page', text },
    },
  );
  app.browser.page.on('request', record);
});

describe('Review page: the proposals queue, for curators', () => {
  it('asks for a token, and shows a wrong or a reader’s key the server’s refusal and nothing of the queue', async () => {
    const { page } = app.browser;
    const response = await page.goto(`${app.server.url}/explorer/review.html`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.locator('#message').innerText()).toBe('Paste a curator token (an API key or a JWT with the curator role) to see the queue.');
    expect(await page.locator('#queue').innerHTML()).toBe('');

    await page.locator('#token').fill('not-a-key-of-this-service');
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#auth-error').waitFor({ state: 'visible' });
    expect(await page.locator('#auth-error').innerText()).toBe('The service did not accept this token (UNAUTHENTICATED): The API key is not valid.');
    expect(await page.locator('#queue li.proposal').count()).toBe(0);
    expect(await page.locator('#queue').innerHTML()).toBe('');

    await page.locator('#token').fill(TEST_READER_KEY);
    await page.locator('#token-form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('#auth-error [data-role="server-message"]').innerText())
      .toBe('"test-reader" may not review proposals: that needs the curator role.');
    expect(await page.locator('#auth-error').innerText()).toContain('(FORBIDDEN)');
    expect(await page.locator('#queue li.proposal').count()).toBe(0);
    // A refused token is not kept.
    expect(await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }))).toEqual({ session: 0, local: 0 });
    await app.browser.screenshot('review-1-refused');
  });

  it('with a curator key, lists exactly the pending proposals the API has for the document, grouped under it', async () => {
    const { page } = app.browser;
    await page.locator('#token').fill(TEST_CURATOR_KEY);
    await page.locator('#token-form button[type="submit"]').click();
    const section = page.locator(`#queue section.source[data-source="${SOURCE}"]`);
    await section.locator('li.proposal').first().waitFor();
    expect(await page.locator('#auth-error').isHidden()).toBe(true);
    expect(await section.locator('h2').innerText()).toBe(TITLE);
    expect(await section.locator('.byline').innerText()).toBe(`SMM (Shanghai Metals Market) · 2026-02-10 · ${SOURCE} · original`);

    const { proposals } = await app.asCurator(PROPOSALS, { status: 'PENDING', sourceId: SOURCE });
    expect(proposals.map((p: { id: string }) => p.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${SOURCE}~${n}`));
    const listed = await section.locator('li.proposal').evaluateAll((items) =>
      items.map((li) => ({
        id: (li as HTMLElement).dataset.id,
        kind: (li as HTMLElement).dataset.kind,
        suggestedId: li.querySelector('[data-field="suggestedId"]')?.textContent,
        passage: li.querySelector('.passage')?.textContent,
        marked: li.querySelector('.passage mark')?.textContent,
      })),
    );
    expect(listed).toEqual(
      proposals.map((p: any) => ({
        id: p.id,
        kind: p.kind,
        suggestedId: p.suggestedId,
        passage: p.passage,
        marked: text.slice(p.start, p.end),
      })),
    );
    // The whole queue is this document's: the run's own Neo4j has no other.
    expect(await page.locator('#queue li.proposal').count()).toBe(6);
    expect(await page.locator('#message').innerText()).toBe('6 pending proposals from 1 document.');

    const facts = (id: string) =>
      card(id)
        .locator('dl dt')
        .evaluateAll((terms) => terms.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(await card(`${SOURCE}~1`).locator('h3').innerText()).toBe('Fact: China exports magnesium ingot, 41,230 t, +6.8 percent YOY');
    expect(await card(`${SOURCE}~1`).locator('.passage mark').innerText()).toBe('41,230 mt');
    expect(await facts(`${SOURCE}~1`)).toEqual([
      ['Suggested id', 'china-exports-magnesium-ingot-2026-01'],
      ['Type', 'EXPORTS'],
      ['From', 'China (country:china)'],
      ['To', 'magnesium ingot (commodity:magnesium-ingot)'],
      ['Figure', '41,230 t, +6.8 percent YOY'],
      ['Period', '2026-01'],
      ['Nature', 'REPORTED (reported)'],
    ]);
    expect(await facts(`${SOURCE}~3`)).toEqual([
      ['Suggested id', 'shanxi-yinguang-huasheng-magnesium-industry-has-capacity-2027'],
      ['Type', 'HAS_CAPACITY'],
      ['From', 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd. (a new name: accept its entity proposal first)'],
      ['To', 'none found'],
      ['Figure', '120,000 t'],
      ['Period', '2027'],
      ['Nature', 'PLAN (planned)'],
    ]);
    expect(await card(`${SOURCE}~2`).locator('h3').innerText()).toBe('New company: Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.');
    expect(await facts(`${SOURCE}~2`)).toEqual([
      ['Suggested id', COMPANY],
      ['Kind', 'Company'],
    ]);
    // The token stays in this tab only: not in localStorage, not in the address.
    expect(await page.evaluate(() => ({ local: localStorage.length, session: Object.keys(sessionStorage) }))).toEqual({
      local: 0,
      session: ['mgkg.review.token'],
    });
    expect(page.url()).toBe(`${app.server.url}/explorer/review.html`);
    await app.browser.screenshot('review-2-queue');
  });

  it('shows the document’s text with the known entities it names marked, as the API lists them', async () => {
    const { page } = app.browser;
    const section = page.locator(`#queue section.source[data-source="${SOURCE}"]`);
    await section.locator('details.document summary').click();
    await section.locator('.document-text mark').first().waitFor();
    const { document } = await app.asCurator(`query($id: ID!) { document(sourceId: $id) { text mentions { text entity { id } } } }`, { id: SOURCE });
    expect(await section.locator('.document-text .text').innerText()).toBe(document.text);
    const marks = await section.locator('.document-text mark').evaluateAll((ms) => ms.map((m) => [m.textContent, (m as HTMLElement).dataset.entity]));
    expect(marks).toEqual(document.mentions.map((m: any) => [m.text, m.entity.id]));
    await section.locator('details.document summary').click();
  });

  it('previews an acceptance as a dry run: the changes it would make, and nothing written', async () => {
    const before = await fingerprint();
    const company = card(`${SOURCE}~2`);
    await company.locator('details.accept summary').click();
    const form = company.locator('form.accept');
    expect(await form.locator('[name="id"]').inputValue()).toBe(COMPANY);
    expect(await form.locator('[name="name"]').inputValue()).toBe('Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.');
    await form.locator('[name="description"]').fill('A magnesium producer in Shanxi.');
    await form.locator('[data-action="preview"]').click();
    const preview = form.locator('.preview');
    await preview.locator('li').first().waitFor();
    // The changes the API lists for the same dry run.
    const { acceptProposal: dry } = await app.asCurator(
      `mutation($id: ID!, $edits: ProposalEdits) { acceptProposal(id: $id, edits: $edits, dryRun: true) { changes { action targetKind targetId fields } } }`,
      { id: `${SOURCE}~2`, edits: { description: 'A magnesium producer in Shanxi.' } },
    );
    expect(dry.changes.map((c: { action: string; targetId: string }) => `${c.action} ${c.targetId}`)).toContain(`CREATE ${COMPANY}`);
    expect(await preview.locator('p').innerText()).toBe(
      `Dry run, nothing was written. Accepting would write ${COMPANY} (CREATED), with ${dry.changes.length} changes:`,
    );
    expect(await preview.locator('li').allInnerTexts()).toEqual(
      dry.changes.map((c: any) => `${c.action} ${c.targetKind} ${c.targetId}${c.fields.length ? ` (${c.fields.join(', ')})` : ''}`),
    );
    expect(decisions.at(-1)).toEqual({
      operation: 'AcceptProposal',
      variables: { id: `${SOURCE}~2`, edits: { description: 'A magnesium producer in Shanxi.' }, dryRun: true },
    });
    expect((await proposal(`${SOURCE}~2`)).status).toBe('PENDING');
    expect((await app.asCurator(`{ entity(id: "${COMPANY}") { id } }`)).entity).toBeNull();
    expect(await fingerprint()).toEqual(before);
    expect(await card(`${SOURCE}~2`).count()).toBe(1);
  });

  it('accepts an entity with an edited description: it leaves the pending list, the result is shown, and the API has it', async () => {
    const { page } = app.browser;
    const form = card(`${SOURCE}~2`).locator('form.accept');
    await form.locator('[name="description"]').fill('A magnesium producer in Shanxi, planning 120,000 t a year of capacity.');
    await form.locator('[name="aliases"]').fill('Yinguang Huasheng\nSYH Magnesium');
    await form.locator('[data-action="accept"]').click();
    const logged = page.locator(`#decisions li[data-id="${SOURCE}~2"]`);
    await logged.waitFor();
    expect(await logged.innerText()).toBe(`Accepted ${SOURCE}~2: CREATED ${COMPANY}`);
    expect(await logged.getAttribute('data-result')).toBe(COMPANY);
    expect(await card(`${SOURCE}~2`).count()).toBe(0);
    expect(await page.locator('#queue li.proposal').count()).toBe(5);

    const sent = decisions.at(-1)!;
    expect(sent.operation).toBe('AcceptProposal');
    expect(sent.variables).toMatchObject({
      id: `${SOURCE}~2`,
      dryRun: false,
      edits: { description: 'A magnesium producer in Shanxi, planning 120,000 t a year of capacity.', aliases: ['Yinguang Huasheng', 'SYH Magnesium'] },
    });
    expect(sent.variables.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    expect(await proposal(`${SOURCE}~2`)).toMatchObject({ status: 'ACCEPTED', resultId: COMPANY, decidedBy: 'test-curator' });
    const { entity } = await app.asCurator(`{ entity(id: "${COMPANY}") { id kind name aliases description } }`);
    expect(entity).toEqual({
      id: COMPANY,
      kind: 'COMPANY',
      name: 'Shanxi Yinguang Huasheng Magnesium Industry Co., Ltd.',
      aliases: ['Yinguang Huasheng', 'SYH Magnesium'],
      description: 'A magnesium producer in Shanxi, planning 120,000 t a year of capacity.',
    });
    await app.browser.screenshot('review-3-accepted');
  });

  it('rejects a proposal with a reason, which the API keeps', async () => {
    const { page } = app.browser;
    const region = card(`${SOURCE}~5`);
    await region.locator('details.reject summary').click();
    await region.locator('form.reject [name="reason"]').fill('Qinghai is a province we model later.');
    await region.locator('[data-action="reject"]').click();
    const logged = page.locator(`#decisions li[data-id="${SOURCE}~5"]`);
    await logged.waitFor();
    expect(await logged.innerText()).toBe(`Rejected ${SOURCE}~5 (Qinghai is a province we model later.)`);
    expect(await card(`${SOURCE}~5`).count()).toBe(0);
    expect(await proposal(`${SOURCE}~5`)).toMatchObject({ status: 'REJECTED', note: 'Qinghai is a province we model later.', resultId: null, decidedBy: 'test-curator' });
    expect(decisions.at(-1)!.variables).toMatchObject({ id: `${SOURCE}~5`, reason: 'Qinghai is a province we model later.', dryRun: false });
  });

  it('an acceptance missing its claim shows the server’s error verbatim, keeps the form and changes nothing; a retry sends the same key', async () => {
    const { page } = app.browser;
    const id = `${SOURCE}~1`;
    const form = card(id).locator('form.accept');
    await card(id).locator('details.accept summary').click();
    await form.locator('[name="note"]').fill('Checked against the customs table.');
    await form.locator('[name="period"]').fill('2026-01');
    const before = await fingerprint();
    // What the API answers the same request.
    const direct = await app.server.graphql(
      `mutation($id: ID!, $edits: ProposalEdits) { acceptProposal(id: $id, edits: $edits, dryRun: true) { status } }`,
      { id, edits: { note: 'Checked against the customs table.' } },
      { authorization: `Bearer ${TEST_CURATOR_KEY}` },
    );
    const message = direct.body.errors[0].message;
    expect(message).toBe('Nothing was written: edits.claim: say what the passage states, in your own words');

    await form.locator('[data-action="accept"]').click();
    await expect.poll(() => form.locator('.form-error').innerText()).toBe(message);
    expect(await form.locator('[name="note"]').inputValue()).toBe('Checked against the customs table.');
    expect(await card(id).count()).toBe(1);
    await expect.poll(busy).toBe(false);
    expect(await proposal(id)).toMatchObject({ status: 'PENDING', resultId: null });
    expect(await fingerprint()).toEqual(before);
    const first = decisions.at(-1)!;
    expect(first.variables).toMatchObject({ id, dryRun: false, edits: { note: 'Checked against the customs table.' } });
    await app.browser.screenshot('review-4-refused');

    // The same decision again is a retry of the same attempt: the same key.
    await form.locator('[data-action="accept"]').click();
    await expect.poll(() => decisions.length).toBeGreaterThan(decisions.indexOf(first) + 1);
    await expect.poll(busy).toBe(false);
    expect(decisions.at(-1)!.variables.idempotencyKey).toBe(first.variables.idempotencyKey);
    expect(await form.locator('.form-error').innerText()).toBe(message);

    // With its claim it is another decision, under a new key, and it is written.
    const claim = 'China exported 41,230 t of magnesium ingot in January 2026, 6.8% more than a year before.';
    await form.locator('[name="claim"]').fill(claim);
    await form.locator('[data-action="accept"]').click();
    await page.locator(`#decisions li[data-id="${id}"]`).waitFor();
    const written = decisions.at(-1)!;
    expect(written.variables.idempotencyKey).not.toBe(first.variables.idempotencyKey);
    expect(written.variables.edits).toEqual({ claim, note: 'Checked against the customs table.' });
    expect(await page.locator(`#decisions li[data-id="${id}"]`).innerText()).toBe(`Accepted ${id}: CREATED china-exports-magnesium-ingot-2026-01`);
    const { relationship } = await app.asCurator(`{ relationship(id: "china-exports-magnesium-ingot-2026-01") { type evidence { claim note sources { id } } } }`);
    expect(relationship).toEqual({
      type: 'EXPORTS',
      evidence: {
        claim,
        note: 'Checked against the customs table. From the passage: “According to SMM statistics, China exported 41,230 mt of magnesium ingot in January 2026, up 6.8% YoY.”',
        sources: [{ id: SOURCE }],
      },
    });
  });

  it('filters by status: the decided proposals, with what they wrote or why not', async () => {
    const { page } = app.browser;
    await page.locator('#status-filter').selectOption('REJECTED');
    await expect.poll(() => page.locator('#message').innerText()).toBe('1 rejected proposal from 1 document.');
    expect(await page.locator('#queue li.proposal').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id))).toEqual([`${SOURCE}~5`]);
    expect(await card(`${SOURCE}~5`).locator('[data-field="note"]').innerText()).toBe('Qinghai is a province we model later.');
    expect(await card(`${SOURCE}~5`).locator('form').count()).toBe(0);

    await page.locator('#status-filter').selectOption('ALL');
    await expect.poll(() => page.locator('#message').innerText()).toBe('6 proposals from 1 document.');
    const { proposals } = await app.asCurator(PROPOSALS, { status: null, sourceId: SOURCE });
    expect(await page.locator('#queue li.proposal').evaluateAll((items) => items.map((li) => [(li as HTMLElement).dataset.id, (li as HTMLElement).dataset.status]))).toEqual(
      proposals.map((p: { id: string; status: string }) => [p.id, p.status]),
    );
    expect(await card(`${SOURCE}~2`).locator('[data-field="resultId"]').innerText()).toBe(COMPANY);
    await page.locator('#status-filter').selectOption('PENDING');
    await expect.poll(() => page.locator('#message').innerText()).toBe('3 pending proposals from 1 document.');
  });

  it('a token refused later leaves nothing of the queue, nor of the decisions taken, on the page', async () => {
    const { page } = app.browser;
    expect(await page.locator('#decisions li').count()).toBe(3);
    await page.locator('#token').fill('a-key-that-was-revoked');
    await page.locator('#token-form button[type="submit"]').click();
    await page.locator('#auth-error').waitFor({ state: 'visible' });
    expect(await page.locator('#auth-error [data-role="server-message"]').innerText()).toBe('The API key is not valid.');
    expect(await page.locator('#queue').innerHTML()).toBe('');
    expect(await page.locator('#decisions li').count()).toBe(0);
    expect(await page.locator('#decisions').isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('needed nothing from the internet and raised no page errors', () => {
    expect(app.browser.blocked).toEqual([]);
    // The refused tokens were answered 401/403, which Chromium reports as console errors.
    expect(app.browser.errors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  });
});
