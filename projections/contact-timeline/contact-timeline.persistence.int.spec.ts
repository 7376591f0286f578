import { contactCreated, dealCreated, inStream, useProjectionSpec } from '../projection-spec.spec-helper.js';
import { contactTimelineProjection } from './contact-timeline.persistence.js';

const at = (hour: number) => `2026-01-15T${String(hour).padStart(2, '0')}:00:00.000Z`;
// Newest first, as the timeline route shows it.
const TIMELINE = `SELECT contact_id, event_type, merged_from FROM contact_timeline
                   ORDER BY contact_id, occurred_at DESC, position_commit DESC, position_prepare DESC`;

describe('contact-timeline persistence', () => {
  const spec = useProjectionSpec(contactTimelineProjection);

  // The table's key is (contact, instant, position), not (contact, event): a merge must still keep one row per event.
  it('keeps one row per event when a merge brings in an event both contacts already show', async () => {
    await spec
      .given([
        ...inStream('contact-ann', contactCreated('ann', at(0))),
        ...inStream('contact-dup', contactCreated('dup', at(1))),
        ...inStream('deal-d1', dealCreated('d1', at(2), { pipelineId: 'p', stageId: 's', contactIds: ['ann', 'dup'] })),
      ])
      .when([
        ...inStream('contact-dup', { type: 'ContactMerged', data: { contactId: 'dup', mergedInto: 'ann', email: 'dup@example.com' }, metadata: { occurredAt: at(3) } }),
        ...inStream('contact-ann', { type: 'ContactAbsorbed', data: { contactId: 'ann', mergedContactId: 'dup', mergedEmail: 'dup@example.com' }, metadata: { occurredAt: at(3) } }),
      ])
      .then(TIMELINE, [
        { contact_id: 'ann', event_type: 'ContactAbsorbed', merged_from: null },
        { contact_id: 'ann', event_type: 'ContactMerged', merged_from: 'dup' },
        { contact_id: 'ann', event_type: 'DealCreated', merged_from: null },
        { contact_id: 'ann', event_type: 'ContactCreated', merged_from: 'dup' },
        { contact_id: 'ann', event_type: 'ContactCreated', merged_from: null },
        { contact_id: 'dup', event_type: 'ContactMerged', merged_from: null },
        { contact_id: 'dup', event_type: 'DealCreated', merged_from: null },
        { contact_id: 'dup', event_type: 'ContactCreated', merged_from: null },
      ]);
  });

  it('fans a deal event out to the contacts the deal was associated with in an earlier batch', async () => {
    await spec
      .given([
        ...inStream('contact-ann', contactCreated('ann', at(0))),
        ...inStream('deal-d1', dealCreated('d1', at(1), { pipelineId: 'p', stageId: 'open', contactIds: ['ann'] })),
      ])
      .when(inStream('deal-d1', { type: 'DealStageChanged', data: { dealId: 'd1', pipelineId: 'p', fromStageId: 'open', toStageId: 'next' }, metadata: { occurredAt: at(2) } }))
      .then(TIMELINE, [
        { contact_id: 'ann', event_type: 'DealStageChanged', merged_from: null },
        { contact_id: 'ann', event_type: 'DealCreated', merged_from: null },
        { contact_id: 'ann', event_type: 'ContactCreated', merged_from: null },
      ]);
  });

  it('shows an event replayed after a lost checkpoint once', async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', at(0))))
      .when(inStream('activity-ann', { type: 'PageViewed', data: { contactId: 'ann', url: 'https://x.test/pricing', title: null, referrer: null }, metadata: { occurredAt: at(1) } }), { times: 2 })
      .then(TIMELINE, [
        { contact_id: 'ann', event_type: 'PageViewed', merged_from: null },
        { contact_id: 'ann', event_type: 'ContactCreated', merged_from: null },
      ]);
  });
});
