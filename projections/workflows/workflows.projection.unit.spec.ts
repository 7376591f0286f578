import type { WorkflowEvent, WorkflowRunEvent, WorkflowStepTakenData } from '#domain/workflow';
import { reduceWorkflows, type WorkflowRow, type WorkflowRunRow, type WorkflowsEvent } from './workflows.projection.js';

const at = (position: number, event: WorkflowEvent | WorkflowRunEvent, occurredAt = `2026-01-15T10:00:${String(position).padStart(2, '0')}.000Z`): WorkflowsEvent => ({
  event,
  position: String(position),
  occurredAt,
  actor: 'user:ada',
});
const definition = { name: 'Handoff', steps: [] };
const created: WorkflowEvent = { type: 'WorkflowCreated', data: { workflowId: 'w-1', version: 1, name: 'Handoff', definition, definitionHash: 'a'.repeat(64) } };
const trigger = { eventId: 'e-1', eventType: 'FormSubmitted', streamName: 'activity-c-1', position: '3', occurredAt: '2026-01-15T09:00:00.000Z', values: { formId: 'demo' } };
const enrolled: WorkflowRunEvent = {
  type: 'WorkflowEnrolled',
  data: { runId: 'r-1', workflowId: 'w-1', version: 1, definitionHash: 'a'.repeat(64), workflowName: 'Handoff', recordType: 'contact', recordId: 'c-1', trigger },
};
const step = (stepId: string, data: Partial<WorkflowStepTakenData> = {}): WorkflowRunEvent => ({
  type: 'WorkflowStepTaken',
  data: { runId: 'r-1', stepId, kind: 'action', outcome: 'acted', values: {}, branch: null, commandId: `w-1@1:e-1:${stepId}`, produced: [], detail: null, ...data },
});

const reduce = (events: readonly WorkflowsEvent[], workflows: readonly WorkflowRow[] = [], runs: readonly WorkflowRunRow[] = []) =>
  reduceWorkflows({ workflows: new Map(workflows.map((w) => [w.workflowId, w])), runs: new Map(runs.map((r) => [r.runId, r])) }, events);

describe('workflows projection', () => {
  it('lists a workflow as a draft, then its latest version, status, time and actor', () => {
    const { workflows } = reduce([
      at(1, created),
      at(2, { type: 'WorkflowActivated', data: { workflowId: 'w-1', version: 1, reason: 'go', enrolExisting: null } }),
      at(3, { type: 'WorkflowUpdated', data: { workflowId: 'w-1', version: 2, name: 'Handoff v2', definition, definitionHash: 'b'.repeat(64) } }),
    ]);
    expect(workflows).toEqual([
      {
        workflowId: 'w-1', name: 'Handoff v2', version: 2, status: 'active', definition, definitionHash: 'b'.repeat(64),
        updatedAt: '2026-01-15T10:00:03.000Z', actor: 'user:ada', lastPosition: '3',
      },
    ]);
    expect(reduce([at(4, { type: 'WorkflowPaused', data: { workflowId: 'w-1', version: 2, reason: 'freeze' } })], workflows).workflows[0].status).toBe('paused');
  });

  it('follows a run: open, waiting on a delay until when, resumed, finished; each step in order', () => {
    const first = reduce([at(5, enrolled), at(6, step('handoff')), at(7, { type: 'WorkflowDelayStarted', data: { runId: 'r-1', stepId: 'wait', dueAt: '2026-01-17T10:00:00+01:00' } })]);
    expect(first.runs).toEqual([
      expect.objectContaining({ runId: 'r-1', status: 'waiting', waitingStepId: 'wait', dueAt: '2026-01-17T09:00:00.000Z', stepCount: 1, position: '5', enrolledAt: '2026-01-15T10:00:05.000Z' }),
    ]);
    expect(first.steps).toEqual([expect.objectContaining({ runId: 'r-1', ordinal: 0, stepId: 'handoff', at: '2026-01-15T10:00:06.000Z' })]);
    const second = reduce(
      [at(8, step('wait', { kind: 'delay', outcome: 'elapsed', commandId: null })), at(9, { type: 'WorkflowRunFinished', data: { runId: 'r-1', outcome: 'completed', values: {} } })],
      [],
      first.runs,
    );
    expect(second.steps.map((s) => [s.ordinal, s.stepId])).toEqual([[1, 'wait']]);
    expect(second.runs).toEqual([
      expect.objectContaining({ status: 'finished', outcome: 'completed', waitingStepId: null, dueAt: null, finishedAt: '2026-01-15T10:00:09.000Z', stepCount: 2 }),
    ]);
  });

  it('changes nothing when a batch is applied again after a lost checkpoint', () => {
    const batch = [at(1, created), at(5, enrolled), at(6, step('handoff'))];
    const once = reduce(batch);
    expect(reduce(batch, once.workflows, once.runs)).toEqual({ workflows: [], runs: [], steps: [] });
  });

  it('ignores run events of a run it never saw enrolled, and definition events of an unknown workflow', () => {
    expect(reduce([at(6, step('handoff')), at(7, { type: 'WorkflowPaused', data: { workflowId: 'w-9', version: 1, reason: 'x' } })])).toEqual({ workflows: [], runs: [], steps: [] });
  });
});
