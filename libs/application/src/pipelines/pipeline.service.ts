import {
  pipelineDecider,
  pipelineStream,
  type PipelineCommand,
  type PipelineEvent,
  type PipelineState,
} from '#domain/pipeline';
import type { Command as DomainCommand, Decider } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import type { RequestContext } from '../request-context.js';

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

/** Pipeline commands: one or more for the same pipeline, decided together, appended at once. */
export class PipelineService {
  constructor(private readonly executor: CommandExecutor) {}

  handle(commands: readonly [PipelineCommand, ...PipelineCommand[]], context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    const { pipelineId } = commands[0].data;
    const batch: PipelineCommandBatch = { type: 'PipelineCommandBatch', data: commands, metadata: commands[0].metadata };
    return this.executor.execute(pipelineStream(pipelineId), pipelineBatchDecider, batch, context, options);
  }
}
