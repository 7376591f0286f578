import type { PlaybookQuestion } from '#domain/playbook';
import { reducePlaybooks, type TimedPlaybookEvent } from './playbooks.projection.js';

const questions: PlaybookQuestion[] = [{ id: 'budget', text: 'Budget?', type: 'number', options: [], required: true, mapsTo: null }];
const created: TimedPlaybookEvent = { event: { type: 'PlaybookCreated', data: { playbookId: 'a', version: 1, name: 'Discovery', team: 'sales', questions } }, occurredAt: '2026-01-10T09:00:00Z' };
const archive = (playbookId: string): TimedPlaybookEvent => ({ event: { type: 'PlaybookArchived', data: { playbookId, team: 'sales' } }, occurredAt: '2026-01-12T09:00:00Z' });

describe('playbooks projection', () => {
  it('keeps the last version, archives one written in the batch in place, and leaves an earlier batch\'s to an update', () => {
    const revised: TimedPlaybookEvent = { event: { type: 'PlaybookRevised', data: { playbookId: 'a', version: 2, name: 'Discovery v2', team: 'sales', questions } }, occurredAt: '2026-01-11T09:00:00Z' };
    expect(reducePlaybooks([created, revised, archive('a'), archive('b')])).toEqual({
      rows: [{ playbookId: 'a', name: 'Discovery v2', team: 'sales', version: 2, archived: true, questions, updatedAt: '2026-01-12T09:00:00.000Z' }],
      archived: [{ playbookId: 'b', at: '2026-01-12T09:00:00.000Z' }],
    });
  });
});
