import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, GoalService } from '#application';
import type { GoalCommand } from '#domain/goal';
import { ServiceCommand, ServiceCommandHandler } from '../write/service-command.js';

export class ExecuteGoalCommand extends ServiceCommand<GoalCommand> {}

// The api's dispatch of goal commands; the use case is GoalService in libs/application.
@CommandHandler(ExecuteGoalCommand)
export class GoalCommandHandler extends ServiceCommandHandler<GoalCommand> {
  constructor(@Inject(CommandExecutor) executor: CommandExecutor) {
    super(new GoalService(executor));
  }
}
