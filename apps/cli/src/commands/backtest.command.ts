import { backtestFormulas } from '#application';
import type { Runtime } from '#runtime';
import { FormulaInvalid, formulaId, type BacktestReport } from '#scoring';
import { describeIssues, readFormulaFile } from './formula-file.js';
import { textTable, type Cell } from './text-table.js';

export type BacktestOptions = Readonly<{ formulaFiles: readonly string[]; horizon: string }>;

/** `30d` or `30`: whole days. */
export const parseHorizon = (text: string): number => {
  const match = /^(\d{1,4})d?$/.exec(text.trim());
  if (!match) throw new Error(`--horizon must be a number of days such as 30d, not ${text}`);
  return Number(match[1]);
};

const percent = (rate: number | null): Cell => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);

/** The reports side by side: one column per formula. */
export const backtestTable = (reports: readonly BacktestReport[]): string => {
  const row = (label: string, pick: (report: BacktestReport) => Cell): Cell[] => [label, ...reports.map(pick)];
  const summary = textTable(
    ['', ...reports.map((r) => r.formulaName)],
    [
      row('formula id', (r) => r.formulaId.slice(0, 12)),
      row('samples (contact x closed deal)', (r) => r.samples),
      row('won / lost', (r) => `${r.won} / ${r.lost}`),
      row('AUC', (r) => r.auc),
      row('win rate SQL', (r) => percent(r.winRate.sql)),
      row('win rate MQL', (r) => percent(r.winRate.mql)),
      row('win rate qualified', (r) => percent(r.winRate.qualified)),
      row('win rate below MQL', (r) => percent(r.winRate.rest)),
      row('won while below MQL', (r) => r.wonBelowMql.length),
    ],
  );
  const deciles = reports.map((r) =>
    [
      `deciles of ${r.formulaName} (1 = lowest scores)`,
      textTable(
        ['decile', 'samples', 'won', 'win rate', 'scores'],
        r.deciles.map((d) => [d.decile, d.samples, d.won, percent(d.winRate), `${d.minScore} .. ${d.maxScore}`]),
      ),
    ].join('\n'),
  );
  return [summary, ...deciles].join('\n\n');
};

/** `tally backtest --formula FILE [--formula FILE2] --horizon 30d`: one fold of the log, a report per formula. */
export const backtestCommand = async (runtime: Runtime, options: BacktestOptions, out: (text: string) => void = console.log): Promise<number> => {
  if (options.formulaFiles.length < 1 || options.formulaFiles.length > 2) {
    throw new Error('usage: tally backtest --formula FILE [--formula FILE2] [--horizon 30d]');
  }
  const horizonDays = parseHorizon(options.horizon);
  const formulas = [];
  for (const file of options.formulaFiles) {
    try {
      formulas.push((await readFormulaFile(file)).formula);
    } catch (error) {
      if (!(error instanceof FormulaInvalid)) throw error;
      out([`${file} is not a valid formula:`, ...describeIssues(file, error.errors)].join('\n'));
      return 2;
    }
  }
  const reports = await backtestFormulas(runtime.eventStore, formulas, horizonDays);
  out(`backtest at ${horizonDays} days before each close; formulas ${formulas.map((f) => formulaId(f).slice(0, 12)).join(', ')}\n`);
  out(backtestTable(reports));
  return 0;
};
