import {
  attributedDeals,
  attribution,
  conversion,
  funnelContacts,
  funnelGroups,
  journeysOf,
  percentile,
  type FunnelFacts,
  type FunnelStageEntry,
  type FunnelTouch,
} from './funnel.report.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T00:00:00.000Z');
let position = 0;
const next = () => String(++position);

const person = (contactId: string, day: number, source = 'form') => ({ contactId, createdAtMs: T0 + day * DAY, source, eventId: `created-${contactId}` });
const entry = (contactId: string, stage: string, day: number, person = contactId): FunnelStageEntry => ({
  person, contactId, stage, atMs: T0 + day * DAY, posCommit: next(), posPrepare: String(position), eventId: `${contactId}-${stage}-${day}`,
});
const touch = (contactId: string, source: string, day: number, person = contactId): FunnelTouch => ({
  person, contactId, source, kind: 'page-view', atMs: T0 + day * DAY, posCommit: next(), posPrepare: String(position), eventId: `${contactId}-${source}-${day}`,
});
const facts = (partial: Partial<FunnelFacts>): FunnelFacts => ({ people: [], entries: [], touches: [], deals: [], outcomes: [], ...partial });

describe('funnel math', () => {
  it('interpolates percentiles as percentile_cont does, rounded to the millisecond', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([10, 20, 30, 5, 50], 0.5)).toBe(20);
    // rank 0.9 * 4 = 3.6 between 30 and 50.
    expect(percentile([10, 20, 30, 5, 50], 0.9)).toBe(42);
    expect(percentile([1, 2], 0.5)).toBe(2); // 1.5 rounds half up
    expect(percentile([0, 1, 1, 2], 0.9)).toBe(2); // 1.7
  });

  it('gives conversion to 4 decimals, null without anyone to convert', () => {
    expect(conversion(1, 3)).toBe(0.3333);
    expect(conversion(2, 3)).toBe(0.6667);
    expect(conversion(0, 0)).toBeNull();
    expect(conversion(3, 3)).toBe(1);
  });

  it('counts a contact at every stage up to the furthest reached, and times only stages actually entered', () => {
    const journeys = journeysOf(
      facts({
        people: [person('a', 0), person('b', 0), person('c', 1)],
        entries: [
          entry('a', 'subscriber', 0), entry('a', 'lead', 2), entry('a', 'marketing-qualified', 5),
          // b jumps from lead straight to customer: counted at MQL, SQL and opportunity, timed at none of them.
          entry('b', 'lead', 0), entry('b', 'customer', 10),
          entry('c', 'subscriber', 1), entry('c', 'lead', 5),
        ],
      }),
    );
    const [all] = funnelGroups(journeys, 'cohort');
    expect(all.group).toBe('2026-01');
    expect(all.contacts).toBe(3);
    expect(all.stages.map((s) => [s.stage, s.reached, s.conversionToNext, s.timedToNext, s.medianMsToNext, s.p90MsToNext])).toEqual([
      ['subscriber', 3, 1, 2, 3 * DAY, Math.round(3.8 * DAY)],
      ['lead', 3, 0.6667, 1, 3 * DAY, 3 * DAY],
      ['marketing-qualified', 2, 0.5, 0, null, null],
      ['sales-qualified', 1, 1, 0, null, null],
      ['opportunity', 1, 1, 0, null, null],
      ['customer', 1, null, 0, null, null],
    ]);
  });

  it('keeps a stage reached after a move backwards, measures from the first entry, and reads evangelist as past customer', () => {
    const journeys = journeysOf(
      facts({
        people: [person('a', 0), person('e', 0)],
        entries: [
          entry('a', 'lead', 0), entry('a', 'opportunity', 4), entry('a', 'lead', 6), entry('a', 'opportunity', 9),
          entry('e', 'lead', 0), entry('e', 'evangelist', 3), entry('e', 'other', 4),
        ],
      }),
    );
    const [group] = funnelGroups(journeys, 'source');
    expect(group.stages.map((s) => s.reached)).toEqual([2, 2, 2, 2, 2, 1]);
    const drill = funnelContacts(journeys, 'source', 'opportunity');
    expect(drill.map((row) => [row.contactId, row.reachedAt, row.enteredAt, row.reachedEventId])).toEqual([
      ['e', new Date(T0 + 3 * DAY).toISOString(), null, 'e-evangelist-3'],
      ['a', new Date(T0 + 4 * DAY).toISOString(), new Date(T0 + 4 * DAY).toISOString(), 'a-opportunity-4'],
    ]);
  });

  it('groups by original source, the first touch, falling back to the creation source', () => {
    const journeys = journeysOf(
      facts({
        people: [person('a', 0, 'form'), person('b', 0, 'import'), person('c', 0, 'manual')],
        entries: [entry('a', 'lead', 0), entry('b', 'lead', 0), entry('c', 'lead', 0)],
        touches: [touch('a', 'form', 0), touch('a', 'google', 3), touch('b', 'newsletter', -2), touch('b', 'import', 0)],
      }),
    );
    expect(funnelGroups(journeys, 'source').map((g) => [g.group, g.contacts])).toEqual([['form', 1], ['manual', 1], ['newsletter', 1]]);
    expect(funnelContacts(journeys, 'source', 'lead', 'newsletter').map((row) => row.contactId)).toEqual(['b']);
  });

  it('credits a deal to the first and the last touch of its contacts by its creation, won amounts per currency', () => {
    const dealFacts = facts({
      touches: [touch('a', 'form', 0), touch('a', 'google', 5), touch('a', 'late', 20), touch('b', 'import', 2), touch('b', 'linkedin', 8)],
      deals: [
        { dealId: 'd1', createdAtMs: T0 + 10 * DAY, eventId: 'd1-created', persons: ['a', 'b'] },
        { dealId: 'd2', createdAtMs: T0 + 6 * DAY, eventId: 'd2-created', persons: ['a'] },
        { dealId: 'd3', createdAtMs: T0 + 6 * DAY, eventId: 'd3-created', persons: ['a'] },
        { dealId: 'd4', createdAtMs: T0 + 1 * DAY, eventId: 'd4-created', persons: [] },
      ],
      outcomes: [
        { dealId: 'd1', outcome: 'won', amount: '1000.10', currency: 'EUR', eventId: 'd1-won', atMs: T0 + 30 * DAY },
        { dealId: 'd2', outcome: 'won', amount: '0.20', currency: 'EUR', eventId: 'd2-won', atMs: T0 + 30 * DAY },
        { dealId: 'd3', outcome: 'won', amount: '150000', currency: 'JPY', eventId: 'd3-won', atMs: T0 + 30 * DAY },
        { dealId: 'd4', outcome: 'reopened', amount: null, currency: null, eventId: 'd4-reopened', atMs: T0 + 30 * DAY },
      ],
    });
    const deals = attributedDeals(dealFacts);
    expect(deals.filter((d) => d.dealId === 'd1').map((d) => [d.model, d.source, d.touchContactId])).toEqual([
      ['first-touch', 'form', 'a'],
      ['last-touch', 'linkedin', 'b'],
    ]);
    expect(deals.find((d) => d.dealId === 'd4')).toMatchObject({ source: '(none)', outcome: 'open', outcomeEventId: null, touchEventId: null });
    expect(attribution(deals)).toEqual([
      { model: 'first-touch', source: '(none)', deals: 1, wonDeals: 0, won: [] },
      { model: 'first-touch', source: 'form', deals: 3, wonDeals: 3, won: [{ currency: 'EUR', amount: '1000.30' }, { currency: 'JPY', amount: '150000' }] },
      { model: 'last-touch', source: '(none)', deals: 1, wonDeals: 0, won: [] },
      { model: 'last-touch', source: 'google', deals: 2, wonDeals: 2, won: [{ currency: 'EUR', amount: '0.20' }, { currency: 'JPY', amount: '150000' }] },
      { model: 'last-touch', source: 'linkedin', deals: 1, wonDeals: 1, won: [{ currency: 'EUR', amount: '1000.10' }] },
    ]);
  });
});
