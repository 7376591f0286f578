// When a delay ends and when a schedule trigger enrols. Durations use calendar arithmetic in UTC (P1M from
// Jan 31 is Feb 28 or 29); weekday delays and schedules use the wall clock of their time zone.
import { isCalendarDate, parseInstant } from '#domain/shared';
import { WEEKDAYS, type DelayStep, type RecordState, type ScheduleTrigger } from './definition.js';
import { shownValue, valuesAt } from './paths.js';
import { DAY_MS, formatInZone, instantArgument, localDay, zonedInstant } from './zoned-time.js';

export type Duration = Readonly<{ years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number }>;

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** An ISO 8601 duration in whole units (P2D, PT4H, P1DT2H, P1M), or null. */
export const parseDuration = (text: string): Duration | null => {
  const match = DURATION.exec(text);
  if (!match) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return { years, months, weeks, days, hours, minutes, seconds };
};

/** Roughly how many days a duration spans, to bound it. */
export const durationDays = (duration: Duration): number =>
  duration.years * 366 + duration.months * 31 + duration.weeks * 7 + duration.days + (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) / 86_400;

export const addDuration = (ms: number, duration: Duration): number => {
  const date = new Date(ms);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + duration.years * 12 + duration.months;
  const [year, month] = [Math.floor(monthIndex / 12), monthIndex % 12];
  // A day past the end of the target month is its last day, never a day of the next one.
  const day = Math.min(date.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  const shifted = Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return shifted + (duration.weeks * 7 + duration.days) * DAY_MS + (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
};

export type DueOrReason = Readonly<{ dueAt: string; detail?: undefined } | { dueAt: null; detail: string }>;

/** A date property's value as an instant (a date counts from its UTC midnight), or why there is none. */
const propertyInstant = (state: RecordState, path: string): { ms: number; date: boolean } | string => {
  const value = shownValue(valuesAt(state, path));
  if (value === null || value === '') return `${path} is empty`;
  if (isCalendarDate(value)) return { ms: Date.parse(`${value}T00:00:00Z`), date: true };
  const ms = parseInstant(value);
  return ms === null ? `${path} is not a date: ${JSON.stringify(value)}` : { ms, date: false };
};

/** When the delay ends, or why it has no end (its date property is empty or holds no date). */
export const delayDue = (step: DelayStep, state: RecordState, fromIso: string): DueOrReason => {
  const from = instantArgument(fromIso, 'fromIso');
  const { delay } = step;
  if ('duration' in delay) {
    const duration = parseDuration(delay.duration);
    if (!duration) throw new TypeError(`${step.id}: ${delay.duration} is not an ISO 8601 duration`);
    return { dueAt: formatInZone(addDuration(from, duration)) };
  }
  if ('untilProperty' in delay) {
    const found = propertyInstant(state, delay.untilProperty);
    if (typeof found === 'string') return { dueAt: null, detail: found };
    return { dueAt: formatInZone(found.ms + delay.offsetDays * DAY_MS) };
  }
  // The next such local time strictly after `from`: later today, or up to a week ahead.
  const today = localDay(from, delay.timeZone);
  const todayIndex = (new Date(today).getUTCDay() + 6) % 7;
  const ahead = (WEEKDAYS.indexOf(delay.weekday) - todayIndex + 7) % 7;
  const at = zonedInstant(today + ahead * DAY_MS, delay.time, delay.timeZone);
  return { dueAt: formatInZone(at > from ? at : zonedInstant(today + (ahead + 7) * DAY_MS, delay.time, delay.timeZone), delay.timeZone) };
};

/** When the delay ends; null when its date property is empty (the step is skipped). */
export const delayDueAt = (step: DelayStep, state: RecordState, fromIso: string): string | null => delayDue(step, state, fromIso).dueAt;

/** When a schedule trigger enrols the record: its date's local day plus offsetDays, at `time` in `timeZone`. */
export const scheduledAt = (trigger: ScheduleTrigger, state: RecordState): string | null => scheduleOf(trigger, state)?.dueAt ?? null;

/**
 * The date a schedule trigger reads (as the record holds it) and when it enrols the record; null when the property is
 * empty or holds no date. The date names the enrolment: the same date never enrols twice, a moved one re-schedules.
 */
export const scheduleOf = (trigger: ScheduleTrigger, state: RecordState): Readonly<{ date: string; dueAt: string }> | null => {
  const found = propertyInstant(state, trigger.dateProperty);
  if (typeof found === 'string') return null;
  const day = (found.date ? found.ms : localDay(found.ms, trigger.timeZone)) + trigger.offsetDays * DAY_MS;
  const date = String(shownValue(valuesAt(state, trigger.dateProperty)));
  return { date, dueAt: formatInZone(zonedInstant(day, trigger.time, trigger.timeZone), trigger.timeZone) };
};
