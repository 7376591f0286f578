import {
  dealDecider,
  dealStream,
  type CreateDeal,
  type DealCommand,
  type MoveDealToStage,
  type ReopenDeal,
} from '#domain/deal';
import { pipelineDecider, pipelineStream, requirePipeline, type Pipeline } from '#domain/pipeline';
import { notFound, type Command as DomainCommand } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

// Deal commands as the edge builds them: a new deal names its pipeline by id, stage moves name none (the deal
// knows its pipeline); the service reads the pipeline they are decided against.
export type CreateDealRequest = DomainCommand<'CreateDeal', Omit<CreateDeal['data'], 'pipeline'> & Readonly<{ pipelineId: string }>>;
export type MoveDealToStageRequest = DomainCommand<'MoveDealToStage', Omit<MoveDealToStage['data'], 'pipeline'>>;
export type ReopenDealRequest = DomainCommand<'ReopenDeal', Omit<ReopenDeal['data'], 'pipeline'>>;
export type DealRequest =
  | CreateDealRequest
  | MoveDealToStageRequest
  | ReopenDealRequest
  | Exclude<DealCommand, CreateDeal | MoveDealToStage | ReopenDeal>;

/** Deal commands: load the pipeline they are decided against, then the deal's stream, decide, append. */
export class DealService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(request: DealRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const command = await this.withPipeline(request);
    return this.executor.execute(dealStream(request.data.dealId), dealDecider, command, context, options);
  }

  private async withPipeline(request: DealRequest): Promise<DealCommand> {
    switch (request.type) {
      case 'CreateDeal': {
        const { pipelineId, ...data } = request.data;
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

  // A deal never changes pipeline, so reading it ahead of the executor's own read cannot go stale.
  private async pipelineOfDeal(dealId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(dealStream(dealId), dealDecider);
    if (state === null) throw notFound('deal', dealId);
    return this.pipeline(state.pipelineId);
  }
}
