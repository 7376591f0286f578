// Marketing contacts: every change of a contact's marketing status as a row (the audit trail behind a billing
// period's count), and each contact's current status for the count as of now. A merged duplicate stops counting
// at its merge; its stream takes no further changes.
import type {
  ContactCreated,
  ContactMarketingStatusChanged,
  ContactMerged,
} from '#domain/contact';
import type { MarketingStatus } from '#domain/marketing-policy';
import { assertNever } from '#domain/shared';

// An unsubscribe is recorded as MarketingEmailUnsubscribed; the default workflow marketing-unsubscribed then
// changes the status with reason 'unsubscribed' (when the contact was marketing), so the status change carries it.
export type MarketingContactEvent = ContactCreated | ContactMarketingStatusChanged | ContactMerged;

export const MARKETING_CONTACT_EVENT_TYPES: readonly MarketingContactEvent['type'][] = [
  'ContactCreated',
  'ContactMarketingStatusChanged',
  'ContactMerged',
];

export const MERGED_REASON = 'merged';

export type StatusChange = Readonly<{
  eventId: string;
  contactId: string;
  /** The event's business time, UTC. */
  effectiveAt: string;
  status: MarketingStatus;
  previous: MarketingStatus | null;
  reason: string;
  /** When the contact's next change took over; null while this is its latest. */
  validTo: string | null;
}>;

export type ContactStatus = Readonly<{
  contactId: string;
  status: MarketingStatus;
  merged: boolean;
  effectiveAt: string;
  /** The change row that set this status. */
  eventId: string;
}>;

export type MarketingContactsChanges = Readonly<{
  /** New change rows, each closed (validTo) by the next one of its contact within the batch. */
  changes: readonly StatusChange[];
  /** Rows stored by earlier batches that a change of this batch closes: eventId -> validTo. */
  closed: ReadonlyMap<string, string>;
  current: readonly ContactStatus[];
}>;

export type TimedContactEvent = Readonly<{ id: string; event: MarketingContactEvent; occurredAt: string }>;

type Transition = Readonly<{ status: MarketingStatus; reason: string; merged: boolean }>;

const transitionOf = (current: ContactStatus | undefined, event: MarketingContactEvent): Transition | null => {
  switch (event.type) {
    case 'ContactCreated':
      return current ? null : { status: event.data.marketingStatus, reason: `created:${event.data.source}`, merged: false };
    case 'ContactMarketingStatusChanged':
      if (!current || current.merged || current.status === event.data.status) return null;
      return { status: event.data.status, reason: event.data.reason, merged: false };
    case 'ContactMerged':
      if (!current || current.merged) return null;
      return { status: 'non-marketing', reason: MERGED_REASON, merged: true };
    default:
      return assertNever(event);
  }
};

/** Applies a batch to the touched contacts' current statuses (loaded beforehand) and answers what to write. */
export const reduceMarketingContacts = (
  loaded: ReadonlyMap<string, ContactStatus>,
  events: readonly TimedContactEvent[],
): MarketingContactsChanges => {
  const current = new Map(loaded);
  const touched = new Map<string, ContactStatus>();
  const changes: StatusChange[] = [];
  const openChangeIndex = new Map<string, number>();
  const closed = new Map<string, string>();
  for (const { id, event, occurredAt } of events) {
    const { contactId } = event.data;
    const before = current.get(contactId);
    const transition = transitionOf(before, event);
    if (!transition) continue;
    // A merge of a non-marketing contact changes no status: it only stops later changes from counting.
    if (before && before.status === transition.status) {
      const merged = { ...before, merged: transition.merged };
      current.set(contactId, merged);
      touched.set(contactId, merged);
      continue;
    }
    const effectiveAt = new Date(occurredAt).toISOString();
    const after: ContactStatus = { contactId, status: transition.status, merged: transition.merged, effectiveAt, eventId: id };
    current.set(contactId, after);
    touched.set(contactId, after);
    const open = openChangeIndex.get(contactId);
    if (open !== undefined) changes[open] = { ...changes[open], validTo: effectiveAt };
    else if (before) closed.set(before.eventId, effectiveAt);
    openChangeIndex.set(contactId, changes.length);
    changes.push({ eventId: id, contactId, effectiveAt, status: transition.status, previous: before?.status ?? null, reason: transition.reason, validTo: null });
  }
  return { changes, closed, current: [...touched.values()] };
};
