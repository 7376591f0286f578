import type { SnippetCreated, SnippetDeleted, SnippetUpdated } from '#domain/snippet';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { snippetsProjection } from './snippets.persistence.js';

describe('snippets takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws, and keeps exactly the snippets not deleted, each as its last event wrote it', async () => {
    await assertProjects(bed, snippetsProjection, async ({ events, table, pool }) => {
      const last = new Map<string, string | null>();
      for (const { type, data } of events) {
        if (type === 'SnippetCreated' || type === 'SnippetUpdated') last.set((data as SnippetCreated['data'] | SnippetUpdated['data']).snippetId, (data as SnippetCreated['data']).body);
        if (type === 'SnippetDeleted') last.set((data as SnippetDeleted['data']).snippetId, null);
      }
      const { rows } = await pool.query<{ snippet_id: string; body: string }>(`SELECT snippet_id, body FROM ${table('snippets')}`);
      expect(new Map(rows.map((row) => [row.snippet_id, row.body]))).toEqual(new Map([...last].filter(([, body]) => body !== null)));
    });
  });
});
