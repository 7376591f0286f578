import { inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { snippetsProjection } from './snippets.persistence.js';

const at = (occurredAt: string) => ({ occurredAt });
const created = (snippetId: string, shortcut: string, occurredAt = '2026-01-10T09:00:00.000Z'): SpecEvent => ({
  type: 'SnippetCreated',
  data: { snippetId, shortcut, name: shortcut, body: 'Hi {{contact.firstName}}', variables: ['contact.firstName'] },
  metadata: at(occurredAt),
});
const updated = (snippetId: string, shortcut: string, body: string, occurredAt: string): SpecEvent => ({
  type: 'SnippetUpdated',
  data: { snippetId, shortcut, name: 'Renamed', body, variables: [] },
  metadata: at(occurredAt),
});
const deleted = (snippetId: string, shortcut: string): SpecEvent => ({ type: 'SnippetDeleted', data: { snippetId, shortcut }, metadata: at('2026-01-12T09:00:00.000Z') });

const ROWS = `SELECT snippet_id, shortcut, name, body, variables, updated_at FROM snippets ORDER BY snippet_id`;

describe('snippets persistence', () => {
  const spec = useProjectionSpec(snippetsProjection);

  it('keeps each live snippet as its last event defines it, and drops a deleted one stored in an earlier batch', async () => {
    await spec
      .given([...inStream('snippet-a', created('a', 'hello')), ...inStream('snippet-b', created('b', 'bye'))])
      .when([...inStream('snippet-a', updated('a', 'hi', 'Hi there', '2026-01-11T09:00:00.000Z')), ...inStream('snippet-b', deleted('b', 'bye'))])
      .then(ROWS, [{ snippet_id: 'a', shortcut: 'hi', name: 'Renamed', body: 'Hi there', variables: [], updated_at: new Date('2026-01-11T09:00:00.000Z') }]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('snippet-a', created('a', 'hello')))
      .when(inStream('snippet-a', updated('a', 'hi', 'Hi', '2026-01-11T09:00:00.000Z'), deleted('a', 'hi')), { times: 2 })
      .then(`SELECT snippet_id FROM snippets`, []);
  });
});

describe('snippets rebuild', () => {
  const bed = useRebuildBed(snippetsProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...inStream('snippet-a', created('a', 'hello'), updated('a', 'hi', 'Hi {{owner.name}}', '2026-01-11T09:00:00.000Z')),
      ...inStream('snippet-b', created('b', 'bye'), deleted('b', 'bye')),
      ...inStream('snippet-c', created('c', 'thanks', '2026-01-13T09:00:00.000Z')),
    ];
    const { live, rebuilt } = await bed.compare(history, { snippets: 'snippet_id' });
    expect(live.snippets).toHaveLength(2);
    expect(rebuilt).toEqual(live);
  });
});
