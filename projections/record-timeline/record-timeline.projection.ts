// Every record's timeline as a pure reducer. An event shows on the records it concerns: its own record, both sides
// of each association it adds or removes, and the records an engagement was logged on. Engagement events also roll
// up, one hop, to the records associated with those: a note on a deal shows on its contacts and companies, `via`
// the deal. Roll-up follows the association state as of each event: an association added later brings the
// engagements already on each side to the other, one removed takes away what came only through it, and a merge
// gives the survivor the duplicate's entries and associations.
//
// What the reducer cannot see (the entries earlier batches wrote) it asks of the persistence as operations in log
// order, each bounded by its event's position, so the rows do not depend on where batches happen to end.
import { associationChangesOf, type ObjectType, type RecordRef } from '#domain/association';
import { formatPosition, type RecordedEvent } from '#event-store';
import {
  anchorsOf,
  asRecordTimelineEvent,
  engagementOf,
  ownRecordOf,
  previousOf,
  summaryOf,
  type PreviousValues,
  type RecordTimelineEvent,
} from './record-timeline.entries.js';

/** One event on one record's timeline, the way it got there: via '' is the record's own event. */
export type TimelineRow = Readonly<{
  recordType: ObjectType;
  recordId: string;
  position: string;
  viaType: string;
  viaId: string;
  eventId: string;
  eventType: string;
  rollsUp: boolean;
}>;

/** What every timeline shows of one event. */
export type EventRow = Readonly<{
  eventId: string;
  eventType: string;
  position: string;
  /** Normalised to an ISO instant in UTC with milliseconds. */
  occurredAt: string;
  actor: string;
  summary: string;
  previous: PreviousValues | null;
  data: unknown;
}>;

/** One direction of one labelled association ('' for no label); stored both ways, so either side loads it. */
export type AssociationRow = Readonly<{ recordKey: string; otherType: ObjectType; otherId: string; label: string }>;
export type AnchorRow = Readonly<{ engagementId: string; recordType: ObjectType; recordId: string }>;
/** A merged duplicate (by its key) and the record of the same type it went into. */
export type MergeRow = Readonly<{ recordKey: string; intoId: string }>;

/**
 * What earlier batches' rows need, in log order, each up to `through` (a position, inclusive):
 * - copy: `to` gets `from`'s rolling entries, via `from` (an association was added);
 * - drop: `record` loses the entries that came via `via` (an association was removed);
 * - merge: `into` gets `from`'s own and merged entries, via the record each happened to (a merge).
 */
export type TimelineOp =
  | Readonly<{ kind: 'copy'; from: RecordRef; to: RecordRef; through: string }>
  | Readonly<{ kind: 'drop'; record: RecordRef; via: RecordRef; through: string }>
  | Readonly<{ kind: 'merge'; from: RecordRef; into: RecordRef; through: string }>;

/** The state of the records and engagements a batch touches, as earlier batches left it. */
export type LoadedState = Readonly<{
  associations: readonly AssociationRow[];
  anchors: readonly AnchorRow[];
  merges: readonly MergeRow[];
}>;

export const NOTHING_LOADED: LoadedState = { associations: [], anchors: [], merges: [] };

export type RecordTimelineChanges = Readonly<{
  entries: readonly TimelineRow[];
  events: readonly EventRow[];
  associated: readonly AssociationRow[];
  dissociated: readonly AssociationRow[];
  anchors: readonly AnchorRow[];
  merges: readonly MergeRow[];
  ops: readonly TimelineOp[];
}>;

export const recordKey = (record: RecordRef): string => `${record.type}:${record.id}`;

// A type never holds a colon, so the first one ends it.
const recordOfKey = (key: string): RecordRef => {
  const colon = key.indexOf(':');
  return { type: key.slice(0, colon) as ObjectType, id: key.slice(colon + 1) };
};

const ref = (type: ObjectType, id: string): RecordRef => ({ type, id });

/** The engagements whose anchors a batch needs loaded. */
export const engagementIdsOf = (events: readonly RecordedEvent[]): string[] => {
  const ids = new Set<string>();
  for (const recorded of events) {
    const event = asRecordTimelineEvent(recorded);
    const engagementId = event && engagementOf(event);
    if (engagementId) ids.add(engagementId);
  }
  return [...ids];
};

/** The records whose associations and merges a batch needs loaded (merge targets follow, see mergeTargetsOf). */
export const recordKeysOf = (events: readonly RecordedEvent[], anchors: readonly AnchorRow[]): string[] => {
  const keys = new Set<string>();
  const add = (record: RecordRef) => keys.add(recordKey(record));
  for (const anchor of anchors) add(ref(anchor.recordType, anchor.recordId));
  for (const recorded of events) {
    const event = asRecordTimelineEvent(recorded);
    if (!event) continue;
    if (event.type === 'EngagementLogged') anchorsOf(event.data).forEach(add);
    for (const change of associationChangesOf(event.type, event.data)) {
      if (change.kind === 'merged') {
        add(ref(change.objectType, change.from));
        add(ref(change.objectType, change.into));
      } else {
        add(change.a);
        add(change.b);
      }
    }
  }
  return [...keys];
};

/** The records loaded merges lead to, when they are not loaded yet: a merged anchor's entries roll up from there. */
export const mergeTargetsOf = (merges: readonly MergeRow[], loaded: ReadonlySet<string>): string[] => [
  ...new Set(merges.map((merge) => recordKey(ref(recordOfKey(merge.recordKey).type, merge.intoId))).filter((key) => !loaded.has(key))),
];

// Whole milliseconds, as JavaScript and PostgreSQL both read them back.
const instant = (value: string, eventId: string): string => {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`event ${eventId}: occurredAt "${value}" is not an instant`);
  return new Date(ms).toISOString();
};

const pairKey = (a: string, b: string): string => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

/** The association state in memory: labels per pair, and who is associated with each loaded record. */
class Associations {
  private readonly labels = new Map<string, Set<string>>();
  private readonly before = new Map<string, ReadonlySet<string>>();
  private readonly others = new Map<string, Set<string>>();

  constructor(rows: readonly AssociationRow[]) {
    for (const row of rows) {
      const other = recordKey(ref(row.otherType, row.otherId));
      this.labelsOf(row.recordKey, other).add(row.label);
      this.othersOf(row.recordKey).add(other);
      this.othersOf(other).add(row.recordKey);
    }
    for (const [pair, labels] of this.labels) this.before.set(pair, new Set(labels));
  }

  private othersOf(key: string): Set<string> {
    let others = this.others.get(key);
    if (!others) this.others.set(key, (others = new Set()));
    return others;
  }

  private labelsOf(a: string, b: string): Set<string> {
    const pair = pairKey(a, b);
    let labels = this.labels.get(pair);
    if (!labels) {
      this.labels.set(pair, (labels = new Set()));
      if (!this.before.has(pair)) this.before.set(pair, new Set());
    }
    return labels;
  }

  /** The records associated with `key` now (complete for a loaded record), in a stable order. */
  associatedWith(key: string): string[] {
    return [...(this.others.get(key) ?? [])].sort();
  }

  labelsBetween(a: string, b: string): string[] {
    return [...(this.labels.get(pairKey(a, b)) ?? [])].sort();
  }

  /** Adds a label; true when the pair was not associated before. */
  add(a: string, b: string, label: string): boolean {
    const labels = this.labelsOf(a, b);
    const first = labels.size === 0;
    labels.add(label);
    this.othersOf(a).add(b);
    this.othersOf(b).add(a);
    return first;
  }

  /** Removes a label; true when the pair is no longer associated. */
  remove(a: string, b: string, label: string): boolean {
    const labels = this.labelsOf(a, b);
    const had = labels.size > 0;
    labels.delete(label);
    if (!had || labels.size > 0) return false;
    this.others.get(a)?.delete(b);
    this.others.get(b)?.delete(a);
    return true;
  }

  /** The stored rows to add and to delete: both directions of each label that came or went. */
  diff(): { associated: AssociationRow[]; dissociated: AssociationRow[] } {
    const associated: AssociationRow[] = [];
    const dissociated: AssociationRow[] = [];
    const rows = (pair: string, label: string): AssociationRow[] => {
      const [a, b] = pair.split('\n');
      const [ra, rb] = [recordOfKey(a), recordOfKey(b)];
      return [
        { recordKey: a, otherType: rb.type, otherId: rb.id, label },
        { recordKey: b, otherType: ra.type, otherId: ra.id, label },
      ];
    };
    for (const [pair, labels] of this.labels) {
      const before = this.before.get(pair) ?? new Set<string>();
      for (const label of labels) if (!before.has(label)) associated.push(...rows(pair, label));
      for (const label of before) if (!labels.has(label)) dissociated.push(...rows(pair, label));
    }
    return { associated, dissociated };
  }
}

/** Both sides of a new association get each other's rolling entries so far. */
const linked = (a: RecordRef, b: RecordRef, through: string): TimelineOp[] => [
  { kind: 'copy', from: a, to: b, through },
  { kind: 'copy', from: b, to: a, through },
];

/** Puts the event being applied on `record`'s timeline, `via` the record it came through (null: its own). */
type Show = (record: RecordRef, via: RecordRef | null, rollsUp: boolean) => void;

/**
 * Applies a batch (in log order) given the state of what it touches (loaded by engagementIdsOf, recordKeysOf and
 * mergeTargetsOf). Pure: the same events and state give the same rows and operations.
 */
export const projectRecordTimeline = (loaded: LoadedState, events: readonly RecordedEvent[]): RecordTimelineChanges => {
  const associations = new Associations(loaded.associations);
  const anchors = new Map<string, RecordRef[]>();
  for (const row of loaded.anchors) {
    const records = anchors.get(row.engagementId) ?? [];
    records.push(ref(row.recordType, row.recordId));
    anchors.set(row.engagementId, records);
  }
  const merges = new Map(loaded.merges.map((row) => [row.recordKey, row.intoId]));
  const entries = new Map<string, TimelineRow>();
  const eventRows: EventRow[] = [];
  const anchorRows: AnchorRow[] = [];
  const mergeRows: MergeRow[] = [];
  const ops: TimelineOp[] = [];

  /** An engagement event on its anchors, on what they were merged into, and on what those are associated with. */
  const rollUp = (event: RecordTimelineEvent, engagementId: string, show: Show): void => {
    if (event.type === 'EngagementLogged') {
      // An id logged again (a re-import) adds its records: the union does not depend on where batches end.
      const known = anchors.get(engagementId) ?? [];
      const keys = new Set(known.map(recordKey));
      const added = anchorsOf(event.data).filter((record) => !keys.has(recordKey(record)) && keys.add(recordKey(record)));
      anchors.set(engagementId, [...known, ...added]);
      anchorRows.push(...added.map((record) => ({ engagementId, recordType: record.type, recordId: record.id })));
    }
    const holders: RecordRef[] = [];
    for (const anchor of anchors.get(engagementId) ?? []) {
      show(anchor, null, true);
      holders.push(anchor);
      // Each survivor down a chain of merges shows it via the record it happened to (seen: a chain never loops).
      const seen = new Set([recordKey(anchor)]);
      for (let into = merges.get(recordKey(anchor)); into !== undefined; ) {
        const survivor = ref(anchor.type, into);
        if (seen.has(recordKey(survivor))) break;
        seen.add(recordKey(survivor));
        show(survivor, anchor, true);
        holders.push(survivor);
        into = merges.get(recordKey(survivor));
      }
    }
    for (const holder of holders) {
      for (const otherKey of associations.associatedWith(recordKey(holder))) show(recordOfKey(otherKey), holder, false);
    }
  };

  for (const recorded of events) {
    const event = asRecordTimelineEvent(recorded);
    if (!event) continue;
    const position = formatPosition(recorded.position);
    let shown = false;
    const show: Show = (record, via, rollsUp) => {
      const row: TimelineRow = {
        recordType: record.type,
        recordId: record.id,
        position,
        viaType: via?.type ?? '',
        viaId: via?.id ?? '',
        eventId: recorded.id,
        eventType: event.type,
        rollsUp,
      };
      entries.set(`${recordKey(record)}\n${position}\n${row.viaType}:${row.viaId}`, row);
      shown = true;
    };

    const own = ownRecordOf(event);
    if (own) show(own, null, false);
    const engagementId = engagementOf(event);
    if (engagementId) rollUp(event, engagementId, show);
    const changes = associationChangesOf(event.type, event.data);
    for (const change of changes) if (change.kind !== 'merged') [change.a, change.b].forEach((record) => show(record, null, false));

    if (shown) {
      eventRows.push({
        eventId: recorded.id,
        eventType: event.type,
        position,
        occurredAt: instant(recorded.metadata.occurredAt, recorded.id),
        actor: recorded.metadata.actor,
        summary: summaryOf(event),
        previous: previousOf(event),
        data: recorded.data,
      });
    }

    for (const change of changes) {
      if (change.kind === 'merged') {
        const from = ref(change.objectType, change.from);
        const into = ref(change.objectType, change.into);
        const fromKey = recordKey(from);
        const intoKey = recordKey(into);
        // A record merges once, never into itself (the decider sees to it); in a log that says otherwise, the first
        // merge stands, whichever batch saw it.
        if (fromKey === intoKey || merges.has(fromKey)) continue;
        ops.push({ kind: 'merge', from, into, through: position });
        merges.set(fromKey, change.into);
        mergeRows.push({ recordKey: fromKey, intoId: change.into });
        // The duplicate keeps its history; the records it was associated with now are the survivor's.
        for (const otherKey of associations.associatedWith(fromKey)) {
          const other = recordOfKey(otherKey);
          const labels = associations.labelsBetween(fromKey, otherKey);
          labels.forEach((label) => associations.remove(fromKey, otherKey, label));
          ops.push({ kind: 'drop', record: other, via: from, through: position });
          const added = labels.map((label) => associations.add(intoKey, otherKey, label)).some(Boolean);
          if (added) ops.push(...linked(into, other, position));
        }
        continue;
      }
      // Records of one type are never associated (the decider refuses it); a merge is told apart by that.
      if (change.a.type === change.b.type) continue;
      const [a, b] = [recordKey(change.a), recordKey(change.b)];
      const label = change.label ?? '';
      if (change.kind === 'added' && associations.add(a, b, label)) ops.push(...linked(change.a, change.b, position));
      if (change.kind === 'removed' && associations.remove(a, b, label)) {
        ops.push({ kind: 'drop', record: change.b, via: change.a, through: position }, { kind: 'drop', record: change.a, via: change.b, through: position });
      }
    }
  }

  const { associated, dissociated } = associations.diff();
  return { entries: [...entries.values()], events: eventRows, associated, dissociated, anchors: anchorRows, merges: mergeRows, ops };
};

/**
 * The operations as statements: runs of copies and drops that touch distinct (record, via) pairs commute (a copy
 * reads rolling entries, which neither writes), so each run is one statement of each kind; a merge writes rolling
 * entries, so it stands alone between runs.
 */
export type OpStatement =
  | Readonly<{ kind: 'pairs'; drops: readonly Extract<TimelineOp, { kind: 'drop' }>[]; copies: readonly Extract<TimelineOp, { kind: 'copy' }>[] }>
  | Readonly<{ kind: 'merge'; op: Extract<TimelineOp, { kind: 'merge' }> }>;

export const opStatements = (ops: readonly TimelineOp[]): OpStatement[] => {
  const statements: OpStatement[] = [];
  let drops: Extract<TimelineOp, { kind: 'drop' }>[] = [];
  let copies: Extract<TimelineOp, { kind: 'copy' }>[] = [];
  let touched = new Set<string>();
  const flush = () => {
    if (drops.length + copies.length > 0) statements.push({ kind: 'pairs', drops, copies });
    drops = [];
    copies = [];
    touched = new Set();
  };
  for (const op of ops) {
    if (op.kind === 'merge') {
      flush();
      statements.push({ kind: 'merge', op });
      continue;
    }
    const [record, via] = op.kind === 'copy' ? [op.to, op.from] : [op.record, op.via];
    const key = `${recordKey(record)}\n${recordKey(via)}`;
    if (touched.has(key)) flush();
    touched.add(key);
    if (op.kind === 'copy') copies.push(op);
    else drops.push(op);
  }
  flush();
  return statements;
};
