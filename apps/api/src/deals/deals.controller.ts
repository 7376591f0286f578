import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
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
import { DEFAULT_DEAL_PIPELINE_ID } from '../../../../libs/domain/src/pipeline/index.js';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
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
@ApiUnprocessableEntityResponse({ description: 'A deal rule was broken (the body names the rule)' })
@ApiConflictResponse({ description: 'If-Match names a revision the deal has moved past' })
@Controller('v1/deals')
export class DealsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

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
    return this.run(
      { type: 'CreateDeal', data: { dealId, pipelineId: pipelineId ?? DEFAULT_DEAL_PIPELINE_ID, ...body }, metadata: { now: context.now } },
      context,
    );
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
    return this.run({ type: 'MoveDealToStage', data: { dealId, stageId, lostReason }, metadata: { now: context.now } }, context, ifMatch);
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
    return this.run({ type: 'ReopenDeal', data: { dealId, stageId }, metadata: { now: context.now } }, context, ifMatch);
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
    return this.run({ type: 'UpdateDeal', data: { dealId, ...changes }, metadata: { now: context.now } }, context, ifMatch);
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
    return this.run({ type: 'AssociateDealContact', data: { dealId, contactId }, metadata: { now: context.now } }, context, ifMatch);
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
    return this.run({ type: 'DissociateDealContact', data: { dealId, contactId }, metadata: { now: context.now } }, context, ifMatch);
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
    return this.run({ type: 'AssociateDealCompany', data: { dealId, companyId }, metadata: { now: context.now } }, context, ifMatch);
  }

  private async run(request: DealRequest, context: RequestContext, ifMatch?: number): Promise<CommandResponse> {
    const result = await this.commands.execute(new ExecuteDealCommand(request, context, { ifMatch }));
    return toResponse(request.data.dealId, result);
  }
}
