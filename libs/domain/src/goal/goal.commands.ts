import type { Command } from '../shared/index.js';

/**
 * Values as a client sent them; the decider checks and canonicalizes them (checkGoal). reportingCurrency: the
 * workspace's reporting currency when the command was sent (null: none set), which a `reporting` target's digits
 * follow; the edge reads it, as the decider reads nothing.
 */
export type SetGoal = Command<
  'SetGoal',
  Readonly<{
    goalId: string;
    ownerId?: string | null;
    team?: string | null;
    period: string;
    metric: string;
    currency?: string | null;
    target: unknown;
    reportingCurrency?: string | null;
  }>
>;
export type ChangeGoalTarget = Command<'ChangeGoalTarget', Readonly<{ goalId: string; target: unknown; reportingCurrency?: string | null }>>;
export type RemoveGoal = Command<'RemoveGoal', Readonly<{ goalId: string }>>;

export type GoalCommand = SetGoal | ChangeGoalTarget | RemoveGoal;
