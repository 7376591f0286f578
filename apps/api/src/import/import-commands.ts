// The commands an NDJSON import line may carry: each validates its data with the DTO of its HTTP route and
// builds the same CommandBus command the route does. `data` adds the id of the record the command acts on.
import type { Command } from '@nestjs/cqrs';
import type { CommandResult } from '../../../../libs/application/src/index.js';
import { DEFAULT_DEAL_PIPELINE_ID, DEFAULT_TICKET_PIPELINE_ID } from '../../../../libs/domain/src/pipeline/index.js';
import type { CommandMetadata } from '../../../../libs/domain/src/shared/index.js';
import { CreateCompanyDto } from '../companies/companies.dto.js';
import { CreateCompanyCommand } from '../companies/company.handler.js';
import { RecordContactActivityCommand } from '../contacts/contact-activity.handler.js';
import { CreateContactCommand, ExecuteContactCommand } from '../contacts/contact.handler.js';
import {
  ChangeLifecycleStageDto,
  CreateContactDto,
  RecordEmailEventDto,
  RecordFormSubmissionDto,
  RecordPageViewDto,
} from '../contacts/contacts.dto.js';
import { ExecuteDealCommand } from '../deals/deal.handler.js';
import { CreateDealDto, MoveDealToStageDto } from '../deals/deals.dto.js';
import { ExecuteEngagementCommand } from '../engagements/engagement.handler.js';
import { LogEngagementDto } from '../engagements/engagements.dto.js';
import { ExecuteOwnerCommand } from '../owners/owner.handler.js';
import { CreateOwnerDto } from '../owners/owners.dto.js';
import { ExecuteTicketCommand } from '../tickets/ticket.handler.js';
import { CreateTicketDto, MoveTicketToStageDto } from '../tickets/tickets.dto.js';
import type { RequestContext } from '../../../../libs/application/src/index.js';

/** Metadata for the line: its business time is the body's occurredAt when the DTO has one, else the line's. */
export type MetadataAt = (bodyOccurredAt?: string) => CommandMetadata;

export type ImportCommand = Readonly<{
  dto: new () => object;
  /** The field of `data` naming the record the command acts on. */
  idField: string;
  /** For a creation: the id purpose the HTTP route uses, so an absent id derives from the line id. */
  newRecord: string | null;
  toCommand(body: object, recordId: string, at: MetadataAt, context: RequestContext): Command<CommandResult>;
}>;

const define = <D extends object>(
  dto: new () => D,
  idField: string,
  newRecord: string | null,
  toCommand: (body: D, recordId: string, at: MetadataAt, context: RequestContext) => Command<CommandResult>,
): ImportCommand => ({
  dto,
  idField,
  newRecord,
  // The body is always an instance of `dto`: the service builds it with plainToInstance(dto, ...).
  toCommand: (body, recordId, at, context) => toCommand(body as D, recordId, at, context),
});

export const IMPORT_COMMANDS: Readonly<Record<string, ImportCommand>> = {
  CreateOwner: define(CreateOwnerDto, 'ownerId', 'owner', (body, ownerId, at, context) =>
    new ExecuteOwnerCommand({ type: 'CreateOwner', data: { ownerId, ...body }, metadata: at() }, context),
  ),
  CreateCompany: define(CreateCompanyDto, 'companyId', 'company', (body, companyId, at, context) =>
    new CreateCompanyCommand({ type: 'CreateCompany', data: { companyId, ...body }, metadata: at() }, context),
  ),
  CreateContact: define(CreateContactDto, 'contactId', 'contact', (body, contactId, at, context) =>
    new CreateContactCommand({ contactId, ...body }, { ...context, now: at().occurredAt ?? context.now }),
  ),
  RecordPageView: define(RecordPageViewDto, 'contactId', null, ({ occurredAt, ...view }, contactId, at, context) =>
    new RecordContactActivityCommand({ type: 'RecordPageView', data: { contactId, ...view }, metadata: at(occurredAt) }, context),
  ),
  RecordFormSubmission: define(RecordFormSubmissionDto, 'contactId', null, ({ occurredAt, ...submission }, contactId, at, context) =>
    new RecordContactActivityCommand(
      { type: 'RecordFormSubmission', data: { contactId, ...submission }, metadata: at(occurredAt) },
      context,
    ),
  ),
  RecordEmailEvent: define(RecordEmailEventDto, 'contactId', null, ({ occurredAt, ...email }, contactId, at, context) =>
    new RecordContactActivityCommand({ type: 'RecordEmailEvent', data: { contactId, ...email }, metadata: at(occurredAt) }, context),
  ),
  ChangeLifecycleStage: define(ChangeLifecycleStageDto, 'contactId', null, ({ stage }, contactId, at, context) =>
    new ExecuteContactCommand({ type: 'ChangeLifecycleStage', data: { contactId, stage }, metadata: at() }, context),
  ),
  CreateDeal: define(CreateDealDto, 'dealId', 'deal', ({ pipelineId, ...body }, dealId, at, context) =>
    new ExecuteDealCommand(
      { type: 'CreateDeal', data: { dealId, pipelineId: pipelineId ?? DEFAULT_DEAL_PIPELINE_ID, ...body }, metadata: at() },
      context,
    ),
  ),
  MoveDealToStage: define(MoveDealToStageDto, 'dealId', null, ({ stageId, lostReason }, dealId, at, context) =>
    new ExecuteDealCommand({ type: 'MoveDealToStage', data: { dealId, stageId, lostReason }, metadata: at() }, context),
  ),
  CreateTicket: define(CreateTicketDto, 'ticketId', 'ticket', ({ pipelineId, ...body }, ticketId, at, context) =>
    new ExecuteTicketCommand(
      { type: 'CreateTicket', data: { ticketId, pipelineId: pipelineId ?? DEFAULT_TICKET_PIPELINE_ID, ...body }, metadata: at() },
      context,
    ),
  ),
  MoveTicketToStage: define(MoveTicketToStageDto, 'ticketId', null, ({ stageId }, ticketId, at, context) =>
    new ExecuteTicketCommand({ type: 'MoveTicketToStage', data: { ticketId, stageId }, metadata: at() }, context),
  ),
  LogEngagement: define(LogEngagementDto, 'engagementId', 'engagement', ({ occurredAt, ...body }, engagementId, at, context) =>
    new ExecuteEngagementCommand({ type: 'LogEngagement', data: { engagementId, ...body }, metadata: at(occurredAt) }, context),
  ),
};
