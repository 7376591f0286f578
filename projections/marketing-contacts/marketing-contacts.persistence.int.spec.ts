import { contactCreated, inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { marketingContactsProjection } from './marketing-contacts.persistence.js';

const day = (n: number) => `2026-04-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const statusChanged = (contactId: string, previous: string, status: string, reason: string, occurredAt: string): SpecEvent => ({
  type: 'ContactMarketingStatusChanged',
  data: { contactId, previous, status, reason },
  metadata: { occurredAt },
});
const CHANGES = `SELECT contact_id, effective_at, status, previous, reason, valid_to FROM marketing_contact_changes ORDER BY contact_id, effective_at`;
const STATUS = `SELECT contact_id, status, merged, effective_at FROM marketing_contact_status ORDER BY contact_id`;
// What a billing period counts: the contacts marketing on each of `days` (09:00 UTC).
const MARKETING_ON = (...days: string[]) => `
  SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, array_agg(c.contact_id ORDER BY c.contact_id) AS contacts
    FROM unnest('{${days.join(',')}}'::timestamptz[]) AS days(at)
    JOIN marketing_contact_changes c ON c.status = 'marketing' AND c.effective_at <= at AND (c.valid_to IS NULL OR c.valid_to > at)
   GROUP BY at ORDER BY at`;

describe('marketing-contacts persistence', () => {
  const spec = useProjectionSpec(marketingContactsProjection);

  it('starts each contact with the status it was created with, its source as the reason', async () => {
    await spec
      .given([
        ...inStream('contact-ann', contactCreated('ann', day(1), { source: 'form', marketingStatus: 'marketing' })),
        ...inStream('contact-ben', contactCreated('ben', day(2), { source: 'import', marketingStatus: 'non-marketing' })),
      ])
      .then(CHANGES, [
        { contact_id: 'ann', effective_at: new Date(day(1)), status: 'marketing', previous: null, reason: 'created:form', valid_to: null },
        { contact_id: 'ben', effective_at: new Date(day(2)), status: 'non-marketing', previous: null, reason: 'created:import', valid_to: null },
      ]);
  });

  it('stops counting an unsubscribed contact as of the day of the unsubscribe', async () => {
    await spec
      .given([...inStream('contact-ann', contactCreated('ann', day(1))), ...inStream('contact-ben', contactCreated('ben', day(1)))])
      .when(inStream('contact-ann', statusChanged('ann', 'marketing', 'non-marketing', 'unsubscribed', day(10))))
      .then(MARKETING_ON(day(9), day(10), day(11)), [
        { day: '2026-04-09', contacts: ['ann', 'ben'] },
        { day: '2026-04-10', contacts: ['ben'] },
        { day: '2026-04-11', contacts: ['ben'] },
      ]);
  });

  it('stops counting a merged duplicate at its merge, and takes no later change for it', async () => {
    await spec
      .given(inStream('contact-dup', contactCreated('dup', day(1))))
      .when(
        inStream(
          'contact-dup',
          { type: 'ContactMerged', data: { contactId: 'dup', mergedInto: 'ann', email: 'dup@example.com' }, metadata: { occurredAt: day(5) } },
          statusChanged('dup', 'non-marketing', 'marketing', 'late import', day(6)),
        ),
      )
      .then(STATUS, [{ contact_id: 'dup', status: 'non-marketing', merged: true, effective_at: new Date(day(5)) }]);
  });

  it('gives the same rows when a status change is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('contact-ann', contactCreated('ann', day(1))))
      .when(inStream('contact-ann', statusChanged('ann', 'marketing', 'non-marketing', 'unsubscribed', day(10))), { times: 2 })
      .then(CHANGES, [
        { contact_id: 'ann', effective_at: new Date(day(1)), status: 'marketing', previous: null, reason: 'created:form', valid_to: new Date(day(10)) },
        { contact_id: 'ann', effective_at: new Date(day(10)), status: 'non-marketing', previous: 'marketing', reason: 'unsubscribed', valid_to: null },
      ]);
  });
});
