import { backtest, rocAuc } from './backtest.js';
import { emptyHistory, propertiesAsOf, recordEvent, scoringEventsOf, type LogEvent } from './contact-history.js';
import { DEFAULT_FORMULA } from './default-formula.js';
import type { Formula } from './formula.js';

let position = 0;
const event = (type: string, streamName: string, occurredAt: string, data: Record<string, unknown>): LogEvent => ({
  id: `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`,
  type,
  streamName,
  revision: 0,
  position: String(position),
  occurredAt,
  data,
});

const created = (contactId: string, jobTitle: string | null, at = '2025-01-01T00:00:00.000Z') =>
  event('ContactCreated', `contact-${contactId}`, at, {
    contactId, email: `${contactId}@x.test`, firstName: null, lastName: null, phone: null, jobTitle, country: 'SE',
    companyId: null, ownerId: null, properties: {}, source: 'form', marketingStatus: 'marketing', lifecycleStage: 'lead',
  });

const titleOnly: Formula = {
  name: 'title only',
  thresholds: { mql: 10, sql: 20 },
  limit: 100,
  groups: [
    { id: 'fit', kind: 'fit', limit: 40, rules: [{ id: 'senior', points: 15, when: { property: 'jobTitle', op: 'contains', value: 'vp' } }] },
  ],
};

describe('contact history', () => {
  it('answers properties as of a time, with changes applied in business-time order', () => {
    const history = emptyHistory();
    recordEvent(history, created('c1', 'Student'));
    recordEvent(history, event('ContactPropertiesChanged', 'contact-c1', '2025-03-01T00:00:00.000Z', {
      contactId: 'c1', changes: [{ property: 'jobTitle', previous: 'Student', value: 'VP Sales' }],
    }));
    const record = history.contacts.get('c1')!;
    expect(propertiesAsOf(record, '2025-02-01T00:00:00.000Z').jobTitle).toBe('Student');
    expect(propertiesAsOf(record, '2025-03-01T00:00:00.000Z').jobTitle).toBe('VP Sales');
    expect(propertiesAsOf(record, '2024-12-31T00:00:00.000Z')).toEqual({});
  });

  it('counts a merged duplicate\'s activity on the primary', () => {
    const history = emptyHistory();
    recordEvent(history, created('p', null));
    recordEvent(history, created('d', null));
    recordEvent(history, event('PageViewed', 'activity-d', '2025-01-02T00:00:00.000Z', { contactId: 'd', url: '/pricing', title: null, referrer: null }));
    recordEvent(history, event('ContactMerged', 'contact-d', '2025-01-03T00:00:00.000Z', { contactId: 'd', mergedInto: 'p', email: 'd@x.test' }));
    recordEvent(history, event('ContactAbsorbed', 'contact-p', '2025-01-03T00:00:00.000Z', { contactId: 'p', mergedContactId: 'd', mergedEmail: 'd@x.test' }));
    expect(scoringEventsOf(history, 'p').map((e) => e.type)).toEqual(['PageViewed']);
    expect(history.contacts.get('d')!.mergedInto).toBe('p');
  });
});

describe('backtest', () => {
  // Planted truth: contacts who asked for a demo win; the rest lose. Titles carry no signal.
  const history = emptyHistory();
  for (let i = 0; i < 40; i++) {
    const contactId = `c${i}`;
    const demo = i % 2 === 0;
    recordEvent(history, created(contactId, i % 3 === 0 ? 'VP Marketing' : 'Analyst'));
    if (demo) {
      recordEvent(history, event('FormSubmitted', `activity-${contactId}`, '2025-02-01T00:00:00.000Z', { contactId, formId: 'demo', fields: {} }));
    }
    const dealId = `d${i}`;
    recordEvent(history, event('DealCreated', `deal-${dealId}`, '2025-02-10T00:00:00.000Z', { dealId, contactIds: [contactId] }));
    recordEvent(history, event(demo ? 'DealWon' : 'DealLost', `deal-${dealId}`, '2025-04-01T00:00:00.000Z', { dealId }));
  }

  it('finds the formula that rewards demo requests better than one that does not', () => {
    const rewardsDemo = backtest(DEFAULT_FORMULA, history, 30);
    const ignoresDemo = backtest(titleOnly, history, 30);
    expect(rewardsDemo).toMatchObject({ samples: 40, won: 20, lost: 20 });
    expect(rewardsDemo.auc).toBe(1);
    expect(ignoresDemo.auc).toBeCloseTo(0.5, 1);
    expect(rewardsDemo.auc!).toBeGreaterThan(ignoresDemo.auc!);
    expect(rewardsDemo.deciles.at(-1)!.winRate).toBe(1);
    expect(rewardsDemo.deciles[0].winRate).toBe(0);
  });

  it('scores as of the horizon before the close: activity after that does not count', () => {
    const late = emptyHistory();
    recordEvent(late, created('x', null));
    recordEvent(late, event('DealCreated', 'deal-dx', '2025-01-05T00:00:00.000Z', { dealId: 'dx', contactIds: ['x'] }));
    recordEvent(late, event('FormSubmitted', 'activity-x', '2025-03-20T00:00:00.000Z', { contactId: 'x', formId: 'demo', fields: {} }));
    recordEvent(late, event('DealWon', 'deal-dx', '2025-04-01T00:00:00.000Z', { dealId: 'dx' }));
    const report = backtest(DEFAULT_FORMULA, late, 30);
    expect(report.wonBelowMql).toEqual([{ contactId: 'x', dealId: 'dx', score: 0, closedAt: '2025-04-01T00:00:00.000Z' }]);
    expect(backtest(DEFAULT_FORMULA, late, 1).wonBelowMql.map((s) => s.score)).toEqual([30]);
  });

  it('computes the AUC with ties counted half', () => {
    expect(rocAuc([{ score: 1, outcome: 'won' }, { score: 1, outcome: 'lost' }])).toBe(0.5);
    expect(rocAuc([{ score: 2, outcome: 'won' }, { score: 1, outcome: 'lost' }, { score: 0, outcome: 'lost' }])).toBe(1);
    expect(rocAuc([{ score: 2, outcome: 'won' }])).toBeNull();
  });
});
