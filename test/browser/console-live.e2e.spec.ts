// The live-events page in a real browser: an event appended through the api while the page is open arrives;
// category and type filters keep others out; pause and resume pick up the events written meanwhile with Last-Event-ID;
// axe finds no serious violation.
import type { Browser, Page, Request } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { requireBuiltConsole, signIn } from './console-support.js';

describe('console: live events', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const streams: Request[] = [];
  let before: string;

  const positionsShown = async (): Promise<bigint[]> =>
    (await page.getByTestId('live-events').locator('tbody tr td:first-child').allTextContents()).map((text) => BigInt(text));

  const createContact = async (email: string): Promise<string> =>
    (await t.http().post('/v1/contacts').send({ email, firstName: email.split('@')[0], source: 'import' }).expect(201)).body.position;

  /** Opens (or re-opens) the stream and waits until the api has answered it: what is appended after is sent. */
  const streamOpened = (action: () => Promise<unknown>) => Promise.all([page.waitForResponse((r) => r.url().includes('/v1/streams/')), action()]);

  const row = (text: string) => page.getByTestId('live-events').getByRole('row', { name: new RegExp(text) });

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    before = await createContact('before@example.org');
    const { secret } = await t.runtime.apiKeys.create('console live', 'super-admin', 'test');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    page.on('request', (request) => {
      if (request.url().includes('/v1/streams/')) streams.push(request);
    });
    await signIn(page, base, secret);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows an event appended while the page is open, and only the new ones', async () => {
    await streamOpened(() => page.goto(`${base}/#/live`));
    // The key goes in a header, never in the stream's URL.
    expect(streams[0].url()).not.toContain('key');
    expect((await streams[0].allHeaders()).authorization).toMatch(/^Bearer /);
    await createContact('arrives@example.org');
    const arrived = row('ContactCreated');
    await arrived.waitFor();
    await arrived.getByText('Data of ContactCreated').click();
    expect(await arrived.locator('pre').textContent()).toContain('arrives@example.org');
    // "From now": the contact created before the page opened is not replayed.
    expect(await page.getByTestId('live-events').textContent()).not.toContain('before@example.org');
    expect((await positionsShown()).every((position) => position > BigInt(before))).toBe(true);
    await expectNoSeriousViolations(page);
  });

  it('filters by category', async () => {
    await page.getByLabel('Category').selectOption('deal');
    await streamOpened(() => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(streams.at(-1)!.url()).toContain('/v1/streams/deal');
    await createContact('filtered-out@example.org');
    await t.http().post('/v1/deals').send({ name: 'Filtered in', pipelineId: 'default', amount: '10.00', currency: 'EUR', closeDate: '2026-12-31' }).expect(201);
    await row('DealCreated').waitFor();
    expect(await page.getByTestId('live-events').textContent()).not.toContain('ContactCreated');
  });

  it('filters by event type', async () => {
    await page.getByLabel('Category').selectOption('');
    await page.getByLabel(/Event types/).selectOption(['OwnerCreated']);
    await streamOpened(() => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(streams.at(-1)!.url()).toMatch(/\/v1\/streams\/all\?types=OwnerCreated/);
    await createContact('typed-out@example.org');
    await t.http().post('/v1/owners').send({ name: 'Rita Rep', email: 'rita@example.org', role: 'sales' }).expect(201);
    await row('OwnerCreated').waitFor();
    expect(await page.getByTestId('live-events').locator('tbody tr').count()).toBe(1);
  });

  it('pauses, and on resume catches up from the last event shown with Last-Event-ID', async () => {
    await page.getByLabel(/Event types/).selectOption([]);
    await streamOpened(() => page.getByRole('button', { name: 'Apply filters' }).click());
    const seen = await createContact('seen@example.org');
    await row('ContactCreated').waitFor();

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByTestId('stream-status').getByText(`Paused after position ${seen}`).waitFor();
    const missed = await createContact('while-paused@example.org');
    expect(await page.getByTestId('live-events').textContent()).not.toContain(missed);

    await streamOpened(() => page.getByRole('button', { name: 'Resume' }).click());
    expect((await streams.at(-1)!.allHeaders())['last-event-id']).toBe(seen);
    await page.getByTestId('live-events').getByRole('cell', { name: missed, exact: true }).waitFor();
    // Nothing twice, nothing lost: every position once, the paused one among them.
    const shown = await positionsShown();
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toEqual(expect.arrayContaining([BigInt(seen), BigInt(missed)]));
    await expectNoSeriousViolations(page);
  });
});
