import { DeciderSpecification } from '../shared/decider-specification.js';
import { scoringFormulaDecider } from './scoring-formula.decider.js';
import type { ScoringFormulaEvent } from './scoring-formula.events.js';

const spec = DeciderSpecification.for(scoringFormulaDecider);
const metadata = { now: '2026-11-27T10:00:00.000Z' };
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const registered = (formulaId: string): ScoringFormulaEvent => ({
  type: 'ScoringFormulaRegistered',
  data: { formulaId, name: `formula ${formulaId[0]}`, formula: { name: 'x' } },
});

describe('scoring formulas', () => {
  it('registers a new formula', () =>
    spec([])
      .when({ type: 'RegisterScoringFormula', data: { formulaId: A, name: 'formula a', formula: { name: 'x' } }, metadata })
      .then([registered(A)]));

  it('registers the same content once', () =>
    spec([registered(A)])
      .when({ type: 'RegisterScoringFormula', data: { formulaId: A, name: 'again', formula: { name: 'x' } }, metadata })
      .then([]));

  it('activates a registered formula, naming the one it replaces', () =>
    spec([registered(A), registered(B), { type: 'ScoringFormulaActivated', data: { formulaId: A, previousFormulaId: null, reason: 'first' } }])
      .when({ type: 'ActivateScoringFormula', data: { formulaId: B, reason: ' rewards demo requests ' }, metadata })
      .then([{ type: 'ScoringFormulaActivated', data: { formulaId: B, previousFormulaId: A, reason: 'rewards demo requests' } }]));

  it('does nothing when the formula is already active', () =>
    spec([registered(A), { type: 'ScoringFormulaActivated', data: { formulaId: A, previousFormulaId: null, reason: 'first' } }])
      .when({ type: 'ActivateScoringFormula', data: { formulaId: A, reason: 'again' }, metadata })
      .then([]));

  it('refuses an unknown formula', () =>
    spec([]).when({ type: 'ActivateScoringFormula', data: { formulaId: A, reason: 'why' }, metadata }).thenThrows('NOT_FOUND'));

  it('refuses an activation without a reason', () =>
    spec([registered(A)])
      .when({ type: 'ActivateScoringFormula', data: { formulaId: A, reason: '  ' }, metadata })
      .thenThrows('RULE_VIOLATED', 'reason-required'));
});
