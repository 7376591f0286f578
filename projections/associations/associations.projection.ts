// Associations: every label of every pair of records, read from the pair events and from the fields records had
// before (upcast at read by associationChangesOf), and the records known, so that a read can tell "no
// associations" from "no such record". A merge moves the duplicate's rows to the survivor.
import {
  ASSOCIATION_EVENT_TYPES,
  applyToAssociationRows,
  associationChangesOf,
  associationRows,
  recordKey,
  type AssociationRow,
  type ObjectType,
  type RecordRef,
} from '#domain/association';

export const ASSOCIATIONS_EVENT_TYPES: readonly string[] = [...ASSOCIATION_EVENT_TYPES, 'CompanyCreated'];

export type AssociationsEvent = Readonly<{ type: string; data: unknown; occurredAt: string; position: string }>;

/** A record the read model knows; mergedInto: the record it was merged into (directly or not). */
export type KnownRecord = Readonly<{ objectType: ObjectType; recordId: string; mergedInto: string | null }>;

export type AssociationsState = Readonly<{ rows: readonly AssociationRow[]; records: readonly KnownRecord[] }>;

/** What a batch changed: rows to write and to delete, records to write (each in its final state). */
export type AssociationsChanges = Readonly<{
  written: readonly AssociationRow[];
  deleted: readonly AssociationRow[];
  records: readonly KnownRecord[];
}>;

const CREATED: Readonly<Record<string, readonly [ObjectType, string]>> = {
  ContactCreated: ['contact', 'contactId'],
  CompanyCreated: ['company', 'companyId'],
  DealCreated: ['deal', 'dealId'],
  TicketCreated: ['ticket', 'ticketId'],
};

const createdRecord = ({ type, data }: AssociationsEvent): RecordRef | null => {
  const created = CREATED[type];
  const id = created && (data as Readonly<Record<string, unknown>>)[created[1]];
  return created && typeof id === 'string' ? { type: created[0], id } : null;
};

/** Business time in one format (UTC, milliseconds), whatever offset it was written with. */
const toInstant = (occurredAt: string): string => new Date(occurredAt).toISOString();

/** Every record a batch names (both ends of a change, both sides of a merge, each record created): what to load. */
export const recordsNamedBy = (events: readonly AssociationsEvent[]): RecordRef[] => {
  const named = new Map<string, RecordRef>();
  const add = (ref: RecordRef) => named.set(recordKey(ref.type, ref.id), ref);
  for (const event of events) {
    const created = createdRecord(event);
    if (created) add(created);
    for (const change of associationChangesOf(event.type, event.data)) {
      if (change.kind === 'merged') {
        add({ type: change.objectType, id: change.from });
        add({ type: change.objectType, id: change.into });
      } else {
        add(change.a);
        add(change.b);
      }
    }
  }
  return [...named.values()];
};

/**
 * Applies a batch to what it touches: `state` holds every row of the records the batch names (after resolving
 * merges) and their merge records. Deterministic: business time and position come from the events.
 */
export const reduceAssociations = (state: AssociationsState, events: readonly AssociationsEvent[]): AssociationsChanges => {
  const merges = state.records.flatMap((r) => (r.mergedInto === null ? [] : [[recordKey(r.objectType, r.recordId), r.mergedInto] as const]));
  const working = associationRows(state.rows, merges);
  const before = new Map(working.rows);
  const records = new Map(state.records.map((r) => [recordKey(r.objectType, r.recordId), r]));
  const changedRecords = new Set<string>();
  for (const event of events) {
    const created = createdRecord(event);
    if (created && !records.has(recordKey(created.type, created.id))) {
      records.set(recordKey(created.type, created.id), { objectType: created.type, recordId: created.id, mergedInto: null });
      changedRecords.add(recordKey(created.type, created.id));
    }
    const at = { occurredAt: toInstant(event.occurredAt), position: event.position };
    for (const change of associationChangesOf(event.type, event.data)) applyToAssociationRows(working, change, at);
  }
  for (const [key, into] of working.merges) {
    const known = records.get(key);
    if (known?.mergedInto === into) continue;
    const [objectType, ...id] = key.split(':');
    records.set(key, { objectType: objectType as ObjectType, recordId: id.join(':'), mergedInto: into });
    changedRecords.add(key);
  }
  return {
    written: [...working.rows].filter(([key, row]) => before.get(key) !== row).map(([, row]) => row),
    deleted: [...before].filter(([key]) => !working.rows.has(key)).map(([, row]) => row),
    records: [...changedRecords].map((key) => records.get(key)!),
  };
};
