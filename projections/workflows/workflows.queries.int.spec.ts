import type pg from 'pg';
import { workflowRunStream } from '#domain/workflow';
import { inStream, runEngine } from '../projection-spec.spec-helper.js';
import { workflowsProjection } from './workflows.persistence.js';
import { dueTimers, listWorkflows, workflowById, workflowRuns } from './workflows.queries.js';
import { acted, activated, created, delay, enrolled, event, finished, hash, run, runId, W } from './workflows.spec-helper.js';

const OTHER = '0b7c9d1e-2f3a-4b5c-8d6e-7f8091a2b3c4';
const otherCreated = event('WorkflowCreated', '2026-01-10T08:00:00.000Z', { workflowId: OTHER, version: 1, name: 'Bounce cleanup', definition: { steps: [] }, definitionHash: hash('b') });

const history = [
  ...inStream(`workflow-${W}`, created, activated),
  ...inStream(`workflow-${OTHER}`, otherCreated),
  ...run(1, enrolled(1), acted(1, 'handoff'), finished(1)),
  ...run(2, enrolled(2), delay(2, '2026-01-13T09:00:00.000Z')),
  ...run(3, enrolled(3), delay(3, '2026-01-12T09:00:00.000Z')),
];

const pageThrough = async (pool: pg.Pool, limit: number): Promise<string[]> => {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await workflowRuns(pool, W, { limit, cursor });
    seen.push(...page.data.map((r) => r.runId));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
};

describe('workflows queries', () => {
  it('lists workflows, finds one, pages runs newest first with their steps, and answers the due delays', async () => {
    await runEngine(workflowsProjection, history, async (pool) => {
      const list = await listWorkflows(pool);
      expect(list.position).not.toBeNull();
      expect(list.data.map((w) => [w.name, w.status, w.version, w.actor])).toEqual([
        ['Bounce cleanup', 'draft', 1, 'user:ada'],
        ['Demo request handoff', 'active', 1, 'user:bob'],
      ]);
      expect((await workflowById(pool, W)).workflow).toMatchObject({ workflowId: W, definitionHash: hash('a'), updatedAt: '2026-01-10T09:05:00.000Z' });
      expect((await workflowById(pool, 'nope')).workflow).toBeNull();

      const all = await workflowRuns(pool, W, { limit: 10 });
      expect(all.data.map((r) => [r.recordId, r.status])).toEqual([['c-3', 'waiting'], ['c-2', 'waiting'], ['c-1', 'finished']]);
      expect(all.nextCursor).toBeUndefined();
      const [explained] = (await workflowRuns(pool, W, { contactId: 'c-1', limit: 10 })).data;
      expect(explained).toMatchObject({ runId: runId(1), outcome: 'completed', trigger: { eventId: 'e-1', eventType: 'FormSubmitted', values: { formId: 'demo' } } });
      expect(explained.steps).toEqual([
        {
          ordinal: 0, stepId: 'handoff', kind: 'action', outcome: 'acted', values: { 'contact.email': 'ada@example.com' }, branch: null,
          commandId: `${W}@1:e-1:handoff`, produced: [{ eventId: 't-1', type: 'TaskCreated', streamName: 'engagement-t-1' }], detail: null,
          at: '2026-01-11T09:11:00.000Z',
        },
      ]);
      expect((await workflowRuns(pool, W, { recordId: 'c-2', limit: 10 })).data.map((r) => r.runId)).toEqual([runId(2)]);
      for (const limit of [1, 2]) expect(await pageThrough(pool, limit)).toEqual([runId(3), runId(2), runId(1)]);
      expect((await workflowRuns(pool, OTHER, { limit: 10 })).data).toEqual([]);

      expect(await dueTimers(pool, '2026-01-12T08:59:59.999Z', 10)).toEqual([]);
      expect(await dueTimers(pool, '2026-01-13T09:00:00.000Z', 10)).toEqual([
        { runStream: workflowRunStream(W, 'contact', 'c-3'), runId: runId(3), workflowId: W, stepId: 'wait', dueAt: '2026-01-12T09:00:00.000Z' },
        { runStream: workflowRunStream(W, 'contact', 'c-2'), runId: runId(2), workflowId: W, stepId: 'wait', dueAt: '2026-01-13T09:00:00.000Z' },
      ]);
      expect(await dueTimers(pool, '2026-02-01T00:00:00.000Z', 1)).toHaveLength(1);
    });
  });

  it('refuses a cursor it did not issue', async () => {
    await runEngine(workflowsProjection, inStream(`workflow-${W}`, created), async (pool) => {
      await expect(workflowRuns(pool, W, { limit: 1, cursor: Buffer.from('["x","1"]').toString('base64url') })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    });
  });
});
