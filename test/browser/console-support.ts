// What the console's browser specs share: the built console (a clear failure when it is missing), a browser over a
// listening test app, keys by role, and signing in through the form.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '#auth';
import { consoleDirectory } from '#api/console/console-static';
import type { TestApp } from '#test/support/test-app';

/** Fails with the command to run when dist/console has not been built. */
export const requireBuiltConsole = (): void => {
  const index = join(consoleDirectory(), 'index.html');
  if (!existsSync(index)) {
    throw new Error(`the console is not built (${index} is missing): run \`npx vite build --config apps/console/vite.config.ts\` or \`npm run build\` first`);
  }
};

/** A fresh key of `role` (its secret), as `tally keys create` would make. */
export const keyFor = async (t: Pick<TestApp, 'runtime'>, role: Role): Promise<string> =>
  (await t.runtime.apiKeys.create(`console ${role}`, role, 'test')).secret;

/** A new page that fails the spec on any error the page logs (a CSP refusal, an uncaught exception). */
export const openPage = async (browser: Browser): Promise<{ page: Page; problems: string[]; logs: string[] }> => {
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const logs: string[] = [];
  page.on('console', (message) => {
    logs.push(message.text());
    // A failed request the page handles itself (a 401, 403 or 409 it shows) is logged by chromium too: not a problem.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|403|404|409)/.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { page, problems, logs };
};

export const signIn = async (page: Page, base: string, key: string): Promise<void> => {
  await page.goto(`${base}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

export const navLinks = async (page: Page): Promise<string[]> =>
  page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents();
