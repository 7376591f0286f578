// The snippets list: every live snippet by shortcut, optionally those whose shortcut starts with a prefix (what a
// `#` typed in an editor completes).
import { preparedQuery, type ReadSource } from '#read-models';
import { SNIPPETS_TABLES as T } from './snippets.tables.js';

export const MAX_SNIPPETS_LISTED = 500;

export type SnippetListItem = Readonly<{ snippetId: string; shortcut: string; name: string; body: string; variables: string[]; updatedAt: string }>;

type SnippetRecord = { snippet_id: string; shortcut: string; name: string; body: string; variables: string[]; updated_at: Date };

// The prefix's LIKE metacharacters are matched literally (shortcuts hold `_`).
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const listSnippets = async (source: ReadSource, query: Readonly<{ prefix?: string; limit: number }>): Promise<SnippetListItem[]> => {
  const rows = await preparedQuery<SnippetRecord>(
    source,
    `SELECT snippet_id, shortcut, name, body, variables, updated_at FROM ${T.snippets}
      WHERE ($1::text IS NULL OR shortcut LIKE $1::text ESCAPE '\\') ORDER BY shortcut, snippet_id LIMIT $2`,
    [query.prefix === undefined ? null : `${escapeLike(query.prefix)}%`, query.limit],
  );
  return rows.map((r) => ({ snippetId: r.snippet_id, shortcut: r.shortcut, name: r.name, body: r.body, variables: r.variables, updatedAt: r.updated_at.toISOString() }));
};
