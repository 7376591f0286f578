import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, FormService } from '#application';
import type { FormCommand } from '#domain/form';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

export class ExecuteFormCommand extends ServiceCommand<FormCommand> {}

// The api's dispatch of form commands; the use case is FormService in libs/application.
@CommandHandler(ExecuteFormCommand)
export class FormCommandHandler extends ServiceCommandHandler<FormCommand> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new FormService(executor));
  }
}
