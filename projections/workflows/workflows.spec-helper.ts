// The history the workflows read model's specs start from: one workflow, its runs of contacts c-<n>.
import { workflowRunStream } from '#domain/workflow';
import { inStream, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';

export const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>, actor = 'user:ada'): SpecEvent => ({ type, data, metadata: { occurredAt, actor } });
export const W = '6f0c1a8e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
export const hash = (c: string) => c.repeat(64);
export const definition = { name: 'Demo request handoff', steps: [{ id: 'handoff', kind: 'action', action: 'createTask' }] };
export const created = event('WorkflowCreated', '2026-01-10T09:00:00.000Z', { workflowId: W, version: 1, name: 'Demo request handoff', definition, definitionHash: hash('a') });
export const activated = event('WorkflowActivated', '2026-01-10T09:05:00.000Z', { workflowId: W, version: 1, reason: 'go live', enrolExisting: null }, 'user:bob');
export const runId = (n: number) => `00000000-0000-8000-8000-00000000000${n}`;
export const trigger = (n: number) => ({ eventId: `e-${n}`, eventType: 'FormSubmitted', streamName: `activity-c-${n}`, position: String(n), occurredAt: '2026-01-11T09:00:00.000Z', values: { formId: 'demo' } });
export const enrolled = (n: number, contactId = `c-${n}`) =>
  event('WorkflowEnrolled', `2026-01-11T09:0${n}:00.000Z`, {
    runId: runId(n), workflowId: W, version: 1, definitionHash: hash('a'), workflowName: 'Demo request handoff', recordType: 'contact', recordId: contactId, trigger: trigger(n),
  }, `workflow:${W}@1`);
export const acted = (n: number, stepId: string) =>
  event('WorkflowStepTaken', `2026-01-11T09:1${n}:00.000Z`, {
    runId: runId(n), stepId, kind: 'action', outcome: 'acted', values: { 'contact.email': 'ada@example.com' }, branch: null, commandId: `${W}@1:e-${n}:${stepId}`,
    produced: [{ eventId: `t-${n}`, type: 'TaskCreated', streamName: `engagement-t-${n}` }], detail: null,
  });
export const delay = (n: number, dueAt: string) => event('WorkflowDelayStarted', '2026-01-11T09:20:00.000Z', { runId: runId(n), stepId: 'wait', dueAt });
export const finished = (n: number) => event('WorkflowRunFinished', '2026-01-11T09:30:00.000Z', { runId: runId(n), outcome: 'completed', values: {} });
export const run = (n: number, ...events: SpecEvent[]): StreamEvent[] => inStream(workflowRunStream(W, 'contact', `c-${n}`), ...events);

