// The lifecycle automation Tally ships as workflows: active from the first start, and ordinary workflows after that
// (edit them with PUT, pause them with a reason). Their ids and event ids derive from a fixed seed, so processes
// starting at once append identical events: the store keeps the first, the others lose the race harmlessly.
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandExecutor, deterministicUuid, idempotentIds, type RequestContext, type WorkflowEngine } from '#application';
import { DomainError } from '#domain/shared';
import { workflowDecider, workflowStream } from '#domain/workflow';
import { DuplicateEventIds, WrongExpectedRevision } from '#event-store';
import { WORKFLOW_ENGINE } from './workflow-engine.provider.js';

const SEED = 'tally:default-workflows:v1';

export type DefaultWorkflow = Readonly<{ key: string; definition: Readonly<Record<string, unknown>> }>;

/** Issue #16 point 6: qualification sets the stage forward only; deals move their contacts on; unsubscribes end marketing. */
export const DEFAULT_WORKFLOWS: readonly DefaultWorkflow[] = [
  {
    key: 'lifecycle-mql',
    definition: {
      name: 'Lifecycle: marketing-qualified at MQL',
      trigger: { kind: 'qualification', becomes: 'mql' },
      reenrolment: 'always',
      steps: [{ id: 'stage', action: 'setLifecycleStage', stage: 'marketing-qualified', forwardOnly: true }],
    },
  },
  {
    key: 'lifecycle-sql',
    definition: {
      name: 'Lifecycle: sales-qualified at SQL',
      trigger: { kind: 'qualification', becomes: 'sql' },
      reenrolment: 'always',
      steps: [{ id: 'stage', action: 'setLifecycleStage', stage: 'sales-qualified', forwardOnly: true }],
    },
  },
  // A deal's workflows: setLifecycleStage acts on the deal's contacts; a deal without any enrols nobody.
  {
    key: 'lifecycle-deal-created',
    definition: {
      name: "Lifecycle: a new deal's contacts are opportunities",
      trigger: { event: 'DealCreated', state: { 'deal.contactIds': { exists: true } } },
      steps: [{ id: 'stage', action: 'setLifecycleStage', stage: 'opportunity', forwardOnly: true }],
    },
  },
  {
    // DealWon is appended exactly when a deal enters a won stage (a DealStageChanged into closedwon, any pipeline).
    key: 'lifecycle-deal-won',
    definition: {
      name: "Lifecycle: a won deal's contacts are customers",
      trigger: { event: 'DealWon', state: { 'deal.contactIds': { exists: true } } },
      reenrolment: 'always',
      steps: [{ id: 'stage', action: 'setLifecycleStage', stage: 'customer', forwardOnly: true }],
    },
  },
  {
    // The one definition of who stops being a marketing contact. Acting late is safe: the action names the contact's
    // revision at the unsubscribe, and a status decided since (an opt-in again at the booth) is left alone, the step
    // recorded as skipped (superseded) with the event that decided it.
    key: 'marketing-unsubscribed',
    definition: {
      name: 'Marketing: an unsubscribe makes the contact non-marketing',
      trigger: { event: 'MarketingEmailUnsubscribed' },
      reenrolment: 'always',
      steps: [{ id: 'status', action: 'setMarketingStatus', status: 'non-marketing', reason: 'unsubscribed' }],
    },
  },
];

/** The id a default workflow has in every installation. */
export const defaultWorkflowId = (key: string): string => deterministicUuid(SEED, key);

const lostTheRace = (error: unknown): boolean =>
  (error instanceof DomainError && error.code === 'ALREADY_EXISTS') ||
  error instanceof WrongExpectedRevision ||
  error instanceof DuplicateEventIds;

@Injectable()
export class DefaultWorkflows implements OnApplicationBootstrap {
  private readonly logger = new Logger('workflows');

  constructor(
    @Inject(CommandExecutor) private readonly executor: CommandExecutor,
    @Inject(WORKFLOW_ENGINE) private readonly engine: WorkflowEngine,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const workflow of DEFAULT_WORKFLOWS) await this.ensure(workflow);
  }

  /** Created and activated once; a draft left by a start that stopped in between is activated; anything else is the user's. */
  private async ensure({ key, definition }: DefaultWorkflow): Promise<void> {
    const workflowId = defaultWorkflowId(key);
    const { state } = await this.executor.load(workflowStream(workflowId), workflowDecider);
    if (state.status !== 'absent' && state.status !== 'draft') return;
    const now = new Date().toISOString();
    // The workflow's id is the one fixed for this key; each step's event ids derive from the seed and the step, so
    // a start that finds the draft of an earlier one activates it with the same ids as that one would have.
    const context = (step: 'create' | 'activate'): RequestContext => {
      const ids = idempotentIds(`${SEED}:${key}:${step}`);
      return {
        actor: 'system',
        correlationId: deterministicUuid(SEED, `correlation:${key}`),
        causationId: null,
        now,
        source: 'system',
        ids: { next: (purpose) => (purpose === 'workflow' ? workflowId : ids.next(purpose)) },
      };
    };
    try {
      if (state.status === 'absent') await this.engine.definitions.create(definition, context('create'));
      const reason = 'default automation, active from the first start';
      await this.engine.definitions.activate(workflowId, { reason }, context('activate'));
      this.logger.log(`activated the default workflow '${definition.name as string}'`);
    } catch (error) {
      if (!lostTheRace(error)) throw error;
    }
  }
}
