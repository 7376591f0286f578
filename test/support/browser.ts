// A real browser for the page specs: Debian's chromium driven by playwright-core (no browser download). `.ci/run`
// installs chromium when it is missing; a machine without it fails these specs rather than skipping them.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { TestApp } from './test-app.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = (): string => {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('no chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
};

export const launchBrowser = (): Promise<Browser> =>
  // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
  chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });

/** Serves the test app on a loopback port for the browser; returns its base URL. Closed with the app. */
export const listen = async (t: TestApp): Promise<string> => {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
};
