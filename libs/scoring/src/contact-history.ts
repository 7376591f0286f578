// Everything scoring needs to know about contacts, folded from the event log alone: property values over time,
// the events a rule may score, merges, and which deals each contact was on and how they closed. Independent of
// the lead-score read model on purpose: audits (verify) and backtests re-derive scores from here.
import type { ScoringEvent } from './formula.js';

/** An event of the log, as the scorer reads it. */
export type LogEvent = ScoringEvent;

type PropertyChange = Readonly<{ at: string; seq: number; property: string; value: unknown }>;

export type ContactRecord = {
  contactId: string;
  changes: PropertyChange[];
  events: ScoringEvent[];
  mergedInto: string | null;
  /** Contacts merged into this one, in log order. */
  absorbed: string[];
};

export type DealRecord = {
  dealId: string;
  contactIds: Set<string>;
  outcome: 'open' | 'won' | 'lost';
  closedAt: string | null;
};

export type History = {
  contacts: Map<string, ContactRecord>;
  deals: Map<string, DealRecord>;
  seq: number;
  /** Only these event types are kept for scoring (memory stays proportional to what a formula can score). */
  keepTypes: ReadonlySet<string> | null;
};

// Events that describe a contact's behaviour, and where each names its contacts.
const contactsOf = (type: string, data: Record<string, unknown>): string[] => {
  switch (type) {
    case 'PageViewed':
    case 'FormSubmitted':
    case 'MarketingEmailDelivered':
    case 'MarketingEmailOpened':
    case 'MarketingEmailClicked':
    case 'MarketingEmailBounced':
    case 'MarketingEmailUnsubscribed':
      return typeof data.contactId === 'string' ? [data.contactId] : [];
    case 'EngagementLogged':
    case 'DealCreated':
    case 'TicketCreated':
      return Array.isArray(data.contactIds) ? data.contactIds.filter((id): id is string => typeof id === 'string') : [];
    default:
      return [];
  }
};

const BUILT_IN_FROM_CREATED = [
  'email',
  'firstName',
  'lastName',
  'phone',
  'jobTitle',
  'country',
  'companyId',
  'ownerId',
  'source',
  'marketingStatus',
  'lifecycleStage',
] as const;

export const emptyHistory = (keepTypes: ReadonlySet<string> | null = null): History => ({
  contacts: new Map(),
  deals: new Map(),
  seq: 0,
  keepTypes,
});

const contact = (history: History, contactId: string): ContactRecord => {
  let record = history.contacts.get(contactId);
  if (!record) {
    record = { contactId, changes: [], events: [], mergedInto: null, absorbed: [] };
    history.contacts.set(contactId, record);
  }
  return record;
};

const deal = (history: History, dealId: string): DealRecord => {
  let record = history.deals.get(dealId);
  if (!record) {
    record = { dealId, contactIds: new Set(), outcome: 'open', closedAt: null };
    history.deals.set(dealId, record);
  }
  return record;
};

// The projection stores instants normalised; the same here, so contributions read the same from both.
const normalised = (occurredAt: string): string => {
  const ms = Date.parse(occurredAt);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : occurredAt;
};

/** Folds one event into the history (mutating it: the fold runs over millions of events). */
export const recordEvent = (history: History, event: LogEvent): void => {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const set = (contactId: string, property: string, value: unknown) =>
    contact(history, contactId).changes.push({ at: event.occurredAt, seq: history.seq++, property, value });

  switch (event.type) {
    case 'ContactCreated': {
      const contactId = String(data.contactId);
      for (const field of BUILT_IN_FROM_CREATED) set(contactId, field, data[field] ?? null);
      for (const [property, value] of Object.entries((data.properties ?? {}) as Record<string, unknown>)) {
        set(contactId, property, value);
      }
      break;
    }
    case 'ContactPropertiesChanged':
      for (const change of (data.changes ?? []) as { property: string; value: unknown }[]) {
        set(String(data.contactId), change.property, change.value);
      }
      break;
    case 'ContactLifecycleStageChanged':
      set(String(data.contactId), 'lifecycleStage', data.stage);
      break;
    case 'ContactMarketingStatusChanged':
      set(String(data.contactId), 'marketingStatus', data.status);
      break;
    case 'ContactOwnerAssigned':
      set(String(data.contactId), 'ownerId', data.ownerId ?? null);
      break;
    case 'ContactAssociatedWithCompany':
      set(String(data.contactId), 'companyId', data.companyId);
      break;
    case 'ContactDissociatedFromCompany':
      set(String(data.contactId), 'companyId', null);
      break;
    case 'ContactMerged':
      contact(history, String(data.contactId)).mergedInto = String(data.mergedInto);
      break;
    case 'ContactAbsorbed': {
      // As the lead-score projection does: the primary takes over the scoring events the duplicate holds at the
      // absorption (its own and those it absorbed before); later events naming the duplicate stay with it.
      const primary = contact(history, String(data.contactId));
      const duplicate = contact(history, String(data.mergedContactId));
      primary.absorbed.push(duplicate.contactId);
      duplicate.mergedInto ??= primary.contactId;
      primary.events.push(...duplicate.events);
      break;
    }
    case 'DealContactAssociated':
      deal(history, String(data.dealId)).contactIds.add(String(data.contactId));
      break;
    case 'DealContactDissociated':
      deal(history, String(data.dealId)).contactIds.delete(String(data.contactId));
      break;
    case 'DealWon':
    case 'DealLost': {
      const record = deal(history, String(data.dealId));
      record.outcome = event.type === 'DealWon' ? 'won' : 'lost';
      record.closedAt = event.occurredAt;
      break;
    }
    case 'DealReopened': {
      const record = deal(history, String(data.dealId));
      record.outcome = 'open';
      record.closedAt = null;
      break;
    }
    default:
      break;
  }
  if (event.type === 'DealCreated') {
    for (const id of contactsOf(event.type, data)) deal(history, String(data.dealId)).contactIds.add(id);
  }
  if (history.keepTypes && !history.keepTypes.has(event.type)) return;
  const scoring: ScoringEvent = {
    id: event.id,
    type: event.type,
    streamName: event.streamName,
    revision: event.revision,
    position: event.position,
    occurredAt: normalised(event.occurredAt),
    data: event.data,
  };
  for (const contactId of new Set(contactsOf(event.type, data))) contact(history, contactId).events.push(scoring);
};

/**
 * The contact's properties as they were at `asOf`: the changes that had happened by then (business time), applied
 * in log order, as the lead-score projection applies them (a backdated change recorded later still wins).
 */
export const propertiesAsOf = (record: ContactRecord, asOf: string): Record<string, unknown> => {
  const limit = Date.parse(asOf);
  const properties: Record<string, unknown> = {};
  for (const change of record.changes) {
    if (Date.parse(change.at) > limit) continue;
    if (change.value === null || change.value === undefined) delete properties[change.property];
    else properties[change.property] = change.value;
  }
  return properties;
};

/** The events scoring may count for a contact: its own and those it took over from duplicates merged into it. */
export const scoringEventsOf = (history: History, contactId: string): ScoringEvent[] => [
  ...(history.contacts.get(contactId)?.events ?? []),
];
