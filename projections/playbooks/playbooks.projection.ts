// The playbooks list, the pure part: one row per playbook as its last version defines it (every version carries the
// whole definition); an archived one stays, flagged.
import type { PlaybookEvent, PlaybookQuestion } from '#domain/playbook';
import { assertNever } from '#domain/shared';

export const PLAYBOOKS_EVENT_TYPES = ['PlaybookCreated', 'PlaybookRevised', 'PlaybookArchived'] as const satisfies readonly PlaybookEvent['type'][];

export type PlaybookRow = Readonly<{
  playbookId: string;
  name: string;
  team: string;
  version: number;
  archived: boolean;
  questions: readonly PlaybookQuestion[];
  /** Business time of the last change, ISO (UTC, milliseconds). */
  updatedAt: string;
}>;

export type TimedPlaybookEvent = Readonly<{ event: PlaybookEvent; occurredAt: string }>;

/** A batch's outcome: the rows to write, and the playbooks archived whose row an earlier batch wrote (with when). */
export type PlaybookChanges = Readonly<{ rows: readonly PlaybookRow[]; archived: readonly Readonly<{ playbookId: string; at: string }>[] }>;

export const reducePlaybooks = (events: readonly TimedPlaybookEvent[]): PlaybookChanges => {
  const rows = new Map<string, PlaybookRow>();
  const archived = new Map<string, string>();
  for (const { event, occurredAt } of events) {
    const at = new Date(occurredAt).toISOString();
    switch (event.type) {
      case 'PlaybookCreated':
      case 'PlaybookRevised': {
        const { playbookId, name, team, version, questions } = event.data;
        rows.set(playbookId, { playbookId, name, team, version, archived: false, questions, updatedAt: at });
        // A version written after an archive stands as written, whichever batch held the archive.
        archived.delete(playbookId);
        break;
      }
      case 'PlaybookArchived': {
        const row = rows.get(event.data.playbookId);
        if (row) rows.set(row.playbookId, { ...row, archived: true, updatedAt: at });
        else archived.set(event.data.playbookId, at);
        break;
      }
      default:
        assertNever(event);
    }
  }
  return { rows: [...rows.values()], archived: [...archived].map(([playbookId, at]) => ({ playbookId, at })) };
};
