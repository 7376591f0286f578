import { contactCreated, dealCreated, inStream, useProjectionSpec, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { funnelProjection } from './funnel.persistence.js';

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const staged = (contactId: string, previous: string, stage: string, occurredAt: string) =>
  inStream(`contact-${contactId}`, event('ContactLifecycleStageChanged', occurredAt, { contactId, previous, stage }));
const viewed = (contactId: string, url: string, referrer: string | null, occurredAt: string) =>
  inStream(`activity-${contactId}`, event('PageViewed', occurredAt, { contactId, url, title: null, referrer }));
const won = (dealId: string, occurredAt: string, amount: string, currency = 'EUR') =>
  inStream(`deal-${dealId}`, event('DealWon', occurredAt, { dealId, pipelineId: 'sales', stageId: 'won', amount, currency, ownerId: null }));

const history = (): StreamEvent[] => [
  ...inStream('contact-a', contactCreated('a', day(1), { source: 'form', lifecycleStage: 'subscriber' })),
  ...viewed('a', 'https://acme.com/?utm_source=google', null, day(2)),
  ...viewed('a', 'https://acme.com/pricing', 'https://acme.com/', day(2)),
  ...staged('a', 'subscriber', 'lead', day(3)),
  ...inStream('contact-b', contactCreated('b', day(2), { source: 'import' })),
  ...inStream('activity-b', event('MarketingEmailClicked', day(4), { contactId: 'b', emailId: 'm1', url: null })),
  ...inStream('contact-b', event('ContactMerged', day(5), { contactId: 'b', mergedInto: 'a', email: 'b@example.com' })),
  ...inStream('deal-d1', dealCreated('d1', day(6), { pipelineId: 'sales', stageId: 'lead', contactIds: ['a'] })),
  ...inStream('deal-d1', event('DealContactAssociated', day(7), { dealId: 'd1', contactId: 'b' })),
  ...won('d1', day(9), '1200.50'),
  ...inStream('deal-d1', event('DealReopened', day(10), { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'lead' })),
  ...won('d1', day(11), '1300.00'),
];

const ROWS = {
  funnel_contacts: 'contact_id',
  funnel_stage_entries: 'event_id',
  funnel_touches: 'event_id',
  funnel_merges: 'event_id',
  funnel_deals: 'deal_id',
  funnel_deal_contacts: 'event_id, deal_id, contact_id, label',
  funnel_outcomes: 'event_id',
};

describe('funnel persistence', () => {
  const spec = useProjectionSpec(funnelProjection);

  it('stores each fact once with its business instant: stage entries, touches (not browsing), merges, associations, outcomes', async () => {
    const given = spec.given(history());
    await given.then(`SELECT contact_id, stage, entered_at FROM funnel_stage_entries ORDER BY entered_at, contact_id`, [
      { contact_id: 'a', stage: 'subscriber', entered_at: new Date(day(1)) },
      { contact_id: 'b', stage: 'lead', entered_at: new Date(day(2)) },
      { contact_id: 'a', stage: 'lead', entered_at: new Date(day(3)) },
    ]);
    await given.then(`SELECT contact_id, kind, source, touched_at FROM funnel_touches ORDER BY touched_at, contact_id, kind`, [
      { contact_id: 'a', kind: 'created', source: 'form', touched_at: new Date(day(1)) },
      { contact_id: 'a', kind: 'page-view', source: 'google', touched_at: new Date(day(2)) },
      { contact_id: 'b', kind: 'created', source: 'import', touched_at: new Date(day(2)) },
      { contact_id: 'b', kind: 'email-click', source: 'email', touched_at: new Date(day(4)) },
    ]);
    await given.then(`SELECT contact_id, merged_into FROM funnel_merges`, [{ contact_id: 'b', merged_into: 'a' }]);
    await given.then(`SELECT deal_id, contact_id, added, changed_at FROM funnel_deal_contacts ORDER BY changed_at`, [
      { deal_id: 'd1', contact_id: 'a', added: true, changed_at: new Date(day(6)) },
      { deal_id: 'd1', contact_id: 'b', added: true, changed_at: new Date(day(7)) },
    ]);
    await given.then(`SELECT outcome, amount::text AS amount, currency, closed_at FROM funnel_outcomes ORDER BY closed_at`, [
      { outcome: 'won', amount: '1200.50', currency: 'EUR', closed_at: new Date(day(9)) },
      { outcome: 'reopened', amount: null, currency: null, closed_at: new Date(day(10)) },
      { outcome: 'won', amount: '1300.00', currency: 'EUR', closed_at: new Date(day(11)) },
    ]);
  });

  it('keeps JPY and BHD amounts exact, and leaves the rows as they were when a batch is applied again', async () => {
    await spec
      .given(inStream('deal-d1', dealCreated('d1', day(1), { pipelineId: 'sales', stageId: 'lead', amount: '150000', currency: 'JPY' })))
      .when([...won('d1', day(2), '150000', 'JPY'), ...won('d2', day(2), '999999999999.125', 'BHD')], { times: 2 })
      .then(`SELECT deal_id, amount::text AS amount, currency FROM funnel_outcomes ORDER BY deal_id`, [
        { deal_id: 'd1', amount: '150000', currency: 'JPY' },
        { deal_id: 'd2', amount: '999999999999.125', currency: 'BHD' },
      ]);
  });
});

describe('funnel rebuild', () => {
  const bed = useRebuildBed(funnelProjection);

  it('equals the live build row for row', async () => {
    const { live, rebuilt } = await bed.compare(history(), ROWS);
    expect(live.funnel_stage_entries).toHaveLength(3);
    expect(live.funnel_touches).toHaveLength(4);
    expect(live.funnel_outcomes).toHaveLength(3);
    expect(rebuilt).toEqual(live);
  });
});
