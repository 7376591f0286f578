// Formulas and replays in a real browser: the api's validation errors shown inline, a formula saved as YAML, a
// rebuild started with a reason and followed until it finishes, its replay report (MQL -> none), and a backtest
// with its AUC and deciles; axe finds no serious violation.
import type { Browser, Page } from 'playwright-core';
import { expectNoSeriousViolations } from '#test/support/axe';
import { launchBrowser, listen } from '#test/support/browser';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { requireBuiltConsole, signIn } from './console-support.js';

describe('console: formulas and replays', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  const contact = async (email: string, jobTitle: string | undefined, demo: boolean): Promise<{ id: string; position: string }> => {
    const { body } = await t.http().post('/v1/contacts').send({ email, firstName: email.split('@')[0], jobTitle, source: 'import' }).expect(201);
    if (!demo) return { id: body.id, position: body.position };
    const form = await t.http().post(`/v1/contacts/${body.id}/form-submissions`).send({ formId: 'demo', fields: {} }).expect(201);
    return { id: body.id, position: form.body.position };
  };

  // Starting the api, seeding it and launching chromium can take more than the default minute on a busy machine.
  beforeAll(async () => {
    requireBuiltConsole();
    t = await startTestApp();
    base = await listen(t);
    // 15 (title) + 30 (demo) = 45: an MQL under the active formula (40), not under one that asks 50.
    const won = await contact('grace@example.org', 'VP Sales', true);
    const lost = await contact('linus@example.org', undefined, false);
    for (const [who, stageId] of [[won.id, 'closedwon'], [lost.id, 'closedlost']] as const) {
      const deal = await t.http().post('/v1/deals').send({ name: `deal of ${who}`, pipelineId: 'default', amount: '100.00', currency: 'EUR', closeDate: '2026-12-31', contactIds: [who] }).expect(201);
      await t.http().put(`/v1/deals/${deal.body.id}/stage`).send({ stageId, ...(stageId === 'closedlost' ? { lostReason: 'budget' } : {}) }).expect(200);
    }
    await t.http().get(`/v1/read-models/lead-scores/${won.id}`).query({ minPosition: won.position }).expect(200);

    const { secret } = await t.runtime.apiKeys.create('console formulas', 'super-admin', 'test');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await signIn(page, base, secret);
    await page.goto(`${base}/#/formulas`);
    await page.getByRole('heading', { name: 'Formulas and replays' }).waitFor();
    await page.getByRole('cell', { name: 'Q4 scoring' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the api's validation errors inline, by path", async () => {
    const editor = page.getByLabel(/Formula document/);
    await editor.fill('{ "name": "Broken", "limit": 100, "thresholds": { "mql": 40, "sql": 70 } }');
    await page.getByRole('button', { name: 'Save formula' }).click();
    const issues = page.getByTestId('formula-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('/groups');
    expect(await issues.textContent()).toContain('is required');
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getAttribute('aria-describedby')).toBe('formula-issues');
    await expectNoSeriousViolations(page);
  });

  it('saves a formula written as YAML, rebuilds with it and shows the replay report', async () => {
    await page.getByRole('radio', { name: 'YAML' }).check();
    const editor = page.getByLabel(/Formula document \(YAML\)/);
    const yaml = await editor.inputValue();
    expect(yaml).toContain('name: "Q4 scoring"');
    expect(yaml).toContain('mql: 40');
    await editor.fill(yaml.replace('name: "Q4 scoring"', 'name: "Stricter"').replace('mql: 40', 'mql: 50'));
    await page.getByRole('button', { name: 'Save formula' }).click();
    const saved = page.getByTestId('formula-saved');
    await saved.waitFor();
    const formulaId = /[0-9a-f]{64}/.exec((await saved.textContent()) ?? '')?.[0];
    expect(formulaId).toBeDefined();
    await page.getByRole('cell', { name: 'Stricter' }).waitFor();

    expect(await page.getByLabel('Formula to score with').inputValue()).toBe(formulaId);
    await page.getByLabel(/^Reason/).fill('MQL at 50: sales asked for fewer, warmer leads');
    await page.getByRole('button', { name: 'Start rebuild' }).click();
    await page.getByTestId('rebuild-progress').waitFor();
    await page.getByTestId('rebuild-status').getByText(/^Finished: build v2 is active/).waitFor();
    expect(await page.getByTestId('rebuild-progress').textContent()).toMatch(/Events\/s.*Time left/);

    const report = page.getByTestId('replay-report');
    await report.waitFor();
    expect(await report.getByRole('heading').first().textContent()).toContain('build v2 against v1');
    expect(await report.getByTestId('qualification-changed').textContent()).toBe('1');
    const down = report.getByRole('table', { name: /Qualified down/ });
    expect(await down.getByRole('row').nth(1).textContent()).toBe('MQLNONE1');
    expect(await report.getByRole('table', { name: /Qualified up/ }).textContent()).toContain('No contact moved up.');
    await expectNoSeriousViolations(page);

    // The list of formulas follows: the new one is active now.
    await page.getByRole('row', { name: /^Stricter .* yes: lead scores are built with it$/ }).waitFor();
    const { body } = await t.http().get('/v1/projections/lead-score').expect(200);
    expect(body.data.find((b: { state: string }) => b.state === 'active').params.formulaId).toBe(formulaId);
  });

  it('runs a backtest and shows its AUC and deciles as a chart and a table', async () => {
    await page.getByLabel('Days before the close').fill('0');
    await page.getByRole('button', { name: 'Run backtest' }).click();
    const result = page.getByTestId('backtest-result');
    await result.waitFor();
    const row = result.getByRole('table', { name: 'Backtest results' }).getByRole('row').nth(1);
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['Q4 scoring', '2', '1', '1', '1']);
    expect(await result.getByRole('figure').textContent()).toContain('Win rate by score decile');
    expect(await result.locator('figure canvas').count()).toBeGreaterThan(0);
    expect(await result.getByRole('table', { name: 'Deciles of Q4 scoring' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectNoSeriousViolations(page);
  });
});
