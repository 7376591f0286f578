// Dates and instants every part of Tally can hold: a real calendar day, a time of day, an offset of at most
// ±14:00, between 1900 and 2200 (PostgreSQL and the read models hold these; 0000-01-01 once stopped a projection).
// Parsed by hand: Date.parse shifts impossible days (2026-02-30 becomes 2026-03-02) instead of refusing them.

const MIN_MS = Date.UTC(1900, 0, 1);
const END_MS = Date.UTC(2200, 0, 1);
const MAX_OFFSET_MINUTES = 14 * 60;

export const INSTANT_RULE =
  'an RFC 3339 date-time with a zone (Z or ±hh:mm, at most ±14:00), on a real calendar day, ' +
  'from 1900-01-01T00:00:00Z to before 2200-01-01T00:00:00Z, at most to the millisecond';
export const CALENDAR_DATE_RULE = 'a calendar date YYYY-MM-DD that exists, from 1900-01-01 to 2199-12-31';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Years outside 1899..2200 never reach Date.UTC, which reads years 0..99 as 1900..1999.
const dayExists = (year: number, month: number, day: number): boolean =>
  year >= 1899 &&
  year <= 2200 &&
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

export type InstantOptions = Readonly<{ secondsRequired?: boolean }>;

/** The instant in milliseconds since the epoch, or null when the text is no such date-time; never throws. */
export const parseInstant = (text: unknown, options: InstantOptions = {}): number | null => {
  const match = typeof text === 'string' ? DATE_TIME.exec(text) : null;
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const [secondText, fraction = '', zone, sign, offsetHours, offsetMinutes] = match.slice(6);
  if (secondText === undefined && options.secondsRequired) return null;
  const second = Number(secondText ?? 0);
  // Digits past the millisecond would be dropped when stored: refused rather than silently cut.
  if (/[1-9]/.test(fraction.slice(3))) return null;
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offset = zone.toUpperCase() === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  if (Number(offsetMinutes) > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0'))) - offset * 60_000;
  return ms >= MIN_MS && ms < END_MS ? ms : null;
};

export const isInstant = (text: unknown, options: InstantOptions = {}): text is string => parseInstant(text, options) !== null;

/** The same instant in UTC, as stored: `2026-01-15T10:00:00+01:00` is `2026-01-15T09:00:00.000Z`. */
export const utcInstant = (text: string): string | null => {
  const ms = parseInstant(text);
  return ms === null ? null : new Date(ms).toISOString();
};

/** YYYY-MM-DD, a day that exists, within the range every store holds. */
export const isCalendarDate = (text: unknown): text is string => {
  const match = typeof text === 'string' ? DATE.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return year >= 1900 && year < 2200 && dayExists(year, month, day);
};
