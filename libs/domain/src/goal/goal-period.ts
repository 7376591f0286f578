// A goal's period: a calendar month `YYYY-MM` or quarter `YYYY-Qn`, in UTC days. Pure: the share of it elapsed is
// computed for an instant the caller gives, never for the clock.
export type GoalPeriodKind = 'month' | 'quarter';

export type GoalPeriod = Readonly<{
  period: string;
  kind: GoalPeriodKind;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive, YYYY-MM-DD. */
  last: string;
  /** The first day after it: the exclusive end. */
  end: string;
}>;

export const GOAL_PERIOD_RULE = 'a month YYYY-MM or a quarter YYYY-Qn (Q1 to Q4), from 1900 to 2199';

const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

const day = (year: number, monthIndex: number, date: number): string => new Date(Date.UTC(year, monthIndex, date)).toISOString().slice(0, 10);

/** The period `text` names, or null when it names none. */
export const parseGoalPeriod = (text: unknown): GoalPeriod | null => {
  const match = typeof text === 'string' ? PERIOD.exec(text) : null;
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2199) return null;
  const kind: GoalPeriodKind = match[2] !== undefined ? 'month' : 'quarter';
  const firstMonth = kind === 'month' ? Number(match[2]) - 1 : (Number(match[3]) - 1) * 3;
  const months = kind === 'month' ? 1 : 3;
  return {
    period: text as string,
    kind,
    start: day(year, firstMonth, 1),
    last: day(year, firstMonth + months, 0),
    end: day(year, firstMonth + months, 1),
  };
};

/**
 * How much of the period has passed at `asOf` (epoch ms), as an exact fraction of milliseconds: 0 before it starts,
 * the whole after it ends.
 */
export const elapsedShare = (period: GoalPeriod, asOfMs: number): Readonly<{ elapsedMs: number; totalMs: number }> => {
  const startMs = Date.parse(`${period.start}T00:00:00.000Z`);
  const totalMs = Date.parse(`${period.end}T00:00:00.000Z`) - startMs;
  return { elapsedMs: Math.min(totalMs, Math.max(0, asOfMs - startMs)), totalMs };
};
