import { Body, Inject, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { metadataAt } from '../contacts/business-time.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteEngagementCommand, type EngagementRequest } from './engagement.handler.js';
import { CompleteTaskDto, LogEngagementDto, RescheduleTaskDto, UpdateEngagementDto } from './engagements.dto.js';

@ApiRoutes('engagements', 'v1/engagements')
export class EngagementsController {
  private readonly engagements: CommandRoutes<EngagementRequest>;

  constructor(@Inject(CommandBus) commands: CommandBus) {
    this.engagements = new CommandRoutes(commands, ExecuteEngagementCommand, (request) => request.data.engagementId);
  }

  @CreateRoute('Log an email, call, meeting, note or task against contacts, companies, deals or tickets')
  @ApiForbiddenResponse({ description: 'The key is bound to an owner and ownerId names another: {error: FORBIDDEN, fields: [ownerId]}' })
  log(@Body() { occurredAt, ...body }: LogEngagementDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const engagementId = context.ids.next('engagement');
    return this.engagements.dispatch({ type: 'LogEngagement', data: { engagementId, ...body }, metadata: metadataAt(context, occurredAt) }, context);
  }

  @CommandRoute(Patch(':id'), "Change an engagement's subject, body, outcome, duration or priority (the fields its kind has)")
  @ApiBadRequestResponse({ description: 'A field the kind does not have (priority on a call, durationMinutes on a task), named in fields' })
  @ApiConflictResponse({ description: 'If-Match names a revision the engagement has moved past' })
  @ApiNotFoundResponse()
  update(
    @IdParam() engagementId: string,
    @Body() changes: UpdateEngagementDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.engagements.run('UpdateEngagement', { engagementId, ...changes }, context, ifMatch);
  }

  @CommandRoute(Post(':id/reschedule'), "Move an open task's due time")
  @ApiNotFoundResponse()
  reschedule(
    @IdParam() engagementId: string,
    @Body() { dueAt }: RescheduleTaskDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.engagements.run('RescheduleTask', { engagementId, dueAt }, context, ifMatch);
  }

  @CommandRoute(Post(':id/complete'), 'Mark a task done (once until reopened)')
  @ApiForbiddenResponse({ description: 'The key is bound to an owner and completedBy names another' })
  @ApiNotFoundResponse()
  complete(
    @IdParam() engagementId: string,
    @Body() { completedBy }: CompleteTaskDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.engagements.run('CompleteTask', { engagementId, completedBy }, context, ifMatch);
  }

  @CommandRoute(Post(':id/reopen'), 'Open a completed task again')
  @ApiNotFoundResponse()
  reopen(@IdParam() engagementId: string, @Ctx() context: RequestContext, @IfMatch() ifMatch: number | undefined): Promise<CommandResponse> {
    return this.engagements.run('ReopenTask', { engagementId }, context, ifMatch);
  }
}
