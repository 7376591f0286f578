import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type EngagementRequest,
  EngagementService,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';

export type { EngagementRequest } from '../../../../libs/application/src/index.js';

export class ExecuteEngagementCommand extends Command<CommandResult> {
  constructor(
    readonly request: EngagementRequest,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

// The api's dispatch of engagement commands; the use case is EngagementService in libs/application (framework-free).
@CommandHandler(ExecuteEngagementCommand)
export class EngagementCommandHandler implements ICommandHandler<ExecuteEngagementCommand> {
  private readonly service: EngagementService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new EngagementService(executor);
  }

  execute({ request, context, options }: ExecuteEngagementCommand): Promise<CommandResult> {
    return this.service.handle(request, context, options);
  }
}
