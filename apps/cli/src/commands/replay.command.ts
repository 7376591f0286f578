import { randomUUID } from 'node:crypto';
import {
  CommandExecutor,
  LeadScoreFormulas,
  randomIds,
  replayReport,
  type ReplayReport,
  type RequestContext,
} from '#application';
import { eventCatalog } from '#domain/catalog';
import { comparePositions, parsePosition } from '#event-store';
import type { BuildStatus } from '#projection-engine';
import type { Runtime } from '#runtime';
import { FormulaInvalid } from '#scoring';
import { LEAD_SCORE_PROJECTION, leadScoreReadModel } from '#projections/lead-score';
import { progressBar } from '../progress.js';
import { describeIssues, readFormulaFile } from './formula-file.js';
import { textTable } from './text-table.js';

export type ReplayOptions = Readonly<{
  formulaFile: string;
  dryRun: boolean;
  reason?: string;
  actor: string;
  /** How often the build's progress is read. */
  pollMs?: number;
}>;

/** The replay report as a reader would want it on a terminal. */
export const replayReportText = (report: ReplayReport): string => {
  const short = (id: string | null) => (id ? id.slice(0, 12) : '?');
  return [
    `lead-score@${report.version} (formula ${short(report.formulaId)}) against lead-score@${report.against} (formula ${short(report.againstFormulaId)})`,
    '',
    textTable(
      ['contacts', 'score changed', 'qualification changed', 'only before', 'only after'],
      [[report.compared, report.scoreChanged, report.qualificationChanged, report.onlyBefore, report.onlyAfter]],
    ),
    '',
    report.transitions.length === 0
      ? 'no qualification changed'
      : textTable(['from', 'to', 'contacts'], report.transitions.map((t) => [t.from, t.to, t.contacts])),
    '',
    report.topMovers.length === 0
      ? 'no score changed'
      : textTable(
          ['contact', 'before', 'after', 'change', 'qualification'],
          report.topMovers.map((m) => [m.contactId, m.before, m.after, m.change, `${m.qualificationBefore} -> ${m.qualificationAfter}`]),
        ),
  ].join('\n');
};

const caughtUp = async (runtime: Runtime, build: BuildStatus): Promise<boolean> => {
  if (build.lagEvents !== null) return build.lagEvents === 0 && build.position !== null;
  const head = await runtime.eventStore.headPosition();
  return head === null || (build.position !== null && comparePositions(parsePosition(build.position), head) >= 0);
};

/**
 * `tally replay lead-score --formula FILE [--dry-run] [--reason TEXT]`: saves the formula, records its activation
 * (unless a dry run), builds lead scores with it beside the active build while showing progress, and prints the
 * replay report once the build is active (or, for a dry run, caught up). This process runs the projection engine
 * while it waits: use it when no api or projector process is running against the same database.
 */
export const replayCommand = async (runtime: Runtime, options: ReplayOptions, out: (text: string) => void = console.log): Promise<number> => {
  if (!options.dryRun && !options.reason?.trim()) throw new Error('--reason is required unless --dry-run: the activation is recorded');
  let formula;
  try {
    ({ formula } = await readFormulaFile(options.formulaFile));
  } catch (error) {
    if (!(error instanceof FormulaInvalid)) throw error;
    out([`${options.formulaFile} is not a valid formula:`, ...describeIssues(options.formulaFile, error.errors)].join('\n'));
    return 2;
  }
  const context: RequestContext = {
    actor: options.actor,
    correlationId: randomUUID(),
    causationId: null,
    now: new Date().toISOString(),
    source: 'cli',
    ids: randomIds(),
  };
  const engine = runtime.projections;
  // This process runs the projection engine while it waits: there is no api or projector to do it.
  await engine.start();
  const executor = new CommandExecutor(runtime.eventStore, eventCatalog, () => engine.poke());
  const { formulaId: id, version } = await new LeadScoreFormulas(executor, engine, LEAD_SCORE_PROJECTION).switchTo(
    formula,
    { dryRun: options.dryRun, reason: options.reason },
    context,
  );
  out(`formula ${formula.name} (${id}) -> building lead-score@${version}${options.dryRun ? ' (dry run: the active build stays)' : ''}`);

  let bar: ReturnType<typeof progressBar> | null = null;
  for (;;) {
    const build = (await engine.status(LEAD_SCORE_PROJECTION)).find((b) => b.version === version);
    if (!build) throw new Error(`lead-score@${version} disappeared`);
    if (build.parked) {
      bar?.finish('parked');
      out(`lead-score@${version} parked on event ${build.parked.eventId} (${build.parked.type}): ${build.parked.error}`);
      return 1;
    }
    const total = build.lagEvents === null ? null : build.eventsProcessed + build.lagEvents;
    bar ??= progressBar(`lead-score@${version}`, total);
    const eta = build.lagEvents !== null && build.eventsPerSecond ? `eta ${Math.ceil(build.lagEvents / build.eventsPerSecond)}s` : '';
    bar.update(build.eventsProcessed, `position ${build.position ?? '-'} ${build.eventsPerSecond ?? 0} ev/s ${eta}`);
    if (options.dryRun ? await caughtUp(runtime, build) : build.state === 'active') {
      bar.finish(`${build.eventsProcessed} events, position ${build.position ?? '-'}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
  }
  const report = await replayReport(engine, leadScoreReadModel(runtime.db.pool), version);
  out(replayReportText(report));
  return 0;
};
