import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import { pipelineDecider, pipelineStream, requirePipeline, type Pipeline } from '../../../../libs/domain/src/pipeline/index.js';
import { notFound, type Command as DomainCommand } from '../../../../libs/domain/src/shared/index.js';
import {
  ticketDecider,
  ticketStream,
  type CreateTicket,
  type MoveTicketToStage,
  type TicketCommand,
} from '../../../../libs/domain/src/ticket/index.js';

// Ticket commands as the edge builds them: a new ticket names its pipeline by id, a stage move names none (the
// ticket knows its pipeline); the handler reads the pipeline they are decided against.
export type CreateTicketRequest = DomainCommand<'CreateTicket', Omit<CreateTicket['data'], 'pipeline'> & Readonly<{ pipelineId: string }>>;
export type MoveTicketToStageRequest = DomainCommand<'MoveTicketToStage', Omit<MoveTicketToStage['data'], 'pipeline'>>;
export type TicketRequest = CreateTicketRequest | MoveTicketToStageRequest | Exclude<TicketCommand, CreateTicket | MoveTicketToStage>;

export class ExecuteTicketCommand extends Command<CommandResult> {
  constructor(
    readonly request: TicketRequest,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteTicketCommand)
export class TicketCommandHandler implements ICommandHandler<ExecuteTicketCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ request, context, options }: ExecuteTicketCommand): Promise<CommandResult> {
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
