// What a timeline shows of each event, from the event alone: whose event it is, a one-line summary that reads the
// same on every record it appears on, and the values it replaced.
import type { AssociationEvent, ObjectType, RecordRef } from '#domain/association';
import type { CompanyEvent } from '#domain/company';
import type { ContactActivityEvent, ContactErased, ContactEvent } from '#domain/contact';
import type { DealEvent } from '#domain/deal';
import { playbookRunSummary, type EngagementEvent, type PlaybookRunRecorded } from '#domain/engagement';
import { assertNever, type PropertyChange, type PropertyValue } from '#domain/shared';
import type { TicketEvent } from '#domain/ticket';
import type { WorkflowEnrolled } from '#domain/workflow';
import type { RecordedEvent } from '#event-store';

// An erasure is no entry: it removes the contact's timeline (see the persistence).
export type RecordTimelineEvent =
  | Exclude<ContactEvent, ContactErased>
  | ContactActivityEvent
  | CompanyEvent
  | DealEvent
  | TicketEvent
  | EngagementEvent
  | PlaybookRunRecorded
  | AssociationEvent
  | WorkflowEnrolled;
export type RecordTimelineEventType = RecordTimelineEvent['type'];

/**
 * Whose event it is: a record type (the record its data names), an engagement's, an association's (both sides), or
 * a workflow run's (the record it enrolled).
 */
type Owner = ObjectType | 'engagement' | 'association' | 'workflow';

// A record so the compiler insists on every type of the union, and on nothing else.
const OWNERS: Record<RecordTimelineEventType, Owner> = {
  ContactCreated: 'contact',
  ContactPropertiesChanged: 'contact',
  ContactLifecycleStageChanged: 'contact',
  ContactMarketingStatusChanged: 'contact',
  MarketingEmailUnsubscribed: 'contact',
  ContactOwnerAssigned: 'contact',
  ContactAssociatedWithCompany: 'contact',
  ContactDissociatedFromCompany: 'contact',
  ContactMerged: 'contact',
  ContactAbsorbed: 'contact',
  PageViewed: 'contact',
  FormSubmitted: 'contact',
  MarketingEmailDelivered: 'contact',
  MarketingEmailOpened: 'contact',
  MarketingEmailClicked: 'contact',
  MarketingEmailBounced: 'contact',
  CompanyCreated: 'company',
  CompanyUpdated: 'company',
  CompanyPropertiesChanged: 'company',
  CompanyMerged: 'company',
  CompanyAbsorbed: 'company',
  DealCreated: 'deal',
  DealStageChanged: 'deal',
  DealWon: 'deal',
  DealLost: 'deal',
  DealReopened: 'deal',
  DealAmountChanged: 'deal',
  DealCloseDateChanged: 'deal',
  DealOwnerAssigned: 'deal',
  DealRenamed: 'deal',
  DealContractTermChanged: 'deal',
  DealRevenueTypeChanged: 'deal',
  DealContactAssociated: 'deal',
  DealContactDissociated: 'deal',
  DealCompanyAssociated: 'deal',
  DealPropertiesChanged: 'deal',
  TicketCreated: 'ticket',
  TicketStageChanged: 'ticket',
  TicketClosed: 'ticket',
  TicketReopened: 'ticket',
  TicketOwnerAssigned: 'ticket',
  TicketPriorityChanged: 'ticket',
  TicketPropertiesChanged: 'ticket',
  EngagementLogged: 'engagement',
  EngagementUpdated: 'engagement',
  TaskRescheduled: 'engagement',
  TaskCompleted: 'engagement',
  TaskReopened: 'engagement',
  PlaybookRunRecorded: 'engagement',
  RecordsAssociated: 'association',
  RecordsDissociated: 'association',
  WorkflowEnrolled: 'workflow',
};

export const RECORD_TIMELINE_EVENT_TYPES: readonly RecordTimelineEventType[] = (Object.keys(OWNERS) as RecordTimelineEventType[]).sort();

export const isRecordTimelineEventType = (type: string): type is RecordTimelineEventType => Object.hasOwn(OWNERS, type);

export const asRecordTimelineEvent = (event: Pick<RecordedEvent, 'type' | 'data'>): RecordTimelineEvent | null =>
  isRecordTimelineEventType(event.type) ? ({ type: event.type, data: event.data } as RecordTimelineEvent) : null;

const ID_FIELDS: Record<ObjectType, string> = { contact: 'contactId', company: 'companyId', deal: 'dealId', ticket: 'ticketId' };

/** The record an event of a record's own stream belongs to; null for engagement and association events. */
export const ownRecordOf = (event: RecordTimelineEvent): RecordRef | null => {
  if (event.type === 'WorkflowEnrolled') return { type: event.data.recordType, id: event.data.recordId };
  const owner = OWNERS[event.type];
  if (owner === 'engagement' || owner === 'association' || owner === 'workflow') return null;
  return { type: owner, id: (event.data as Readonly<Record<string, string>>)[ID_FIELDS[owner]] };
};

/** The engagement an event belongs to, when it is an engagement's. */
export const engagementOf = (event: RecordTimelineEvent): string | null =>
  OWNERS[event.type] === 'engagement' ? (event.data as { engagementId: string }).engagementId : null;

/** The records an engagement was logged on, as EngagementLogged names them. */
export const anchorsOf = (data: Extract<EngagementEvent, { type: 'EngagementLogged' }>['data']): RecordRef[] => [
  ...data.contactIds.map((id): RecordRef => ({ type: 'contact', id })),
  ...data.companyIds.map((id): RecordRef => ({ type: 'company', id })),
  ...data.dealIds.map((id): RecordRef => ({ type: 'deal', id })),
  ...data.ticketIds.map((id): RecordRef => ({ type: 'ticket', id })),
];

const shown = (value: PropertyValue): string => (value === null ? '(empty)' : JSON.stringify(value));
const person = (id: string | null): string => id ?? 'nobody';
// The exact decimal string the event carries, in its currency's digits: JPY "150000 JPY", BHD "1.250 BHD".
const money = (amount: string, currency: string): string => `${amount} ${currency}`;
const revenue = ({ revenueType, billingPeriod }: Readonly<{ revenueType: string; billingPeriod: string | null }>): string =>
  billingPeriod === null ? revenueType : `${revenueType}, billed per ${billingPeriod}`;
const changed = (changes: readonly PropertyChange[]): string =>
  changes.map((change) => `${change.property} from ${shown(change.previous)} to ${shown(change.value)}`).join('; ');
const labelled = (label: string | null): string => (label === null ? '' : ` as "${label}"`);
const pair = (data: Readonly<{ from: RecordRef; to: RecordRef; label: string | null }>): string =>
  `${data.from.type} ${data.from.id} and ${data.to.type} ${data.to.id}${labelled(data.label)}`;
const replacing = (previous: string | null): string => (previous === null ? '' : ` (was ${previous})`);
const because = ({ eventType, eventId, values }: WorkflowEnrolled['data']['trigger']): string => {
  const decided = Object.entries(values).map(([path, value]) => `${path} ${JSON.stringify(value)}`);
  return `${eventType}${decided.length === 0 ? '' : ` with ${decided.join(', ')}`} (event ${eventId})`;
};

export const summaryOf = (event: RecordTimelineEvent): string => {
  switch (event.type) {
    case 'ContactCreated':
      return `Contact created: ${event.data.email} (source ${event.data.source}, ${event.data.lifecycleStage})`;
    case 'ContactPropertiesChanged':
      return `Contact ${event.data.contactId} changed: ${changed(event.data.changes)}`;
    case 'ContactLifecycleStageChanged':
      return `Lifecycle stage changed from ${event.data.previous} to ${event.data.stage}`;
    case 'ContactMarketingStatusChanged':
      return `Marketing status changed from ${event.data.previous} to ${event.data.status}: ${event.data.reason}`;
    case 'MarketingEmailUnsubscribed':
      return `Unsubscribed through marketing email ${event.data.emailId}`;
    case 'ContactOwnerAssigned':
      return `Contact owner changed from ${person(event.data.previous)} to ${person(event.data.ownerId)}`;
    case 'ContactAssociatedWithCompany':
      return `Contact ${event.data.contactId} associated with company ${event.data.companyId}${replacing(event.data.previousCompanyId)}`;
    case 'ContactDissociatedFromCompany':
      return `Contact ${event.data.contactId} dissociated from company ${event.data.companyId}`;
    case 'ContactMerged':
      return `Contact ${event.data.contactId} merged into contact ${event.data.mergedInto}`;
    case 'ContactAbsorbed':
      return `Contact ${event.data.contactId} absorbed duplicate contact ${event.data.mergedContactId} (${event.data.mergedEmail})`;
    case 'PageViewed':
      return event.data.title === null ? `Viewed ${event.data.url}` : `Viewed "${event.data.title}" (${event.data.url})`;
    case 'FormSubmitted':
      return `Submitted form ${event.data.formId}`;
    case 'MarketingEmailDelivered':
      return `Marketing email ${event.data.emailId} delivered`;
    case 'MarketingEmailOpened':
      return `Opened marketing email ${event.data.emailId}`;
    case 'MarketingEmailClicked':
      return event.data.url === null
        ? `Clicked a link in marketing email ${event.data.emailId}`
        : `Clicked ${event.data.url} in marketing email ${event.data.emailId}`;
    case 'MarketingEmailBounced':
      return `Marketing email ${event.data.emailId} bounced`;
    case 'CompanyCreated':
      return event.data.domain === null ? `Company "${event.data.name}" created` : `Company "${event.data.name}" created (${event.data.domain})`;
    case 'CompanyUpdated':
      return `Company ${event.data.companyId} changed: ${event.data.changes.map((c) => `${c.field} from ${shown(c.previous)} to ${shown(c.value)}`).join('; ')}`;
    case 'CompanyPropertiesChanged':
      return `Company ${event.data.companyId} changed: ${changed(event.data.changes)}`;
    case 'CompanyMerged':
      return `Company ${event.data.companyId} merged into company ${event.data.mergedInto}`;
    case 'CompanyAbsorbed':
      return `Company ${event.data.companyId} absorbed duplicate company ${event.data.mergedCompanyId}`;
    case 'DealCreated':
      return `Deal "${event.data.name}" created in stage ${event.data.stageId} (${money(event.data.amount, event.data.currency)})`;
    case 'DealStageChanged':
      return `Deal ${event.data.dealId} moved from stage ${event.data.fromStageId} to ${event.data.toStageId}`;
    case 'DealWon':
      return `Deal ${event.data.dealId} won (${money(event.data.amount, event.data.currency)})`;
    case 'DealLost':
      return `Deal ${event.data.dealId} lost: ${event.data.reason}`;
    case 'DealReopened':
      return `Deal ${event.data.dealId} reopened in stage ${event.data.toStageId}`;
    case 'DealAmountChanged':
      return `Deal ${event.data.dealId} amount changed from ${money(event.data.previous.amount, event.data.previous.currency)} to ${money(event.data.amount, event.data.currency)}`;
    case 'DealCloseDateChanged':
      return `Deal ${event.data.dealId} close date changed from ${event.data.previous} to ${event.data.closeDate}`;
    case 'DealOwnerAssigned':
      return `Deal ${event.data.dealId} owner changed from ${person(event.data.previous)} to ${person(event.data.ownerId)}`;
    case 'DealRenamed':
      return `Deal ${event.data.dealId} renamed from "${event.data.previous}" to "${event.data.name}"`;
    case 'DealContractTermChanged':
      return `Deal ${event.data.dealId} contract term changed from ${event.data.previous} to ${event.data.contractTermMonths} months`;
    case 'DealRevenueTypeChanged':
      return `Deal ${event.data.dealId} revenue type changed from ${revenue(event.data.previous)} to ${revenue(event.data)}`;
    case 'DealContactAssociated':
      return `Contact ${event.data.contactId} associated with deal ${event.data.dealId}`;
    case 'DealContactDissociated':
      return `Contact ${event.data.contactId} dissociated from deal ${event.data.dealId}`;
    case 'DealCompanyAssociated':
      return `Deal ${event.data.dealId} associated with company ${event.data.companyId}${replacing(event.data.previousCompanyId)}`;
    case 'DealPropertiesChanged':
      return `Deal ${event.data.dealId} changed: ${changed(event.data.changes)}`;
    case 'TicketCreated':
      return `Ticket "${event.data.subject}" opened (${event.data.priority} priority)`;
    case 'TicketStageChanged':
      return `Ticket ${event.data.ticketId} moved from stage ${event.data.fromStageId} to ${event.data.toStageId}`;
    case 'TicketClosed':
      return `Ticket ${event.data.ticketId} closed`;
    case 'TicketReopened':
      return `Ticket ${event.data.ticketId} reopened in stage ${event.data.stageId}`;
    case 'TicketOwnerAssigned':
      return `Ticket ${event.data.ticketId} owner changed from ${person(event.data.previous)} to ${person(event.data.ownerId)}`;
    case 'TicketPriorityChanged':
      return `Ticket ${event.data.ticketId} priority changed from ${event.data.previous} to ${event.data.priority}`;
    case 'TicketPropertiesChanged':
      return `Ticket ${event.data.ticketId} changed: ${changed(event.data.changes)}`;
    case 'EngagementLogged':
      return event.data.subject === null ? `Logged a ${event.data.kind}` : `Logged a ${event.data.kind}: ${event.data.subject}`;
    case 'EngagementUpdated':
      // Names only: a body may be long, and the values are in `previous` and the data.
      return `Engagement ${event.data.engagementId} updated: ${event.data.changes.map((c) => c.field).join(', ')}`;
    case 'TaskRescheduled':
      return `Task ${event.data.engagementId} rescheduled from ${event.data.previous ?? 'no due date'} to ${event.data.dueAt}`;
    case 'TaskCompleted':
      return `Task ${event.data.engagementId} completed by ${event.data.completedBy}`;
    case 'TaskReopened':
      return `Task ${event.data.engagementId} reopened`;
    case 'PlaybookRunRecorded':
      return playbookRunSummary(event.data);
    case 'RecordsAssociated':
      return `Associated ${pair(event.data)}`;
    case 'RecordsDissociated':
      return `Dissociated ${pair(event.data)}`;
    case 'WorkflowEnrolled':
      return `Enrolled in "${event.data.workflowName}" because ${because(event.data.trigger)}`;
    default:
      return assertNever(event);
  }
};

export type PreviousValues = Readonly<Record<string, unknown>>;

const previousOfChanges = (changes: readonly Readonly<{ property: string; previous: unknown }>[]): PreviousValues =>
  Object.fromEntries(changes.map((change) => [change.property, change.previous]));

const previousOfFields = (changes: readonly Readonly<{ field: string; previous: unknown }>[]): PreviousValues =>
  Object.fromEntries(changes.map((change) => [change.field, change.previous]));

/** The values an event replaced, by the field (or custom property) it changed; null when it replaced none. */
export const previousOf = (event: RecordTimelineEvent): PreviousValues | null => {
  switch (event.type) {
    case 'ContactPropertiesChanged':
    case 'CompanyPropertiesChanged':
    case 'DealPropertiesChanged':
    case 'TicketPropertiesChanged':
      return previousOfChanges(event.data.changes);
    case 'CompanyUpdated':
    case 'EngagementUpdated':
      return previousOfFields(event.data.changes);
    case 'ContactLifecycleStageChanged':
      return { lifecycleStage: event.data.previous };
    case 'ContactMarketingStatusChanged':
      return { marketingStatus: event.data.previous };
    case 'ContactOwnerAssigned':
    case 'DealOwnerAssigned':
    case 'TicketOwnerAssigned':
      return { ownerId: event.data.previous };
    case 'ContactAssociatedWithCompany':
    case 'DealCompanyAssociated':
      return { companyId: event.data.previousCompanyId };
    case 'DealStageChanged':
    case 'DealReopened':
    case 'TicketStageChanged':
      return { stageId: event.data.fromStageId };
    case 'DealAmountChanged':
      return { amount: event.data.previous.amount, currency: event.data.previous.currency };
    case 'DealCloseDateChanged':
      return { closeDate: event.data.previous };
    case 'DealRenamed':
      return { name: event.data.previous };
    case 'DealContractTermChanged':
      return { contractTermMonths: event.data.previous };
    case 'DealRevenueTypeChanged':
      return { revenueType: event.data.previous.revenueType, billingPeriod: event.data.previous.billingPeriod };
    case 'TicketPriorityChanged':
      return { priority: event.data.previous };
    case 'TaskRescheduled':
      return { dueAt: event.data.previous };
    case 'ContactCreated':
    case 'MarketingEmailUnsubscribed':
    case 'ContactDissociatedFromCompany':
    case 'ContactMerged':
    case 'ContactAbsorbed':
    case 'PageViewed':
    case 'FormSubmitted':
    case 'MarketingEmailDelivered':
    case 'MarketingEmailOpened':
    case 'MarketingEmailClicked':
    case 'MarketingEmailBounced':
    case 'CompanyCreated':
    case 'CompanyMerged':
    case 'CompanyAbsorbed':
    case 'DealCreated':
    case 'DealWon':
    case 'DealLost':
    case 'DealContactAssociated':
    case 'DealContactDissociated':
    case 'TicketCreated':
    case 'TicketClosed':
    case 'TicketReopened':
    case 'EngagementLogged':
    case 'TaskCompleted':
    case 'TaskReopened':
    case 'PlaybookRunRecorded':
    case 'RecordsAssociated':
    case 'RecordsDissociated':
    case 'WorkflowEnrolled':
      return null;
    default:
      return assertNever(event);
  }
};
