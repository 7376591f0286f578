import { ownerDecider, ownerStream, type OwnerCommand } from '#domain/owner';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

/** Owner commands: load the owner's stream, decide, append. */
export class OwnerService {
  constructor(private readonly executor: CommandExecutor) {}

  handle(command: OwnerCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    return this.executor.execute(ownerStream(command.data.ownerId), ownerDecider, command, context, options);
  }
}
