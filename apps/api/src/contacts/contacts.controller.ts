import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { CommandResponse, toResponse } from '../write/command-response.js';
import { ContactRecord, GetContact, MergedContactRecord } from './contact.queries.js';
import {
  CreateContactCommand,
  ExecuteContactCommand,
  MergeContactsCommand,
  UpdateContactCommand,
  type ContactStreamCommand,
} from './contact.handler.js';
import {
  AssignContactOwnerDto,
  AssociateCompanyDto,
  ChangeLifecycleStageDto,
  ChangeMarketingStatusDto,
  CreateContactDto,
  MergeContactDto,
  UpdateContactDto,
} from './contacts.dto.js';

const contactId = () => Param('id', new ParseUUIDPipe());

@ApiTags('contacts')
@Controller('v1/contacts')
export class ContactsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a contact; its marketing status follows the marketing policy for its source' })
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'Another contact has this email: {error: ALREADY_EXISTS, existingId}' })
  async create(@Body() body: CreateContactDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    const id = context.ids.next('contact');
    const result = await this.commands.execute(new CreateContactCommand({ contactId: id, ...body }, context));
    return toResponse(id, result);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The contact as its stream stands now; a merged contact answers with mergedInto' })
  @ApiExtraModels(ContactRecord, MergedContactRecord)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(ContactRecord) }, { $ref: getSchemaPath(MergedContactRecord) }] } })
  @ApiNotFoundResponse()
  get(@contactId() id: string): Promise<ContactRecord | MergedContactRecord> {
    return this.queries.execute(new GetContact(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a contact's built-in fields and custom properties; a new email must be free" })
  @ApiOkResponse({ type: CommandResponse })
  @ApiConflictResponse({ description: 'If-Match is stale, or another contact has the new email' })
  async update(
    @contactId() id: string,
    @Body() changes: UpdateContactDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const command = { type: 'UpdateContact', data: { contactId: id, changes }, metadata: { now: context.now } } as const;
    return toResponse(id, await this.commands.execute(new UpdateContactCommand(command, context, { ifMatch })));
  }

  @Put(':id/lifecycle-stage')
  @ApiOperation({ summary: 'Set the lifecycle stage (forwards or backwards)' })
  @ApiOkResponse({ type: CommandResponse })
  lifecycleStage(
    @contactId() id: string,
    @Body() { stage }: ChangeLifecycleStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'ChangeLifecycleStage', data: { contactId: id, stage }, metadata: { now: context.now } }, context, ifMatch);
  }

  @Put(':id/owner')
  @ApiOperation({ summary: 'Assign the owning rep, or unassign with null' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiNotFoundResponse({ description: 'The contact or the owner does not exist' })
  owner(
    @contactId() id: string,
    @Body() { ownerId }: AssignContactOwnerDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'AssignContactOwner', data: { contactId: id, ownerId }, metadata: { now: context.now } }, context, ifMatch);
  }

  @Put(':id/marketing-status')
  @ApiOperation({ summary: 'Make the contact a marketing or a non-marketing contact, with a reason on record' })
  @ApiOkResponse({ type: CommandResponse })
  marketingStatus(
    @contactId() id: string,
    @Body() { status, reason }: ChangeMarketingStatusDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(
      id,
      { type: 'ChangeMarketingStatus', data: { contactId: id, status, reason }, metadata: { now: context.now } },
      context,
      ifMatch,
    );
  }

  @Post(':id/company')
  @HttpCode(200)
  @ApiOperation({ summary: 'Associate the contact with a company (replacing its current one)' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiNotFoundResponse({ description: 'The contact or the company does not exist' })
  associate(
    @contactId() id: string,
    @Body() { companyId }: AssociateCompanyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(
      id,
      { type: 'AssociateContactWithCompany', data: { contactId: id, companyId }, metadata: { now: context.now } },
      context,
      ifMatch,
    );
  }

  @Delete(':id/company/:companyId')
  @ApiOperation({ summary: 'Dissociate the contact from the company' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiNotFoundResponse({ description: 'The contact or the company does not exist' })
  dissociate(
    @contactId() id: string,
    @Param('companyId', new ParseUUIDPipe()) companyId: string,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(
      id,
      { type: 'DissociateContactFromCompany', data: { contactId: id, companyId }, metadata: { now: context.now } },
      context,
      ifMatch,
    );
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge a duplicate into this contact; the duplicate becomes a pointer here and frees its email' })
  @ApiOkResponse({ type: CommandResponse })
  @ApiUnprocessableEntityResponse({ description: 'Merging into itself, or either contact was merged already' })
  async merge(@contactId() id: string, @Body() { duplicateId }: MergeContactDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return toResponse(id, await this.commands.execute(new MergeContactsCommand(id, duplicateId, context)));
  }

  private async run(id: string, command: ContactStreamCommand, context: RequestContext, ifMatch: number | undefined): Promise<CommandResponse> {
    return toResponse(id, await this.commands.execute(new ExecuteContactCommand(command, context, { ifMatch })));
  }
}
