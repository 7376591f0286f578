// The record-timeline projection for the engine. A batch loads the state of what it touches by key (the anchors of
// its engagements, then the associations and merges of the records involved, following merges to their
// survivors), reduces in memory, writes each table with one multi-row statement, then applies the operations on
// earlier batches' entries in log order, one statement per run of them.
import type pg from 'pg';
import { parsePosition } from '#event-store';
import type { ProjectionDefinition, ProjectionTables } from '#projection-engine';
import { RECORD_TIMELINE_EVENT_TYPES } from './record-timeline.entries.js';
import {
  engagementIdsOf,
  mergeTargetsOf,
  opStatements,
  projectRecordTimeline,
  recordKeysOf,
  type AnchorRow,
  type AssociationRow,
  type EventRow,
  type LoadedState,
  type MergeRow,
  type OpStatement,
  type RecordTimelineChanges,
  type TimelineRow,
} from './record-timeline.projection.js';
import { columnOf, fieldColumns, selectByKeys, writeRows, type RowColumn } from '../pg-rows.js';
import { RECORD_TIMELINE_SCHEMA, RECORD_TIMELINE_TABLES as T } from './record-timeline.tables.js';
import { applyWithErasures, CONTACT_ERASED, ERASED_TEXT } from '../erasure.js';

type Table = ProjectionTables['table'];

const names = (fields: readonly string[]): string[] => fields.map((field) => `${columnOf(field)} AS "${field}"`);

const load = async (tx: pg.PoolClient, table: Table, events: Parameters<typeof projectRecordTimeline>[1]): Promise<LoadedState> => {
  const anchors = await selectByKeys<AnchorRow>(tx, table(T.anchors), 'engagement_id', engagementIdsOf(events), names(['engagementId', 'recordType', 'recordId']));
  const associations: AssociationRow[] = [];
  const merges: MergeRow[] = [];
  const loaded = new Set<string>();
  // Rounds: the records the batch names, then the survivors their merges lead to (a chain is a round per merge).
  for (let keys = recordKeysOf(events, anchors); keys.length > 0; ) {
    keys.forEach((key) => loaded.add(key));
    associations.push(...(await selectByKeys<AssociationRow>(tx, table(T.associations), 'record_key', keys, names(['recordKey', 'otherType', 'otherId', 'label']))));
    const found = await selectByKeys<MergeRow>(tx, table(T.merges), 'record_key', keys, names(['recordKey', 'intoId']));
    merges.push(...found);
    keys = mergeTargetsOf(found, loaded);
  }
  return { associations, anchors, merges };
};

const positionColumns = <R extends { position: string }>(): RowColumn<R>[] => [
  ['position_commit', 'bigint', (row) => parsePosition(row.position).commit.toString()],
  ['position_prepare', 'bigint', (row) => parsePosition(row.position).prepare.toString()],
];

const ENTRY_COLUMNS: readonly RowColumn<TimelineRow>[] = [
  ...fieldColumns<TimelineRow>({ recordType: 'text', recordId: 'text' }),
  ...positionColumns<TimelineRow>(),
  ...fieldColumns<TimelineRow>({ viaType: 'text', viaId: 'text', eventId: 'text', eventType: 'text', rollsUp: 'boolean' }),
];
const EVENT_COLUMNS = fieldColumns<EventRow>({
  eventId: 'text', eventType: 'text', position: 'text', occurredAt: 'timestamptz', actor: 'text', summary: 'text', previous: 'jsonb', data: 'jsonb',
});
const ASSOCIATION_COLUMNS = fieldColumns<AssociationRow>({ recordKey: 'text', otherType: 'text', otherId: 'text', label: 'text' });
const ANCHOR_COLUMNS = fieldColumns<AnchorRow>({ engagementId: 'text', recordType: 'text', recordId: 'text' });
const MERGE_COLUMNS = fieldColumns<MergeRow>({ recordKey: 'text', intoId: 'text' });

const through = (position: string) => parsePosition(position);
const column = <O>(ops: readonly O[], value: (op: O) => string | bigint) => ops.map((op) => value(op).toString());

const applyStatement = async (tx: pg.PoolClient, timeline: string, statement: OpStatement): Promise<void> => {
  if (statement.kind === 'merge') {
    const { from, into } = statement.op;
    const at = through(statement.op.through);
    // The survivor shows each own or merged entry of the duplicate via the record it happened to.
    await tx.query(
      `INSERT INTO ${timeline} (record_type, record_id, position_commit, position_prepare, via_type, via_id, event_id, event_type, rolls_up)
       SELECT $3, $4, position_commit, position_prepare,
              CASE WHEN via_type = '' THEN record_type ELSE via_type END, CASE WHEN via_type = '' THEN record_id ELSE via_id END,
              event_id, event_type, rolls_up
         FROM ${timeline}
        WHERE record_type = $1 AND record_id = $2 AND via_type IN ('', record_type)
          AND (position_commit, position_prepare) <= ($5::bigint, $6::bigint)
       ON CONFLICT DO NOTHING`,
      [from.type, from.id, into.type, into.id, at.commit.toString(), at.prepare.toString()],
    );
    return;
  }
  const { drops, copies } = statement;
  if (drops.length > 0) {
    await tx.query(
      `DELETE FROM ${timeline} t
        USING unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
              AS op(record_type, record_id, via_type, via_id, through_commit, through_prepare)
        WHERE t.record_type = op.record_type AND t.record_id = op.record_id AND t.via_type = op.via_type AND t.via_id = op.via_id
          AND (t.position_commit, t.position_prepare) <= (op.through_commit, op.through_prepare)`,
      [
        column(drops, (op) => op.record.type),
        column(drops, (op) => op.record.id),
        column(drops, (op) => op.via.type),
        column(drops, (op) => op.via.id),
        column(drops, (op) => through(op.through).commit),
        column(drops, (op) => through(op.through).prepare),
      ],
    );
  }
  if (copies.length > 0) {
    await tx.query(
      `INSERT INTO ${timeline} (record_type, record_id, position_commit, position_prepare, via_type, via_id, event_id, event_type, rolls_up)
       SELECT op.to_type, op.to_id, t.position_commit, t.position_prepare, op.from_type, op.from_id, t.event_id, t.event_type, false
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
              AS op(from_type, from_id, to_type, to_id, through_commit, through_prepare)
         JOIN ${timeline} t ON t.record_type = op.from_type AND t.record_id = op.from_id AND t.rolls_up
          AND (t.position_commit, t.position_prepare) <= (op.through_commit, op.through_prepare)
       ON CONFLICT DO NOTHING`,
      [
        column(copies, (op) => op.from.type),
        column(copies, (op) => op.from.id),
        column(copies, (op) => op.to.type),
        column(copies, (op) => op.to.id),
        column(copies, (op) => through(op.through).commit),
        column(copies, (op) => through(op.through).prepare),
      ],
    );
  }
};

const writeChanges = async (tx: pg.PoolClient, table: Table, changes: RecordTimelineChanges): Promise<void> => {
  const timeline = table(T.timeline);
  const associations = table(T.associations);
  // At-least-once delivery may repeat an event; its rows are the same, so the first ones stay.
  await writeRows(tx, table(T.events), EVENT_COLUMNS, changes.events, { then: 'nothing' });
  await writeRows(tx, timeline, ENTRY_COLUMNS, changes.entries, { then: 'nothing' });
  await writeRows(tx, associations, ASSOCIATION_COLUMNS, changes.associated, { then: 'nothing' });
  if (changes.dissociated.length > 0) {
    const gone = changes.dissociated;
    await tx.query(
      `DELETE FROM ${associations} WHERE (record_key, other_type, other_id, label) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      [gone.map((row) => row.recordKey), gone.map((row) => row.otherType), gone.map((row) => row.otherId), gone.map((row) => row.label)],
    );
  }
  await writeRows(tx, table(T.anchors), ANCHOR_COLUMNS, changes.anchors, { then: 'nothing' });
  await writeRows(tx, table(T.merges), MERGE_COLUMNS, changes.merges, { then: 'nothing' });
  // After the batch's own entries: the operations read them, up to each one's position.
  for (const statement of opStatements(changes.ops)) await applyStatement(tx, timeline, statement);
};

// Every event on the contact's timeline (its own, the notes logged on it, its associations) keeps its row for the
// other records it shows on, with a constant summary and no data; the contact's entries, and the entries its
// merged duplicates brought to a survivor, are deleted.
const eraseContacts = async (tx: pg.PoolClient, table: Table, contactIds: readonly string[]): Promise<void> => {
  const timeline = table(T.timeline);
  await tx.query(
    `UPDATE ${table(T.events)} SET summary = $2, data = '{}'::jsonb, previous = NULL
      WHERE event_id IN (SELECT event_id FROM ${timeline} WHERE record_type = 'contact' AND record_id = ANY($1::text[]))`,
    [contactIds, ERASED_TEXT],
  );
  await tx.query(
    `DELETE FROM ${timeline}
      WHERE (record_type = 'contact' AND record_id = ANY($1::text[])) OR (via_type = 'contact' AND via_id = ANY($1::text[]))`,
    [contactIds],
  );
};

export const recordTimelineProjection: ProjectionDefinition = {
  ...RECORD_TIMELINE_SCHEMA,
  // 2: workflow enrolments on the enrolled record's timeline. 3: amounts as exact decimal strings in summaries and
  // previous values (JPY "150000", not "150000.00"), and revenue type changes. 4: playbook runs (PlaybookRunRecorded) on
  // their engagement's records, with their answers in data.
  // 5: ContactErased removes the contact's timeline and redacts what its events showed on other records.
  codeVersion: 5,
  filter: { eventTypes: [...RECORD_TIMELINE_EVENT_TYPES, CONTACT_ERASED] },
  apply: async (events, { tx, table }) => {
    await applyWithErasures(
      events,
      async (segment) => writeChanges(tx, table, projectRecordTimeline(await load(tx, table, segment), segment)),
      (contactIds) => eraseContacts(tx, table, contactIds),
    );
  },
};
