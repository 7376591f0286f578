// The records page in a real browser: search finds a contact across record types and opens its timeline (its own
// events and the engagements on it, with their data); each type's list; axe finds no serious violation.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { requireBuiltConsole, signIn } from './console-support.js';

describe('console: records', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let contactId: string;

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    const company = await t.http().post('/v1/companies').send({ name: 'Analytical Engines', domain: 'engines.example' }).expect(201);
    const contact = await t.http().post('/v1/contacts').send({ email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace', source: 'import' }).expect(201);
    contactId = contact.body.id;
    await t.http().post('/v1/contacts').send({ email: 'grace@example.org', firstName: 'Grace', lastName: 'Hopper', source: 'import' }).expect(201);
    await t.http().post(`/v1/contacts/${contactId}/page-views`).send({ url: 'https://tally.example/pricing' }).expect(201);
    const owner = await t.http().post('/v1/owners').send({ name: 'Rita Rep', email: 'rita@example.org', role: 'sales' }).expect(201);
    const note = await t
      .http()
      .post('/v1/engagements')
      .send({ kind: 'note', ownerId: owner.body.id, body: 'Asked about the difference engine', contactIds: [contactId] })
      .expect(201);
    const position = note.body.position;
    await t.http().get('/v1/search').query({ q: 'lovelace', minPosition: position }).expect(200);
    await t.http().get('/v1/companies').query({ minPosition: position }).expect(200);
    await t.http().get(`/v1/timelines/contact/${contactId}`).query({ minPosition: position }).expect(200);
    expect(company.body.id).toEqual(expect.any(String));

    const { secret } = await t.runtime.apiKeys.create('console records', 'super-admin', 'test');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
    await signIn(page, base, secret);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("finds a contact by search and opens its timeline", async () => {
    await page.goto(`${base}/#/records`);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await page.getByLabel('Search').fill('lovelace');
    await page.getByRole('button', { name: 'Search' }).click();
    const hits = page.getByRole('table', { name: /Records matching “lovelace”/ });
    await hits.waitFor();
    expect(await hits.locator('tbody tr').count()).toBe(1);
    await hits.getByRole('link', { name: 'Ada Lovelace' }).click();

    await page.getByTestId('timeline-heading').getByText('Timeline of Ada Lovelace').waitFor();
    expect(page.url()).toContain(`id=${contactId}`);
    const timeline = page.getByRole('table', { name: /What happened, newest first/ });
    await timeline.getByRole('cell', { name: 'ContactCreated' }).waitFor();
    const types = await timeline.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(types).toEqual(['EngagementLogged', 'PageViewed', 'ContactCreated']);
    const created = timeline.getByRole('row', { name: /ContactCreated/ });
    await created.getByText('Data of ContactCreated').click();
    expect(JSON.parse((await created.locator('pre').first().textContent()) ?? 'null')).toMatchObject({ contactId, email: 'ada@example.org' });
    await expectNoSeriousViolations(page);
  });

  it("lists one type's records and searches within it", async () => {
    await page.goto(`${base}/#/records`);
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    await page.getByLabel('In').selectOption('companies');
    await page.getByRole('button', { name: 'Search' }).click();
    const companies = page.getByRole('table', { name: 'Companies, newest first' });
    await companies.getByRole('cell', { name: 'engines.example' }).waitFor();

    await page.getByLabel('In').selectOption('contacts');
    await page.getByLabel('Search').fill('hopper');
    await page.getByRole('button', { name: 'Search' }).click();
    const contacts = page.getByRole('table', { name: 'Contacts matching “hopper”' });
    await contacts.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    expect(await contacts.locator('tbody tr').count()).toBe(1);
    await expectNoSeriousViolations(page);
  });
});
