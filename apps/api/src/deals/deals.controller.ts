import { Body, Delete, Get, Inject, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { DEFAULT_DEAL_PIPELINE_ID } from '#domain/pipeline';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import type { CommandResponse } from '../write/command-response.js';
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

@ApiRoutes('deals', 'v1/deals')
export class DealsController {
  private readonly deals: CommandRoutes<DealRequest>;

  constructor(@Inject(CommandBus) commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {
    this.deals = new CommandRoutes(commands, ExecuteDealCommand, (request) => request.data.dealId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A deal as its stream says now, with its revision' })
  @ApiOkResponse({ type: DealView })
  @ApiNotFoundResponse()
  get(@IdParam() dealId: string): Promise<DealView> {
    return this.queries.execute(new GetDeal(dealId));
  }

  @CreateRoute('Create a deal in a stage of a deal pipeline')
  @ApiConflictResponse({ description: 'Another deal has a unique property value: {error: ALREADY_EXISTS, existingId}' })
  @ApiNotFoundResponse({ description: 'The pipeline, or the deal named by renewsDealId, does not exist' })
  create(@Body() { pipelineId, ...body }: CreateDealDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const dealId = context.ids.next('deal');
    return this.deals.run('CreateDeal', { dealId, pipelineId: pipelineId ?? DEFAULT_DEAL_PIPELINE_ID, ...body }, context);
  }

  @CommandRoute(Put(':id/stage'), 'Move a deal to another stage of its pipeline (a won or lost stage closes it)')
  moveToStage(
    @IdParam() dealId: string,
    @Body() { stageId, lostReason }: MoveDealToStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('MoveDealToStage', { dealId, stageId, lostReason }, context, ifMatch);
  }

  @CommandRoute(Post(':id/reopen'), 'Reopen a won or lost deal into an open stage')
  reopen(
    @IdParam() dealId: string,
    @Body() { stageId }: ReopenDealDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('ReopenDeal', { dealId, stageId }, context, ifMatch);
  }

  @CommandRoute(Patch(':id'), "Change a deal's name, amount, currency, revenue type, billing period, contract term, close date, owner or custom properties (whole or not at all)")
  @ApiConflictResponse({ description: 'If-Match is stale, or another deal has a unique property value: {error: ALREADY_EXISTS, existingId}' })
  update(
    @IdParam() dealId: string,
    @Body() changes: UpdateDealDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('UpdateDeal', { dealId, ...changes }, context, ifMatch);
  }

  @CommandRoute(Post(':id/contacts'), 'Associate a contact with a deal')
  associateContact(
    @IdParam() dealId: string,
    @Body() { contactId }: AssociateDealContactDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('AssociateDealContact', { dealId, contactId }, context, ifMatch);
  }

  @CommandRoute(Delete(':id/contacts/:contactId'), 'Dissociate a contact from a deal')
  dissociateContact(
    @IdParam() dealId: string,
    @IdParam('contactId') contactId: string,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('DissociateDealContact', { dealId, contactId }, context, ifMatch);
  }

  @CommandRoute(Put(':id/company'), "Set a deal's company (a deal has one)")
  associateCompany(
    @IdParam() dealId: string,
    @Body() { companyId }: AssociateDealCompanyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.deals.run('AssociateDealCompany', { dealId, companyId }, context, ifMatch);
  }
}
