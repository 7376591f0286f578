// Stores the snippets list: per batch, one multi-row upsert of the snippets changed and one delete of those deleted.
import type { SnippetEvent } from '#domain/snippet';
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, writeRows, type RowColumn } from '../pg-rows.js';
import { reduceSnippets, SNIPPETS_EVENT_TYPES, type SnippetRow, type TimedSnippetEvent } from './snippets.projection.js';
import { SNIPPETS_SCHEMA, SNIPPETS_TABLES as T } from './snippets.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const timed = (event: RecordedEvent): TimedSnippetEvent => ({ event: { type: event.type, data: event.data } as SnippetEvent, occurredAt: event.metadata.occurredAt });

const COLUMNS: readonly RowColumn<SnippetRow>[] = [
  ...fieldColumns<SnippetRow>({ snippetId: 'text', shortcut: 'text', name: 'text', body: 'text', updatedAt: 'timestamptz' }),
  ['variables', 'jsonb', (row) => row.variables],
];

export const snippetsProjection: ProjectionDefinition = {
  ...SNIPPETS_SCHEMA,
  codeVersion: 1,
  filter: { eventTypes: SNIPPETS_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const { rows, deleted } = reduceSnippets(events.map(timed));
    await writeRows(tx, table(T.snippets), COLUMNS, rows, { key: ['snippet_id'], then: 'replace' });
    if (deleted.length > 0) await tx.query(`DELETE FROM ${table(T.snippets)} WHERE snippet_id = ANY($1::text[])`, [deleted]);
  },
};
