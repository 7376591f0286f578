import type { Command } from '../shared/index.js';

/** The handler validates and hashes the formula (libs/scoring) before it reaches the decider. */
export type RegisterScoringFormula = Command<
  'RegisterScoringFormula',
  Readonly<{ formulaId: string; name: string; formula: Readonly<Record<string, unknown>> }>
>;

export type ActivateScoringFormula = Command<'ActivateScoringFormula', Readonly<{ formulaId: string; reason: string }>>;

export type ScoringFormulaCommand = RegisterScoringFormula | ActivateScoringFormula;
