import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, EngagementService, type EngagementRequest } from '#application';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

export type { EngagementRequest } from '#application';

export class ExecuteEngagementCommand extends ServiceCommand<EngagementRequest> {}

// The api's dispatch of engagement commands; the use case is EngagementService in libs/application.
@CommandHandler(ExecuteEngagementCommand)
export class EngagementCommandHandler extends ServiceCommandHandler<EngagementRequest> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new EngagementService(executor));
  }
}
