// Stores the marketing-contact history and current statuses: per batch, one query loads the touched contacts'
// statuses, the reducer runs in memory, and one statement per table writes the result.
import type { RecordedEvent } from '#event-store';
import type { MarketingStatus } from '#domain/marketing-policy';
import type { ProjectionDefinition } from '#projection-engine';
import {
  MARKETING_CONTACT_EVENT_TYPES,
  reduceMarketingContacts,
  type ContactStatus,
  type MarketingContactEvent,
  type StatusChange,
  type TimedContactEvent,
} from './marketing-contacts.projection.js';
import { pgInstant } from '../pg-values.js';
import { fieldColumns, selectByKeys, writeRows } from '../pg-rows.js';
import { MARKETING_CONTACTS_SCHEMA, MARKETING_CONTACTS_TABLES as T } from './marketing-contacts.tables.js';
import { applyWithErasures, CONTACT_ERASED, ERASED_TEXT } from '../erasure.js';

type StatusRecord = { contact_id: string; status: MarketingStatus; merged: boolean; effective_at: Date; event_id: string };

// The filter lets only these types through; their data was validated against the catalog at append time.
const asContactEvent = (event: RecordedEvent): TimedContactEvent => ({
  id: event.id,
  event: { type: event.type, data: event.data } as MarketingContactEvent,
  occurredAt: event.metadata.occurredAt,
});

const CHANGE_COLUMNS = fieldColumns<StatusChange>({
  eventId: 'uuid', contactId: 'text', effectiveAt: 'timestamptz', status: 'text', previous: 'text', reason: 'text', validTo: 'timestamptz',
});

const STATUS_COLUMNS = fieldColumns<ContactStatus>({ contactId: 'text', status: 'text', merged: 'boolean', effectiveAt: 'timestamptz', eventId: 'uuid' });

export const marketingContactsProjection: ProjectionDefinition = {
  ...MARKETING_CONTACTS_SCHEMA,
  // 2: ContactErased overwrites the reasons of the contact's status changes.
  codeVersion: 2,
  filter: { eventTypes: [...MARKETING_CONTACT_EVENT_TYPES, CONTACT_ERASED] },
  apply: async (events, { tx, table }) => {
    await applyWithErasures(
      events,
      async (segment) => {
        const batch = segment.map(asContactEvent);
        const contactIds = [...new Set(batch.map((e) => e.event.data.contactId))];
        const rows = await selectByKeys<StatusRecord>(tx, table(T.status), 'contact_id', contactIds);
        const loaded = new Map<string, ContactStatus>(
          rows.map((r) => [
            r.contact_id,
            { contactId: r.contact_id, status: r.status, merged: r.merged, effectiveAt: r.effective_at.toISOString(), eventId: r.event_id },
          ]),
        );
        const { changes, closed, current } = reduceMarketingContacts(loaded, batch);
        await writeRows(tx, table(T.changes), CHANGE_COLUMNS, changes);
        if (closed.size > 0) {
          await tx.query(
            `UPDATE ${table(T.changes)} AS c SET valid_to = u.valid_to
               FROM unnest($1::uuid[], $2::timestamptz[]) AS u(event_id, valid_to)
              WHERE c.event_id = u.event_id`,
            [[...closed.keys()], [...closed.values()].map(pgInstant)],
          );
        }
        await writeRows(tx, table(T.status), STATUS_COLUMNS, current, { key: ['contact_id'], then: 'replace' });
      },
      async (contactIds) => {
        // The history stays for billing; a reason typed by a rep may name the person.
        await tx.query(`UPDATE ${table(T.changes)} SET reason = $2 WHERE contact_id = ANY($1::text[])`, [contactIds, ERASED_TEXT]);
      },
    );
  },
};
