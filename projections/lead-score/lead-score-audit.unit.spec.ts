import { formatPosition } from '#event-store';
import { contactCreatedData, recordedLog } from '#test/support/events';
import { projectLeadScores } from './lead-score.projection.js';
import { emptyHistory, recordEvent } from '#scoring';
import { DEFAULT_FORMULA } from '#scoring';
import { historyEventTypes, keepTypesOf, scoreFromHistory, scoreMismatches } from '#scoring';

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const day = (n: number): string => new Date(T0 + n * 86_400_000).toISOString();

const at = recordedLog(10);

const created = (contactId: string, jobTitle: string | null) => contactCreatedData(contactId, { jobTitle });
const pricing = (contactId: string) => ({ contactId, url: '/pricing', title: null, referrer: null });
const demo = (contactId: string) => ({ contactId, formId: 'demo', fields: {} });
const retitle = (contactId: string, value: string) => ({ contactId, changes: [{ property: 'jobTitle', previous: null, value }] });

// Merges, activity after a merge and a backdated change recorded late: where a naive fold and the projection part.
const events = [
  at('ContactCreated', created('p', 'Engineer'), day(0)),
  at('ContactCreated', created('d', null), day(0)),
  at('PageViewed', pricing('d'), day(1), 'activity-d'),
  at('FormSubmitted', demo('d'), day(2), 'activity-d'),
  at('ContactPropertiesChanged', retitle('p', 'VP Sales'), day(2)),
  at('ContactPropertiesChanged', retitle('p', 'Student'), day(1)),
  at('ContactMerged', { contactId: 'd', mergedInto: 'p', email: 'd@example.com' }, day(3)),
  at('ContactAbsorbed', { contactId: 'p', mergedContactId: 'd', mergedEmail: 'd@example.com' }, day(3)),
  at('PageViewed', pricing('d'), day(4), 'activity-d'),
  at('PageViewed', pricing('p'), day(10), 'activity-p'),
];

describe('scores re-derived from the contact history', () => {
  const history = emptyHistory(keepTypesOf([DEFAULT_FORMULA]));
  for (const event of events) {
    recordEvent(history, { ...event, position: formatPosition(event.position), occurredAt: event.metadata.occurredAt });
  }
  const projected = projectLeadScores(DEFAULT_FORMULA, new Map(), events).scores;

  it('match the lead-score projection for every contact, merged duplicates included', () => {
    expect(projected.map((row) => row.contactId)).toEqual(['d', 'p']);
    for (const row of projected) {
      const derived = scoreFromHistory(DEFAULT_FORMULA, history, row.contactId, row.asOf);
      expect(scoreMismatches(row, derived)).toEqual([]);
    }
  });

  it('give the primary the duplicate\'s events up to the merge, and the latest recorded title', () => {
    const primary = scoreFromHistory(DEFAULT_FORMULA, history, 'p', day(10))!;
    // Student (recorded last, though dated earlier): -20. Demo 30, pricing views d@1 and p@10 decayed.
    expect(primary.fit).toBe(-20);
    expect(primary.contributions.filter((c) => c.ruleId === 'pricing-page').map((c) => c.eventId)).toEqual(['event-3', 'event-10']);
    expect(primary.contributions.reduce((sum, c) => sum + c.counted * 100, 0) / 100).toBe(primary.total);
  });

  it('answers earlier instants from the same history', () => {
    const before = scoreFromHistory(DEFAULT_FORMULA, history, 'p', day(0))!;
    expect(before.total).toBe(0);
    expect(before.contributions).toEqual([]);
  });

  it('reports each differing field and contacts the log does not know', () => {
    const derived = scoreFromHistory(DEFAULT_FORMULA, history, 'p', day(10))!;
    const stored = { contactId: 'p', fit: derived.fit, engagement: derived.engagement + 1, total: derived.total + 1, qualification: derived.qualification };
    expect(scoreMismatches(stored, derived).map((m) => m.field)).toEqual(['total', 'engagement']);
    expect(scoreMismatches({ ...stored, contactId: 'x' }, scoreFromHistory(DEFAULT_FORMULA, history, 'x', day(10)))).toEqual([
      { contactId: 'x', field: 'missing', stored: stored.total, derived: null },
    ]);
  });

  it('reads the contact, merge and deal events the formulas need', () => {
    expect(historyEventTypes([DEFAULT_FORMULA], { deals: true })).toEqual(
      expect.arrayContaining(['ContactCreated', 'ContactAbsorbed', 'DealWon', 'PageViewed', 'FormSubmitted', 'MarketingEmailClicked']),
    );
    expect(historyEventTypes([DEFAULT_FORMULA])).not.toContain('DealWon');
  });
});
