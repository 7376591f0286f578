// The lead-score page in a real browser: find a contact, open its score's waterfall, follow a contribution to its
// event (type, time, data, rule, decay), verify it, ask for the score as of an earlier date; axe finds no serious
// violation; the README's screenshot of a score's explanation is taken here.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { requireBuiltConsole, signIn } from './console-support.js';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

describe('console: lead scores', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let contactId: string;
  let demoEventId: string;
  const demoAt = daysAgo(2);

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    const created = await t.http().post('/v1/contacts').send({ email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'VP Marketing', source: 'import' }).expect(201);
    contactId = created.body.id;
    for (const days of [20, 6]) {
      await t.http().post(`/v1/contacts/${contactId}/page-views`).send({ url: 'https://tally.example/pricing', occurredAt: daysAgo(days) }).expect(201);
    }
    const demo = await t.http().post(`/v1/contacts/${contactId}/form-submissions`).send({ formId: 'demo', fields: { company: 'Acme' }, occurredAt: demoAt }).expect(201);
    const position = demo.body.position;
    // The page reads without minPosition: wait here until the read models hold the seed.
    const { body: score } = await t.http().get(`/v1/read-models/lead-scores/${contactId}/contributions`).query({ minPosition: position }).expect(200);
    demoEventId = score.data.find((c: { ruleId: string }) => c.ruleId === 'demo-request').eventId;
    await t.http().get('/v1/contacts').query({ minPosition: position }).expect(200);
    await t.http().get(`/v1/timelines/contact/${contactId}`).query({ minPosition: position }).expect(200);

    const { secret } = await t.runtime.apiKeys.create('console scores', 'super-admin', 'test');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await signIn(page, base, secret);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds the contact, shows its waterfall and follows a contribution to its event', async () => {
    await page.goto(`${base}/#/scores`);
    await page.getByRole('heading', { name: 'Lead scores' }).waitFor();
    await page.getByLabel('Search contacts').fill('lovelace');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();

    const waterfall = page.getByTestId('score-waterfall');
    await waterfall.waitFor();
    const rules = await waterfall.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(rules).toEqual(['senior-title', 'pricing-page', 'pricing-page', 'demo-request']);
    const total = await page.getByTestId('score-total').textContent();
    expect(await page.getByTestId('score-value').textContent()).toBe(total);
    expect(await page.getByTestId('formula-facts').textContent()).toMatch(/hash [0-9a-f]{64}.*build v1/);

    await waterfall.getByRole('link', { name: /FormSubmitted/ }).click();
    const panel = page.getByTestId('event-panel');
    await panel.waitFor();
    expect(page.url()).toContain(`event=${demoEventId}`);
    expect(await panel.getByTestId('event-type').textContent()).toBe('FormSubmitted');
    expect(await panel.textContent()).toContain(`${demoAt.slice(0, 10)} ${demoAt.slice(11, 19)} UTC`);
    expect(await panel.textContent()).toContain('demo-request');
    const data = JSON.parse((await panel.getByTestId('event-data').textContent()) ?? 'null');
    expect(data).toMatchObject({ formId: 'demo', fields: { company: 'Acme' }, contactId });

    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/score-explanation.png', fullPage: true });
    await expectNoSeriousViolations(page);
  });

  it('verifies the score and answers the score as of an earlier date', async () => {
    await page.goto(`${base}/#/scores?contact=${contactId}`);
    await page.getByTestId('score-waterfall').waitFor();
    await page.getByRole('button', { name: 'Verify against the event log' }).click();
    await page.getByTestId('verify-result').getByText(/Verified: the stored score equals/).waitFor();

    // Before the demo form (and before the contact was created, now, so without its title): the two pricing views.
    await page.getByLabel('Score as of (UTC)').fill(daysAgo(4).slice(0, 16));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asOf=/);
    const derived = page.getByTestId('formula-facts').getByText(/Derived from the event log/);
    await derived.waitFor();
    const rules = await page.getByTestId('score-waterfall').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(rules).toEqual(['pricing-page', 'pricing-page']);
    await expectNoSeriousViolations(page);
  });

  it('hides verify from a role that may not audit, and still explains the score', async () => {
    const { secret } = await t.runtime.apiKeys.create('console scores sales', 'sales', 'test');
    const sales = await (await browser.newContext()).newPage();
    await signIn(sales, base, secret);
    await sales.goto(`${base}/#/scores?contact=${contactId}`);
    await sales.getByTestId('score-waterfall').waitFor();
    expect(await sales.getByRole('button', { name: /Verify/ }).count()).toBe(0);
    await sales.close();
  });

  it('lists the contact with its score', async () => {
    await page.goto(`${base}/#/scores`);
    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/MQL|SQL|NONE/);
    await expectNoSeriousViolations(page);
  });

  it('keeps the newer search when the answer to an earlier one arrives late', async () => {
    await page.goto(`${base}/#/scores`);
    await page.getByRole('row', { name: /Ada Lovelace/ }).waitFor();
    const slow = /\/v1\/contacts\?.*q=lovelace/;
    await page.route(slow, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    try {
      const late = page.waitForResponse((response) => slow.test(response.url()));
      await page.getByLabel('Search contacts').fill('lovelace');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByLabel('Search contacts').fill('nobody-by-this-name');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No contact matches.').waitFor();
      await late;
      // Give the page the turn in which the late answer would have filled the table.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
      expect(await page.getByRole('row', { name: /Ada Lovelace/ }).count()).toBe(0);
      expect(await page.getByText('No contact matches.').count()).toBe(1);
    } finally {
      await page.unroute(slow);
    }
  });
});
