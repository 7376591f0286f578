// axe-core in the page under test: injected from node_modules (no network), run over the whole document; a serious
// or critical violation fails the spec with each rule, its help and the offending elements.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Inside page.evaluate: the page's global (the root tsconfig has no DOM library).
declare const window: object;
declare const document: unknown;

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let source: string | undefined;

type AxeNode = { target: string[]; failureSummary?: string };
type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] };

/** The serious and critical violations axe finds in the page as it is now. */
export const seriousViolations = async (page: Page): Promise<AxeViolation[]> => {
  // Evaluated through the DevTools protocol rather than added as a <script>: the console's Content-Security-Policy
  // (script-src 'self') refuses an inline script, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${(source ??= readFileSync(AXE, 'utf8'))}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
};

export const describeViolations = (violations: readonly AxeViolation[]): string =>
  violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');

export const expectNoSeriousViolations = async (page: Page): Promise<void> => {
  const violations = await seriousViolations(page);
  if (violations.length) throw new Error(`axe-core found ${violations.length} serious or critical violation(s) on ${page.url()}:\n${describeViolations(violations)}`);
};
