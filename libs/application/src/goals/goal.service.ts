import { goalDecider, goalStream, type GoalCommand, type GoalProblem } from '#domain/goal';
import { ownerDecider, ownerStream } from '#domain/owner';
import { DomainError } from '#domain/shared';
import type { CommandExecutor, CommandResult, ExecuteOptions } from '../command-executor.js';
import { validationFailed } from '../errors/application-error.js';
import type { RequestContext } from '../request-context.js';

/** Goal commands: check the owner a goal names exists, load the goal's stream, decide, append. */
export class GoalService {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(command: GoalCommand, context: RequestContext, options: ExecuteOptions = {}): Promise<CommandResult> {
    if (command.type === 'SetGoal' && typeof command.data.ownerId === 'string') {
      // An owner is never deleted, so this read cannot go stale before the append.
      const { state } = await this.executor.load(ownerStream(command.data.ownerId), ownerDecider);
      if (state.status === 'absent') throw validationFailed([{ field: 'ownerId', reason: `no owner ${command.data.ownerId} exists` }]);
    }
    try {
      return await this.executor.execute(goalStream(command.data.goalId), goalDecider, command, context, options);
    } catch (error) {
      // A goal's input refused by its rules is bad input: 400 naming every field at fault.
      if (error instanceof DomainError && error.details.rule === 'goal-invalid') throw validationFailed(error.details.fields as readonly GoalProblem[]);
      throw error;
    }
  }
}
