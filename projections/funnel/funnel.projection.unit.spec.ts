import type { RecordedEvent } from '#event-store';
import { contactCreatedData, dealCreatedData } from '#test/support/events';
import { emailClickSource, formSource, funnelRowsOf, pageViewSource } from './funnel.projection.js';

let commit = 0n;
const recorded = (type: string, data: unknown, occurredAt = '2026-02-01T10:00:00.000Z'): RecordedEvent => {
  commit++;
  return {
    id: `e${commit}`,
    type,
    streamName: 's',
    revision: 0,
    position: { commit, prepare: commit },
    data,
    metadata: { occurredAt, recordedAt: occurredAt, actor: 'spec', correlationId: 'c', causationId: null, schemaVersion: 1, source: 'test' },
  } as RecordedEvent;
};

describe('funnel touches and facts', () => {
  it('reads a page view as a campaign, a referring site, a direct visit, or (same site) browsing that is no touch', () => {
    expect(pageViewSource('https://acme.com/pricing?utm_source=Google&utm_medium=cpc', 'https://acme.com/')).toBe('google');
    expect(pageViewSource('https://acme.com/pricing', 'https://www.LinkedIn.com/feed')).toBe('linkedin.com');
    expect(pageViewSource('https://acme.com/pricing', null)).toBe('direct');
    expect(pageViewSource('https://www.acme.com/pricing', 'https://acme.com/blog')).toBeNull();
    expect(pageViewSource('not a url', 'android-app://x')).toBe('x');
  });

  it('reads a form by its utm_source field and an email click by its link', () => {
    expect(formSource({ email: 'a@b.c', UTM_Source: ' Newsletter ' })).toBe('newsletter');
    expect(formSource({ email: 'a@b.c' })).toBeNull();
    expect(emailClickSource('https://acme.com/?utm_source=spring-promo')).toBe('spring-promo');
    expect(emailClickSource(null)).toBe('email');
  });

  it('turns a contact, its stage change, merge and touches, and a deal with its contacts and outcomes into fact rows', () => {
    const rows = funnelRowsOf([
      recorded('ContactCreated', contactCreatedData('c1', { source: 'import', lifecycleStage: 'lead' }), '2026-02-01T10:00:00+01:00'),
      recorded('ContactLifecycleStageChanged', { contactId: 'c1', previous: 'lead', stage: 'opportunity' }),
      recorded('PageViewed', { contactId: 'c1', url: 'https://acme.com/a', title: null, referrer: 'https://acme.com/b' }),
      recorded('ContactMerged', { contactId: 'c2', mergedInto: 'c1', email: 'c2@example.com' }),
      recorded('DealCreated', dealCreatedData('d1', { contactIds: ['c1', 'c2'] })),
      recorded('DealContactDissociated', { dealId: 'd1', contactId: 'c2' }),
      recorded('RecordsAssociated', { from: { type: 'contact', id: 'c3' }, to: { type: 'deal', id: 'd1' }, label: 'champion' }),
      recorded('RecordsAssociated', { from: { type: 'contact', id: 'c3' }, to: { type: 'company', id: 'x' }, label: null }),
      recorded('DealWon', { dealId: 'd1', pipelineId: 'sales', stageId: 'won', amount: '12.50', currency: 'EUR', ownerId: null }),
      recorded('DealReopened', { dealId: 'd1', pipelineId: 'sales', fromStageId: 'won', toStageId: 'lead' }),
    ]);
    expect(rows.contacts).toEqual([{ contactId: 'c1', createdAt: '2026-02-01T09:00:00.000Z', source: 'import', eventId: 'e1' }]);
    expect(rows.stageEntries.map((row) => [row.contactId, row.stage, row.eventId])).toEqual([['c1', 'lead', 'e1'], ['c1', 'opportunity', 'e2']]);
    expect(rows.touches.map((row) => [row.kind, row.source, row.eventId])).toEqual([['created', 'import', 'e1']]);
    expect(rows.merges).toEqual([{ eventId: 'e4', contactId: 'c2', mergedInto: 'c1', mergedAt: '2026-02-01T10:00:00.000Z' }]);
    expect(rows.deals.map((row) => row.dealId)).toEqual(['d1']);
    expect(rows.dealContacts.map((row) => [row.contactId, row.label, row.added, row.eventId])).toEqual([
      ['c1', '', true, 'e5'],
      ['c2', '', true, 'e5'],
      ['c2', '', false, 'e6'],
      ['c3', 'champion', true, 'e7'],
    ]);
    expect(rows.outcomes.map((row) => [row.outcome, row.amount, row.currency, row.posCommit])).toEqual([
      ['won', '12.50', 'EUR', '9'],
      ['reopened', null, null, '10'],
    ]);
  });
});
