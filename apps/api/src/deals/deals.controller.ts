import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { DEFAULT_DEAL_PIPELINE_ID } from '#domain/pipeline';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse } from '../write/command-response.js';
import { CommandRoutes } from '../write/command-routes.js';
import { ExecuteDealCommand, type DealRequest } from './deal.handler.js';
import { GetDeal } from './deal.queries.js';
import {
  AssociateDealCompanyDto,
  AssociateDealContactDto,
  CreateDealDto,
  DealView,
  MoveDealToStageDto,
  ReopenDealDto,
  UpdateDealDto,
} from './deals.dto.js';

@ApiTags('deals')
@Controller('v1/deals')
export class DealsController {
  private readonly deals: CommandRoutes<DealRequest>;

  constructor(
    @Inject(CommandBus) commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {
    this.deals = new CommandRoutes(commands, ExecuteDealCommand, (request) => request.data.dealId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A deal as its stream says now, with its revision' })
  @ApiOkResponse({ type: DealView })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) dealId: string): Promise<DealView> {
    return this.queries.execute(new GetDeal(dealId));
  }

  @Post()
  @ApiOperation({ summary: 'Create a deal in a stage of a deal pipeline' })
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiNotFoundResponse({ description: 'The pipeline does not exist' })
  create(@Body() { pipelineId, ...body }: CreateDealDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const dealId = context.ids.next('deal');
    return this.deals.run('CreateDeal', { dealId, pipelineId: pipelineId ?? DEFAULT_DEAL_PIPELINE_ID, ...body }, context);
  }

  @Put(':id/stage')
  @ApiOperation({ summary: 'Move a deal to another stage of its pipeline (a won or lost stage closes it)' })
  @ApiOkResponse({ type: CommandResponse })
  moveToStage(
    @Param('id', new ParseUUIDPipe()) dealId: string,
    @Body() { stageId, lostReason }: MoveDealToStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('MoveDealToStage', { dealId, stageId, lostReason }, context, ifMatch);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a won or lost deal into an open stage' })
  @ApiOkResponse({ type: CommandResponse })
  reopen(
    @Param('id', new ParseUUIDPipe()) dealId: string,
    @Body() { stageId }: ReopenDealDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('ReopenDeal', { dealId, stageId }, context, ifMatch);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a deal's name, amount, currency, close date or owner (whole or not at all)" })
  @ApiOkResponse({ type: CommandResponse })
  update(
    @Param('id', new ParseUUIDPipe()) dealId: string,
    @Body() changes: UpdateDealDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('UpdateDeal', { dealId, ...changes }, context, ifMatch);
  }

  @Post(':id/contacts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Associate a contact with a deal' })
  @ApiOkResponse({ type: CommandResponse })
  associateContact(
    @Param('id', new ParseUUIDPipe()) dealId: string,
    @Body() { contactId }: AssociateDealContactDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('AssociateDealContact', { dealId, contactId }, context, ifMatch);
  }

  @Delete(':id/contacts/:contactId')
  @ApiOperation({ summary: 'Dissociate a contact from a deal' })
  @ApiOkResponse({ type: CommandResponse })
  dissociateContact(
    @Param('id', new ParseUUIDPipe()) dealId: string,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('DissociateDealContact', { dealId, contactId }, context, ifMatch);
  }

  @Put(':id/company')
  @ApiOperation({ summary: "Set a deal's company (a deal has one)" })
  @ApiOkResponse({ type: CommandResponse })
  associateCompany(
    @Param('id', new ParseUUIDPipe()) dealId: string,
    @Body() { companyId }: AssociateDealCompanyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('AssociateDealCompany', { dealId, companyId }, context, ifMatch);
  }
}
