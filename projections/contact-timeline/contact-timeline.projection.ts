// A contact's timeline as a pure reducer: one row per (contact, event) for everything that happened to the
// contact, with a short summary built from the event data alone. Deals, tickets and engagements name their
// contacts once (on creation or association); the projection keeps those associations to fan later events out.
import type { ContactActivityEvent, ContactErased, ContactEvent, ContactPropertyValue } from '#domain/contact';
import { dealStream, type DealEvent } from '#domain/deal';
import { engagementStream, playbookRunSummary, type EngagementEvent, type PlaybookRunRecorded } from '#domain/engagement';
import { assertNever } from '#domain/shared';
import { ticketStream, type TicketEvent } from '#domain/ticket';
import { formatPosition, type RecordedEvent } from '#event-store';

type DealTimelineEvent = Extract<
  DealEvent,
  {
    type:
      | 'DealCreated'
      | 'DealContactAssociated'
      | 'DealContactDissociated'
      | 'DealStageChanged'
      | 'DealWon'
      | 'DealLost'
      | 'DealReopened';
  }
>;

// A ticket's custom property changes stay on the ticket's own timeline.
type TicketTimelineEvent = Exclude<TicketEvent, { type: 'TicketPropertiesChanged' }>;

// An erasure is no entry: it removes the contact's timeline (see the persistence).
export type TimelineEvent = Exclude<ContactEvent, ContactErased> | ContactActivityEvent | EngagementEvent | PlaybookRunRecorded | DealTimelineEvent | TicketTimelineEvent;
export type TimelineEventType = TimelineEvent['type'];

// A record so the compiler insists on every type of the union, and on nothing else.
const TYPES: Record<TimelineEventType, true> = {
  ContactCreated: true,
  ContactPropertiesChanged: true,
  ContactLifecycleStageChanged: true,
  ContactMarketingStatusChanged: true,
  MarketingEmailUnsubscribed: true,
  ContactOwnerAssigned: true,
  ContactAssociatedWithCompany: true,
  ContactDissociatedFromCompany: true,
  ContactMerged: true,
  ContactAbsorbed: true,
  PageViewed: true,
  FormSubmitted: true,
  MarketingEmailDelivered: true,
  MarketingEmailOpened: true,
  MarketingEmailClicked: true,
  MarketingEmailBounced: true,
  EngagementLogged: true,
  EngagementUpdated: true,
  TaskRescheduled: true,
  TaskCompleted: true,
  TaskReopened: true,
  PlaybookRunRecorded: true,
  DealCreated: true,
  DealContactAssociated: true,
  DealContactDissociated: true,
  DealStageChanged: true,
  DealWon: true,
  DealLost: true,
  DealReopened: true,
  TicketCreated: true,
  TicketStageChanged: true,
  TicketClosed: true,
  TicketReopened: true,
  TicketOwnerAssigned: true,
  TicketPriorityChanged: true,
};

export const TIMELINE_EVENT_TYPES: readonly TimelineEventType[] = (Object.keys(TYPES) as TimelineEventType[]).sort();

export const isTimelineEventType = (type: string): type is TimelineEventType => Object.hasOwn(TYPES, type);

export type TimelineRow = Readonly<{
  contactId: string;
  eventId: string;
  eventType: TimelineEventType;
  position: string;
  /** Normalised to an ISO instant in UTC with milliseconds. */
  occurredAt: string;
  summary: string;
  data: unknown;
}>;

/** A deal, ticket or engagement (by its stream name) and one contact it is about. */
export type Association = Readonly<{ record: string; contactId: string }>;

/** A merge: the primary's timeline takes over the duplicate's rows up to the absorbing event's position. */
export type Absorption = Readonly<{ contactId: string; mergedContactId: string; position: string }>;

export type TimelineChanges = Readonly<{
  rows: readonly TimelineRow[];
  associated: readonly Association[];
  dissociated: readonly Association[];
  /** In log order: a chain of merges in one batch must be applied in sequence. */
  absorptions: readonly Absorption[];
}>;

const asTimelineEvent = (event: RecordedEvent): TimelineEvent | null =>
  isTimelineEventType(event.type) ? ({ type: event.type, data: event.data } as TimelineEvent) : null;

/** The deal, ticket or engagement an event belongs to, when its contacts come from an association. */
const recordOf = (event: TimelineEvent): string | null => {
  switch (event.type) {
    case 'DealCreated':
    case 'DealContactAssociated':
    case 'DealContactDissociated':
    case 'DealStageChanged':
    case 'DealWon':
    case 'DealLost':
    case 'DealReopened':
      return dealStream(event.data.dealId);
    case 'TicketCreated':
    case 'TicketStageChanged':
    case 'TicketClosed':
    case 'TicketReopened':
    case 'TicketOwnerAssigned':
    case 'TicketPriorityChanged':
      return ticketStream(event.data.ticketId);
    case 'EngagementLogged':
    case 'EngagementUpdated':
    case 'TaskRescheduled':
    case 'TaskCompleted':
    case 'TaskReopened':
    case 'PlaybookRunRecorded':
      return engagementStream(event.data.engagementId);
    default:
      return null;
  }
};

/** The associations a batch needs loaded before it is applied. */
export const associationRecordsOf = (events: readonly RecordedEvent[]): string[] => {
  const records = new Set<string>();
  for (const event of events) {
    const timelineEvent = asTimelineEvent(event);
    const record = timelineEvent && recordOf(timelineEvent);
    if (record) records.add(record);
  }
  return [...records];
};

// The events that name every contact they show up for; the other events of a deal, ticket or engagement reach the
// contacts associated with it earlier.
const NAMES_ITS_CONTACTS: ReadonlySet<string> = new Set(['EngagementLogged', 'DealCreated', 'TicketCreated', 'DealContactAssociated', 'DealContactDissociated']);

/** A partitioned build's keys: the contacts whose rows and associations an event writes (see contactsOf). */
export const timelineKeysOf = (event: RecordedEvent): string[] => {
  const data = event.data as Readonly<{ contactId?: unknown; contactIds?: unknown; mergedContactId?: unknown }>;
  const ids = Array.isArray(data.contactIds) ? data.contactIds.filter((id): id is string => typeof id === 'string') : [];
  if (typeof data.contactId === 'string') ids.unshift(data.contactId);
  if (event.type === 'ContactAbsorbed' && typeof data.mergedContactId === 'string') ids.push(data.mergedContactId);
  return [...new Set(ids)];
};

/** An event about a deal, ticket or engagement that names none of its contacts: every partition looks its own up. */
export const reachesAssociatedContacts = (event: RecordedEvent): boolean => {
  const timelineEvent = asTimelineEvent(event);
  return timelineEvent !== null && recordOf(timelineEvent) !== null && !NAMES_ITS_CONTACTS.has(event.type);
};

/** A merge copies the duplicate's rows to the primary: the one event that needs two contacts' rows at once. */
export const isTimelineBarrier = (event: RecordedEvent): boolean => event.type === 'ContactAbsorbed';

// Whole milliseconds, so a page cursor carrying the instant as JavaScript sees it matches the stored value exactly.
const instant = (value: string, eventId: string): string => {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`event ${eventId}: occurredAt "${value}" is not an instant`);
  return new Date(ms).toISOString();
};

const shown = (value: ContactPropertyValue): string => (value === null ? '(empty)' : JSON.stringify(value));
const person = (id: string | null): string => id ?? 'nobody';
// The exact decimal string the event carries, in its currency's digits: JPY "150000 JPY", BHD "1.250 BHD".
const money = (amount: string, currency: string): string => `${amount} ${currency}`;

export const summaryOf = (event: TimelineEvent): string => {
  switch (event.type) {
    case 'ContactCreated':
      return `Contact created: ${event.data.email} (source ${event.data.source}, ${event.data.lifecycleStage})`;
    case 'ContactPropertiesChanged':
      return `Changed ${event.data.changes.map((c) => `${c.property} from ${shown(c.previous)} to ${shown(c.value)}`).join('; ')}`;
    case 'ContactLifecycleStageChanged':
      return `Lifecycle stage changed from ${event.data.previous} to ${event.data.stage}`;
    case 'ContactMarketingStatusChanged':
      return `Marketing status changed from ${event.data.previous} to ${event.data.status}: ${event.data.reason}`;
    case 'MarketingEmailUnsubscribed':
      return `Unsubscribed through marketing email ${event.data.emailId}`;
    case 'ContactOwnerAssigned':
      return `Owner changed from ${person(event.data.previous)} to ${person(event.data.ownerId)}`;
    case 'ContactAssociatedWithCompany':
      return `Associated with company ${event.data.companyId}`;
    case 'ContactDissociatedFromCompany':
      return `Dissociated from company ${event.data.companyId}`;
    case 'ContactMerged':
      return `Merged into contact ${event.data.mergedInto}`;
    case 'ContactAbsorbed':
      return `Absorbed duplicate contact ${event.data.mergedContactId} (${event.data.mergedEmail})`;
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
    case 'EngagementLogged':
      return event.data.subject === null ? `Logged a ${event.data.kind}` : `Logged a ${event.data.kind}: ${event.data.subject}`;
    case 'EngagementUpdated':
      return `Engagement ${event.data.engagementId} changed: ${event.data.changes.map((change) => change.field).join(', ')}`;
    case 'TaskRescheduled':
      return `Task ${event.data.engagementId} rescheduled to ${event.data.dueAt}`;
    case 'TaskCompleted':
      return `Task ${event.data.engagementId} completed by ${event.data.completedBy}`;
    case 'TaskReopened':
      return `Task ${event.data.engagementId} reopened`;
    case 'PlaybookRunRecorded':
      return playbookRunSummary(event.data);
    case 'DealCreated':
      return `Deal "${event.data.name}" created in stage ${event.data.stageId} (${money(event.data.amount, event.data.currency)})`;
    case 'DealContactAssociated':
      return `Associated with deal ${event.data.dealId}`;
    case 'DealContactDissociated':
      return `Dissociated from deal ${event.data.dealId}`;
    case 'DealStageChanged':
      return `Deal ${event.data.dealId} moved from stage ${event.data.fromStageId} to ${event.data.toStageId}`;
    case 'DealWon':
      return `Deal ${event.data.dealId} won (${money(event.data.amount, event.data.currency)})`;
    case 'DealLost':
      return `Deal ${event.data.dealId} lost: ${event.data.reason}`;
    case 'DealReopened':
      return `Deal ${event.data.dealId} reopened in stage ${event.data.toStageId}`;
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
    default:
      return assertNever(event);
  }
};

type Associations = Map<string, Set<string>>;

/** The contacts an event shows up for, updating the associations it creates or ends (in place). */
const contactsOf = (event: TimelineEvent, associations: Associations): readonly string[] => {
  const linked = (record: string): Set<string> => {
    const contacts = associations.get(record) ?? new Set<string>();
    associations.set(record, contacts);
    return contacts;
  };
  switch (event.type) {
    case 'EngagementLogged':
    case 'DealCreated':
    case 'TicketCreated': {
      const contacts = linked(recordOf(event)!);
      for (const contactId of event.data.contactIds) contacts.add(contactId);
      return [...new Set(event.data.contactIds)];
    }
    case 'DealContactAssociated':
      linked(recordOf(event)!).add(event.data.contactId);
      return [event.data.contactId];
    case 'DealContactDissociated':
      // The dissociation itself still belongs on the contact's timeline.
      linked(recordOf(event)!).delete(event.data.contactId);
      return [event.data.contactId];
    case 'EngagementUpdated':
    case 'TaskRescheduled':
    case 'TaskCompleted':
    case 'TaskReopened':
    // A run shows on every contact of its engagement, not only the one its mapped answers updated.
    case 'PlaybookRunRecorded':
    case 'DealStageChanged':
    case 'DealWon':
    case 'DealLost':
    case 'DealReopened':
    case 'TicketStageChanged':
    case 'TicketClosed':
    case 'TicketReopened':
    case 'TicketOwnerAssigned':
    case 'TicketPriorityChanged':
      return [...linked(recordOf(event)!)].sort();
    default:
      return [event.data.contactId];
  }
};

const pairs = (associations: ReadonlyMap<string, ReadonlySet<string>>): Set<string> =>
  new Set([...associations].flatMap(([record, contacts]) => [...contacts].map((contactId) => JSON.stringify([record, contactId]))));

const unpair = (pair: string): Association => {
  const [record, contactId] = JSON.parse(pair) as [string, string];
  return { record, contactId };
};

/**
 * Applies a batch (in log order) given the associations of the records it touches (`loaded`, from
 * associationRecordsOf). Pure: the same events and associations give the same rows.
 */
export const projectTimeline = (
  loaded: ReadonlyMap<string, ReadonlySet<string>>,
  events: readonly RecordedEvent[],
): TimelineChanges => {
  const associations: Associations = new Map([...loaded].map(([record, contacts]) => [record, new Set(contacts)]));
  const rows: TimelineRow[] = [];
  const absorptions: Absorption[] = [];
  for (const recorded of events) {
    const event = asTimelineEvent(recorded);
    if (!event) continue;
    const position = formatPosition(recorded.position);
    const occurredAt = instant(recorded.metadata.occurredAt, recorded.id);
    const summary = summaryOf(event);
    for (const contactId of contactsOf(event, associations)) {
      rows.push({
        contactId,
        eventId: recorded.id,
        eventType: event.type,
        position,
        occurredAt,
        summary,
        data: recorded.data,
      });
    }
    if (event.type === 'ContactAbsorbed') {
      absorptions.push({ contactId: event.data.contactId, mergedContactId: event.data.mergedContactId, position });
    }
  }
  const before = pairs(loaded);
  const after = pairs(associations);
  return {
    rows,
    associated: [...after].filter((pair) => !before.has(pair)).map(unpair),
    dissociated: [...before].filter((pair) => !after.has(pair)).map(unpair),
    absorptions,
  };
};
