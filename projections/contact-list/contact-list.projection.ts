// The contacts list, the pure part: one row per contact as its profile stands now, with what the list filters,
// sorts and searches by. lastActivityAt is the business time of the contact's latest activity, which is:
// - what the contact did: a page view, a form submission, a marketing email opened or clicked, an unsubscribe
//   (a delivery or a bounce is the sender's doing, not the contact's);
// - what a rep did with it: an engagement logged naming it;
// - a deal or ticket created naming it, or associated with it afterwards.
// An event naming a contact never created, or merged away, changes nothing; a survivor takes the later of its own
// and its merged duplicate's activity.
import type { RecordsAssociated } from '#domain/association';
import type {
  ContactActivityEvent,
  ContactErased,
  ContactEvent,
  MarketingEmailBounced,
  MarketingEmailDelivered,
} from '#domain/contact';
import type { DealContactAssociated, DealCreated } from '#domain/deal';
import type { EngagementLogged } from '#domain/engagement';
import { assertNever, withPropertyChanges, type PropertyValue, type PropertyValues } from '#domain/shared';
import type { TicketCreated } from '#domain/ticket';
import { phoneDigits, searchKey, sortKeyOf } from '#read-models';

export type ContactListRow = Readonly<{
  contactId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  /** What a person recognises the contact by: first and last name, else the email. */
  name: string;
  phone: string | null;
  jobTitle: string | null;
  country: string | null;
  ownerId: string | null;
  lifecycleStage: string;
  marketingStatus: string;
  source: string;
  /** The primary company. */
  companyId: string | null;
  properties: PropertyValues;
  /** ISO instants (UTC), from the events' business time. */
  createdAt: string;
  lastActivityAt: string | null;
  mergedInto: string | null;
}>;

/** A row as stored: with the keys it is sorted and found by. */
export type StoredContactRow = ContactListRow &
  Readonly<{ nameKey: string; phoneDigits: string | null; searchText: string }>;

type ContactActivity = Exclude<ContactActivityEvent, MarketingEmailDelivered | MarketingEmailBounced>;

// An erasure deletes the contact's row (see the persistence); the reducer never sees it.
export type ContactListEvent =
  | Exclude<ContactEvent, ContactErased>
  | ContactActivity
  | EngagementLogged
  | DealCreated
  | DealContactAssociated
  | TicketCreated
  | RecordsAssociated;

export const CONTACT_LIST_EVENT_TYPES: readonly ContactListEvent['type'][] = [
  'ContactCreated',
  'ContactPropertiesChanged',
  'ContactLifecycleStageChanged',
  'ContactMarketingStatusChanged',
  'MarketingEmailUnsubscribed',
  'ContactOwnerAssigned',
  'ContactAssociatedWithCompany',
  'ContactDissociatedFromCompany',
  'ContactMerged',
  'ContactAbsorbed',
  'PageViewed',
  'FormSubmitted',
  'MarketingEmailOpened',
  'MarketingEmailClicked',
  'EngagementLogged',
  'DealCreated',
  'DealContactAssociated',
  'TicketCreated',
  'RecordsAssociated',
];

export type TimedContactListEvent = Readonly<{ event: ContactListEvent; occurredAt: string }>;

const ACTIVITY_PARTNERS: readonly string[] = ['deal', 'ticket'];

/** The contacts an event touches: the ones it changes and, for an absorption, the duplicate it reads. */
export const contactIdsOf = (event: ContactListEvent): readonly string[] => {
  switch (event.type) {
    case 'ContactAbsorbed':
      return [event.data.contactId, event.data.mergedContactId];
    case 'EngagementLogged':
    case 'DealCreated':
    case 'TicketCreated':
      return event.data.contactIds;
    case 'RecordsAssociated': {
      const { from, to } = event.data;
      // Canonical order puts the contact first; it counts only beside a deal or a ticket.
      return from.type === 'contact' && ACTIVITY_PARTNERS.includes(to.type) ? [from.id] : [];
    }
    default:
      return [event.data.contactId];
  }
};

/** Built-in values come as text; a schema-valid number or boolean is spelled out rather than lost. */
const textOf = (value: PropertyValue): string | null => (value === null ? null : String(value));

/** The display name: first and last name, else the email. */
export const displayName = (row: Pick<ContactListRow, 'firstName' | 'lastName' | 'email'>): string =>
  [row.firstName, row.lastName].filter((part) => part !== null && part.trim() !== '').join(' ').trim() || (row.email ?? '');

/** The row with the keys it is sorted and found by. */
export const stored = (row: ContactListRow): StoredContactRow => {
  const digits = phoneDigits(row.phone);
  return {
    ...row,
    nameKey: sortKeyOf(row.name),
    phoneDigits: digits,
    searchText: searchKey([row.name, row.email ?? '', digits ?? ''].join(' ')),
  };
};

const PROFILE_FIELDS = ['email', 'firstName', 'lastName', 'phone', 'jobTitle', 'country'] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];
const isProfileField = (property: string): property is ProfileField => (PROFILE_FIELDS as readonly string[]).includes(property);

const withChanges = (row: ContactListRow, changes: readonly Readonly<{ property: string; previous: PropertyValue; value: PropertyValue }>[]): ContactListRow => {
  let next = row;
  const custom = changes.filter((change) => {
    if (!isProfileField(change.property)) return true;
    next = { ...next, [change.property]: textOf(change.value) };
    return false;
  });
  const properties = custom.length === 0 ? next.properties : withPropertyChanges(next.properties, custom);
  return { ...next, properties, name: displayName(next) };
};

// Compared as instants: ISO strings of years before 0 or after 9999 do not sort as text.
const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || Date.parse(a) >= Date.parse(b) ? a : b);

const active = (row: ContactListRow | undefined): row is ContactListRow => row !== undefined && row.mergedInto === null;

const touched = (row: ContactListRow | undefined, at: string): ContactListRow | undefined =>
  active(row) && later(row.lastActivityAt, at) !== row.lastActivityAt ? { ...row, lastActivityAt: at } : row;

/**
 * The row of `contactId` after `event` (`rows` holds the rows the batch touched so far: an absorption reads the
 * duplicate's). Answers the row unchanged (the same object) when the event changes nothing.
 */
export const evolveContact = (
  rows: ReadonlyMap<string, ContactListRow>,
  contactId: string,
  { event, occurredAt }: TimedContactListEvent,
): ContactListRow | undefined => {
  const row = rows.get(contactId);
  const at = new Date(occurredAt).toISOString();
  if (event.type === 'ContactCreated') {
    if (row) return row;
    const { companyId, ownerId, properties, source, marketingStatus, lifecycleStage, email, firstName, lastName, phone, jobTitle, country } = event.data;
    const profile = { email, firstName, lastName, phone, jobTitle, country };
    return { contactId, ...profile, name: displayName(profile), ownerId, lifecycleStage, marketingStatus, source, companyId, properties, createdAt: at, lastActivityAt: null, mergedInto: null };
  }
  if (!active(row)) return row;
  switch (event.type) {
    case 'ContactPropertiesChanged':
      return withChanges(row, event.data.changes);
    case 'ContactLifecycleStageChanged':
      return { ...row, lifecycleStage: event.data.stage };
    case 'ContactMarketingStatusChanged':
      return { ...row, marketingStatus: event.data.status };
    case 'ContactOwnerAssigned':
      return { ...row, ownerId: event.data.ownerId };
    case 'ContactAssociatedWithCompany':
      return { ...row, companyId: event.data.companyId };
    case 'ContactDissociatedFromCompany':
      return row.companyId === event.data.companyId ? { ...row, companyId: null } : row;
    case 'ContactMerged':
      return { ...row, mergedInto: event.data.mergedInto };
    case 'ContactAbsorbed': {
      const duplicate = rows.get(event.data.mergedContactId);
      const lastActivityAt = later(row.lastActivityAt, duplicate?.lastActivityAt ?? null);
      return lastActivityAt === row.lastActivityAt ? row : { ...row, lastActivityAt };
    }
    case 'MarketingEmailUnsubscribed':
    case 'PageViewed':
    case 'FormSubmitted':
    case 'MarketingEmailOpened':
    case 'MarketingEmailClicked':
    case 'EngagementLogged':
    case 'DealCreated':
    case 'DealContactAssociated':
    case 'TicketCreated':
    case 'RecordsAssociated':
      return touched(row, at);
    default:
      return assertNever(event);
  }
};

/** A batch applied in order to the contacts it touches (loaded beforehand); answers the rows it changed, each once. */
export const reduceContactList = (
  loaded: ReadonlyMap<string, ContactListRow>,
  events: readonly TimedContactListEvent[],
): ContactListRow[] => {
  const rows = new Map(loaded);
  const changed = new Set<string>();
  for (const timed of events) {
    // An absorption reads the duplicate (second) and changes only the survivor (first).
    const ids = timed.event.type === 'ContactAbsorbed' ? [timed.event.data.contactId] : contactIdsOf(timed.event);
    for (const contactId of new Set(ids)) {
      const before = rows.get(contactId);
      const after = evolveContact(rows, contactId, timed);
      if (after === undefined || after === before) continue;
      rows.set(contactId, after);
      changed.add(contactId);
    }
  }
  return [...changed].map((id) => rows.get(id)!);
};
