import { Body, Get, Inject, Patch, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { DEFAULT_TICKET_PIPELINE_ID } from '#domain/pipeline';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import type { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteTicketCommand, type TicketRequest } from './ticket.handler.js';
import { GetTicket } from './ticket.queries.js';
import { AssignTicketOwnerDto, ChangeTicketPriorityDto, CreateTicketDto, MoveTicketToStageDto, TicketView, UpdateTicketDto } from './tickets.dto.js';

@ApiRoutes('tickets', 'v1/tickets')
export class TicketsController {
  private readonly tickets: CommandRoutes<TicketRequest>;

  constructor(@Inject(CommandBus) commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {
    this.tickets = new CommandRoutes(commands, ExecuteTicketCommand, (request) => request.data.ticketId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket as its stream says now, with its revision' })
  @ApiOkResponse({ type: TicketView })
  @ApiNotFoundResponse()
  get(@IdParam() ticketId: string): Promise<TicketView> {
    return this.queries.execute(new GetTicket(ticketId));
  }

  @CreateRoute('Open a ticket in a stage of a ticket pipeline')
  @ApiConflictResponse({ description: 'Another ticket has a unique property value: {error: ALREADY_EXISTS, existingId}' })
  @ApiNotFoundResponse({ description: 'The pipeline does not exist' })
  create(@Body() { pipelineId, ...body }: CreateTicketDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const ticketId = context.ids.next('ticket');
    return this.tickets.run('CreateTicket', { ticketId, pipelineId: pipelineId ?? DEFAULT_TICKET_PIPELINE_ID, ...body }, context);
  }

  @CommandRoute(Patch(':id'), "Change a ticket's custom properties")
  @ApiConflictResponse({ description: 'If-Match is stale, or another ticket has a unique property value: {error: ALREADY_EXISTS, existingId}' })
  update(
    @IdParam() ticketId: string,
    @Body() { properties }: UpdateTicketDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.tickets.run('ChangeTicketProperties', { ticketId, properties }, context, ifMatch);
  }

  @CommandRoute(Put(':id/stage'), 'Move a ticket to another stage (a closed stage closes it, leaving one reopens it)')
  moveToStage(
    @IdParam() ticketId: string,
    @Body() { stageId }: MoveTicketToStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.tickets.run('MoveTicketToStage', { ticketId, stageId }, context, ifMatch);
  }

  @CommandRoute(Put(':id/owner'), 'Assign a ticket to an owner (null unassigns)')
  assignOwner(
    @IdParam() ticketId: string,
    @Body() { ownerId }: AssignTicketOwnerDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.tickets.run('AssignTicketOwner', { ticketId, ownerId }, context, ifMatch);
  }

  @CommandRoute(Put(':id/priority'), "Change a ticket's priority")
  changePriority(
    @IdParam() ticketId: string,
    @Body() { priority }: ChangeTicketPriorityDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.tickets.run('ChangeTicketPriority', { ticketId, priority }, context, ifMatch);
  }
}
