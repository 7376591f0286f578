// The forecast and pipeline health page in chromium over a seeded store: the weighted forecast by month as a chart
// per currency and as a table of the api's numbers, the win rate, and stage durations (median, p90) as a chart and
// a table; axe finds nothing serious.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { keyFor, openPage, requireBuiltConsole, signIn } from './console-support.js';
import { PIPELINE, seedBoard, type SeededBoard } from './console-seed.js';

type ForecastRow = { month: string; currency: string; weighted: string; total: string };
type DurationRow = { label: string; visits: number; completedVisits: number; medianMs: number | null; p90Ms: number | null };

const grouped = (amount: string): string => {
  const [whole, fraction] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
};

const nextMonth = (): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
};

describe('the console: forecast and pipeline health', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let seeded: SeededBoard;
  let page: Page;
  let problems: string[];

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    seeded = await seedBoard(t);
    base = await listen(t);
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
    // reporting reads read models and nothing else: enough for this page.
    await signIn(page, base, await keyFor(t, 'reporting'));
    await t.http().get(`/v1/read-models/pipeline-health?pipelineId=${PIPELINE}&minPosition=${seeded.position}`).expect(200);
    await page.goto(`${base}/#/forecast?pipeline=${PIPELINE}`);
    await page.getByRole('table', { name: 'Time in stage' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const cells = (name: string) =>
    page.getByRole('table', { name }).evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );

  it('draws the weighted forecast by month, one chart per currency, and tables the same numbers as the api', async () => {
    const { body } = await t.http().get(`/v1/read-models/pipeline-health?pipelineId=${PIPELINE}`).expect(200);
    const forecast: ForecastRow[] = body.data.forecast;
    expect(forecast.length).toBeGreaterThan(0);

    for (const currency of ['EUR', 'USD']) {
      const figure = page.getByRole('figure', { name: `Forecast in ${currency} by month` });
      await figure.waitFor();
      const size = await figure.locator('canvas').evaluate((canvas) => ({ width: (canvas as unknown as { width: number }).width, height: (canvas as unknown as { height: number }).height }));
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    }
    expect(await cells('Forecast by month and currency')).toEqual(
      forecast.map((f) => [f.month, f.currency, `${f.currency} ${grouped(f.weighted)}`, `${f.currency} ${grouped(f.total)}`]),
    );
    // Next month in EUR: Acme 1000.10 × 20% + Soylent 50.00 × 20% + Stark 900.00 × 90%.
    expect(await cells('Forecast by month and currency')).toContainEqual([nextMonth(), 'EUR', 'EUR 1,020.02', 'EUR 1,950.10']);
  });

  it('shows the win rate and the health of each stage', async () => {
    await expect(page.getByTestId('win-rate').textContent()).resolves.toMatch(/Win rate\s*50%\s*1 won, 1 lost/);
    const rows = await page.getByRole('table', { name: /^Stages of Sales Pipeline as of / }).evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );
    expect(rows[0]).toEqual(['Appointment Scheduled', '20%', '4', 'EUR 3,550.10 (EUR 710.02); USD 700.55 (USD 140.11)', expect.any(String), '1']);
  });

  it('draws the median and 90th percentile time in stage and tables them', async () => {
    const { body } = await t.http().get(`/v1/read-models/stage-durations?pipelineId=${PIPELINE}`).expect(200);
    const durations: DurationRow[] = body.data;
    const figure = page.getByRole('figure', { name: 'Median and 90th percentile time in stage' });
    await figure.waitFor();
    await expect(figure.locator('canvas').count()).resolves.toBe(1);
    const rows = await cells('Time in stage');
    expect(rows.map((r) => [r[0], Number(r[1]), Number(r[2])])).toEqual(durations.map((d) => [d.label, d.visits, d.completedVisits]));
    // The seeded won and lost deals left Appointment Scheduled: completed visits with a median and a p90.
    const first = durations[0];
    expect(first.completedVisits).toBeGreaterThan(0);
    expect(rows[0][3]).not.toBe('—');
    expect(rows[0][4]).not.toBe('—');
  });

  it('passes axe and logs no error', async () => {
    await expectNoSeriousViolations(page);
    expect(problems).toEqual([]);
  });
});
