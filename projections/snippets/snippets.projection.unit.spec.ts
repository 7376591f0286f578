import { reduceSnippets, type TimedSnippetEvent } from './snippets.projection.js';

const created = (snippetId: string, shortcut: string): TimedSnippetEvent => ({
  event: { type: 'SnippetCreated', data: { snippetId, shortcut, name: shortcut, body: 'Hi', variables: [] } },
  occurredAt: '2026-01-10T10:00:00+01:00',
});

describe('snippets projection', () => {
  it('answers each snippet once as its last event left it, in UTC, and a deleted one as deleted', () => {
    const renamed: TimedSnippetEvent = { event: { type: 'SnippetUpdated', data: { snippetId: 'a', shortcut: 'hi', name: 'Hi', body: 'Hi {{owner.name}}', variables: ['owner.name'] } }, occurredAt: '2026-01-11T09:00:00Z' };
    const gone: TimedSnippetEvent = { event: { type: 'SnippetDeleted', data: { snippetId: 'b', shortcut: 'bye' } }, occurredAt: '2026-01-11T09:00:00Z' };
    expect(reduceSnippets([created('a', 'hello'), created('b', 'bye'), renamed, gone])).toEqual({
      rows: [{ snippetId: 'a', shortcut: 'hi', name: 'Hi', body: 'Hi {{owner.name}}', variables: ['owner.name'], updatedAt: '2026-01-11T09:00:00.000Z' }],
      deleted: ['b'],
    });
    expect(reduceSnippets([created('c', 'x')]).rows[0].updatedAt).toBe('2026-01-10T09:00:00.000Z');
  });
});
