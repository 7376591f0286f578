import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, PipelineService } from '#application';
import type { PipelineCommand } from '#domain/pipeline';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

/** Commands for one pipeline (all name the same pipelineId). */
export type PipelineCommands = readonly [PipelineCommand, ...PipelineCommand[]];

export class ExecutePipelineCommand extends ServiceCommand<PipelineCommands> {}

// The api's dispatch of pipeline commands; the use case is PipelineService in libs/application.
@CommandHandler(ExecutePipelineCommand)
export class PipelineCommandHandler extends ServiceCommandHandler<PipelineCommands> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new PipelineService(executor));
  }
}
