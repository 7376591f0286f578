import { Inject, Logger } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, DealService, type DealRequest } from '#application';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

export type { DealRequest } from '#application';

export class ExecuteDealCommand extends ServiceCommand<DealRequest> {}

// The api's dispatch of deal commands; the use case is DealService in libs/application.
@CommandHandler(ExecuteDealCommand)
export class DealCommandHandler extends ServiceCommandHandler<DealRequest> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    const logger = new Logger('unique-values');
    super(new DealService(executor, (message) => logger.warn(message)));
  }
}
