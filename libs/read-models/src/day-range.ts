// Calendar-day ranges for reports: UTC days as YYYY-MM-DD, both ends inclusive, defaulted from an as-of instant.
export class InvalidDayRange extends Error {
  readonly code = 'INVALID_DATE_RANGE';
}

export type DayRange = Readonly<{ from: string; to: string }>;

const DAY_MS = 86_400_000;

export const dayOf = (instant: string): string => new Date(instant).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

export const daysIn = ({ from, to }: DayRange): number => (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;

/** The instant a day starts, UTC. */
export const startOf = (day: string): string => `${day}T00:00:00.000Z`;

/**
 * Fills a missing `to` with the day of `asOf` and a missing `from` with the `defaultDays` days ending at `to`;
 * refuses a range that ends before it starts or spans more than `maxDays` days.
 */
export const resolveDayRange = (
  requested: Readonly<{ from?: string; to?: string }>,
  asOf: string,
  limits: Readonly<{ defaultDays: number; maxDays: number }>,
): DayRange => {
  const to = requested.to ?? dayOf(asOf);
  const from = requested.from ?? addDays(to, 1 - limits.defaultDays);
  if (to < from) {
    const end = requested.to === undefined ? `to (by default the day of asOf, ${to})` : `to (${to})`;
    throw new InvalidDayRange(`${end} is before from (${from})`);
  }
  const range = { from, to };
  if (daysIn(range) > limits.maxDays) {
    throw new InvalidDayRange(`the range from ${from} to ${to} spans ${daysIn(range)} days; at most ${limits.maxDays} are allowed`);
  }
  return range;
};

/** The Monday of the ISO week a day falls in. */
export const mondayOf = (day: string): string => addDays(day, -((new Date(startOf(day)).getUTCDay() + 6) % 7));
