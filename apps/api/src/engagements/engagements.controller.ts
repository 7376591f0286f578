import { BadRequestException, Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { RequestContext } from '../../../../libs/application/src/index.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { ExecuteEngagementCommand, type EngagementRequest } from './engagement.handler.js';
import { CompleteTaskDto, LogEngagementDto } from './engagements.dto.js';

// Clocks drift; anything further ahead than this is a client bug, not a skewed clock.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The business time of a logged engagement, in UTC; a moment beyond the allowed skew is a 400. */
const occurredAtOf = (occurredAt: string | undefined, now: string): string | undefined => {
  if (occurredAt === undefined) return undefined;
  const at = Date.parse(occurredAt);
  if (at - Date.parse(now) > MAX_CLOCK_SKEW_MS) {
    const reason = 'occurredAt must not be more than 5 minutes in the future';
    throw new BadRequestException({ error: 'VALIDATION_FAILED', message: `occurredAt: ${reason}`, fields: [{ field: 'occurredAt', reason }] });
  }
  return new Date(at).toISOString();
};

@ApiTags('engagements')
@ApiUnprocessableEntityResponse({ description: 'An engagement rule was broken (the body names the rule)' })
@Controller('v1/engagements')
export class EngagementsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Log an email, call, meeting, note or task against contacts, companies, deals or tickets' })
  @ApiCreatedResponse({ type: CommandResponse })
  log(@Body() { occurredAt, ...body }: LogEngagementDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const engagementId = context.ids.next('engagement');
    return this.run(
      { type: 'LogEngagement', data: { engagementId, ...body }, metadata: { now: context.now, occurredAt: occurredAtOf(occurredAt, context.now) } },
      context,
    );
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
    return this.run({ type: 'CompleteTask', data: { engagementId, completedBy }, metadata: { now: context.now } }, context, ifMatch);
  }

  private async run(request: EngagementRequest, context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteEngagementCommand(request, context, { ifMatch }));
    return toResponse(request.data.engagementId, result);
  }
}
