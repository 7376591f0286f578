import { Body, Get, Inject, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { CompanyRecord, GetCompany, MergedCompanyRecord } from './company.queries.js';
import { CreateCompanyCommand, UpdateCompanyCommand } from './company.handler.js';
import { CreateCompanyDto, UpdateCompanyDto } from './companies.dto.js';

@ApiRoutes('companies', 'v1/companies')
export class CompaniesController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {}

  @CreateRoute('Create a company')
  @ApiConflictResponse({ description: 'Another company has this domain or unique property value: {error: ALREADY_EXISTS, existingId}' })
  async create(@Body() body: CreateCompanyDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const companyId = context.ids.next('company');
    const result = await this.commands.execute(
      new CreateCompanyCommand({ type: 'CreateCompany', data: { companyId, ...body }, metadata: { now: context.now } }, context),
    );
    return toResponse(companyId, result);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The company as its stream stands now; a merged company answers with mergedInto' })
  @ApiExtraModels(CompanyRecord, MergedCompanyRecord)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(CompanyRecord) }, { $ref: getSchemaPath(MergedCompanyRecord) }] } })
  @ApiNotFoundResponse()
  get(@IdParam() companyId: string): Promise<CompanyRecord | MergedCompanyRecord> {
    return this.queries.execute(new GetCompany(companyId));
  }

  @CommandRoute(Patch(':id'), "Change a company's name, domain, industry, size, country or custom properties (whole or not at all); a new domain must be free")
  @ApiConflictResponse({ description: 'If-Match is stale, or another company has the new domain or unique property value: {error: ALREADY_EXISTS, existingId}' })
  async update(
    @IdParam() companyId: string,
    @Body() { properties, ...changes }: UpdateCompanyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const result = await this.commands.execute(
      new UpdateCompanyCommand(
        { type: 'UpdateCompany', data: { companyId, changes, properties }, metadata: { now: context.now } },
        context,
        { ifMatch },
      ),
    );
    return toResponse(companyId, result);
  }
}
