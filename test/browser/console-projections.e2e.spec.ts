// The projections page in a real browser: every build with status, lag and position; a parked build's event with
// resume for a role that may (super-admin), and without it for one that may not (auditor); axe finds no serious
// violation.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '#auth';
import type { BuildStatus } from '#projection-engine';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { dealCreatedData, newEvent } from '#test/support/events';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';
import { keyFor, requireBuiltConsole, signIn } from './console-support.js';

describe('console: projections', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let poisonId: string;

  const signedIn = async (role: Role): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(page, base, await keyFor(t, role));
    return page;
  };

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    await t.http().post('/v1/contacts').send({ email: 'ada@example.org', firstName: 'Ada', source: 'import' }).expect(201);
    // A deal id longer than any index entry PostgreSQL can hold: the schema allows it (a raw import), the tables do
    // not, so the builds that index deals park on it.
    const poison = newEvent('DealCreated', dealCreatedData(randomBytes(4_000).toString('base64'), { name: 'Deal', pipelineId: 'p', stageId: 's', amount: '10.00' }));
    poisonId = poison.id;
    await t.runtime.eventStore.appendToStream(`deal-${randomUUID()}`, [poison]);
    await eventually(async () => {
      const { body } = await t.http().get('/v1/projections/pipeline-health').expect(200);
      expect(body.data.some((b: BuildStatus) => b.parked?.eventId === poisonId)).toBe(true);
    }, 20_000);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists every build with its status, lag and position, and resumes a parked one', async () => {
    const page = await signedIn('super-admin');
    await page.goto(`${base}/#/projections`);
    const builds = page.getByRole('table', { name: /Every build/ });
    await builds.getByRole('cell', { name: 'lead-score', exact: true }).waitFor();
    const { body } = await t.http().get('/v1/projections').expect(200);
    expect(await builds.locator('tbody tr').count()).toBe(body.data.length);
    const headers = await builds.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['Projection', 'Status', 'Position', 'Lag (events)', 'Lag (ms)']));
    const leadScore = builds.getByRole('row', { name: /^lead-score v1/ });
    expect(await leadScore.textContent()).toMatch(/active/);

    const parked = page.getByRole('table', { name: /stopped on an event/ });
    const row = parked.getByRole('row', { name: /pipeline-health/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(`DealCreated ${poisonId}`);
    await expectNoSeriousViolations(page);

    await row.getByRole('button', { name: 'Resume pipeline-health' }).click();
    await page.getByText('pipeline-health resumed from the event it parked on.').waitFor();
    await page.close();
  });

  it('shows a parked event without resume to a role that may not resume', async () => {
    const page = await signedIn('auditor');
    await page.goto(`${base}/#/projections`);
    const row = page.getByRole('table', { name: /stopped on an event/ }).getByRole('row', { name: /pipeline-health/ });
    await row.waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await row.textContent()).toContain('resume needs projections:write');
    await expectNoSeriousViolations(page);
    await page.close();
  });
});
