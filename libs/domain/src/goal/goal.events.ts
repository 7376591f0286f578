// Goals (quotas): what an owner or a team should reach in a month or a quarter. Names and shapes are permanent once
// stored. A target is a decimal string: in its currency's digits for won-amount, a whole number for the counts.
import {
  dataSchema,
  defineEvent,
  idSchema as id,
  optionalIdSchema as optionalId,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
} from '../shared/index.js';

export const goalStream = (goalId: string): string => `goal-${goalId}`;

export const GOAL_METRICS = ['won-amount', 'deals-won', 'calls-logged', 'meetings-logged'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** A won-amount goal in the workspace's reporting currency: each won deal converted at its win date. */
export const REPORTING_CURRENCY = 'reporting';

export type GoalDefinition = Readonly<{
  /** Exactly one of ownerId and team is set. */
  ownerId: string | null;
  team: string | null;
  /** `YYYY-MM` (a month) or `YYYY-Qn` (a quarter). */
  period: string;
  metric: GoalMetric;
  /** won-amount: an ISO 4217 code (only deals in it count) or `reporting`; null for the counts. */
  currency: string | null;
  target: string;
}>;

export type GoalSet = DomainEvent<'GoalSet', Readonly<{ goalId: string } & GoalDefinition>>;
export type GoalTargetChanged = DomainEvent<'GoalTargetChanged', Readonly<{ goalId: string; previous: string; target: string }>>;
export type GoalRemoved = DomainEvent<'GoalRemoved', Readonly<{ goalId: string }>>;

export type GoalEvent = GoalSet | GoalTargetChanged | GoalRemoved;

export const GOAL_PERIOD_PATTERN = '^\\d{4}-(0[1-9]|1[0-2]|Q[1-4])$';

const period: JsonSchema = { type: 'string', pattern: GOAL_PERIOD_PATTERN };
// Positive; at most 3 decimals and below 1e12, as amounts are (money.ts); the deciders hold it to the currency's digits.
const target: JsonSchema = { type: 'string', pattern: '^(0|[1-9]\\d{0,11})(\\.\\d{1,3})?$' };
const team: JsonSchema = { type: ['string', 'null'], minLength: 1, maxLength: 200 };
const currency: JsonSchema = { type: ['string', 'null'], pattern: '^([A-Z]{3}|reporting)$' };

export const goalEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'GoalSet',
    schemaVersion: 1,
    description:
      'A goal was set for one owner or one team and a month (YYYY-MM) or quarter (YYYY-Qn): won amount (in a currency, or `reporting`), deals won, calls or meetings logged.',
    schema: dataSchema({
      goalId: id,
      ownerId: optionalId,
      team,
      period,
      metric: { enum: [...GOAL_METRICS] },
      currency,
      target,
    }),
  }),
  defineEvent({
    type: 'GoalTargetChanged',
    schemaVersion: 1,
    description: "A goal's target changed.",
    schema: dataSchema({ goalId: id, previous: target, target }),
  }),
  defineEvent({
    type: 'GoalRemoved',
    schemaVersion: 1,
    description: 'A goal was removed; it no longer appears in the goals read model.',
    schema: dataSchema({ goalId: id }),
  }),
];
