import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  OwnerService,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import type { OwnerCommand } from '../../../../libs/domain/src/owner/index.js';

export class ExecuteOwnerCommand extends Command<CommandResult> {
  constructor(
    readonly command: OwnerCommand,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

// The api's dispatch of owner commands; the use case is OwnerService in libs/application (framework-free).
@CommandHandler(ExecuteOwnerCommand)
export class OwnerCommandHandler implements ICommandHandler<ExecuteOwnerCommand> {
  private readonly service: OwnerService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new OwnerService(executor);
  }

  execute({ command, context, options }: ExecuteOwnerCommand): Promise<CommandResult> {
    return this.service.handle(command, context, options);
  }
}
