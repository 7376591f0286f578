import { parseInstant } from '#domain/shared';
import { addBusinessDays, delayDueAt, scheduledAt, scheduleOf, type Delay, type DelayStep, type ScheduleTrigger } from './index.js';

const delay = (spec: Delay): DelayStep => ({ id: 'd', kind: 'delay', delay: spec });

describe('addBusinessDays', () => {
  it.each([
    ['a Tuesday', '2026-03-03T10:00:00Z', 1, '2026-03-04T17:00:00Z'],
    ['a Friday', '2026-03-06T10:00:00Z', 1, '2026-03-09T17:00:00Z'],
    ['a Saturday', '2026-03-07T10:00:00Z', 1, '2026-03-09T17:00:00Z'],
    ['a Sunday', '2026-03-08T10:00:00Z', 1, '2026-03-09T17:00:00Z'],
    ['a Thursday, three days', '2026-03-05T10:00:00Z', 3, '2026-03-10T17:00:00Z'],
    ['a Wednesday, zero days', '2026-03-04T10:00:00Z', 0, '2026-03-04T17:00:00Z'],
    ['a Saturday, zero days', '2026-03-07T10:00:00Z', 0, '2026-03-09T17:00:00Z'],
  ])('counts Monday to Friday from %s', (_day, from, days, due) => {
    expect(addBusinessDays(from, days)).toBe(due);
  });

  it('counts from the local day and is due at 17:00 there, with its offset and seconds', () => {
    // Friday 23:30 UTC is already Saturday in Paris: the next business day there is Monday.
    expect(addBusinessDays('2026-01-02T23:30:00Z', 1, 'Europe/Paris')).toBe('2026-01-05T17:00:00+01:00');
    expect(addBusinessDays('2026-01-02T23:30:00Z', 1)).toBe('2026-01-05T17:00:00Z');
    // Across the spring change in New York (8 March 2026): 17:00 is then UTC-4.
    expect(addBusinessDays('2026-03-06T15:00:00-05:00', 1, 'America/New_York')).toBe('2026-03-09T17:00:00-04:00');
    expect(addBusinessDays('2026-03-06T15:00:00+05:30', 1, 'Asia/Kolkata')).toBe('2026-03-09T17:00:00+05:30');
  });

  it('gives a dueAt Tally tasks accept: seconds and a zone', () => {
    expect(parseInstant(addBusinessDays('2026-06-01T00:00:00Z', 2, 'Australia/Sydney'), { secondsRequired: true })).not.toBeNull();
  });
});

describe('delayDueAt', () => {
  const from = '2026-01-31T10:15:00Z';

  it.each([
    ['P2D', '2026-02-02T10:15:00Z'],
    ['PT4H', '2026-01-31T14:15:00Z'],
    ['P1DT2H', '2026-02-01T12:15:00Z'],
    ['PT90M', '2026-01-31T11:45:00Z'],
    ['P1W', '2026-02-07T10:15:00Z'],
    ['P1M', '2026-02-28T10:15:00Z'],
    ['P1Y1M', '2027-02-28T10:15:00Z'],
  ])('adds %s in the UTC calendar', (duration, due) => {
    expect(delayDueAt(delay({ duration }), {}, from)).toBe(due);
  });

  it('waits until a date property of the record, plus its offset', () => {
    const state = { deal: { closeDate: '2026-04-30', renewalAt: '2026-05-01T09:00:00+02:00', nextCall: null } };
    expect(delayDueAt(delay({ untilProperty: 'deal.closeDate', offsetDays: -7 }), state, from)).toBe('2026-04-23T00:00:00Z');
    expect(delayDueAt(delay({ untilProperty: 'deal.renewalAt', offsetDays: 1 }), state, from)).toBe('2026-05-02T07:00:00Z');
  });

  it('has no end when the date property is empty or holds no date', () => {
    expect(delayDueAt(delay({ untilProperty: 'deal.nextCall', offsetDays: 0 }), { deal: { nextCall: null } }, from)).toBeNull();
    expect(delayDueAt(delay({ untilProperty: 'deal.nextCall', offsetDays: 0 }), {}, from)).toBeNull();
    expect(delayDueAt(delay({ untilProperty: 'deal.nextCall', offsetDays: 0 }), { deal: { nextCall: 'soon' } }, from)).toBeNull();
  });

  it('waits for the next weekday and time in the zone, strictly after now', () => {
    const monday9 = delay({ weekday: 'monday', time: '09:00', timeZone: 'Europe/Paris' });
    // Saturday 31 January -> Monday 2 February, 09:00 Paris.
    expect(delayDueAt(monday9, {}, from)).toBe('2026-02-02T09:00:00+01:00');
    // Monday 08:59 Paris: the same morning; exactly 09:00 or later: a week on.
    expect(delayDueAt(monday9, {}, '2026-02-02T07:59:00Z')).toBe('2026-02-02T09:00:00+01:00');
    expect(delayDueAt(monday9, {}, '2026-02-02T08:00:00Z')).toBe('2026-02-09T09:00:00+01:00');
  });

  it('keeps local time across daylight saving changes', () => {
    const sunday = (time: string) => delay({ weekday: 'sunday', time, timeZone: 'America/New_York' });
    // 8 March 2026: clocks jump from 02:00 to 03:00; 02:30 does not exist and moves on by the gap.
    expect(delayDueAt(sunday('02:30'), {}, '2026-03-05T00:00:00Z')).toBe('2026-03-08T03:30:00-04:00');
    expect(delayDueAt(sunday('09:00'), {}, '2026-03-05T00:00:00Z')).toBe('2026-03-08T09:00:00-04:00');
    // 1 November 2026: 01:30 happens twice; the first one counts.
    expect(delayDueAt(sunday('01:30'), {}, '2026-10-29T00:00:00Z')).toBe('2026-11-01T01:30:00-04:00');
    expect(delayDueAt(sunday('09:00'), {}, '2026-10-29T00:00:00Z')).toBe('2026-11-01T09:00:00-05:00');
  });
});

describe('scheduledAt', () => {
  const closing: ScheduleTrigger = { kind: 'schedule', recordType: 'deal', dateProperty: 'deal.closeDate', offsetDays: -7, time: '09:00', timeZone: 'Europe/Paris' };

  it("enrols on the date's local day plus the offset, at the time in the zone", () => {
    expect(scheduledAt(closing, { deal: { closeDate: '2026-04-30' } })).toBe('2026-04-23T09:00:00+02:00');
    // 23:30 UTC on the 30th is already 1 May in Paris.
    expect(scheduledAt(closing, { deal: { closeDate: '2026-04-30T23:30:00Z' } })).toBe('2026-04-24T09:00:00+02:00');
  });

  it('enrols nothing while the date is empty', () => {
    expect(scheduledAt(closing, { deal: { closeDate: null } })).toBeNull();
  });
});

describe('scheduleOf', () => {
  const closing: ScheduleTrigger = { kind: 'schedule', recordType: 'deal', dateProperty: 'deal.closeDate', offsetDays: -7, time: '09:00', timeZone: 'Europe/Paris' };
  it('names the date it read with the instant it enrols at, and nothing for an empty date', () => {
    expect(scheduleOf(closing, { deal: { closeDate: '2026-03-20' } })).toEqual({ date: '2026-03-20', dueAt: '2026-03-13T09:00:00+01:00' });
    expect(scheduleOf(closing, { deal: { closeDate: null } })).toBeNull();
  });
});
