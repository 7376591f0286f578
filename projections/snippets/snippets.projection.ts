// The snippets list, the pure part: one row per live snippet as its last event defines it (every event carries the
// whole definition), none once deleted.
import type { SnippetEvent } from '#domain/snippet';
import { assertNever } from '#domain/shared';

export const SNIPPETS_EVENT_TYPES = ['SnippetCreated', 'SnippetUpdated', 'SnippetDeleted'] as const satisfies readonly SnippetEvent['type'][];

export type SnippetRow = Readonly<{
  snippetId: string;
  shortcut: string;
  name: string;
  body: string;
  variables: readonly string[];
  /** Business time of the last change, ISO (UTC, milliseconds). */
  updatedAt: string;
}>;

export type TimedSnippetEvent = Readonly<{ event: SnippetEvent; occurredAt: string }>;

/** A batch's outcome: the rows to write and the snippets to drop, each snippet in one of them at most. */
export type SnippetChanges = Readonly<{ rows: readonly SnippetRow[]; deleted: readonly string[] }>;

export const reduceSnippets = (events: readonly TimedSnippetEvent[]): SnippetChanges => {
  const last = new Map<string, SnippetRow | null>();
  for (const { event, occurredAt } of events) {
    switch (event.type) {
      case 'SnippetCreated':
      case 'SnippetUpdated': {
        const { snippetId, shortcut, name, body, variables } = event.data;
        last.set(snippetId, { snippetId, shortcut, name, body, variables, updatedAt: new Date(occurredAt).toISOString() });
        break;
      }
      case 'SnippetDeleted':
        last.set(event.data.snippetId, null);
        break;
      default:
        assertNever(event);
    }
  }
  const rows = [...last.values()].filter((row): row is SnippetRow => row !== null);
  const deleted = [...last].filter(([, row]) => row === null).map(([snippetId]) => snippetId);
  return { rows, deleted };
};
