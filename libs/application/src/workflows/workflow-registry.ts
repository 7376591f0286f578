// The workflows as the runner sees them at a point of the log: folded from the `workflow-*` streams in log order,
// so an event is judged by the workflows active when it happened (activation does not reach back into history,
// and re-processing after a reset judges old events as they were judged then).
import { workflowDecider, type WorkflowEvent, type WorkflowState } from '#domain/workflow';
import { streamCategory, type EventStore, type Position, type RecordedEvent, comparePositions } from '#event-store';
import type { WorkflowDefinition } from '#workflows';

export const WORKFLOW_CATEGORY = 'workflow';

export type ActiveWorkflow = Readonly<{
  workflowId: string;
  version: number;
  name: string;
  definition: WorkflowDefinition;
  definitionHash: string;
}>;

type Present = Exclude<WorkflowState, { status: 'absent' }>;

export class WorkflowRegistry {
  private readonly states = new Map<string, WorkflowState>();

  /** Folds every definition event up to `upTo` (inclusive; null: none), dropping what was known before. */
  async loadUpTo(store: EventStore, upTo: Position | null): Promise<void> {
    this.states.clear();
    if (upTo === null) return;
    for await (const event of store.readAll({ filter: { streamCategories: [WORKFLOW_CATEGORY] } })) {
      if (comparePositions(event.position, upTo) > 0) break;
      this.apply(event);
    }
  }

  /** Follows a definition event as it passes in the log; other events are ignored. */
  apply(event: RecordedEvent): boolean {
    if (streamCategory(event.streamName) !== WORKFLOW_CATEGORY) return false;
    const workflowId = (event.data as { workflowId: string }).workflowId;
    const state = this.states.get(workflowId) ?? workflowDecider.initialState();
    this.states.set(workflowId, workflowDecider.evolve(state, { type: event.type, data: event.data } as WorkflowEvent));
    return true;
  }

  active(): ActiveWorkflow[] {
    return [...this.states.values()].filter((state): state is Present => state.status === 'active').map(activeOf);
  }

  get(workflowId: string): ActiveWorkflow | null {
    const state = this.states.get(workflowId);
    return state && state.status === 'active' ? activeOf(state) : null;
  }
}

const activeOf = (state: Present): ActiveWorkflow => ({
  workflowId: state.workflowId,
  version: state.version,
  name: state.name,
  definition: state.definition as unknown as WorkflowDefinition,
  definitionHash: state.definitionHash,
});

/** A workflow at the version a run enrolled in (runs finish on their own version). */
export const versionOf = (state: WorkflowState, version: number): ActiveWorkflow | null => {
  if (state.status === 'absent') return null;
  const saved = state.versions.get(version);
  if (!saved) return null;
  return { workflowId: state.workflowId, version, name: saved.name, definition: saved.definition as unknown as WorkflowDefinition, definitionHash: saved.definitionHash };
};
