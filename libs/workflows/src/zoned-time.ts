// Wall-clock time in IANA time zones through Intl, so daylight saving shifts come from the platform's tz data.
// Local days are handled as UTC dates (Date.UTC of the local fields), which makes day arithmetic exact.
import { parseInstant } from '#domain/shared';

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
};

const DAY_MS = 86_400_000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTimeOfDay = (text: string): boolean => TIME_OF_DAY.test(text);

/** The zone's wall clock at an instant, as if it were UTC (milliseconds dropped). */
const wallClockMs = (ms: number, timeZone: string): number => {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
};

/** Minutes the zone is ahead of UTC at that instant. */
export const offsetMinutes = (ms: number, timeZone: string): number => Math.round((wallClockMs(ms, timeZone) - (ms - (ms % 1000 + 1000) % 1000)) / 60_000);

/** The local calendar day of an instant, as the UTC midnight of that date. */
export const localDay = (ms: number, timeZone: string): number => {
  const wall = wallClockMs(ms, timeZone);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
};

/**
 * The instant a local day and time (HH:MM) happen in the zone. Like Temporal's 'compatible': a time skipped by a
 * spring-forward gap moves forward by the gap, a time repeated by a fall-back happens at its first occurrence.
 */
export const zonedInstant = (dayMs: number, time: string, timeZone: string): number => {
  const [hour, minute] = time.split(':').map(Number);
  const wall = dayMs + hour * 3_600_000 + minute * 60_000;
  const before = offsetMinutes(wall - DAY_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MS, timeZone);
  const fits = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((candidate) => offsetMinutes(candidate, timeZone) * 60_000 === wall - candidate)
    .sort((a, b) => a - b);
  return fits[0] ?? wall - before * 60_000;
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** ISO 8601 with seconds and the zone's offset at that instant (`Z` at zero); milliseconds only when present. */
export const formatInZone = (ms: number, timeZone = 'UTC'): string => {
  const offset = offsetMinutes(ms, timeZone);
  const wall = new Date(ms + offset * 60_000);
  const fraction = wall.getUTCMilliseconds() === 0 ? '' : `.${pad(wall.getUTCMilliseconds(), 3)}`;
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${fraction}${zone}`
  );
};

/** An instant argument, or a TypeError naming it: callers pass instants they read from events or a clock. */
export const instantArgument = (text: string, name: string): number => {
  const ms = parseInstant(text);
  if (ms === null) throw new TypeError(`${name} is not an ISO 8601 date-time with a zone: ${JSON.stringify(text)}`);
  return ms;
};

const isWeekend = (dayMs: number): boolean => [0, 6].includes(new Date(dayMs).getUTCDay());

/**
 * `days` business days (Monday to Friday) after the local day of `fromIso`, due at 17:00 there: Friday + 1 is
 * Monday, Saturday + 1 is Monday; 0 is the same day, or the next business day on a weekend.
 */
export const addBusinessDays = (fromIso: string, days: number, timeZone = 'UTC'): string => {
  if (!Number.isInteger(days) || days < 0) throw new TypeError(`days must be a whole number from 0: ${days}`);
  let day = localDay(instantArgument(fromIso, 'fromIso'), timeZone);
  if (days === 0) while (isWeekend(day)) day += DAY_MS;
  for (let counted = 0; counted < days; ) {
    day += DAY_MS;
    if (!isWeekend(day)) counted++;
  }
  return formatInZone(zonedInstant(day, '17:00', timeZone), timeZone);
};

export { DAY_MS };
