// Lead scores re-derived from the event log alone, independent of the read model: explain as of a past instant,
// scores under another formula, verify and backtests. Framework-free so the CLI runs the same code as the api.
import {
  comparePositions,
  formatPosition,
  parsePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '#event-store';
import { notFound } from '#domain/shared';
import type { ProjectionEngine } from '#projection-engine';
import {
  backtest,
  emptyHistory,
  eventTypesUsed,
  formulaId,
  historyEventTypes,
  keepTypesOf,
  recordEvent,
  scoreFromHistory,
  scoreMismatches,
  type BacktestReport,
  type Formula,
  type History,
  type ScoreBreakdown,
  type ScoreMismatch,
} from '#scoring';
import type { LeadScoreReadModel, ReplayComparison } from './lead-score-read-model.js';

export type LeadScoreBuild = Readonly<{ version: number; formula: Formula; formulaId: string; position: Position | null }>;

export type VerifyReport = Readonly<{
  version: number;
  formulaId: string;
  /** The log was read up to the position the build had reached, so events it has not applied yet do not count. */
  position: string | null;
  checked: number;
  mismatches: readonly ScoreMismatch[];
}>;

export type ReplayReport = ReplayComparison &
  Readonly<{
    version: number;
    against: number;
    formulaId: string | null;
    againstFormulaId: string | null;
    position: string | null;
    againstPosition: string | null;
  }>;

// Scorable types kept in each contact's own streams; other types (engagements, deals, tickets) live elsewhere.
const CONTACT_STREAM_TYPES: ReadonlySet<string> = new Set([
  'PageViewed',
  'FormSubmitted',
  'MarketingEmailDelivered',
  'MarketingEmailOpened',
  'MarketingEmailClicked',
  'MarketingEmailBounced',
  'MarketingEmailUnsubscribed',
]);

const record = (history: History, event: RecordedEvent): void =>
  recordEvent(history, { ...event, position: formatPosition(event.position), occurredAt: event.metadata.occurredAt });

/** The active lead-score build: its version, formula and the position it has reached. */
export const activeLeadScoreBuild = async (engine: ProjectionEngine, leadScores: LeadScoreReadModel): Promise<LeadScoreBuild> => {
  const active = (await engine.status(leadScores.name)).find((build) => build.state === 'active');
  if (!active) throw notFound('active lead-score build', leadScores.name);
  const formula = leadScores.formulaOf(active.params);
  return { version: active.version, formula, formulaId: formulaId(formula), position: active.position ? parsePosition(active.position) : null };
};

/** Folds the log (only the event types the formulas need, up to `upTo` when given) into one contact history. */
export const foldLog = async (
  store: EventStore,
  formulas: readonly Formula[],
  options: { deals?: boolean; upTo?: Position | null } = {},
): Promise<History> => {
  const history = emptyHistory(keepTypesOf(formulas));
  const filter = { eventTypes: historyEventTypes(formulas, { deals: options.deals }) };
  for await (const event of store.readAll({ filter })) {
    if (options.upTo !== undefined && (options.upTo === null || comparePositions(event.position, options.upTo) > 0)) break;
    record(history, event);
  }
  return history;
};

const readContactStreams = async (store: EventStore, contactId: string, seen: Set<string>, into: RecordedEvent[]): Promise<void> => {
  if (seen.has(contactId)) return;
  seen.add(contactId);
  for (const streamName of [`contact-${contactId}`, `activity-${contactId}`]) {
    for await (const event of store.readStream(streamName)) {
      into.push(event);
      const { mergedContactId } = event.data as { mergedContactId?: unknown };
      if (event.type === 'ContactAbsorbed' && typeof mergedContactId === 'string') {
        await readContactStreams(store, mergedContactId, seen, into);
      }
    }
  }
};

/**
 * The history of one contact: its own streams and those of the duplicates merged into it, in log order, when the
 * formula scores only what those streams hold (a few reads, however large the store); the filtered log otherwise.
 */
export const contactHistory = async (
  store: EventStore,
  formula: Formula,
  contactId: string,
  upTo?: Position | null,
): Promise<History> => {
  if (!eventTypesUsed(formula).every((type) => CONTACT_STREAM_TYPES.has(type))) return foldLog(store, [formula], { upTo });
  const events: RecordedEvent[] = [];
  await readContactStreams(store, contactId, new Set(), events);
  events.sort((a, b) => comparePositions(a.position, b.position));
  const types = new Set(historyEventTypes([formula]));
  const history = emptyHistory(keepTypesOf([formula]));
  for (const event of events) {
    if (upTo !== undefined && (upTo === null || comparePositions(event.position, upTo) > 0)) break;
    if (types.has(event.type)) record(history, event);
  }
  return history;
};

/** The contact's score as of `asOf` under `formula`, from the log; 404 when the log never named the contact. */
export const scoreAsOf = async (store: EventStore, formula: Formula, contactId: string, asOf: string): Promise<ScoreBreakdown> => {
  const score = scoreFromHistory(formula, await contactHistory(store, formula, contactId), contactId, asOf);
  if (!score) throw notFound('contact', contactId);
  return score;
};

/**
 * Re-derives the active build's scores (all, or one contact's) from the log with the build's formula, each as of
 * its stored as-of instant, and lists every field that differs.
 */
export const verifyLeadScores = async (engine: ProjectionEngine, leadScores: LeadScoreReadModel, contactId?: string): Promise<VerifyReport> => {
  const build = await activeLeadScoreBuild(engine, leadScores);
  const { scores: stored, position } = await leadScores.storedAt(build.version, contactId);
  if (contactId !== undefined && stored.length === 0) throw notFound('lead score', contactId);
  const upTo = position === null ? null : parsePosition(position);
  const history =
    contactId === undefined
      ? await foldLog(engine.store, [build.formula], { upTo })
      : await contactHistory(engine.store, build.formula, contactId, upTo);
  const mismatches = stored.flatMap((score) => [
    ...(score.formulaId === build.formulaId
      ? []
      : [{ contactId: score.contactId, field: 'formulaId' as const, stored: score.formulaId, derived: build.formulaId }]),
    ...scoreMismatches(score, scoreFromHistory(build.formula, history, score.contactId, score.asOf)),
  ]);
  return {
    version: build.version,
    formulaId: build.formulaId,
    position,
    checked: stored.length,
    mismatches,
  };
};

/** One fold of the log for all formulas, then a backtest per formula: reports in the formulas' order. */
export const backtestFormulas = async (store: EventStore, formulas: readonly Formula[], horizonDays: number): Promise<BacktestReport[]> => {
  const history = await foldLog(store, formulas, { deals: true });
  return formulas.map((formula) => backtest(formula, history, horizonDays));
};

/**
 * Build `version` compared with `against`; by default the active build, or, when `version` is the active one,
 * the build that was active before it (the highest retired version below it).
 */
export const replayReport = async (
  engine: ProjectionEngine,
  leadScores: LeadScoreReadModel,
  version: number,
  against?: number,
): Promise<ReplayReport> => {
  const builds = await engine.status(leadScores.name);
  const build = builds.find((b) => b.version === version);
  if (!build) throw notFound('lead-score build', String(version));
  const active = builds.find((b) => b.state === 'active');
  const previous = builds.filter((b) => b.state === 'retired' && b.version < version).at(-1);
  const baseline = builds.find((b) => b.version === (against ?? (active && active.version !== version ? active.version : previous?.version)));
  if (!baseline) throw notFound('lead-score build to compare with', String(against ?? 'previous'));
  const comparison = await leadScores.compareBuilds(baseline.version, build.version);
  const idOf = (params: Readonly<Record<string, unknown>>) => (typeof params.formulaId === 'string' ? params.formulaId : null);
  return {
    version: build.version,
    against: baseline.version,
    formulaId: idOf(build.params),
    againstFormulaId: idOf(baseline.params),
    position: build.position,
    againstPosition: baseline.position,
    ...comparison,
  };
};
