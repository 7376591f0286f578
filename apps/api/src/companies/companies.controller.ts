import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { CompanyRecord, GetCompany } from './company.queries.js';
import { CreateCompanyCommand, UpdateCompanyCommand } from './company.handler.js';
import { CreateCompanyDto, UpdateCompanyDto } from './companies.dto.js';

@ApiTags('companies')
@Controller('v1/companies')
export class CompaniesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a company' })
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'Another company has this domain: {error: ALREADY_EXISTS, existingId}' })
  async create(@Body() body: CreateCompanyDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const companyId = context.ids.next('company');
    const result = await this.commands.execute(
      new CreateCompanyCommand({ type: 'CreateCompany', data: { companyId, ...body }, metadata: { now: context.now } }, context),
    );
    return toResponse(companyId, result);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The company as its stream stands now' })
  @ApiOkResponse({ type: CompanyRecord })
  @ApiNotFoundResponse()
  get(@Param('id', new ParseUUIDPipe()) companyId: string): Promise<CompanyRecord> {
    return this.queries.execute(new GetCompany(companyId));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a company's name, domain, industry, size or country; a new domain must be free" })
  @ApiOkResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'If-Match is stale, or another company has the new domain' })
  async update(
    @Param('id', new ParseUUIDPipe()) companyId: string,
    @Body() changes: UpdateCompanyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(
      new UpdateCompanyCommand(
        { type: 'UpdateCompany', data: { companyId, changes }, metadata: { now: context.now } },
        context,
        { ifMatch },
      ),
    );
    return toResponse(companyId, result);
  }
}
