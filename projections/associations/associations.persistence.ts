// Stores the associations read model: per batch, load the merge records and every row of the records the batch
// names (two statements each), reduce in memory, then delete and write what changed with one statement per table.
import type pg from 'pg';
import type { AssociationRow, ObjectType, RecordRef } from '#domain/association';
import { formatPosition, type RecordedEvent } from '#event-store';
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';
import { writeRows, type RowColumn } from '../pg-rows.js';
import { pgInstantOrNull } from '../pg-values.js';
import { ASSOCIATIONS_EVENT_TYPES, recordsNamedBy, reduceAssociations, type AssociationsEvent, type KnownRecord } from './associations.projection.js';
import { ASSOCIATIONS_SCHEMA, ASSOCIATIONS_TABLES as T } from './associations.tables.js';

type AssociationRecord = {
  a_type: ObjectType;
  a_id: string;
  b_type: ObjectType;
  b_id: string;
  label: string;
  associated_at: Date;
  position: string;
};

type RecordRecord = { object_type: ObjectType; record_id: string; merged_into: string | null };

// The table keeps '' for "no label", so the key can hold it (a primary key column cannot be null).
const toRow = (r: AssociationRecord): AssociationRow => ({
  a: { type: r.a_type, id: r.a_id },
  b: { type: r.b_type, id: r.b_id },
  label: r.label === '' ? null : r.label,
  associatedAt: r.associated_at.toISOString(),
  position: r.position,
});

const ROW_COLUMNS: readonly RowColumn<AssociationRow>[] = [
  ['a_type', 'text', (row) => row.a.type],
  ['a_id', 'text', (row) => row.a.id],
  ['b_type', 'text', (row) => row.b.type],
  ['b_id', 'text', (row) => row.b.id],
  ['label', 'text', (row) => row.label ?? ''],
  ['associated_at', 'timestamptz', (row) => pgInstantOrNull(row.associatedAt)],
  ['position', 'text', (row) => row.position],
];

const RECORD_COLUMNS: readonly RowColumn<KnownRecord>[] = [
  ['object_type', 'text', (r) => r.objectType],
  ['record_id', 'text', (r) => r.recordId],
  ['merged_into', 'text', (r) => r.mergedInto],
];

const KEY = ['a_type', 'a_id', 'b_type', 'b_id', 'label'];

const asEvent = (event: RecordedEvent): AssociationsEvent => ({
  type: event.type,
  data: event.data,
  occurredAt: event.metadata.occurredAt,
  position: formatPosition(event.position),
});

const typesAndIds = (refs: readonly RecordRef[]) => [refs.map((r) => r.type), refs.map((r) => r.id)];

/** The merge records of the records named, and of those merged into them (a merge moves those along). */
const loadRecords = async (tx: pg.PoolClient, table: string, refs: readonly RecordRef[]): Promise<KnownRecord[]> => {
  const { rows } = await tx.query<RecordRecord>(
    `SELECT object_type, record_id, merged_into FROM ${table}
      WHERE (object_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         OR (object_type, merged_into) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    typesAndIds(refs),
  );
  return rows.map((r) => ({ objectType: r.object_type, recordId: r.record_id, mergedInto: r.merged_into }));
};

/** Every row with one of `refs` on either side. */
const loadRows = async (tx: pg.PoolClient, table: string, refs: readonly RecordRef[]): Promise<AssociationRow[]> => {
  const { rows } = await tx.query<AssociationRecord>(
    `SELECT * FROM ${table} WHERE (a_type, a_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
     UNION
     SELECT * FROM ${table} WHERE (b_type, b_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    typesAndIds(refs),
  );
  return rows.map(toRow);
};

const apply = async (tx: pg.PoolClient, table: ProjectionTables['table'], events: readonly RecordedEvent[]): Promise<void> => {
  const batch = events.map(asEvent);
  const named = recordsNamedBy(batch);
  if (named.length === 0) return;
  const records = await loadRecords(tx, table(T.records), named);
  // A record merged before this batch stands for its survivor: load the survivor's rows too.
  const survivors = records.flatMap((r) => (r.mergedInto === null ? [] : [{ type: r.objectType, id: r.mergedInto }]));
  const rows = await loadRows(tx, table(T.associations), [...named, ...survivors]);
  const changes = reduceAssociations({ rows, records }, batch);
  if (changes.deleted.length > 0) {
    const deleted = changes.deleted;
    await tx.query(
      `DELETE FROM ${table(T.associations)} WHERE (a_type, a_id, b_type, b_id, label) IN
         (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]))`,
      [deleted.map((r) => r.a.type), deleted.map((r) => r.a.id), deleted.map((r) => r.b.type), deleted.map((r) => r.b.id), deleted.map((r) => r.label ?? '')],
    );
  }
  await writeRows(tx, table(T.associations), ROW_COLUMNS, changes.written, { key: KEY, then: 'replace' });
  await writeRows(tx, table(T.records), RECORD_COLUMNS, changes.records, { key: ['object_type', 'record_id'], then: 'replace' });
};

export const associationsProjection: ProjectionDefinition = {
  ...ASSOCIATIONS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: ASSOCIATIONS_EVENT_TYPES },
  apply: (events, { tx, table }) => apply(tx, table, events),
};
