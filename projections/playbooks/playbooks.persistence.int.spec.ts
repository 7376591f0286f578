import { inStream, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { playbooksProjection } from './playbooks.persistence.js';

const question = { id: 'budget', text: 'Budget?', type: 'number', options: [], required: true, mapsTo: 'budget' };
const version = (type: 'PlaybookCreated' | 'PlaybookRevised', playbookId: string, n: number, name: string, occurredAt: string): SpecEvent => ({
  type,
  data: { playbookId, version: n, name, team: 'sales', questions: [question] },
  metadata: { occurredAt },
});
const archived = (playbookId: string, occurredAt: string): SpecEvent => ({ type: 'PlaybookArchived', data: { playbookId, team: 'sales' }, metadata: { occurredAt } });

const ROWS = `SELECT playbook_id, name, team, version, archived, questions, updated_at FROM playbooks ORDER BY playbook_id`;

describe('playbooks persistence', () => {
  const spec = useProjectionSpec(playbooksProjection);

  it('keeps each playbook at its last version, and flags one archived in a later batch', async () => {
    await spec
      .given([...inStream('playbook-a', version('PlaybookCreated', 'a', 1, 'Discovery', '2026-01-10T09:00:00.000Z')), ...inStream('playbook-b', version('PlaybookCreated', 'b', 1, 'Triage', '2026-01-10T09:00:00.000Z'))])
      .when([...inStream('playbook-a', version('PlaybookRevised', 'a', 2, 'Discovery v2', '2026-01-11T09:00:00.000Z')), ...inStream('playbook-b', archived('b', '2026-01-12T09:00:00.000Z'))])
      .then(ROWS, [
        { playbook_id: 'a', name: 'Discovery v2', team: 'sales', version: 2, archived: false, questions: [question], updated_at: new Date('2026-01-11T09:00:00.000Z') },
        { playbook_id: 'b', name: 'Triage', team: 'sales', version: 1, archived: true, questions: [question], updated_at: new Date('2026-01-12T09:00:00.000Z') },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream('playbook-a', version('PlaybookCreated', 'a', 1, 'Discovery', '2026-01-10T09:00:00.000Z')))
      .when(inStream('playbook-a', version('PlaybookRevised', 'a', 2, 'Discovery v2', '2026-01-11T09:00:00.000Z'), archived('a', '2026-01-12T09:00:00.000Z')), { times: 2 })
      .then(`SELECT playbook_id, version, archived FROM playbooks`, [{ playbook_id: 'a', version: 2, archived: true }]);
  });
});

describe('playbooks rebuild', () => {
  const bed = useRebuildBed(playbooksProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...inStream('playbook-a', version('PlaybookCreated', 'a', 1, 'Discovery', '2026-01-10T09:00:00.000Z')),
      ...inStream('playbook-b', version('PlaybookCreated', 'b', 1, 'Triage', '2026-01-10T10:00:00.000Z')),
      ...inStream('playbook-a', version('PlaybookRevised', 'a', 2, 'Discovery v2', '2026-01-11T09:00:00.000Z')),
      ...inStream('playbook-b', archived('b', '2026-01-12T09:00:00.000Z')),
    ];
    const { live, rebuilt } = await bed.compare(history, { playbooks: 'playbook_id' });
    expect(live.playbooks).toHaveLength(2);
    expect(rebuilt).toEqual(live);
  });
});
