import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { workflowEventDefinitions, type WorkflowEvent, type WorkflowRunEvent } from './index.js';

const definition = {
  name: 'Demo request handoff',
  recordType: 'contact',
  trigger: { kind: 'event', event: 'FormSubmitted', where: { formId: { eq: 'demo' } }, state: {} },
  reenrolment: 'never',
  goal: null,
  unenrolWhen: null,
  steps: [{ id: 'handoff', kind: 'action', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}}', dueInBusinessDays: 1 }],
};
const workflowId = '6f0c1a8e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const runId = '0d5b7c3a-91e2-8f40-a1b2-c3d4e5f60718';
const definitionHash = 'c'.repeat(64);

const examples: StoredExamples<WorkflowEvent | WorkflowRunEvent> = {
  WorkflowCreated: { workflowId, version: 1, name: 'Demo request handoff', definition, definitionHash },
  WorkflowUpdated: { workflowId, version: 2, name: 'Demo request handoff', definition, definitionHash },
  WorkflowActivated: { workflowId, version: 2, reason: 'demo requests go to owners', enrolExisting: { asOf: '2026-11-01T00:00:00.000Z' } },
  WorkflowPaused: { workflowId, version: 2, reason: 'holiday freeze' },
  WorkflowEnrolled: {
    runId,
    workflowId,
    version: 2,
    definitionHash,
    workflowName: 'Demo request handoff',
    recordType: 'contact',
    recordId: 'c-1',
    trigger: {
      eventId: 'e-1',
      eventType: 'FormSubmitted',
      streamName: 'activity-c-1',
      position: '1042',
      occurredAt: '2026-11-27T10:00:00.000Z',
      values: { formId: 'demo' },
    },
  },
  WorkflowStepTaken: {
    runId,
    stepId: 'handoff',
    kind: 'action',
    outcome: 'acted',
    values: { 'contact.email': 'ada@example.com' },
    branch: null,
    commandId: `${workflowId}@2:e-1:handoff`,
    produced: [{ eventId: 'e-2', type: 'TaskCreated', streamName: 'engagement-t-1' }],
    detail: null,
  },
  WorkflowDelayStarted: { runId, stepId: 'wait', dueAt: '2026-11-29T10:00:00.000Z' },
  WorkflowRunFinished: { runId, outcome: 'goalMet', values: { 'contact.lifecycleStage': 'customer' } },
};

specifyStoredShapes('workflow event catalog', workflowEventDefinitions, examples);
