import { Body, Delete, Get, Inject, Patch, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { RequestContext } from '#application';
import { Ctx, IfMatch } from '../http/request-context.decorator.js';
import { ApiRoutes, CommandRoute, CreateRoute, IdParam } from '../http/routes.js';
import { toResponse, type CommandResponse } from '../write/command-response.js';
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

@ApiRoutes('contacts', 'v1/contacts')
export class ContactsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus, @Inject(QueryBus) private readonly queries: QueryBus) {}

  @CreateRoute('Create a contact; its marketing status follows the marketing policy for its source')
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
  get(@IdParam() id: string): Promise<ContactRecord | MergedContactRecord> {
    return this.queries.execute(new GetContact(id));
  }

  @CommandRoute(Patch(':id'), "Change a contact's built-in fields and custom properties; a new email must be free")
  @ApiConflictResponse({ description: 'If-Match is stale, or another contact has the new email' })
  async update(
    @IdParam() id: string,
    @Body() changes: UpdateContactDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const command = { type: 'UpdateContact', data: { contactId: id, changes }, metadata: { now: context.now } } as const;
    return toResponse(id, await this.commands.execute(new UpdateContactCommand(command, context, { ifMatch })));
  }

  @CommandRoute(Put(':id/lifecycle-stage'), 'Set the lifecycle stage (forwards or backwards)')
  lifecycleStage(
    @IdParam() id: string,
    @Body() { stage }: ChangeLifecycleStageDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'ChangeLifecycleStage', data: { contactId: id, stage }, metadata: { now: context.now } }, context, ifMatch);
  }

  @CommandRoute(Put(':id/owner'), 'Assign the owning rep, or unassign with null')
  @ApiNotFoundResponse({ description: 'The contact or the owner does not exist' })
  owner(
    @IdParam() id: string,
    @Body() { ownerId }: AssignContactOwnerDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'AssignContactOwner', data: { contactId: id, ownerId }, metadata: { now: context.now } }, context, ifMatch);
  }

  @CommandRoute(Put(':id/marketing-status'), 'Make the contact a marketing or a non-marketing contact, with a reason on record')
  marketingStatus(
    @IdParam() id: string,
    @Body() { status, reason }: ChangeMarketingStatusDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const command = { type: 'ChangeMarketingStatus', data: { contactId: id, status, reason }, metadata: { now: context.now } } as const;
    return this.run(id, command, context, ifMatch);
  }

  @CommandRoute(Post(':id/company'), 'Associate the contact with a company (replacing its current one)')
  @ApiNotFoundResponse({ description: 'The contact or the company does not exist' })
  associate(
    @IdParam() id: string,
    @Body() { companyId }: AssociateCompanyDto,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const command = { type: 'AssociateContactWithCompany', data: { contactId: id, companyId }, metadata: { now: context.now } } as const;
    return this.run(id, command, context, ifMatch);
  }

  @CommandRoute(Delete(':id/company/:companyId'), 'Dissociate the contact from the company')
  @ApiNotFoundResponse({ description: 'The contact or the company does not exist' })
  dissociate(
    @IdParam() id: string,
    @IdParam('companyId') companyId: string,
    @Ctx() context: RequestContext,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<CommandResponse> {
    const command = { type: 'DissociateContactFromCompany', data: { contactId: id, companyId }, metadata: { now: context.now } } as const;
    return this.run(id, command, context, ifMatch);
  }

  @CommandRoute(Post(':id/merge'), 'Merge a duplicate into this contact; the duplicate becomes a pointer here and frees its email')
  @ApiUnprocessableEntityResponse({ description: 'Merging into itself, or either contact was merged already' })
  async merge(@IdParam() id: string, @Body() { duplicateId }: MergeContactDto, @Ctx() context: RequestContext): Promise<CommandResponse> {
    return toResponse(id, await this.commands.execute(new MergeContactsCommand(id, duplicateId, context)));
  }

  private async run(id: string, command: ContactStreamCommand, context: RequestContext, ifMatch: number | undefined): Promise<CommandResponse> {
    return toResponse(id, await this.commands.execute(new ExecuteContactCommand(command, context, { ifMatch })));
  }
}
