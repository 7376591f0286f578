// The pipeline board in chromium over a seeded store: columns with exact totals, drag and drop, the keyboard
// alternative, a 409 shown and the board reloaded, stuck deals marked, read-only roles, axe, and the README's
// screenshot.
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { keyFor, openPage, requireBuiltConsole, signIn } from './console-support.js';
import { seedBoard, type SeededBoard, type SeededDeal } from './console-seed.js';

// Inside page.evaluate: the page's globals (the root tsconfig has no DOM library).
declare const document: { activeElement: { id: string } | null };

describe('the console: pipeline board', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let seeded: SeededBoard;
  let salesKey: string;

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    seeded = await seedBoard(t);
    base = await listen(t);
    browser = await launchBrowser();
    salesKey = await keyFor(t, 'sales');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const column = (page: Page, stageId: string): Locator => page.locator(`section.column[data-stage="${stageId}"]`);
  const card = (page: Page, deal: SeededDeal): Locator => page.locator(`li.card[data-deal="${deal.dealId}"]`);
  const total = (page: Page, stageId: string, currency: string): Locator => column(page, stageId).getByTestId(`total-${currency}`);
  const weighted = (page: Page, stageId: string, currency: string): Locator => column(page, stageId).getByTestId(`weighted-${currency}`);
  const deal = (name: string): SeededDeal => seeded.deals.find((d) => d.name === name)!;

  /** Signs in as sales and waits for the board's cards (each with its revision). */
  const openBoard = async (key = salesKey): Promise<{ page: Page; problems: string[] }> => {
    const opened = await openPage(browser);
    await signIn(opened.page, base, key);
    await opened.page.goto(`${base}/#/board?pipeline=default`);
    await opened.page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    return opened;
  };

  /** The stage a deal is in, as the api says now. */
  const stageOf = async (dealId: string): Promise<string> => (await t.http().get(`/v1/deals/${dealId}`).expect(200)).body.stageId;

  it('shows the deals by stage with exact totals and weighted totals per currency, marks stuck deals, passes axe, and is the README screenshot', async () => {
    const { page, problems } = await openBoard();
    const headings = await page.locator('section.column h2').allTextContents();
    expect(headings.map((h) => h.split(' (')[0].trim())).toEqual([
      'Appointment Scheduled',
      'Qualified To Buy',
      'Presentation Scheduled',
      'Decision Maker Bought-In',
      'Contract Sent',
      'Closed Won',
      'Closed Lost',
    ]);
    // 1000.10 + 2500.00 + 50.00 EUR at 20%; 700.55 USD at 20% (half to even: 140.11).
    await expect(total(page, 'appointmentscheduled', 'EUR').textContent()).resolves.toBe('3,550.10');
    await expect(weighted(page, 'appointmentscheduled', 'EUR').textContent()).resolves.toBe('710.02');
    await expect(total(page, 'appointmentscheduled', 'USD').textContent()).resolves.toBe('700.55');
    await expect(weighted(page, 'presentationscheduled', 'USD').textContent()).resolves.toBe('7,200.00');
    await expect(total(page, 'closedwon', 'EUR').textContent()).resolves.toBe('300.00');
    await expect(weighted(page, 'closedlost', 'EUR').textContent()).resolves.toBe('0.00');
    await expect(card(page, deal('Hooli platform')).textContent()).resolves.toContain('USD 12,000.00');

    await expect(card(page, seeded.stuck).getByTestId('stuck').textContent()).resolves.toMatch(/Stuck: 40 days in stage \(limit 14\)/);
    await expect(card(page, deal('Acme renewal')).getByTestId('stuck').count()).resolves.toBe(0);

    await expectNoSeriousViolations(page);
    mkdirSync('docs/screenshots', { recursive: true });
    await page.setViewportSize({ width: 1840, height: 900 });
    await page.screenshot({ path: 'docs/screenshots/board.png', fullPage: true });
    expect(problems).toEqual([]);
  });

  it('moves a deal dragged to another column, with If-Match, and the totals of both columns change', async () => {
    const { page, problems } = await openBoard();
    const acme = deal('Acme renewal');
    await expect(total(page, 'qualifiedtobuy', 'EUR').textContent()).resolves.toBe('4,000.00');

    await card(page, acme).dragTo(column(page, 'qualifiedtobuy').locator('ul.cards'));

    await expect(page.getByRole('status').getByText(`Moved “${acme.name}” to Qualified To Buy.`).waitFor()).resolves.toBeUndefined();
    await column(page, 'qualifiedtobuy').locator(`li.card[data-deal="${acme.dealId}"]`).waitFor();
    await expect(total(page, 'qualifiedtobuy', 'EUR').textContent()).resolves.toBe('5,000.10');
    // 1600.00 + 1000.10 × 0.4 = 400.04
    await expect(weighted(page, 'qualifiedtobuy', 'EUR').textContent()).resolves.toBe('2,000.04');
    await expect(total(page, 'appointmentscheduled', 'EUR').textContent()).resolves.toBe('2,550.00');
    await expect(stageOf(acme.dealId)).resolves.toBe('qualifiedtobuy');
    expect(problems).toEqual([]);
  });

  it('shows a 409 when the deal changed behind the board, moves nothing, and reloads the board', async () => {
    const { page } = await openBoard();
    const globex = deal('Globex pilot');
    // Someone else moves it after the board loaded: the board's If-Match is now stale.
    await t.http().put(`/v1/deals/${globex.dealId}/stage`).send({ stageId: 'presentationscheduled' }).expect(200);

    await card(page, globex).dragTo(column(page, 'contractsent').locator('ul.cards'));

    const alert = page.getByTestId('board-error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/409/);
    await expect(alert.textContent()).resolves.toContain('changed since the board loaded');
    // Reloaded: the card is where the other change put it, and the api kept that stage.
    await column(page, 'presentationscheduled').locator(`li.card[data-deal="${globex.dealId}"]`).waitFor();
    await expect(column(page, 'contractsent').locator(`li.card[data-deal="${globex.dealId}"]`).count()).resolves.toBe(0);
    await expect(stageOf(globex.dealId)).resolves.toBe('presentationscheduled');
  });

  it('moves a deal with the keyboard alone: Tab to its "Move to stage" select, arrow to a stage, Tab, Enter', async () => {
    const { page, problems } = await openBoard();
    const stark = deal('Stark licences');
    const select = card(page, stark).getByLabel('Move to stage');
    const selectId = await select.getAttribute('id');
    let reached = false;
    for (let presses = 0; presses < 300 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => document.activeElement?.id === id, selectId);
    }
    expect(reached).toBe(true);
    // The choices after "(choose)" are the other stages in board order; Closed Won is the fifth.
    for (let i = 0; i < 10 && (await select.inputValue()) !== 'closedwon'; i++) await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe('closedwon');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await column(page, 'closedwon').locator(`li.card[data-deal="${stark.dealId}"]`).waitFor();
    // Focus followed the card to its new column.
    await page.waitForFunction((id) => document.activeElement?.id === id, selectId);
    await expect(total(page, 'closedwon', 'EUR').textContent()).resolves.toBe('1,200.00');
    await expect(stageOf(stark.dealId)).resolves.toBe('closedwon');
    expect(problems).toEqual([]);
  });

  it('asks why when a deal is moved to a lost stage, and sends the reason', async () => {
    const { page } = await openBoard();
    const initech = deal('Initech seats');
    await card(page, initech).getByLabel('Move to stage').selectOption('closedlost');
    await card(page, initech).getByRole('button', { name: `Move ${initech.name}` }).click();
    await page.getByLabel('Why was it lost?').fill('went with a competitor');
    await page.getByRole('button', { name: 'Mark lost' }).click();
    await column(page, 'closedlost').locator(`li.card[data-deal="${initech.dealId}"]`).waitFor();
    await expect(stageOf(initech.dealId)).resolves.toBe('closedlost');
  });

  it('gives a role that may read deals but not change them the board without any move control', async () => {
    const { page } = await openBoard(await keyFor(t, 'service'));
    await expect(page.locator('li.card').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel('Move to stage').count()).resolves.toBe(0);
    await expect(page.locator('li.card[draggable="true"]').count()).resolves.toBe(0);
    await expectNoSeriousViolations(page);
  });

  it("moves a deal whose contacts changed after it was created: the card's revision comes with the deals list, which an association moves too", async () => {
    const hooli = deal('Hooli platform');
    const contact = await t.http().post('/v1/contacts').send({ email: 'buyer@hooli.example', source: 'api' }).expect(201);
    const associated = await t.http().post(`/v1/deals/${hooli.dealId}/contacts`).send({ contactId: contact.body.id }).expect(200);
    // The list has applied the association before the board opens: the card's revision is the stream's latest.
    const listed = await t.http().get(`/v1/deals?${new URLSearchParams({ minPosition: associated.body.position, q: 'hooli' })}`).expect(200);
    expect(listed.body.data[0].revision).toBe(associated.body.revision);

    const { page, problems } = await openPage(browser);
    const perDeal: string[] = [];
    page.on('request', (request) => {
      // GET /v1/deals/:id (a uuid), not GET /v1/deals/totals (the read side's).
      if (/\/v1\/deals\/[0-9a-f-]{36}$/.test(new URL(request.url()).pathname) && request.method() === 'GET') perDeal.push(request.url());
    });
    await signIn(page, base, salesKey);
    await page.goto(`${base}/#/board?pipeline=default`);
    await page.locator('[data-testid="board"][data-ready="true"]').waitFor();
    await card(page, hooli).dragTo(column(page, 'contractsent').locator('ul.cards'));

    await page.getByRole('status').getByText(`Moved “${hooli.name}” to Contract Sent.`).waitFor();
    await expect(stageOf(hooli.dealId)).resolves.toBe('contractsent');
    await expect(page.getByTestId('board-error').count()).resolves.toBe(0);
    // The board never asks the write side for a card's revision.
    expect(perDeal).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('totals every deal of a won column, not only the page of cards it shows', async () => {
    // 26 more won deals than the 25 cards a column shows: 13 × 0.10 + 13 × 0.20 EUR, added to the 1,200.00 EUR
    // (Wayne deal, and Stark licences moved there above). The oldest are off the first page.
    let position = '0';
    for (let i = 0; i < 26; i++) {
      const amount = i % 2 === 0 ? '0.10' : '0.20';
      const { body } = await t.http().post('/v1/deals').send({ name: `Won batch ${i}`, amount, currency: 'EUR', closeDate: '2026-06-30' }).expect(201);
      position = (await t.http().put(`/v1/deals/${body.id}/stage`).send({ stageId: 'closedwon' }).expect(200)).body.position;
    }
    await t.http().get('/v1/deals/totals').query({ pipelineId: 'default', minPosition: position }).expect(200);
    await t.http().get('/v1/read-models/pipeline-health').query({ pipelineId: 'default', minPosition: position }).expect(200);

    const { page, problems } = await openBoard();
    await expect(column(page, 'closedwon').locator('li.card').count()).resolves.toBe(25);
    await expect(total(page, 'closedwon', 'EUR').textContent()).resolves.toBe('1,203.90');
    await expect(weighted(page, 'closedwon', 'EUR').textContent()).resolves.toBe('1,203.90');
    await expect(column(page, 'closedwon').locator('h2').textContent()).resolves.toContain('(28 · 100%');
    await expect(weighted(page, 'closedlost', 'EUR').textContent()).resolves.toBe('0.00');
    await expect(column(page, 'closedwon').getByText('Totals of the cards shown').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });
});
