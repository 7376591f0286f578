import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
  type TicketRequest,
  TicketService,
} from '../../../../libs/application/src/index.js';

export type { TicketRequest } from '../../../../libs/application/src/index.js';

export class ExecuteTicketCommand extends Command<CommandResult> {
  constructor(
    readonly request: TicketRequest,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

// The api's dispatch of ticket commands; the use case is TicketService in libs/application (framework-free).
@CommandHandler(ExecuteTicketCommand)
export class TicketCommandHandler implements ICommandHandler<ExecuteTicketCommand> {
  private readonly service: TicketService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new TicketService(executor);
  }

  execute({ request, context, options }: ExecuteTicketCommand): Promise<CommandResult> {
    return this.service.handle(request, context, options);
  }
}
