// Which records are associated, as the log made them: association changes folded in log order over the rows of the
// records they touch. The read model and the write side's checks fold alike, so a DELETE removes what a GET lists.
import type { AssociationChange } from './association-changes.js';
import type { ObjectType, RecordRef } from './association.events.js';

/** One label of one pair (null: the plain association), with the first event that made it. */
export type AssociationRow = Readonly<{ a: RecordRef; b: RecordRef; label: string | null; associatedAt: string; position: string }>;

/** A working copy: rows by associationRowKey, and merged records (`type:id`) by the record they now live on. */
export type AssociationRows = Readonly<{ rows: Map<string, AssociationRow>; merges: Map<string, string> }>;

export const recordKey = (type: ObjectType, id: string): string => `${type}:${id}`;

export const associationRowKey = (a: RecordRef, b: RecordRef, label: string | null): string => JSON.stringify([a.type, a.id, b.type, b.id, label]);

export const associationRows = (rows: Iterable<AssociationRow> = [], merges: Iterable<readonly [string, string]> = []): AssociationRows => ({
  rows: new Map([...rows].map((row) => [associationRowKey(row.a, row.b, row.label), row])),
  merges: new Map(merges),
});

/** The record a reference now stands for: a merged duplicate's changes land on the record it was merged into. */
export const resolveRecord = (state: AssociationRows, ref: RecordRef): RecordRef => {
  const into = state.merges.get(recordKey(ref.type, ref.id));
  return into === undefined ? ref : { type: ref.type, id: into };
};

const moved = (ref: RecordRef, type: ObjectType, from: string, into: string): RecordRef => (ref.type === type && ref.id === from ? { type, id: into } : ref);

/** Applies one change in place; `at` is the event's business time and position. An added row keeps its first time. */
export const applyToAssociationRows = (state: AssociationRows, change: AssociationChange, at: Readonly<{ occurredAt: string; position: string }>): void => {
  if (change.kind === 'merged') {
    const { objectType, from, into } = change;
    if (from === into) return;
    state.merges.set(recordKey(objectType, from), into);
    // Records merged into the duplicate earlier now live on the survivor too.
    for (const [merged, target] of state.merges) if (target === from && merged.startsWith(`${objectType}:`)) state.merges.set(merged, into);
    for (const [key, row] of [...state.rows]) {
      const a = moved(row.a, objectType, from, into);
      const b = moved(row.b, objectType, from, into);
      if (a === row.a && b === row.b) continue;
      state.rows.delete(key);
      const survivorKey = associationRowKey(a, b, row.label);
      if (!state.rows.has(survivorKey)) state.rows.set(survivorKey, { ...row, a, b });
    }
    return;
  }
  const a = resolveRecord(state, change.a);
  const b = resolveRecord(state, change.b);
  const key = associationRowKey(a, b, change.label);
  if (change.kind === 'removed') state.rows.delete(key);
  else if (!state.rows.has(key)) state.rows.set(key, { a, b, label: change.label, associatedAt: at.occurredAt, position: at.position });
};

/** The labels of the pair (a, b), in canonical order. */
export const labelsOfPair = (state: AssociationRows, a: RecordRef, b: RecordRef): (string | null)[] =>
  [...state.rows.values()].filter((row) => row.a.type === a.type && row.a.id === a.id && row.b.type === b.type && row.b.id === b.id).map((row) => row.label);
