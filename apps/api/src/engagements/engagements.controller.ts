import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { metadataAt } from '../contacts/business-time.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteEngagementCommand, type EngagementRequest } from './engagement.handler.js';
import { CompleteTaskDto, LogEngagementDto } from './engagements.dto.js';

@ApiTags('engagements')
@Controller('v1/engagements')
export class EngagementsController {
  private readonly engagements: CommandRoutes<EngagementRequest>;

  constructor(@Inject(CommandBus) commands: CommandBus) {
    this.engagements = new CommandRoutes(commands, ExecuteEngagementCommand, (request) => request.data.engagementId);
  }

  @Post()
  @ApiOperation({ summary: 'Log an email, call, meeting, note or task against contacts, companies, deals or tickets' })
  @ApiCreatedResponse({ type: CommandResponse })
  log(@Body() { occurredAt, ...body }: LogEngagementDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const engagementId = context.ids.next('engagement');
    return this.engagements.dispatch({ type: 'LogEngagement', data: { engagementId, ...body }, metadata: metadataAt(context, occurredAt) }, context);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a task done (once)' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiNotFoundResponse()
  complete(
    @Param('id', new ParseUUIDPipe()) engagementId: string,
    @Body() { completedBy }: CompleteTaskDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.engagements.run('CompleteTask', { engagementId, completedBy }, context, ifMatch);
  }
}
