import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import { ownerDecider, ownerStream, type OwnerCommand } from '../../../../libs/domain/src/owner/index.js';

export class ExecuteOwnerCommand extends Command<CommandResult> {
  constructor(
    readonly command: OwnerCommand,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

@CommandHandler(ExecuteOwnerCommand)
export class OwnerCommandHandler implements ICommandHandler<ExecuteOwnerCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ command, context, options }: ExecuteOwnerCommand): Promise<CommandResult> {
    return this.executor.execute(ownerStream(command.data.ownerId), ownerDecider, command, context, options);
  }
}
