// Reads the formula registry (a handful of formulas: folded from their one stream) and turns a formula id into
// the parameters of a lead-score build.
import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor } from '../../../../libs/application/src/index.js';
import { notFound } from '../../../../libs/domain/src/shared/index.js';
import {
  SCORING_FORMULAS_STREAM,
  scoringFormulaDecider,
  type ScoringFormulaState,
} from '../../../../libs/domain/src/scoring-formula/index.js';
import { DEFAULT_FORMULA, formulaId, type Formula } from '../../../../libs/scoring/src/index.js';

export type FormulaSummary = Readonly<{ id: string; name: string; active: boolean; formula: Formula }>;

@Injectable()
export class FormulasService {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

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
}
