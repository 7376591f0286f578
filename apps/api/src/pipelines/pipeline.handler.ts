import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  PipelineService,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import type { PipelineCommand } from '../../../../libs/domain/src/pipeline/index.js';

/** Commands for one pipeline (all name the same pipelineId). */
export class ExecutePipelineCommand extends Command<CommandResult> {
  constructor(
    readonly commands: readonly [PipelineCommand, ...PipelineCommand[]],
    readonly context: RequestContext,
    readonly options: ExecuteOptions = {},
  ) {
    super();
  }
}

// The api's dispatch of pipeline commands; the use case is PipelineService in libs/application (framework-free).
@CommandHandler(ExecutePipelineCommand)
export class PipelineCommandHandler implements ICommandHandler<ExecutePipelineCommand> {
  private readonly service: PipelineService;

  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    this.service = new PipelineService(executor);
  }

  execute({ commands, context, options }: ExecutePipelineCommand): Promise<CommandResult> {
    return this.service.handle(commands, context, options);
  }
}
