import { contactCreated, inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { leadScoreProjection } from './lead-score.persistence.js';

// The build's default formula: a senior title is 15 fit points, a demo request 30, a pricing-page view 5 (at most
// 20); 40 is an MQL, 70 an SQL.
const day = (n: number) => `2026-05-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const activity = (type: string, data: Readonly<Record<string, unknown>>, occurredAt: string): SpecEvent => ({ type, data, metadata: { occurredAt } });
const demoRequest = (contactId: string, occurredAt: string) => activity('FormSubmitted', { contactId, formId: 'demo', fields: {} }, occurredAt);
const pricingView = (contactId: string, occurredAt: string) =>
  activity('PageViewed', { contactId, url: 'https://tally.test/pricing', title: null, referrer: null }, occurredAt);
const SCORES = `SELECT contact_id, fit::text, engagement::text, total::text, qualification, as_of FROM lead_scores ORDER BY contact_id`;

describe('lead-score persistence', () => {
  const spec = useProjectionSpec(leadScoreProjection);

  it('sums fit and engagement points and crosses MQL when a demo request comes in a later batch', async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', day(1), { jobTitle: 'VP Sales' })))
      .when(inStream('activity-ann', demoRequest('ann', day(3))))
      .then(SCORES, [{ contact_id: 'ann', fit: '15.00', engagement: '30.00', total: '45.00', qualification: 'mql', as_of: new Date(day(3)) }]);
  });

  it('stays below MQL without the fit points', async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', day(1), { jobTitle: 'Engineer' })))
      .when(inStream('activity-ann', demoRequest('ann', day(3))))
      .then(SCORES, [{ contact_id: 'ann', fit: '0.00', engagement: '30.00', total: '30.00', qualification: 'none', as_of: new Date(day(3)) }]);
  });

  it("counts a rule's points up to its cap, the cut shared by the events that went over it", async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', day(1))))
      .when(inStream('activity-ann', ...[1, 2, 3, 4, 5].map(() => pricingView('ann', day(2)))))
      .then(
        `SELECT rule_id, points::text, cut_by_rule_cap::text AS cut, counted::text, total::text
           FROM lead_score_contributions JOIN lead_scores USING (contact_id) ORDER BY ordinal`,
        [1, 2, 3, 4, 5].map(() => ({ rule_id: 'pricing-page', points: '5.00', cut: '1.00', counted: '4.00', total: '20.00' })),
      );
  });

  it('gives the same score when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', day(1), { jobTitle: 'Director of IT' })))
      .when(inStream('activity-ann', demoRequest('ann', day(3)), pricingView('ann', day(3))), { times: 2 })
      .then(SCORES, [{ contact_id: 'ann', fit: '15.00', engagement: '35.00', total: '50.00', qualification: 'mql', as_of: new Date(day(3)) }]);
  });
});
