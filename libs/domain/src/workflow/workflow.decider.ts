// Decides a workflow definition's life: created once, new versions, activated and paused with a reason.
import { alreadyExists, assertNever, decideByType, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { ActivateWorkflow, CreateWorkflow, PauseWorkflow, UpdateWorkflow, WorkflowCommand } from './workflow.commands.js';
import type { WorkflowDefinitionDocument, WorkflowEvent } from './workflow.events.js';

export type WorkflowStatus = 'draft' | 'active' | 'paused';

export type WorkflowVersion = Readonly<{ name: string; definition: WorkflowDefinitionDocument; definitionHash: string }>;

export type WorkflowState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{
      status: WorkflowStatus;
      workflowId: string;
      /** The latest version; an active workflow enrols in it. */
      version: number;
      name: string;
      definition: WorkflowDefinitionDocument;
      definitionHash: string;
      /** Every version saved: runs finish on the version they enrolled in. */
      versions: ReadonlyMap<number, WorkflowVersion>;
      /** The latest activation's request to enrol history from an instant, else null. */
      enrolExisting: Readonly<{ asOf: string }> | null;
    }>;

const requiredText = (value: string, rule: string, message: string): string => {
  const trimmed = value.trim();
  if (trimmed === '') throw ruleViolated(rule, message);
  return trimmed;
};

const create = ({ data }: CreateWorkflow, state: WorkflowState): readonly WorkflowEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('workflow', { id: data.workflowId });
  const name = requiredText(data.name, 'name-required', 'a workflow needs a name');
  return [{ type: 'WorkflowCreated', data: { workflowId: data.workflowId, version: 1, name, definition: data.definition, definitionHash: data.definitionHash } }];
};

const update = ({ data }: UpdateWorkflow, state: WorkflowState): readonly WorkflowEvent[] => {
  if (state.status === 'absent') throw notFound('workflow', data.workflowId);
  const name = requiredText(data.name, 'name-required', 'a workflow needs a name');
  // Saving the same definition again is not a new version: runs would otherwise split across identical versions.
  if (data.definitionHash === state.definitionHash && name === state.name) return [];
  return [
    {
      type: 'WorkflowUpdated',
      data: { workflowId: data.workflowId, version: state.version + 1, name, definition: data.definition, definitionHash: data.definitionHash },
    },
  ];
};

const activate = ({ data }: ActivateWorkflow, state: WorkflowState): readonly WorkflowEvent[] => {
  if (state.status === 'absent') throw notFound('workflow', data.workflowId);
  const reason = requiredText(data.reason, 'reason-required', 'say why the workflow starts acting: auditors will ask');
  if (state.status === 'active') return [];
  return [{ type: 'WorkflowActivated', data: { workflowId: data.workflowId, version: state.version, reason, enrolExisting: data.enrolExisting } }];
};

const pause = ({ data }: PauseWorkflow, state: WorkflowState): readonly WorkflowEvent[] => {
  if (state.status === 'absent') throw notFound('workflow', data.workflowId);
  const reason = requiredText(data.reason, 'reason-required', 'say why the workflow stops acting: auditors will ask');
  if (state.status !== 'active') return [];
  return [{ type: 'WorkflowPaused', data: { workflowId: data.workflowId, version: state.version, reason } }];
};

export const workflowDecider: Decider<WorkflowCommand, WorkflowEvent, WorkflowState> = {
  decide: decideByType({ CreateWorkflow: create, UpdateWorkflow: update, ActivateWorkflow: activate, PauseWorkflow: pause }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'WorkflowCreated': {
        const { workflowId, version, name, definition, definitionHash } = event.data;
        return { status: 'draft', workflowId, version, name, definition, definitionHash, versions: new Map([[version, { name, definition, definitionHash }]]), enrolExisting: null };
      }
      case 'WorkflowUpdated': {
        if (state.status === 'absent') return state;
        const { version, name, definition, definitionHash } = event.data;
        const versions = new Map(state.versions);
        versions.set(version, { name, definition, definitionHash });
        // An active workflow stays active on its new version.
        return { ...state, version, name, definition, definitionHash, versions };
      }
      case 'WorkflowActivated':
        return state.status === 'absent' ? state : { ...state, status: 'active', enrolExisting: event.data.enrolExisting };
      case 'WorkflowPaused':
        return state.status === 'absent' ? state : { ...state, status: 'paused' };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
