import {
  dealDecider,
  dealStream,
  type ChangeDealProperties,
  type CreateDeal,
  type DealCommand,
  type MoveDealToStage,
  type ReopenDeal,
  type UpdateDeal,
} from '#domain/deal';
import { pipelineDecider, pipelineStream, requirePipeline, type Pipeline } from '#domain/pipeline';
import { notFound, ruleViolated, type Command as DomainCommand, type PropertyValues } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { ClaimWarning } from '../contacts/unique-value-claims.js';
import { batchDecider, commandBatch, type CommandBatch } from '../properties/command-batch.js';
import { RecordProperties, withCheckedValues, type CheckedProperties } from '../properties/record-properties.js';
import type { RequestContext } from '../request-context.js';

// Deal commands as the edge builds them: a new deal names its pipeline by id, stage moves name none (the deal
// knows its pipeline); the service reads the pipeline they are decided against.
export type CreateDealRequest = DomainCommand<'CreateDeal', Omit<CreateDeal['data'], 'pipeline'> & Readonly<{ pipelineId: string }>>;
export type MoveDealToStageRequest = DomainCommand<'MoveDealToStage', Omit<MoveDealToStage['data'], 'pipeline'>>;
export type ReopenDealRequest = DomainCommand<'ReopenDeal', Omit<ReopenDeal['data'], 'pipeline'>>;
/** A PATCH of a deal: built-in fields and, when given, custom properties (only those to set; null clears one). */
export type UpdateDealRequest = DomainCommand<'UpdateDeal', UpdateDeal['data'] & Readonly<{ properties?: PropertyValues }>>;
export type DealRequest =
  | CreateDealRequest
  | MoveDealToStageRequest
  | ReopenDealRequest
  | UpdateDealRequest
  | Exclude<DealCommand, CreateDeal | MoveDealToStage | ReopenDeal | UpdateDeal>;

const dealBatchDecider = batchDecider(dealDecider);

const propertiesOf = (request: DealRequest): PropertyValues | undefined =>
  request.type === 'CreateDeal' || request.type === 'UpdateDeal' || request.type === 'ChangeDealProperties' ? request.data.properties : undefined;

/** Deal commands: load the pipeline they are decided against, check custom properties, then the deal's stream, decide, append. */
export class DealService {
  private readonly properties: RecordProperties;

  constructor(
    private readonly executor: CommandExecutor,
    warn: ClaimWarning,
  ) {
    this.properties = new RecordProperties(executor, warn);
  }

  async handle(request: DealRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const { dealId } = request.data;
    const stream = dealStream(dealId);
    const requested = propertiesOf(request);
    const properties = requested === undefined ? null : await this.properties.check('deal', requested);
    const command = await this.commandsOf(request, properties);
    if (properties === null || !this.properties.claimsAny(properties)) return this.executor.execute(stream, dealBatchDecider, command, context, options);
    const { state, revision } = await this.executor.load(stream, dealDecider);
    // A stale If-Match goes straight to the executor: it answers a stored retry, or refuses without a claim.
    if (options.ifMatch !== undefined && options.ifMatch !== revision) return this.executor.execute(stream, dealBatchDecider, command, context, options);
    // Decided up front so a bad request fails before it claims a value; pinned to the revision decided on.
    dealBatchDecider.decide(command, state);
    return this.properties.withUniqueValues(dealId, state?.properties ?? {}, properties, context, () =>
      this.executor.execute(stream, dealBatchDecider, command, context, { ...options, ifMatch: revision }),
    );
  }

  /** The request as the deal decider's commands, with the custom properties as checked. */
  private async commandsOf(request: DealRequest, properties: CheckedProperties | null): Promise<CommandBatch<DealCommand>> {
    if (request.type === 'UpdateDeal') {
      const { properties: _requested, ...data } = request.data;
      const change: ChangeDealProperties[] =
        properties === null ? [] : [{ type: 'ChangeDealProperties', data: { dealId: data.dealId, properties: properties.values }, metadata: request.metadata }];
      return commandBatch<DealCommand>([{ type: 'UpdateDeal', data, metadata: request.metadata }, ...change]);
    }
    const command = await this.withPipeline(request);
    if (properties !== null && command.type === 'CreateDeal') return commandBatch([withCheckedValues(command, properties)]);
    if (properties !== null && command.type === 'ChangeDealProperties') return commandBatch([withCheckedValues(command, properties)]);
    return commandBatch([command]);
  }

  private async withPipeline(request: Exclude<DealRequest, UpdateDealRequest>): Promise<DealCommand> {
    switch (request.type) {
      case 'CreateDeal': {
        const { pipelineId, ...data } = request.data;
        if (data.renewsDealId !== undefined && data.renewsDealId !== null && data.renewsDealId !== data.dealId) await this.requireRenewable(data.renewsDealId);
        return { ...request, data: { ...data, pipeline: await this.pipeline(pipelineId) } };
      }
      case 'MoveDealToStage':
        return { ...request, data: { ...request.data, pipeline: await this.pipelineOfDeal(request.data.dealId) } };
      case 'ReopenDeal':
        return { ...request, data: { ...request.data, pipeline: await this.pipelineOfDeal(request.data.dealId) } };
      default:
        return request;
    }
  }

  private async pipeline(pipelineId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(pipelineStream(pipelineId), pipelineDecider);
    return requirePipeline(state, pipelineId);
  }

  // A renewal replaces the MRR of the contract it renews: that deal must exist and be recurring. (It is read once:
  // a deal made one-off later keeps its renewals, as the renewal's own history says what it renewed.)
  private async requireRenewable(renewsDealId: string): Promise<void> {
    const { state } = await this.executor.load(dealStream(renewsDealId), dealDecider);
    if (state === null) throw notFound('deal', renewsDealId);
    if (state.revenueType !== 'recurring')
      throw ruleViolated('renewed-deal-not-recurring', `deal ${renewsDealId} is one-off: only a recurring deal is renewed`, {
        renewsDealId,
        fields: [{ field: 'renewsDealId', reason: 'a recurring deal' }],
      });
  }

  // A deal never changes pipeline, so reading it ahead of the executor's own read cannot go stale.
  private async pipelineOfDeal(dealId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(dealStream(dealId), dealDecider);
    if (state === null) throw notFound('deal', dealId);
    return this.pipeline(state.pipelineId);
  }
}
