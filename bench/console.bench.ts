// Time to render the console's pages in chromium over a seeded store (the target: every page under 1 s with
// 100k contacts of history). The api runs in this process over a copy of the seeded server database, its read models
// built first; chromium signs in, then each page is opened by its hash route and timed in the page, from the route
// change to the page's rendered state: its content in the DOM and nothing of it still loading. Each row names the
// page's slowest request (resource timing), where a slow page's time goes. Needs the console built
// (`npm run build:console`) and a PostgreSQL server (BENCH_DATABASE_URL).
// Usage: npm run bench:console [-- --contacts 100000 --runs 5]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleDirectory } from '#api/console/console-static';
import { chromium } from 'playwright-core';
import { cloneDatabase, loadAverage, median, printTable, readModelsBuilt, seededTemplate, startBenchApp, writeResults, type BenchApp } from './bench-support.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
  },
});
const contacts = Number(values.contacts);
const runs = Number(values.runs);

if (!existsSync(join(consoleDirectory(), 'index.html'))) throw new Error('the console is not built: run `npm run build:console` first');

// Debian's chromium, as the browser specs drive it (test/support/browser.ts; the build leaves test/ out).
const launchBrowser = () => {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => !!path && existsSync(path));
  if (!executablePath) throw new Error('no chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
};

type Sample = { ms: number; slowest: string };
type PageCase = Readonly<{ name: string; hash: string; selector: string; text?: string }>;

// What "rendered" means for each page: `selector` is in the DOM (with `text` in it, when given), and nothing in
// <main> still says it is loading. Detail pages open the contact with the highest score, the one most events name.
const pagesFor = (contactId: string): readonly PageCase[] => {
  const contact = encodeURIComponent(contactId);
  return [
    { name: 'board (cards, totals, revisions)', hash: '#/board', selector: '[data-testid="board"][data-ready="true"] li.card' },
    { name: 'forecast and pipeline health', hash: '#/forecast', selector: '[data-testid="forecast"] table' },
    { name: 'lead scores (top 50)', hash: '#/scores', selector: 'main table tbody td a' },
    { name: "lead scores: a score's waterfall", hash: `#/scores?contact=${contact}`, selector: '[data-testid="score-value"]' },
    { name: 'formulas and replays', hash: '#/formulas', selector: 'main table tbody td code' },
    { name: 'projections', hash: '#/projections', selector: 'main table tbody td strong' },
    { name: 'rep activity (30 days)', hash: '#/rep-activity', selector: 'main table' },
    { name: 'records: contacts', hash: '#/records?in=contacts', selector: 'main table tbody td a' },
    { name: 'records: companies', hash: '#/records?in=companies', selector: 'main table tbody td a' },
    { name: 'records: deals', hash: '#/records?in=deals', selector: 'main table tbody td a' },
    { name: 'records: tickets', hash: '#/records?in=tickets', selector: 'main table tbody td a' },
    { name: 'records: search everything', hash: '#/records?in=all&q=acme', selector: 'main table tbody td a' },
    { name: "records: a contact's timeline", hash: `#/records?type=contact&id=${contact}`, selector: 'main table tbody td details' },
    { name: 'live events (stream open)', hash: '#/live', selector: '[data-testid="stream-status"]', text: 'Live.' },
  ];
};

const topContact = async (app: BenchApp): Promise<string> => {
  const response = await fetch(`${app.baseUrl}/v1/read-models/lead-scores?sort=-score&limit=1`, { headers: { authorization: `Bearer ${app.apiKey}` } });
  const { data } = (await response.json()) as { data: { contactId: string }[] };
  if (!data[0]) throw new Error('no lead score to open');
  return data[0].contactId;
};

const db = await cloneDatabase(await seededTemplate(contacts), 10);
// The app's runtime owns the database from here: closing the app closes it and drops the copy.
const app = await startBenchApp(db).catch(async (error: unknown) => {
  await db.close();
  throw error;
});
try {
  const browser = await launchBrowser();
  try {
    const built = Date.now();
    await readModelsBuilt(app);
    console.log(`${contacts} contacts: read models built in ${((Date.now() - built) / 1000).toFixed(1)} s`);
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${app.baseUrl}/`);
    await page.getByLabel('API key').fill(app.apiKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const time = ({ hash, selector, text }: PageCase): Promise<Sample> =>
      page.evaluate(
        async ({ hash, selector, text }) => {
          type Node = { textContent: string | null };
          const w = globalThis as unknown as {
            location: { hash: string };
            document: { querySelector: (s: string) => Node | null; querySelectorAll: (s: string) => ArrayLike<Node> };
            requestAnimationFrame: (f: () => void) => void;
            performance: { now: () => number; clearResourceTimings: () => void; getEntriesByType: (t: string) => { name: string; startTime: number; responseEnd: number }[] };
          };
          w.location.hash = '#/bench-elsewhere';
          await new Promise((resolve) => setTimeout(resolve, 100));
          // The buffer keeps 250 entries: emptied per sample, so a late run still sees its own requests.
          w.performance.clearResourceTimings();
          const start = w.performance.now();
          w.location.hash = hash;
          const loading = () => !!w.document.querySelector('main .loading') || Array.from(w.document.querySelectorAll('main td')).some((td) => td.textContent === 'Loading…');
          const rendered = () => {
            const found = w.document.querySelector(selector);
            return !!found && (text === undefined || (found.textContent ?? '').includes(text)) && !loading();
          };
          await new Promise<void>((resolve, reject) => {
            const deadline = start + 60_000;
            const check = () => {
              if (rendered()) resolve();
              else if (w.performance.now() > deadline) reject(new Error(`${hash}: ${selector} did not render within 60 s`));
              else w.requestAnimationFrame(check);
            };
            check();
          });
          const ms = w.performance.now() - start;
          const requests = w.performance.getEntriesByType('resource').filter((r) => r.startTime >= start && r.responseEnd > 0 && r.responseEnd <= start + ms);
          const slowest = requests.sort((a, b) => b.responseEnd - b.startTime - (a.responseEnd - a.startTime))[0];
          const path = slowest ? new URL(slowest.name).pathname + new URL(slowest.name).search : '';
          return { ms, slowest: slowest ? `${Math.round(slowest.responseEnd - slowest.startTime)} ms ${path.slice(0, 90)}` : '' };
        },
        { hash, selector, text },
      );

    const rows: Record<string, string | number>[] = [];
    for (const pageCase of pagesFor(await topContact(app))) {
      const samples: Sample[] = [];
      for (let run = 0; run < runs; run++) samples.push(await time(pageCase));
      const ms = samples.map((sample) => sample.ms);
      const worst = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
      rows.push({
        page: pageCase.name,
        'first ms': Math.round(ms[0]),
        'median ms': Math.round(median(ms)),
        'max ms': Math.round(Math.max(...ms)),
        'under 1 s': median(ms) < 1000 ? 'yes' : 'NO',
        'slowest request (worst run)': worst.slowest,
      });
    }
    printTable(rows);
    console.log(`load average: ${loadAverage()}`);
    console.log(`results: ${await writeResults('console', { contacts, runs, pages: rows })}`);
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
}
