// The playbooks list: by team, the archived ones only when asked, by name.
import { preparedQuery, type ReadSource } from '#read-models';
import type { PlaybookQuestion } from '#domain/playbook';
import { PLAYBOOKS_TABLES as T } from './playbooks.tables.js';

export const MAX_PLAYBOOKS_LISTED = 500;

export type PlaybookListItem = Readonly<{
  playbookId: string;
  name: string;
  team: string;
  version: number;
  archived: boolean;
  questions: PlaybookQuestion[];
  updatedAt: string;
}>;

type PlaybookRecord = { playbook_id: string; name: string; team: string; version: number; archived: boolean; questions: PlaybookQuestion[]; updated_at: Date };

export const listPlaybooks = async (source: ReadSource, query: Readonly<{ team?: string; archived: boolean; limit: number }>): Promise<PlaybookListItem[]> => {
  const rows = await preparedQuery<PlaybookRecord>(
    source,
    `SELECT playbook_id, name, team, version, archived, questions, updated_at FROM ${T.playbooks}
      WHERE ($1::text IS NULL OR team = $1::text) AND ($2::boolean OR NOT archived) ORDER BY name, playbook_id LIMIT $3`,
    [query.team ?? null, query.archived, query.limit],
  );
  return rows.map((r) => ({
    playbookId: r.playbook_id,
    name: r.name,
    team: r.team,
    version: r.version,
    archived: r.archived,
    questions: r.questions,
    updatedAt: r.updated_at.toISOString(),
  }));
};
