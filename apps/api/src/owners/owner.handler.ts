import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, OwnerService } from '#application';
import type { OwnerCommand } from '#domain/owner';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

export class ExecuteOwnerCommand extends ServiceCommand<OwnerCommand> {}

// The api's dispatch of owner commands; the use case is OwnerService in libs/application.
@CommandHandler(ExecuteOwnerCommand)
export class OwnerCommandHandler extends ServiceCommandHandler<OwnerCommand> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new OwnerService(executor));
  }
}
