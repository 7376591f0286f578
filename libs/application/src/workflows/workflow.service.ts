// Workflow definitions as versioned data: validated and hashed by `#workflows`, then created, updated, activated and
// paused as events on the workflow's own stream, with the actor and the reason in the log.
import { notFound } from '#domain/shared';
import { workflowDecider, workflowStream, type WorkflowCommand, type WorkflowState } from '#domain/workflow';
import { WrongExpectedRevision } from '#event-store';
import { parseWorkflowDocument, workflowHash, type WorkflowDefinition, type WorkflowIssue } from '#workflows';
import type { CommandExecutor } from '../command-executor.js';
import { WorkflowInvalid } from '../errors/workflow-invalid.js';
import type { RequestContext } from '../request-context.js';

export type WorkflowVersionResult = Readonly<{ workflowId: string; version: number; definitionHash: string }>;
export type WorkflowStatusResult = Readonly<{ workflowId: string; version: number; status: 'draft' | 'active' | 'paused' }>;
export type WorkflowValidation = Readonly<{ valid: boolean; errors: readonly WorkflowIssue[]; definitionHash?: string }>;
export type WorkflowView = Readonly<{
  workflowId: string;
  name: string;
  version: number;
  status: 'draft' | 'active' | 'paused';
  definition: WorkflowDefinition;
  definitionHash: string;
}>;

/** The definition a document normalises to, or WorkflowInvalid listing every problem. */
export const definitionOf = (document: unknown): WorkflowDefinition => {
  const { definition, errors } = parseWorkflowDocument(document);
  if (definition === null || errors.length > 0) throw new WorkflowInvalid(errors);
  return definition;
};

type Present = Exclude<WorkflowState, { status: 'absent' }>;

export class WorkflowService {
  constructor(private readonly executor: CommandExecutor) {}

  validate(document: unknown): WorkflowValidation {
    const { definition, errors } = parseWorkflowDocument(document);
    if (definition === null || errors.length > 0) return { valid: false, errors };
    return { valid: true, errors: [], definitionHash: workflowHash(definition) };
  }

  /** A new workflow (a draft until activated), its id taken from the context's ids so a retry creates it once. */
  async create(document: unknown, context: RequestContext): Promise<WorkflowVersionResult> {
    const definition = definitionOf(document);
    const workflowId = context.ids.next('workflow');
    const definitionHash = workflowHash(definition);
    await this.execute(workflowId, {
      type: 'CreateWorkflow',
      data: { workflowId, name: definition.name, definition: asDocument(definition), definitionHash },
      metadata: { now: context.now },
    }, context);
    return { workflowId, version: 1, definitionHash };
  }

  /**
   * A new version. `ifMatch` is the workflow version the caller last saw: another save in between is a conflict
   * (409), never a silent overwrite. Saving the same definition again makes no version.
   */
  async update(workflowId: string, document: unknown, context: RequestContext, options: { ifMatch?: number } = {}): Promise<WorkflowVersionResult> {
    const definition = definitionOf(document);
    const current = await this.current(workflowId);
    if (options.ifMatch !== undefined && options.ifMatch !== current.version) {
      throw new WrongExpectedRevision(workflowStream(workflowId), options.ifMatch, current.version);
    }
    const definitionHash = workflowHash(definition);
    await this.execute(workflowId, {
      type: 'UpdateWorkflow',
      data: { workflowId, name: definition.name, definition: asDocument(definition), definitionHash },
      metadata: { now: context.now },
    }, context);
    const { version } = await this.current(workflowId);
    return { workflowId, version, definitionHash };
  }

  /** Starts enrolling records on the latest version; history is enrolled only from `enrolExisting.asOf` when given. */
  async activate(
    workflowId: string,
    request: Readonly<{ reason: string; enrolExisting?: Readonly<{ asOf: string }> | null }>,
    context: RequestContext,
  ): Promise<WorkflowStatusResult> {
    await this.current(workflowId);
    await this.execute(workflowId, {
      type: 'ActivateWorkflow',
      data: { workflowId, reason: request.reason, enrolExisting: request.enrolExisting ?? null },
      metadata: { now: context.now },
    }, context);
    return this.statusOf(workflowId);
  }

  /** Stops enrolling; runs already enrolled finish on their version (their timers still fire). */
  async pause(workflowId: string, request: Readonly<{ reason: string }>, context: RequestContext): Promise<WorkflowStatusResult> {
    await this.current(workflowId);
    await this.execute(workflowId, { type: 'PauseWorkflow', data: { workflowId, reason: request.reason }, metadata: { now: context.now } }, context);
    return this.statusOf(workflowId);
  }

  /** The workflow as its stream says now (no read-model lag). */
  async get(workflowId: string): Promise<WorkflowView> {
    const state = await this.current(workflowId);
    return {
      workflowId,
      name: state.name,
      version: state.version,
      status: state.status,
      definition: state.definition as unknown as WorkflowDefinition,
      definitionHash: state.definitionHash,
    };
  }

  private async statusOf(workflowId: string): Promise<WorkflowStatusResult> {
    const { version, status } = await this.current(workflowId);
    return { workflowId, version, status };
  }

  private async current(workflowId: string): Promise<Present> {
    const { state } = await this.executor.load(workflowStream(workflowId), workflowDecider);
    if (state.status === 'absent') throw notFound('workflow', workflowId);
    return state;
  }

  private execute(workflowId: string, command: WorkflowCommand, context: RequestContext) {
    return this.executor.execute(workflowStream(workflowId), workflowDecider, command, context);
  }
}

const asDocument = (definition: WorkflowDefinition): Readonly<Record<string, unknown>> => definition as unknown as Readonly<Record<string, unknown>>;
