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
  type TimedContactEvent,
} from './marketing-contacts.projection.js';
import { pgInstant, pgInstantOrNull } from '../pg-values.js';
import { MARKETING_CONTACTS_SCHEMA, MARKETING_CONTACTS_TABLES as T } from './marketing-contacts.tables.js';

type StatusRecord = { contact_id: string; status: MarketingStatus; merged: boolean; effective_at: Date; event_id: string };

// The filter lets only these types through; their data was validated against the catalog at append time.
const asContactEvent = (event: RecordedEvent): TimedContactEvent => ({
  id: event.id,
  event: { type: event.type, data: event.data } as MarketingContactEvent,
  occurredAt: event.metadata.occurredAt,
});

export const marketingContactsProjection: ProjectionDefinition = {
  ...MARKETING_CONTACTS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: MARKETING_CONTACT_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const batch = events.map(asContactEvent);
    const contactIds = [...new Set(batch.map((e) => e.event.data.contactId))];
    const { rows } = await tx.query<StatusRecord>(
      `SELECT * FROM ${table(T.status)} WHERE contact_id = ANY($1::text[])`,
      [contactIds],
    );
    const loaded = new Map<string, ContactStatus>(
      rows.map((r) => [
        r.contact_id,
        { contactId: r.contact_id, status: r.status, merged: r.merged, effectiveAt: r.effective_at.toISOString(), eventId: r.event_id },
      ]),
    );
    const { changes, closed, current } = reduceMarketingContacts(loaded, batch);
    if (changes.length > 0) {
      await tx.query(
        `INSERT INTO ${table(T.changes)} (event_id, contact_id, effective_at, status, previous, reason, valid_to)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
        [
          changes.map((c) => c.eventId),
          changes.map((c) => c.contactId),
          changes.map((c) => pgInstant(c.effectiveAt)),
          changes.map((c) => c.status),
          changes.map((c) => c.previous),
          changes.map((c) => c.reason),
          changes.map((c) => pgInstantOrNull(c.validTo)),
        ],
      );
    }
    if (closed.size > 0) {
      await tx.query(
        `UPDATE ${table(T.changes)} AS c SET valid_to = u.valid_to
           FROM unnest($1::uuid[], $2::timestamptz[]) AS u(event_id, valid_to)
          WHERE c.event_id = u.event_id`,
        [[...closed.keys()], [...closed.values()].map(pgInstant)],
      );
    }
    if (current.length > 0) {
      await tx.query(
        `INSERT INTO ${table(T.status)} (contact_id, status, merged, effective_at, event_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::timestamptz[], $5::uuid[])
         ON CONFLICT (contact_id) DO UPDATE SET
           status = excluded.status, merged = excluded.merged, effective_at = excluded.effective_at, event_id = excluded.event_id`,
        [
          current.map((c) => c.contactId),
          current.map((c) => c.status),
          current.map((c) => c.merged),
          current.map((c) => pgInstant(c.effectiveAt)),
          current.map((c) => c.eventId),
        ],
      );
    }
  },
};
