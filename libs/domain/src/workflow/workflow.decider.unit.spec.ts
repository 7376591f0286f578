import { DeciderSpecification } from '../shared/decider-specification.js';
import { fold } from '../shared/index.js';
import { workflowDecider } from './workflow.decider.js';
import type { WorkflowEvent } from './workflow.events.js';

const spec = DeciderSpecification.for(workflowDecider);
const metadata = { now: '2026-11-27T10:00:00.000Z' };
const workflowId = 'w-1';
const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const definitionV1 = { name: 'Handoff', steps: [{ id: 'handoff' }] };
const definitionV2 = { name: 'Handoff', steps: [{ id: 'handoff' }, { id: 'notify' }] };

const created: WorkflowEvent = { type: 'WorkflowCreated', data: { workflowId, version: 1, name: 'Handoff', definition: definitionV1, definitionHash: H1 } };
const activated: WorkflowEvent = { type: 'WorkflowActivated', data: { workflowId, version: 1, reason: 'go live', enrolExisting: null } };
const updated: WorkflowEvent = { type: 'WorkflowUpdated', data: { workflowId, version: 2, name: 'Handoff', definition: definitionV2, definitionHash: H2 } };

describe('workflow definitions', () => {
  it('creates version 1 of a new workflow', () =>
    spec([])
      .when({ type: 'CreateWorkflow', data: { workflowId, name: ' Handoff ', definition: definitionV1, definitionHash: H1 }, metadata })
      .then([created]));

  it('refuses to create a workflow twice', () =>
    spec([created])
      .when({ type: 'CreateWorkflow', data: { workflowId, name: 'Handoff', definition: definitionV1, definitionHash: H1 }, metadata })
      .thenThrows('ALREADY_EXISTS'));

  it('refuses a workflow without a name', () =>
    spec([])
      .when({ type: 'CreateWorkflow', data: { workflowId, name: '  ', definition: definitionV1, definitionHash: H1 }, metadata })
      .thenThrows('RULE_VIOLATED', 'name-required'));

  it('saves a changed definition as the next version', () =>
    spec([created, activated])
      .when({ type: 'UpdateWorkflow', data: { workflowId, name: 'Handoff', definition: definitionV2, definitionHash: H2 }, metadata })
      .then([updated]));

  it('does not make a new version of the same definition', () =>
    spec([created, updated])
      .when({ type: 'UpdateWorkflow', data: { workflowId, name: 'Handoff', definition: definitionV2, definitionHash: H2 }, metadata })
      .then([]));

  it('refuses to update an unknown workflow', () =>
    spec([])
      .when({ type: 'UpdateWorkflow', data: { workflowId, name: 'Handoff', definition: definitionV2, definitionHash: H2 }, metadata })
      .thenThrows('NOT_FOUND'));

  it('keeps an active workflow active on its new version, keeping every version', () => {
    const state = fold(workflowDecider, [created, activated, updated]);
    expect(state).toMatchObject({ status: 'active', version: 2, definitionHash: H2 });
    if (state.status === 'absent') throw new Error('absent');
    expect([...state.versions.keys()]).toEqual([1, 2]);
    expect(state.versions.get(1)?.definition).toEqual(definitionV1);
  });

  it('activates the latest version with its reason and the history to enrol', () =>
    spec([created, updated])
      .when({ type: 'ActivateWorkflow', data: { workflowId, reason: ' go live ', enrolExisting: { asOf: '2026-11-01T00:00:00.000Z' } }, metadata })
      .then([{ type: 'WorkflowActivated', data: { workflowId, version: 2, reason: 'go live', enrolExisting: { asOf: '2026-11-01T00:00:00.000Z' } } }]));

  it('does nothing when activating an active workflow', () =>
    spec([created, activated]).when({ type: 'ActivateWorkflow', data: { workflowId, reason: 'again', enrolExisting: null }, metadata }).then([]));

  it('refuses an activation without a reason', () =>
    spec([created]).when({ type: 'ActivateWorkflow', data: { workflowId, reason: ' ', enrolExisting: null }, metadata }).thenThrows('RULE_VIOLATED', 'reason-required'));

  it('refuses to activate an unknown workflow', () =>
    spec([]).when({ type: 'ActivateWorkflow', data: { workflowId, reason: 'go', enrolExisting: null }, metadata }).thenThrows('NOT_FOUND'));

  it('pauses an active workflow, and a paused one can be activated again', () => {
    spec([created, activated])
      .when({ type: 'PauseWorkflow', data: { workflowId, reason: 'holiday freeze' }, metadata })
      .then([{ type: 'WorkflowPaused', data: { workflowId, version: 1, reason: 'holiday freeze' } }]);
    spec([created, activated, { type: 'WorkflowPaused', data: { workflowId, version: 1, reason: 'holiday freeze' } }])
      .when({ type: 'ActivateWorkflow', data: { workflowId, reason: 'back', enrolExisting: null }, metadata })
      .then([{ type: 'WorkflowActivated', data: { workflowId, version: 1, reason: 'back', enrolExisting: null } }]);
  });

  it('does nothing when pausing a workflow that is not active', () =>
    spec([created]).when({ type: 'PauseWorkflow', data: { workflowId, reason: 'why' }, metadata }).then([]));
});
