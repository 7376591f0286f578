import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandResult,
  type ExecuteOptions,
  type RequestContext,
} from '../../../../libs/application/src/index.js';
import {
  pipelineDecider,
  pipelineStream,
  type PipelineCommand,
  type PipelineEvent,
  type PipelineState,
} from '../../../../libs/domain/src/pipeline/index.js';
import type { Command as DomainCommand, Decider } from '../../../../libs/domain/src/shared/index.js';

/** One request's pipeline commands, decided in order against the state each leaves behind. */
type PipelineCommandBatch = DomainCommand<'PipelineCommandBatch', readonly PipelineCommand[]>;

// Every command of a request is decided before anything is appended: a PATCH of a stage (label and probability)
// applies whole or not at all.
const pipelineBatchDecider: Decider<PipelineCommandBatch, PipelineEvent, PipelineState> = {
  evolve: pipelineDecider.evolve,
  initialState: pipelineDecider.initialState,
  decide: (batch, state) => {
    const decided: PipelineEvent[] = [];
    let current = state;
    for (const command of batch.data) {
      const events = pipelineDecider.decide(command, current);
      current = events.reduce(pipelineDecider.evolve, current);
      decided.push(...events);
    }
    return decided;
  },
};

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

@CommandHandler(ExecutePipelineCommand)
export class PipelineCommandHandler implements ICommandHandler<ExecutePipelineCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ commands, context, options }: ExecutePipelineCommand): Promise<CommandResult> {
    const { pipelineId } = commands[0].data;
    const batch: PipelineCommandBatch = { type: 'PipelineCommandBatch', data: commands, metadata: commands[0].metadata };
    return this.executor.execute(pipelineStream(pipelineId), pipelineBatchDecider, batch, context, options);
  }
}
