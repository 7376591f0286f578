// The rep-activity page in a real browser: a rep's calls, emails and meetings as a chart and a table, and the CSV
// the api answers for the same range, downloaded through a Blob link; axe finds no serious violation.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { requireBuiltConsole, signIn } from './console-support.js';

describe('console: rep activity', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let ownerId: string;

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    const owner = await t.http().post('/v1/owners').send({ name: 'Rita Rep', email: 'rita@example.org', role: 'sales' }).expect(201);
    ownerId = owner.body.id;
    const contact = await t.http().post('/v1/contacts').send({ email: 'ada@example.org', firstName: 'Ada', source: 'import' }).expect(201);
    let position = contact.body.position;
    for (const kind of ['call', 'call', 'email', 'meeting']) {
      const logged = await t.http().post('/v1/engagements').send({ kind, ownerId, contactIds: [contact.body.id] }).expect(201);
      position = logged.body.position;
    }
    const { body } = await t.http().get('/v1/read-models/rep-activity').query({ minPosition: position }).expect(200);
    expect(body.data).toEqual([expect.objectContaining({ ownerId, calls: 2, emails: 1, meetings: 1 })]);

    const { secret } = await t.runtime.apiKeys.create('console rep activity', 'super-admin', 'test');
    browser = await launchBrowser();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1300, height: 900 } })).newPage();
    await signIn(page, base, secret);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows each owner's activity per period as a chart and a table", async () => {
    await page.goto(`${base}/#/rep-activity`);
    const table = page.getByRole('table', { name: 'Activity per owner and period' });
    const row = table.getByRole('row', { name: /Rita Rep/ });
    await row.waitFor();
    const headers = await table.locator('thead th').allTextContents();
    const cells = await row.getByRole('cell').allTextContents();
    const cell = (header: string): string => cells[headers.indexOf(header)];
    expect([cell('Calls'), cell('Emails'), cell('Meetings'), cell('Deals won')]).toEqual(['2', '1', '1', '0']);
    expect(await page.getByRole('figure').textContent()).toContain('Activity per day, every owner');
    expect(await page.locator('figure canvas').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page);
  });

  it('narrows to one owner and period, and downloads the same rows as CSV', async () => {
    await page.getByLabel('Owner').selectOption({ label: 'Rita Rep' });
    await page.getByLabel('Period').selectOption('month');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('figure').getByText('Activity per month of Rita Rep').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rep-activity-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toMatch(/^ownerId,period,emails,calls,meetings/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${ownerId},\\d{4}-\\d{2},1,2,1,`));
    await expectNoSeriousViolations(page);
  });
});
