// The history of lead-scoring formulas: which formulas exist (content-addressed by their SHA-256 id) and which one
// is active, who activated it, when and why. The formula itself lives in the event, so any past score can be
// re-derived from the log alone.
import { defineEvent, type DomainEvent, type EventDefinition } from '../shared/index.js';

// One stream for the account's formulas (category `scoring`).
export const SCORING_FORMULAS_STREAM = 'scoring-formulas';

export type ScoringFormulaRegistered = DomainEvent<
  'ScoringFormulaRegistered',
  Readonly<{ formulaId: string; name: string; formula: Readonly<Record<string, unknown>> }>
>;

export type ScoringFormulaActivated = DomainEvent<
  'ScoringFormulaActivated',
  Readonly<{ formulaId: string; previousFormulaId: string | null; reason: string }>
>;

export type ScoringFormulaEvent = ScoringFormulaRegistered | ScoringFormulaActivated;

const FORMULA_ID = { type: 'string', pattern: '^[0-9a-f]{64}$' };

export const scoringFormulaEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'ScoringFormulaRegistered',
    schemaVersion: 1,
    description: 'A lead-scoring formula was saved; its id is the SHA-256 of its canonical JSON.',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: ['formulaId', 'name', 'formula'],
      properties: { formulaId: FORMULA_ID, name: { type: 'string', minLength: 1 }, formula: { type: 'object' } },
    },
  }),
  defineEvent({
    type: 'ScoringFormulaActivated',
    schemaVersion: 1,
    description: 'A registered formula became the one lead scores are computed with (previous: the one it replaced).',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      required: ['formulaId', 'previousFormulaId', 'reason'],
      properties: {
        formulaId: FORMULA_ID,
        previousFormulaId: { anyOf: [FORMULA_ID, { type: 'null' }] },
        reason: { type: 'string', minLength: 1 },
      },
    },
  }),
];
