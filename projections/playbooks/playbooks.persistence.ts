// Stores the playbooks list: per batch, one multi-row upsert of the versions written and one update of the
// playbooks archived whose row an earlier batch wrote.
import type { PlaybookEvent } from '#domain/playbook';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, writeRows, type RowColumn } from '../pg-rows.js';
import { pgInstant } from '../pg-values.js';
import { PLAYBOOKS_EVENT_TYPES, reducePlaybooks, type PlaybookRow, type TimedPlaybookEvent } from './playbooks.projection.js';
import { PLAYBOOKS_SCHEMA, PLAYBOOKS_TABLES as T } from './playbooks.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const timed = (event: RecordedEvent): TimedPlaybookEvent => ({ event: { type: event.type, data: event.data } as PlaybookEvent, occurredAt: event.metadata.occurredAt });

const COLUMNS: readonly RowColumn<PlaybookRow>[] = [
  ...fieldColumns<PlaybookRow>({ playbookId: 'text', name: 'text', team: 'text', version: 'integer', archived: 'boolean', updatedAt: 'timestamptz' }),
  ['questions', 'jsonb', (row) => row.questions],
];

export const playbooksProjection: ProjectionDefinition = {
  ...PLAYBOOKS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: PLAYBOOKS_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const { rows, archived } = reducePlaybooks(events.map(timed));
    await writeRows(tx, table(T.playbooks), COLUMNS, rows, { key: ['playbook_id'], then: 'replace' });
    if (archived.length > 0) {
      await tx.query(
        `UPDATE ${table(T.playbooks)} p SET archived = true, updated_at = a.at
           FROM unnest($1::text[], $2::timestamptz[]) AS a(playbook_id, at) WHERE p.playbook_id = a.playbook_id`,
        [archived.map((a) => a.playbookId), archived.map((a) => pgInstant(a.at))],
      );
    }
  },
};
