import { Body, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { metadataAt } from '../contacts/business-time.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteEngagementCommand, type EngagementRequest } from './engagement.handler.js';
import { CompleteTaskDto, LogEngagementDto } from './engagements.dto.js';

@ApiRoutes('engagements', 'v1/engagements')
export class EngagementsController {
  private readonly engagements: CommandRoutes<EngagementRequest>;

  constructor(@Inject(CommandBus) commands: CommandBus) {
    this.engagements = new CommandRoutes(commands, ExecuteEngagementCommand, (request) => request.data.engagementId);
  }

  @CreateRoute('Log an email, call, meeting, note or task against contacts, companies, deals or tickets')
  log(@Body() { occurredAt, ...body }: LogEngagementDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const engagementId = context.ids.next('engagement');
    return this.engagements.dispatch({ type: 'LogEngagement', data: { engagementId, ...body }, metadata: metadataAt(context, occurredAt) }, context);
  }

  @CommandRoute(Post(':id/complete'), 'Mark a task done (once)')
  @ApiNotFoundResponse()
  complete(
    @IdParam() engagementId: string,
    @Body() { completedBy }: CompleteTaskDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.engagements.run('CompleteTask', { engagementId, completedBy }, context, ifMatch);
  }
}
