import { Inject, Logger } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, TicketService, type TicketRequest } from '#application';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

export type { TicketRequest } from '#application';

export class ExecuteTicketCommand extends ServiceCommand<TicketRequest> {}

// The api's dispatch of ticket commands; the use case is TicketService in libs/application.
@CommandHandler(ExecuteTicketCommand)
export class TicketCommandHandler extends ServiceCommandHandler<TicketRequest> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    const logger = new Logger('unique-values');
    super(new TicketService(executor, (message) => logger.warn(message)));
  }
}
