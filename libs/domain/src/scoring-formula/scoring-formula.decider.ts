import { assertNever, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { ScoringFormulaCommand } from './scoring-formula.commands.js';
import type { ScoringFormulaEvent } from './scoring-formula.events.js';

export type ScoringFormulaState = Readonly<{
  registered: ReadonlyMap<string, Readonly<{ name: string; formula: Readonly<Record<string, unknown>> }>>;
  activeFormulaId: string | null;
}>;

export const scoringFormulaDecider: Decider<ScoringFormulaCommand, ScoringFormulaEvent, ScoringFormulaState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterScoringFormula': {
        // Content-addressed: saving the same formula again is the same formula, not a new one.
        if (state.registered.has(command.data.formulaId)) return [];
        return [{ type: 'ScoringFormulaRegistered', data: command.data }];
      }
      case 'ActivateScoringFormula': {
        const { formulaId } = command.data;
        const reason = command.data.reason.trim();
        if (!state.registered.has(formulaId)) throw notFound('scoring formula', formulaId);
        if (reason === '') throw ruleViolated('reason-required', 'say why the formula changes: auditors will ask');
        if (state.activeFormulaId === formulaId) return [];
        return [{ type: 'ScoringFormulaActivated', data: { formulaId, previousFormulaId: state.activeFormulaId, reason } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ScoringFormulaRegistered': {
        const registered = new Map(state.registered);
        registered.set(event.data.formulaId, { name: event.data.name, formula: event.data.formula });
        return { ...state, registered };
      }
      case 'ScoringFormulaActivated':
        return { ...state, activeFormulaId: event.data.formulaId };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ registered: new Map(), activeFormulaId: null }),
};
