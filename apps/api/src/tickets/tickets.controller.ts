import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { RequestContext } from '../../../../libs/application/src/index.js';
import { DEFAULT_TICKET_PIPELINE_ID } from '../../../../libs/domain/src/pipeline/index.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { ExecuteTicketCommand, type TicketRequest } from './ticket.handler.js';
import { GetTicket } from './ticket.queries.js';
import { AssignTicketOwnerDto, ChangeTicketPriorityDto, CreateTicketDto, MoveTicketToStageDto, TicketView } from './tickets.dto.js';

@ApiTags('tickets')
@ApiUnprocessableEntityResponse({ description: 'A ticket rule was broken (the body names the rule)' })
@ApiConflictResponse({ description: 'If-Match names a revision the ticket has moved past' })
@Controller('v1/tickets')
export class TicketsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'A ticket as its stream says now, with its revision' })
  @ApiOkResponse({ type: TicketView })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) ticketId: string): Promise<TicketView> {
    return this.queries.execute(new GetTicket(ticketId));
  }

  @Post()
  @ApiOperation({ summary: 'Open a ticket in a stage of a ticket pipeline' })
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiNotFoundResponse({ description: 'The pipeline does not exist' })
  create(@Body() { pipelineId, ...body }: CreateTicketDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const ticketId = context.ids.next('ticket');
    return this.run(
      { type: 'CreateTicket', data: { ticketId, pipelineId: pipelineId ?? DEFAULT_TICKET_PIPELINE_ID, ...body }, metadata: { now: context.now } },
      context,
    );
  }

  @Put(':id/stage')
  @ApiOperation({ summary: 'Move a ticket to another stage (a closed stage closes it, leaving one reopens it)' })
  @ApiOkResponse({ type: CommandResponse })
  moveToStage(
    @Param('id', new ParseUUIDPipe()) ticketId: string,
    @Body() { stageId }: MoveTicketToStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run({ type: 'MoveTicketToStage', data: { ticketId, stageId }, metadata: { now: context.now } }, context, ifMatch);
  }

  @Put(':id/owner')
  @ApiOperation({ summary: 'Assign a ticket to an owner (null unassigns)' })
  @ApiOkResponse({ type: CommandResponse })
  assignOwner(
    @Param('id', new ParseUUIDPipe()) ticketId: string,
    @Body() { ownerId }: AssignTicketOwnerDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run({ type: 'AssignTicketOwner', data: { ticketId, ownerId }, metadata: { now: context.now } }, context, ifMatch);
  }

  @Put(':id/priority')
  @ApiOperation({ summary: "Change a ticket's priority" })
  @ApiOkResponse({ type: CommandResponse })
  changePriority(
    @Param('id', new ParseUUIDPipe()) ticketId: string,
    @Body() { priority }: ChangeTicketPriorityDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run({ type: 'ChangeTicketPriority', data: { ticketId, priority }, metadata: { now: context.now } }, context, ifMatch);
  }

  private async run(request: TicketRequest, context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteTicketCommand(request, context, { ifMatch }));
    return toResponse(request.data.ticketId, result);
  }
}
