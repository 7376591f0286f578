// The commands an NDJSON import line may carry: each validates its data with the DTO of its HTTP route and
// builds the same CommandBus command the route does. `data` adds the id of the record the command acts on. Each
// names its route's controller method, so a line is authorised as that route is (route-areas.ts, roles.ts).
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { Command } from '@nestjs/cqrs';
import type { CommandResult } from '#application';
import { DEFAULT_DEAL_PIPELINE_ID, DEFAULT_TICKET_PIPELINE_ID } from '#domain/pipeline';
import type { CommandMetadata } from '#domain/shared';
import { CompaniesController } from '../companies/companies.controller.js';
import { CreateCompanyDto } from '../companies/companies.dto.js';
import { CreateCompanyCommand } from '../companies/company.handler.js';
import { ContactActivityController } from '../contacts/contact-activity.controller.js';
import { RecordContactActivityCommand } from '../contacts/contact-activity.handler.js';
import { ContactsController } from '../contacts/contacts.controller.js';
import { CreateContactCommand, ExecuteContactCommand } from '../contacts/contact.handler.js';
import {
  ChangeLifecycleStageDto,
  CreateContactDto,
  RecordEmailEventDto,
  RecordFormSubmissionDto,
  RecordPageViewDto,
} from '../contacts/contacts.dto.js';
import { ExecuteDealCommand } from '../deals/deal.handler.js';
import { DealsController } from '../deals/deals.controller.js';
import { CreateDealDto, MoveDealToStageDto } from '../deals/deals.dto.js';
import { ExecuteEngagementCommand } from '../engagements/engagement.handler.js';
import { EngagementsController } from '../engagements/engagements.controller.js';
import { LogEngagementDto } from '../engagements/engagements.dto.js';
import { ExecuteOwnerCommand } from '../owners/owner.handler.js';
import { OwnersController } from '../owners/owners.controller.js';
import { CreateOwnerDto } from '../owners/owners.dto.js';
import { ExecuteTicketCommand } from '../tickets/ticket.handler.js';
import { TicketsController } from '../tickets/tickets.controller.js';
import { CreateTicketDto, MoveTicketToStageDto } from '../tickets/tickets.dto.js';
import type { RequestContext } from '#application';

/** Metadata for the line: its business time is the body's occurredAt when the DTO has one, else the line's. */
export type MetadataAt = (bodyOccurredAt?: string) => CommandMetadata;

/** An HTTP route as Express matches it: the method and the pattern of `request.route.path`. */
export type ImportRoute = Readonly<{ method: string; path: string }>;

/** The route a controller method serves, read from its Nest decorators. */
const routeOf = <T extends object>(controller: abstract new (...args: never[]) => T, handler: keyof T & string): ImportRoute => {
  const target: unknown = controller.prototype[handler];
  const base: unknown = Reflect.getMetadata(PATH_METADATA, controller);
  const sub: unknown = target ? Reflect.getMetadata(PATH_METADATA, target) : undefined;
  const method: unknown = target ? Reflect.getMetadata(METHOD_METADATA, target) : undefined;
  if (typeof base !== 'string' || typeof sub !== 'string' || typeof method !== 'number') {
    throw new Error(`${controller.name}.${handler} is not a route`);
  }
  const path = `/${base}/${sub}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return { method: RequestMethod[method], path };
};

export type ImportCommand = Readonly<{
  /** The HTTP route that runs the same command: a line needs the permission that route needs. */
  route: ImportRoute;
  dto: new () => object;
  /** The field of `data` naming the record the command acts on. */
  idField: string;
  /** For a creation: the id purpose the HTTP route uses, so an absent id derives from the line id. */
  newRecord: string | null;
  toCommand(body: object, recordId: string, at: MetadataAt, context: RequestContext): Command<CommandResult>;
}>;

const define = <D extends object>(
  route: ImportRoute,
  dto: new () => D,
  idField: string,
  newRecord: string | null,
  toCommand: (body: D, recordId: string, at: MetadataAt, context: RequestContext) => Command<CommandResult>,
): ImportCommand => ({
  route,
  dto,
  idField,
  newRecord,
  // The body is always an instance of `dto`: the service builds it with plainToInstance(dto, ...).
  toCommand: (body, recordId, at, context) => toCommand(body as D, recordId, at, context),
});

export const IMPORT_COMMANDS: Readonly<Record<string, ImportCommand>> = {
  CreateOwner: define(routeOf(OwnersController, 'create'), CreateOwnerDto, 'ownerId', 'owner', (body, ownerId, at, context) =>
    new ExecuteOwnerCommand({ type: 'CreateOwner', data: { ownerId, ...body }, metadata: at() }, context),
  ),
  CreateCompany: define(routeOf(CompaniesController, 'create'), CreateCompanyDto, 'companyId', 'company', (body, companyId, at, context) =>
    new CreateCompanyCommand({ type: 'CreateCompany', data: { companyId, ...body }, metadata: at() }, context),
  ),
  CreateContact: define(routeOf(ContactsController, 'create'), CreateContactDto, 'contactId', 'contact', (body, contactId, at, context) =>
    new CreateContactCommand({ contactId, ...body }, { ...context, now: at().occurredAt ?? context.now }),
  ),
  RecordPageView: define(routeOf(ContactActivityController, 'pageView'), RecordPageViewDto, 'contactId', null, ({ occurredAt, ...view }, contactId, at, context) =>
    new RecordContactActivityCommand({ type: 'RecordPageView', data: { contactId, ...view }, metadata: at(occurredAt) }, context),
  ),
  RecordFormSubmission: define(routeOf(ContactActivityController, 'formSubmission'), RecordFormSubmissionDto, 'contactId', null, ({ occurredAt, ...submission }, contactId, at, context) =>
    new RecordContactActivityCommand(
      { type: 'RecordFormSubmission', data: { contactId, ...submission }, metadata: at(occurredAt) },
      context,
    ),
  ),
  RecordEmailEvent: define(routeOf(ContactActivityController, 'emailEvent'), RecordEmailEventDto, 'contactId', null, ({ occurredAt, ...email }, contactId, at, context) =>
    new RecordContactActivityCommand({ type: 'RecordEmailEvent', data: { contactId, ...email }, metadata: at(occurredAt) }, context),
  ),
  ChangeLifecycleStage: define(routeOf(ContactsController, 'lifecycleStage'), ChangeLifecycleStageDto, 'contactId', null, ({ stage }, contactId, at, context) =>
    new ExecuteContactCommand({ type: 'ChangeLifecycleStage', data: { contactId, stage }, metadata: at() }, context),
  ),
  CreateDeal: define(routeOf(DealsController, 'create'), CreateDealDto, 'dealId', 'deal', ({ pipelineId, ...body }, dealId, at, context) =>
    new ExecuteDealCommand(
      { type: 'CreateDeal', data: { dealId, pipelineId: pipelineId ?? DEFAULT_DEAL_PIPELINE_ID, ...body }, metadata: at() },
      context,
    ),
  ),
  MoveDealToStage: define(routeOf(DealsController, 'moveToStage'), MoveDealToStageDto, 'dealId', null, ({ stageId, lostReason }, dealId, at, context) =>
    new ExecuteDealCommand({ type: 'MoveDealToStage', data: { dealId, stageId, lostReason }, metadata: at() }, context),
  ),
  CreateTicket: define(routeOf(TicketsController, 'create'), CreateTicketDto, 'ticketId', 'ticket', ({ pipelineId, ...body }, ticketId, at, context) =>
    new ExecuteTicketCommand(
      { type: 'CreateTicket', data: { ticketId, pipelineId: pipelineId ?? DEFAULT_TICKET_PIPELINE_ID, ...body }, metadata: at() },
      context,
    ),
  ),
  MoveTicketToStage: define(routeOf(TicketsController, 'moveToStage'), MoveTicketToStageDto, 'ticketId', null, ({ stageId }, ticketId, at, context) =>
    new ExecuteTicketCommand({ type: 'MoveTicketToStage', data: { ticketId, stageId }, metadata: at() }, context),
  ),
  LogEngagement: define(routeOf(EngagementsController, 'log'), LogEngagementDto, 'engagementId', 'engagement', ({ occurredAt, ...body }, engagementId, at, context) =>
    new ExecuteEngagementCommand({ type: 'LogEngagement', data: { engagementId, ...body }, metadata: at(occurredAt) }, context),
  ),
};
