import type { PlaybookCreated } from '#domain/playbook';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { playbooksProjection } from './playbooks.persistence.js';

describe('playbooks takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws, and keeps each playbook written at its last version, archived once an archive follows it', async () => {
    await assertProjects(bed, playbooksProjection, async ({ events, table, pool }) => {
      const expected = new Map<string, string>();
      for (const { type, data } of events) {
        const { playbookId, version } = data as PlaybookCreated['data'];
        if (type === 'PlaybookCreated' || type === 'PlaybookRevised') expected.set(playbookId, `${version} false`);
        if (type === 'PlaybookArchived' && expected.has(playbookId)) expected.set(playbookId, `${expected.get(playbookId)!.split(' ')[0]} true`);
      }
      const { rows } = await pool.query<{ playbook_id: string; state: string }>(`SELECT playbook_id, version || ' ' || archived AS state FROM ${table('playbooks')}`);
      expect(new Map(rows.map((row) => [row.playbook_id, row.state]))).toEqual(expected);
    });
  });
});
