// The formula registry (a handful of formulas, folded from their one stream) and the switch of lead scores to a
// formula: the one use case behind POST /v1/projections/lead-score/rebuilds and `tally replay lead-score`.
import { notFound } from '#domain/shared';
import {
  SCORING_FORMULAS_STREAM,
  scoringFormulaDecider,
  type ScoringFormulaCommand,
  type ScoringFormulaState,
} from '#domain/scoring-formula';
import type { ProjectionEngine } from '#projection-engine';
import { DEFAULT_FORMULA, formulaId, type BacktestReport, type Formula, type FormulaIssue } from '#scoring';
import type { CommandExecutor, CommandResult } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';
import { formulaFromDocument } from './formula-document.js';
import { backtestFormulas } from './lead-score-audit.js';

export type FormulaSummary = Readonly<{ id: string; name: string; active: boolean; formula: Formula }>;

export type SwitchOptions = Readonly<{
  /** Build and report, but record no activation and never replace the active build. */
  dryRun?: boolean;
  /** Why the formula changes (required unless a dry run); recorded in the log. */
  reason?: string;
}>;

export class LeadScoreFormulas {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly engine: ProjectionEngine,
    /** The lead-score projection's name: a switch rebuilds it. */
    private readonly leadScoreProjection: string,
  ) {}

  async registry(): Promise<ScoringFormulaState & { revision: number }> {
    const { state, revision } = await this.executor.load(SCORING_FORMULAS_STREAM, scoringFormulaDecider);
    return { ...state, revision };
  }

  // Lead scores are built with the default formula until someone activates another, so it is listed (and can be
  // read and backtested by id) before anyone saves it, and counts as active until another formula is activated.
  async list(): Promise<FormulaSummary[]> {
    const { registered, activeFormulaId } = await this.registry();
    const defaultId = formulaId(DEFAULT_FORMULA);
    const activeId = activeFormulaId ?? defaultId;
    const formulas = new Map(registered);
    if (!formulas.has(defaultId)) formulas.set(defaultId, { name: DEFAULT_FORMULA.name, formula: DEFAULT_FORMULA as unknown as Record<string, unknown> });
    return [...formulas.entries()].map(([id, { name, formula }]) => ({
      id,
      name,
      active: id === activeId,
      formula: formula as unknown as Formula,
    }));
  }

  async get(id: string): Promise<FormulaSummary> {
    const found = (await this.list()).find((f) => f.id === id);
    if (!found) throw notFound('scoring formula', id);
    return found;
  }

  /** Backtests saved formulas in one fold of the log; the reports come in the order of `ids`. */
  async backtest(ids: readonly string[], horizonDays: number): Promise<BacktestReport[]> {
    const formulas = await Promise.all(ids.map(async (id) => (await this.get(id)).formula));
    return backtestFormulas(this.engine.store, formulas, horizonDays);
  }

  /** Saves a validated formula under its content id; saving it again writes nothing. */
  async register(formula: Formula, context: RequestContext): Promise<CommandResult & { formulaId: string }> {
    const id = formulaId(formula);
    const result = await this.execute(
      {
        type: 'RegisterScoringFormula',
        data: { formulaId: id, name: formula.name, formula: formula as unknown as Record<string, unknown> },
        metadata: { now: context.now },
      },
      context,
    );
    return { ...result, formulaId: id };
  }

  /** Saves a formula document as a client sends it (see formulaFromDocument), with its warnings. */
  async registerDocument(
    document: unknown,
    context: RequestContext,
  ): Promise<CommandResult & { formulaId: string; warnings: readonly FormulaIssue[] }> {
    const { formula, warnings } = formulaFromDocument(document);
    return { ...(await this.register(formula, context)), warnings };
  }

  /**
   * Lead scores with `formula`: saved (nothing new when it is), its activation recorded unless a dry run (who,
   * when, why: the switch is itself a fact in the log), then built beside the active build, which the new build
   * replaces once it has caught up (never on a dry run). Returns the new build's version.
   */
  async switchTo(formula: Formula, options: SwitchOptions, context: RequestContext): Promise<{ formulaId: string; version: number }> {
    const { formulaId: id } = await this.register(formula, context);
    if (!options.dryRun) {
      await this.execute(
        { type: 'ActivateScoringFormula', data: { formulaId: id, reason: options.reason ?? '' }, metadata: { now: context.now } },
        context,
      );
    }
    const version = await this.engine.rebuild(this.leadScoreProjection, { formula, formulaId: id }, { dryRun: options.dryRun });
    return { formulaId: id, version };
  }

  private execute(command: ScoringFormulaCommand, context: RequestContext): Promise<CommandResult> {
    return this.executor.execute(SCORING_FORMULAS_STREAM, scoringFormulaDecider, command, context);
  }
}
