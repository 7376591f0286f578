import { Body, Delete, Inject, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '#application';
import { REPORTING_CURRENCY, type GoalCommand } from '#domain/goal';
import { reportingCurrencyOf } from '#projections/exchange-rates';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { READ_MODELS } from '../tokens.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteGoalCommand } from './goal.handler.js';
import { ChangeGoalTargetDto, SetGoalDto } from './goals.dto.js';

const FIELDS_AT_FAULT = 'A field at fault, named in fields: neither or both of ownerId and team, an unknown owner, a currency on a count, a target outside its rule';

@ApiRoutes('goals', 'v1/goals')
export class GoalsController {
  private readonly goals: CommandRoutes<GoalCommand>;

  constructor(
    @Inject(CommandBus) commands: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {
    this.goals = new CommandRoutes(commands, ExecuteGoalCommand, (command) => command.data.goalId);
  }

  // A `reporting` target is held to the digits of the reporting currency set when it is written: the decider
  // reads nothing, so the edge reads the setting and passes it on.
  private reportingCurrency(): Promise<string | null> {
    return reportingCurrencyOf(this.readModels);
  }

  @CreateRoute('Set a goal (quota) for an owner or a team and a month or quarter: won amount, deals won, calls or meetings logged')
  @ApiBadRequestResponse({ description: FIELDS_AT_FAULT })
  async create(@Body() body: SetGoalDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const reportingCurrency = body.currency === REPORTING_CURRENCY ? await this.reportingCurrency() : null;
    return this.goals.run('SetGoal', { goalId: context.ids.next('goal'), ...body, reportingCurrency }, context);
  }

  @CommandRoute(Patch(':id'), "Change a goal's target")
  @ApiBadRequestResponse({ description: 'A target outside the rule of the goal metric and currency' })
  @ApiConflictResponse({ description: 'If-Match names a revision the goal has moved past' })
  @ApiNotFoundResponse({ description: 'No such goal, or it was removed' })
  async changeTarget(
    @IdParam() goalId: string,
    @Body() { target }: ChangeGoalTargetDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.goals.run('ChangeGoalTarget', { goalId, target, reportingCurrency: await this.reportingCurrency() }, context, ifMatch);
  }

  @CommandRoute(Delete(':id'), 'Remove a goal: it leaves the goals read model; its events stay in the log')
  @ApiConflictResponse({ description: 'If-Match names a revision the goal has moved past' })
  @ApiNotFoundResponse({ description: 'No such goal, or it was removed already' })
  remove(@IdParam() goalId: string, @Ctx() context: RequestContext, @IfMatch() ifMatch: number | undefined): Promise<CommandResponse> {
    return this.goals.run('RemoveGoal', { goalId }, context, ifMatch);
  }
}
