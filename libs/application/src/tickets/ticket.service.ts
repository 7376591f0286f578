import { pipelineDecider, pipelineStream, requirePipeline, type Pipeline } from '#domain/pipeline';
import { notFound, type Command as DomainCommand } from '#domain/shared';
import {
  ticketDecider,
  ticketStream,
  type CreateTicket,
  type MoveTicketToStage,
  type TicketCommand,
} from '#domain/ticket';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

// Ticket commands as the edge builds them: a new ticket names its pipeline by id, a stage move names none (the
// ticket knows its pipeline); the service reads the pipeline they are decided against.
export type CreateTicketRequest = DomainCommand<'CreateTicket', Omit<CreateTicket['data'], 'pipeline'> & Readonly<{ pipelineId: string }>>;
export type MoveTicketToStageRequest = DomainCommand<'MoveTicketToStage', Omit<MoveTicketToStage['data'], 'pipeline'>>;
export type TicketRequest = CreateTicketRequest | MoveTicketToStageRequest | Exclude<TicketCommand, CreateTicket | MoveTicketToStage>;

/** Ticket commands: load the pipeline they are decided against, then the ticket's stream, decide, append. */
export class TicketService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(request: TicketRequest, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const command = await this.withPipeline(request);
    return this.executor.execute(ticketStream(request.data.ticketId), ticketDecider, command, context, options);
  }

  private async withPipeline(request: TicketRequest): Promise<TicketCommand> {
    switch (request.type) {
      case 'CreateTicket': {
        const { pipelineId, ...data } = request.data;
        return { ...request, data: { ...data, pipeline: await this.pipeline(pipelineId) } };
      }
      case 'MoveTicketToStage':
        return { ...request, data: { ...request.data, pipeline: await this.pipelineOfTicket(request.data.ticketId) } };
      default:
        return request;
    }
  }

  private async pipeline(pipelineId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(pipelineStream(pipelineId), pipelineDecider);
    return requirePipeline(state, pipelineId);
  }

  // A ticket never changes pipeline, so reading it ahead of the executor's own read cannot go stale.
  private async pipelineOfTicket(ticketId: string): Promise<Pipeline> {
    const { state } = await this.executor.load(ticketStream(ticketId), ticketDecider);
    if (state === null) throw notFound('ticket', ticketId);
    return this.pipeline(state.pipelineId);
  }
}
