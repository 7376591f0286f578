// The console's shell: served by the api at `/` under a self-only Content-Security-Policy next to /docs and /v1;
// GET /v1/session; sign-in with a key kept in sessionStorage only; the navigation limited by role; a 403 from the
// api shown plainly; sign-out.
import type { Browser } from 'playwright-core';
import { isAllowed, PERMISSIONS } from '#auth';
import { CONSOLE_CSP } from '#api/console/console-static';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { keyFor, navLinks, openPage, requireBuiltConsole, signIn } from './console-support.js';

// Inside page.evaluate: the page's globals (the root tsconfig has no DOM library).
declare const sessionStorage: { length: number } & Record<string, string>;
declare const localStorage: Record<string, string>;
declare const document: { cookie: string };

describe('the console: shell, sign-in and serving', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe('served by the api', () => {
    it('answers / with the console under a Content-Security-Policy of this origin only, and its assets', async () => {
      const page = await t.anonymous().get('/').expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toContain('<div id="app"></div>');
      const csp = page.headers['content-security-policy'];
      expect(csp).toBe(CONSOLE_CSP);
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
      // Every script and stylesheet index.html loads is served from /assets, no inline script.
      const assets = [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      for (const asset of assets) {
        const answer = await t.anonymous().get(asset).expect(200);
        expect(answer.headers['content-security-policy']).toBe(CONSOLE_CSP);
        expect(answer.headers['cache-control']).toContain('immutable');
      }
      await t.anonymous().get('/assets/nothing-here.js').expect(404);
    });

    it('leaves /docs and /v1 as they were', async () => {
      await t.anonymous().get('/docs/openapi.json').expect(200);
      await t.anonymous().get('/v1/health').expect(401);
      await t.http().get('/v1/health').expect(200);
      await t.anonymous().get('/v1/nothing').expect(404);
    });
  });

  describe('GET /v1/session', () => {
    it("answers the key's role, id and permissions, for every role", async () => {
      for (const role of ['sales', 'reporting', 'integrator'] as const) {
        const { body } = await (await t.as(role)).get('/v1/session').expect(200);
        expect(body).toEqual({ role, keyId: expect.any(String), permissions: [...PERMISSIONS[role]].sort() });
      }
    });

    it('refuses a request without a key, or with an unknown one', async () => {
      await t.anonymous().get('/v1/session').expect(401);
      await t.anonymous().get('/v1/session').set('Authorization', 'Bearer tly_unknown').expect(401);
    });
  });

  describe('in the browser', () => {
    it('signs in with a key kept in sessionStorage only (never the URL, localStorage or a log), survives a reload, and signs out', async () => {
      const key = await keyFor(t, 'sales');
      const { page, problems, logs } = await openPage(browser);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(`${base}/`);
      await expectNoSeriousViolations(page);
      await signIn(page, base, key);
      await expect(page.getByTestId('role').textContent()).resolves.toBe('sales');

      expect(page.url()).not.toContain(key);
      expect(requested.filter((url) => url.includes(key))).toEqual([]);
      const storage = await page.evaluate(() => ({
        session: Object.entries(sessionStorage),
        local: Object.entries(localStorage),
        cookies: document.cookie,
      }));
      expect(storage.session.filter(([, value]) => value === key)).toHaveLength(1);
      expect(storage.local).toEqual([]);
      expect(storage.cookies).toBe('');

      await page.reload();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').waitFor();
      await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
      expect(logs.filter((line) => line.includes(key))).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('says plainly why a key is refused', async () => {
      const { page } = await openPage(browser);
      await page.goto(`${base}/`);
      await page.getByLabel('API key').fill('tly_not_a_key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(/Sign-in failed.*401.*UNAUTHENTICATED/);
      await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    });

    it('shows each role only the pages it may use', async () => {
      const expectations = [
        { role: 'sales', shows: ['Pipeline board', 'Forecast and pipeline health'], hides: [] },
        { role: 'service', shows: ['Pipeline board', 'Forecast and pipeline health'], hides: [] },
        { role: 'reporting', shows: ['Forecast and pipeline health'], hides: ['Pipeline board'] },
        { role: 'marketing', shows: ['Forecast and pipeline health'], hides: ['Pipeline board'] },
        { role: 'integrator', shows: [], hides: ['Pipeline board', 'Forecast and pipeline health'] },
      ] as const;
      for (const { role, shows, hides } of expectations) {
        // The console's rule is the api's: the board needs deals:read, the forecast read-models:read.
        expect(isAllowed(role, 'deals:read')).toBe((shows as readonly string[]).includes('Pipeline board'));
        const { page } = await openPage(browser);
        await signIn(page, base, await keyFor(t, role));
        const links = await navLinks(page);
        for (const title of shows) expect(links).toContain(title);
        for (const title of hides) expect(links).not.toContain(title);
        await page.context().close();
      }
    });

    it("still shows the api's 403 plainly on a page the role opens by its address", async () => {
      const { page } = await openPage(browser);
      await signIn(page, base, await keyFor(t, 'integrator'));
      await page.goto(`${base}/#/forecast`);
      await page.getByTestId('not-permitted').waitFor();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(/Forbidden \(403 FORBIDDEN\): the integrator role may not read read-models/);
      await expectNoSeriousViolations(page);
    });
  });
});
