import { DEFAULT_FORMULA, formulaId } from '#scoring';
import { contactCreated, inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
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

// The causing event as the scores table keeps it: the demo request is a scoring event.
const CHANGES = `SELECT q.contact_id, q.position = e.position AS same_position, e.event_type, q.previous, q.qualification,
                        q.formula_id = '${formulaId(DEFAULT_FORMULA)}' AS default_formula, q.total::text, q.occurred_at
                   FROM lead_score_qualification_changes q JOIN lead_score_events e USING (contact_id, event_id)
                  ORDER BY q.position_commit, q.contact_id`;

describe('lead-score qualification changes', () => {
  const spec = useProjectionSpec(leadScoreProjection);

  it('writes exactly one change row when a contact crosses the MQL threshold, naming the event that made it cross', async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', day(1), { jobTitle: 'VP Sales' })))
      .when(inStream('activity-ann', pricingView('ann', day(2)), demoRequest('ann', day(3)), pricingView('ann', day(4))))
      .when(inStream('activity-ann', pricingView('ann', day(5))), { times: 2 })
      .then(CHANGES, [
        {
          contact_id: 'ann', same_position: true, event_type: 'FormSubmitted', previous: 'none', qualification: 'mql', default_formula: true,
          total: '49.89', occurred_at: new Date(day(3)),
        },
      ]);
  });
});

describe('lead-score rebuild', () => {
  const bed = useRebuildBed(leadScoreProjection);

  it('gives the same qualification changes and scores as the live build', async () => {
    const history = [
      ...inStream('contact-ann', contactCreated('ann', day(1), { jobTitle: 'VP Sales' })),
      ...inStream('contact-bo', contactCreated('bo', day(1), { jobTitle: 'Head of IT' })),
      ...inStream('activity-ann', demoRequest('ann', day(2))),
      ...inStream('activity-bo', demoRequest('bo', day(2)), ...[3, 4, 5, 6].map((n) => pricingView('bo', day(n)))),
      ...inStream('activity-bo', ...[7, 7, 7].map((n) => activity('MarketingEmailClicked', { contactId: 'bo', emailId: 'm1', url: null }, day(n)))),
      ...inStream('contact-ann', { type: 'ContactPropertiesChanged', data: { contactId: 'ann', changes: [{ property: 'jobTitle', previous: 'VP Sales', value: 'Intern' }] }, metadata: { occurredAt: day(7) } }),
    ];
    const { live, rebuilt } = await bed.compare(history, {
      lead_scores: 'contact_id',
      lead_score_contributions: 'contact_id, ordinal',
      lead_score_events: 'contact_id, event_id',
      lead_score_qualification_changes: 'position_commit, position_prepare, contact_id',
    });
    expect(live.lead_score_qualification_changes.map((row) => [row.contact_id, row.previous, row.qualification])).toEqual([
      ['ann', 'none', 'mql'],
      ['bo', 'none', 'mql'],
      ['bo', 'mql', 'sql'],
      ['ann', 'mql', 'none'],
    ]);
    expect(rebuilt).toEqual(live);
  });
});
