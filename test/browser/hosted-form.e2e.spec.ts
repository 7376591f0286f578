// The hosted form in a real browser (Debian's chromium through playwright-core), with JavaScript off: a visitor
// fills it in and submits it with the keyboard alone, sees the thank-you page, and the contact exists.
import type { Browser } from 'playwright-core';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';

describe('the hosted form page in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    t = await startTestApp({ projections: [] });
    base = await listen(t);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is filled in and submitted with the keyboard only, without JavaScript, and creates the contact', async () => {
    const marketing = await t.as('marketing');
    const { body } = await marketing
      .post('/v1/forms')
      .send({
        name: 'Book a demo',
        fields: [
          { name: 'email', type: 'email', label: 'Work email', required: true },
          { name: 'firstName', type: 'text', label: 'First name' },
        ],
        settings: { submitText: 'Book it', thankYouMessage: 'Thanks, we will call you.' },
      })
      .expect(201);
    const formId = body.id as string;

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (message) => csp.push(message.text()));
    await page.goto(`${base}/f/${formId}?utm_source=browser&utm_campaign=keyboard`);
    expect(await page.title()).toBe('Book a demo');

    // Tab skips the honeypot: the first stop is the email field, then the first name, labelled.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('email');
    await page.keyboard.type('Kim@Example.com');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('firstName');
    await page.keyboard.type('Kim');
    expect(await page.getByLabel('Work email (required)').inputValue()).toBe('Kim@Example.com');
    expect(await page.getByLabel('First name').inputValue()).toBe('Kim');
    // The focused field shows its focus.
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');

    await Promise.all([page.waitForURL(`${base}/v1/forms/${formId}/submissions`), page.keyboard.press('Enter')]);
    expect(await page.content()).toContain('<p role="status">Thanks, we will call you.</p>');
    expect(await page.getByRole('status').textContent()).toBe('Thanks, we will call you.');
    expect(csp.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    await context.close();

    // Read through the store: the log holds the personal values sealed (README: Personal data and erasure).
    const logged: { type: string; data: unknown }[] = [];
    for await (const event of t.runtime.eventStore.readAll()) logged.push(event);
    const dataOf = (type: string) => logged.filter((event) => event.type === type).map((event) => event.data);
    expect(dataOf('ContactCreated')).toEqual([expect.objectContaining({ email: 'kim@example.com', firstName: 'Kim', source: 'form', marketingStatus: 'marketing' })]);
    expect(dataOf('FormSubmitted')).toEqual([
      expect.objectContaining({ formId, fields: { email: 'kim@example.com', firstName: 'Kim' }, utm: expect.objectContaining({ source: 'browser', campaign: 'keyboard' }) }),
    ]);
  });
});
