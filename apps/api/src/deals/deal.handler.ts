import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type DealRequest,
  DealService,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';

export type { DealRequest } from '../../../../libs/application/src/index.js';

export class ExecuteDealCommand extends Command<CommandResult> {
  constructor(
    readonly request: DealRequest,
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

// The api's dispatch of deal commands; the use case is DealService in libs/application (framework-free).
@CommandHandler(ExecuteDealCommand)
export class DealCommandHandler implements ICommandHandler<ExecuteDealCommand> {
  private readonly service: DealService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new DealService(executor);
  }

  execute({ request, context, options }: ExecuteDealCommand): Promise<CommandResult> {
    return this.service.handle(request, context, options);
  }
}
