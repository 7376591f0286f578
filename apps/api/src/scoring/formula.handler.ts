import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandResult, type RequestContext } from '../../../../libs/application/src/index.js';
import {
  SCORING_FORMULAS_STREAM,
  scoringFormulaDecider,
  type ScoringFormulaCommand,
} from '../../../../libs/domain/src/scoring-formula/index.js';

export class ExecuteScoringFormulaCommand extends Command<CommandResult> {
  constructor(
    readonly command: ScoringFormulaCommand,
    readonly context: RequestContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteScoringFormulaCommand)
export class ScoringFormulaCommandHandler implements ICommandHandler<ExecuteScoringFormulaCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ command, context }: ExecuteScoringFormulaCommand): Promise<CommandResult> {
    return this.executor.execute(SCORING_FORMULAS_STREAM, scoringFormulaDecider, command, context);
  }
}
