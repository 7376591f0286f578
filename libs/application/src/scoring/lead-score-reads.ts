// A contact's lead score as clients read it: stored in the read model, or derived from the event log as of an
// instant or under another saved formula. Every answer names the position it reflects.
import { notFound } from '#domain/shared';
import type { ProjectionEngine } from '#projection-engine';
import type { Positioned } from '#read-models';
import type { Contribution, ScoreBreakdown } from '#scoring';
import { activeLeadScoreBuild, scoreAsOf } from './lead-score-audit.js';
import type { LeadScoreFormulas } from './lead-score-formulas.js';
import type {
  LeadScoreContributionRow,
  LeadScoreDetail,
  LeadScoreListQuery,
  LeadScoreReadModel,
  LeadScoreSummary,
  Page,
} from './lead-score-read-model.js';

/** Read-your-writes: waits (bounded) until a read model reflects `minPosition`, and says which position it reflects. */
export interface ReadModelPositions {
  reach(projection: string, minPosition?: string): Promise<void>;
  positionFor(projection: string, minPosition?: string): Promise<string | null>;
}

/** What every answer about one score carries, stored or derived. */
type ScoreTotals = Readonly<{ contactId: string }> & Pick<ScoreBreakdown, 'formulaId' | 'asOf' | 'fit' | 'engagement' | 'total' | 'qualification'>;

/** A score derived from the log rather than read from the read model. */
export type DerivedLeadScore = ScoreTotals & Readonly<{ derivedFrom: 'event-log' }>;

export type ExplainedContribution = Omit<Contribution, 'groupId' | 'counted'> &
  Readonly<{ groupId: string; counted: number; formulaId: string }>;

export type LeadScoreExplanation = ScoreTotals &
  Readonly<{
    /** read-model: the stored contributions; event-log: recomputed at asOf. */
    derivedFrom: 'read-model' | 'event-log';
    contributions: readonly ExplainedContribution[];
  }>;

export type LeadScoreListRequest = Partial<LeadScoreListQuery> & Readonly<{ minPosition?: string }>;

type Answer<T> = Positioned<{ data: T }>;

// Query strings may carry any ISO form; the scorer takes instants with a zone.
const instant = (value: string): string => new Date(Date.parse(value)).toISOString();

export class LeadScoreReads {
  constructor(
    private readonly leadScores: LeadScoreReadModel,
    private readonly positions: ReadModelPositions,
    private readonly engine: ProjectionEngine,
    private readonly formulas: LeadScoreFormulas,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** A page of scores, highest first unless sorted otherwise. */
  async list({ minPosition, sort = '-score', limit = 50, ...filters }: LeadScoreListRequest): Promise<Positioned<Page<LeadScoreSummary>>> {
    await this.positions.reach(this.leadScores.name, minPosition);
    return this.leadScores.list({ ...filters, sort, limit });
  }

  /** The stored score; with `asOf` and/or `formulaId`, derived from the log as it was then (or under that formula). */
  async score(
    contactId: string,
    { asOf, formulaId, minPosition }: Readonly<{ asOf?: string; formulaId?: string; minPosition?: string }>,
  ): Promise<Answer<LeadScoreDetail | DerivedLeadScore>> {
    if (asOf === undefined && formulaId === undefined) return this.stored(contactId, minPosition);
    const position = await this.positions.positionFor(this.leadScores.name, minPosition);
    const formula = formulaId ? (await this.formulas.get(formulaId)).formula : (await activeLeadScoreBuild(this.engine, this.leadScores)).formula;
    const at = instant(asOf ?? this.now());
    const score = await scoreAsOf(this.engine.store, formula, contactId, at);
    const { fit, engagement, total, qualification } = score;
    return { position, data: { contactId, fit, engagement, total, qualification, formulaId: score.formulaId, asOf: at, derivedFrom: 'event-log' } };
  }

  /** Every rule match and scored event behind the stored score. */
  async contributions(contactId: string, minPosition?: string): Promise<Answer<LeadScoreContributionRow[]>> {
    const { position } = await this.stored(contactId, minPosition);
    return { position, data: await this.leadScores.contributions(contactId) };
  }

  /** The stored score's provenance; with `asOf`, recomputed from the log with the active formula. */
  async explain(contactId: string, { asOf, minPosition }: Readonly<{ asOf?: string; minPosition?: string }>): Promise<Answer<LeadScoreExplanation>> {
    const position = await this.positions.positionFor(this.leadScores.name, minPosition);
    return { position, data: asOf === undefined ? await this.storedExplanation(contactId) : await this.derivedExplanation(contactId, instant(asOf)) };
  }

  private async stored(contactId: string, minPosition?: string): Promise<Answer<LeadScoreDetail>> {
    await this.positions.reach(this.leadScores.name, minPosition);
    const { position, score } = await this.leadScores.find(contactId);
    if (!score) throw notFound('lead score', contactId);
    return { position, data: score };
  }

  private async storedExplanation(contactId: string): Promise<LeadScoreExplanation> {
    const explained = await this.leadScores.explain(contactId);
    if (!explained) throw notFound('lead score', contactId);
    const { formulaId, asOf, fit, engagement, total, qualification } = explained.score;
    const contributions = explained.contributions.map(({ ordinal: _ordinal, ...row }) => ({ ...row, formulaId }));
    return { contactId, formulaId, asOf, fit, engagement, total, qualification, derivedFrom: 'read-model', contributions };
  }

  private async derivedExplanation(contactId: string, asOf: string): Promise<LeadScoreExplanation> {
    const { formula } = await activeLeadScoreBuild(this.engine, this.leadScores);
    const score = await scoreAsOf(this.engine.store, formula, contactId, asOf);
    const { formulaId, fit, engagement, total, qualification } = score;
    const contributions = score.contributions.map((contribution) => ({ ...contribution, formulaId }));
    return { contactId, formulaId, asOf: score.asOf, fit, engagement, total, qualification, derivedFrom: 'event-log', contributions };
  }
}
