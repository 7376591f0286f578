import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { DEFAULT_TICKET_PIPELINE_ID } from '#domain/pipeline';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteTicketCommand, type TicketRequest } from './ticket.handler.js';
import { GetTicket } from './ticket.queries.js';
import { AssignTicketOwnerDto, ChangeTicketPriorityDto, CreateTicketDto, MoveTicketToStageDto, TicketView } from './tickets.dto.js';

@ApiTags('tickets')
@Controller('v1/tickets')
export class TicketsController {
  private readonly tickets: CommandRoutes<TicketRequest>;

  constructor(
    @Inject(CommandBus) commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {
    this.tickets = new CommandRoutes(commands, ExecuteTicketCommand, (request) => request.data.ticketId);
  }

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
    return this.tickets.run('CreateTicket', { ticketId, pipelineId: pipelineId ?? DEFAULT_TICKET_PIPELINE_ID, ...body }, context);
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
    return this.tickets.run('MoveTicketToStage', { ticketId, stageId }, context, ifMatch);
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
    return this.tickets.run('AssignTicketOwner', { ticketId, ownerId }, context, ifMatch);
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
    return this.tickets.run('ChangeTicketPriority', { ticketId, priority }, context, ifMatch);
  }
}
