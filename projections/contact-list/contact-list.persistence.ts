// Stores the contacts list: per batch, load the touched contacts in one statement (one index probe each: the table
// grows with the history), reduce in memory, write the changed rows in one multi-row upsert.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import type { PropertyValues } from '#domain/shared';
import { isPropertyDefinitionEvent, PROPERTY_DEFINITION_EVENT_TYPES } from '../record-lists/list-properties.projection.js';
import { saveListProperties } from '../record-lists/list-properties.persistence.js';
import { fieldColumns, probeByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import {
  CONTACT_LIST_EVENT_TYPES,
  contactIdsOf,
  reduceContactList,
  stored,
  type ContactListEvent,
  type ContactListRow,
  type StoredContactRow,
  type TimedContactListEvent,
} from './contact-list.projection.js';
import { CONTACT_LIST_SCHEMA, CONTACT_LIST_TABLES as T } from './contact-list.tables.js';
import { applyWithErasures, CONTACT_ERASED, erasedContactIdOf } from '../erasure.js';

type ContactRecord = {
  contact_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  name: string;
  phone: string | null;
  job_title: string | null;
  country: string | null;
  owner_id: string | null;
  lifecycle_stage: string;
  marketing_status: string;
  source: string;
  company_id: string | null;
  properties: PropertyValues;
  created_at: Date;
  last_activity_at: Date | null;
  merged_into: string | null;
};

const RECORD_COLUMNS = [
  'contact_id', 'email', 'first_name', 'last_name', 'name', 'phone', 'job_title', 'country', 'owner_id', 'lifecycle_stage',
  'marketing_status', 'source', 'company_id', 'properties', 'created_at', 'last_activity_at', 'merged_into',
];

const toRow = (r: ContactRecord): ContactListRow => ({
  contactId: r.contact_id,
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  name: r.name,
  phone: r.phone,
  jobTitle: r.job_title,
  country: r.country,
  ownerId: r.owner_id,
  lifecycleStage: r.lifecycle_stage,
  marketingStatus: r.marketing_status,
  source: r.source,
  companyId: r.company_id,
  properties: r.properties,
  createdAt: r.created_at.toISOString(),
  lastActivityAt: r.last_activity_at ? r.last_activity_at.toISOString() : null,
  mergedInto: r.merged_into,
});

// The filter lets only these types through; their data was validated against the catalog at append time.
const timed = (event: RecordedEvent): TimedContactListEvent => ({
  event: { type: event.type, data: event.data } as ContactListEvent,
  occurredAt: event.metadata.occurredAt,
});

const COLUMNS: readonly RowColumn<StoredContactRow>[] = fieldColumns<StoredContactRow>({
  contactId: 'text', email: 'text', firstName: 'text', lastName: 'text', name: 'text', nameKey: 'text', phone: 'text',
  phoneDigits: 'text', jobTitle: 'text', country: 'text', ownerId: 'text', lifecycleStage: 'text', marketingStatus: 'text',
  source: 'text', companyId: 'text', properties: 'jsonb', createdAt: 'timestamptz', lastActivityAt: 'timestamptz',
  mergedInto: 'text', searchText: 'text',
});

export const contactListProjection: ProjectionDefinition = {
  ...CONTACT_LIST_SCHEMA,
  // 2: ContactErased deletes the contact's row; later events naming it find no row and change nothing.
  codeVersion: 2,
  filter: { eventTypes: [...CONTACT_LIST_EVENT_TYPES, CONTACT_ERASED, ...PROPERTY_DEFINITION_EVENT_TYPES] },
  // By contact: a row is its contact's. An event naming several contacts (an engagement, a deal) reaches each of their
  // partitions, and each writes only its own rows: another's row it loads is at that partition's place in the log (a
  // duplicate it has not yet seen merged would take a call logged after the merge). A merge reads the duplicate's row
  // into the survivor's, so it meets at a barrier. The property definitions are no contact's: partition 0 keeps them.
  partitioning: {
    keysOf: (event) => {
      const erased = erasedContactIdOf(event);
      if (erased !== null) return [erased];
      return isPropertyDefinitionEvent(event) ? [] : contactIdsOf(timed(event).event);
    },
    isBarrier: (event) => event.type === 'ContactAbsorbed',
  },
  apply: async (events, { tx, table, partition }) => {
    const owned = (rows: readonly ContactListRow[]) => (partition ? rows.filter((row) => partition.owns(row.contactId)) : rows);
    await applyWithErasures(
      events,
      async (segment) => {
        const batch = segment.filter((event) => !isPropertyDefinitionEvent(event)).map(timed);
        const contactIds = [...new Set(batch.flatMap(({ event }) => contactIdsOf(event)))];
        const found = await probeByKeys<ContactRecord>(tx, table(T.contacts), 'contact_id', contactIds, RECORD_COLUMNS);
        const changed = reduceContactList(new Map(found.map((r) => [r.contact_id, toRow(r)])), batch);
        await writeRows(tx, table(T.contacts), COLUMNS, owned(changed).map(stored), { key: ['contact_id'], then: 'replace' });
        await saveListProperties(tx, table(T.properties), 'contact', segment);
      },
      async (contactIds) => {
        await tx.query(`DELETE FROM ${table(T.contacts)} WHERE contact_id = ANY($1::text[])`, [contactIds]);
      },
      partition,
    );
  },
};
