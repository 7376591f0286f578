// Lead scores as a pure reducer: per contact, the properties and the scoring-relevant events seen so far, and the
// score the formula gives them. A projection never reads the clock, so a contact is scored as of its own latest
// activity (`asOf`, the latest occurredAt among the events applied for it): decay and `withinDays` windows are
// measured at that instant, and the stored score moves only when something happens to the contact.
import type { LeadScoreQualificationChange, LeadScoreSummary } from '#application';
import type { ContactEvent, ContactPropertyValue } from '#domain/contact';
import { assertNever } from '#domain/shared';
import { formatPosition, type RecordedEvent } from '#event-store';
import {
  KNOWN_EVENT_TYPES,
  ruleMatchesEvent,
  scoreContact,
  scoreTotal,
  type Contribution,
  type EngagementRule,
  type Formula,
  type Qualification,
  type ScoringEvent,
} from '#scoring';

export type ContactProperties = Readonly<Record<string, string | number | boolean>>;

/** What the projection keeps per contact between batches, enough to re-score it without reading the log. */
export type ContactScoreState = Readonly<{
  contactId: string;
  /** Built-in fields and custom properties by name, as of the latest event; absent means no value. */
  properties: ContactProperties;
  /** The latest occurredAt (normalised ISO instant) among the events applied for this contact. */
  asOf: string;
  /** Position of the last event applied for this contact, in log order. */
  position: string;
  mergedInto: string | null;
  /** Only events some rule of the formula matches. */
  events: readonly ScoringEvent[];
  /** The qualification stored for the contact ('none' before its first score): changes are told from it. */
  qualification: Qualification;
}>;

// The row is the score the application reads (LeadScoreSummary) with what lists leave out.
export type LeadScoreRow = LeadScoreSummary & Readonly<{ properties: ContactProperties; mergedInto: string | null }>;

/** One matched fit rule or scored event; `ordinal` keeps the scorer's order (group, rule, occurrence). */
export type LeadScoreContributionRow = Contribution & Readonly<{ contactId: string; ordinal: number }>;

export type LeadScoreEventRow = ScoringEvent & Readonly<{ contactId: string }>;

/**
 * A contact's qualification changed with the event at `position` (the causing event): the shape the port answers.
 * Each event is scored as if it were applied alone, so the rows do not depend on where batches end: a rebuild writes
 * the rows the live build wrote.
 */
export type QualificationChangeRow = LeadScoreQualificationChange;

export type LeadScoreChanges = Readonly<{
  /** Every contact the batch touched, re-scored once. */
  scores: readonly LeadScoreRow[];
  /** Contacts in `scores` whose stored contributions are outdated: they are removed before `contributions` go in. */
  replacedContributions: readonly string[];
  /**
   * The full contribution list of every contact in `scores` whose list changed; an unchanged list (often an
   * empty one) is neither removed nor written again.
   */
  contributions: readonly LeadScoreContributionRow[];
  /** Scoring events a contact did not hold before the batch. */
  addedEvents: readonly LeadScoreEventRow[];
  /** None for a merged duplicate (lists and workflows never see one). */
  qualificationChanges: readonly QualificationChangeRow[];
}>;

const PROPERTY_EVENT_TYPES = [
  'ContactCreated',
  'ContactPropertiesChanged',
  'ContactLifecycleStageChanged',
  'ContactMarketingStatusChanged',
  'ContactOwnerAssigned',
  'ContactAssociatedWithCompany',
  'ContactDissociatedFromCompany',
] as const satisfies readonly ContactEvent['type'][];

const MERGE_EVENT_TYPES = ['ContactMerged', 'ContactAbsorbed'] as const satisfies readonly ContactEvent['type'][];

// The filter cannot depend on a build's formula, so it takes every event type a formula may score.
export const LEAD_SCORE_EVENT_TYPES: readonly string[] = [
  ...new Set<string>([...PROPERTY_EVENT_TYPES, ...MERGE_EVENT_TYPES, ...KNOWN_EVENT_TYPES]),
].sort();

type ContactStateEvent = Extract<
  ContactEvent,
  { type: (typeof PROPERTY_EVENT_TYPES)[number] | (typeof MERGE_EVENT_TYPES)[number] }
>;
const CONTACT_STATE_TYPES: ReadonlySet<string> = new Set([...PROPERTY_EVENT_TYPES, ...MERGE_EVENT_TYPES]);
const SCORABLE_TYPES: ReadonlySet<string> = new Set(KNOWN_EVENT_TYPES);

const record = (data: unknown): Readonly<Record<string, unknown>> =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};

/** The contacts a scorable event is about: `contactIds` (engagements, deals) or `contactId` (the rest). */
export const scoredContactIdsOf = (event: Pick<RecordedEvent, 'data'>): string[] => {
  const data = record(event.data);
  if (Array.isArray(data.contactIds)) return [...new Set(data.contactIds.filter((id): id is string => typeof id === 'string'))];
  return typeof data.contactId === 'string' ? [data.contactId] : [];
};

/** Every contact whose state a batch needs: the ones its events are about and the duplicates merged away. */
export const touchedContactIds = (events: readonly RecordedEvent[], owns: (contactId: string) => boolean = () => true): string[] => {
  const ids = new Set<string>();
  for (const event of events) {
    for (const id of scoredContactIdsOf(event)) if (owns(id)) ids.add(id);
    const { mergedContactId } = record(event.data);
    if (event.type === 'ContactAbsorbed' && typeof mergedContactId === 'string' && owns(mergedContactId)) ids.add(mergedContactId);
  }
  return [...ids];
};

/**
 * The contacts whose state an event changes, the survivor first for a merge: lead scores partition by contact, not
 * by stream, because a contact's score moves with its own stream and with deals and engagements in other streams.
 */
export const leadScoreKeysOf = (event: RecordedEvent): string[] => {
  const ids = scoredContactIdsOf(event);
  const { mergedContactId } = record(event.data);
  if (event.type === 'ContactAbsorbed' && typeof mergedContactId === 'string' && !ids.includes(mergedContactId)) ids.push(mergedContactId);
  return ids;
};

/** A merge reads the duplicate's state into the survivor's: the one event that needs two contacts at once. */
export const isLeadScoreBarrier = (event: RecordedEvent): boolean => event.type === 'ContactAbsorbed';

// Four-digit years, as scoring reads instants (and as text order is time order below): a business time before year
// 0000 or after 9999 counts as the first or last millisecond of that range, deterministically.
const FIRST_INSTANT_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The number written with `count` digits at `start`, or -1 if one of them is no digit.
const digitsAt = (value: string, start: number, count: number): number => {
  let number = 0;
  for (let index = start; index < start + count; index += 1) {
    const digit = value.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
};

// Whether `value` is already what the normalisation gives back (toISOString of a four-digit year), as almost every
// stored occurredAt is: a real calendar day and time, checked field by field, which spares a parse and a format.
const isNormalisedInstant = (value: string): boolean => {
  if (value.length !== 24 || value[4] !== '-' || value[7] !== '-' || value[10] !== 'T' || value[13] !== ':') return false;
  if (value[16] !== ':' || value[19] !== '.' || value[23] !== 'Z' || digitsAt(value, 20, 3) < 0) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
};

/** Normalised so a score computed in memory and one re-computed from stored timestamps agree to the character. */
export const normalisedInstant = (value: string, what: string): string => {
  if (typeof value === 'string' && isNormalisedInstant(value)) return value;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`${what}: occurredAt "${value}" is not an instant`);
  return new Date(Math.min(Math.max(ms, FIRST_INSTANT_MS), LAST_INSTANT_MS)).toISOString();
};

// Both are normalised instants; with four-digit years (24 characters) text order is time order, which spares the
// two date parses per event that took close to a tenth of this reducer's time.
const later = (a: string, b: string): string =>
  (a.length === 24 && b.length === 24 ? b > a : Date.parse(b) > Date.parse(a)) ? b : a;

// The working copy is the reducer's own, so a property is set in place; it goes last, as in a fresh object. A name
// like `__proto__` is defined rather than assigned, so it stays a plain property.
const setProperty = (properties: Record<string, unknown>, name: string, value: ContactPropertyValue | undefined): void => {
  delete properties[name];
  if (value === null) return;
  if (name === '__proto__') Object.defineProperty(properties, name, { value, writable: true, enumerable: true, configurable: true });
  else properties[name] = value;
};

const toScoringEvent = (event: RecordedEvent, position: string, occurredAt: string): ScoringEvent => ({
  id: event.id,
  type: event.type,
  streamName: event.streamName,
  revision: event.revision,
  position,
  occurredAt,
  data: event.data,
});

const engagementRules = (formula: Formula): EngagementRule[] =>
  formula.groups.flatMap((group) => (group.kind === 'engagement' ? group.rules : []));

/** The event that last touched a contact, whose step (the state right after it) is not scored yet. */
type PendingStep = { event: RecordedEvent; position: string; occurredAt: string };

/**
 * A touched contact while a batch is applied. Mutable and the reducer's own: the loaded properties and events are
 * shared until the first change copies them, so nothing is spread per event and the loaded state stays as given.
 */
type WorkingContact = {
  readonly contactId: string;
  readonly loaded: ContactScoreState | undefined;
  properties: ContactProperties;
  ownProperties: boolean;
  asOf: string;
  position: string;
  mergedInto: string | null;
  events: readonly ScoringEvent[];
  ownEvents: boolean;
  /** Ids of `events`, made when the first event is added. */
  eventIds: Set<string> | null;
  /** The latest qualification told (the stored one before the batch). */
  qualification: Qualification;
  pending: PendingStep | null;
  changes: QualificationChangeRow[];
};

const writableProperties = (contact: WorkingContact): Record<string, unknown> => {
  if (!contact.ownProperties) {
    contact.properties = { ...contact.properties };
    contact.ownProperties = true;
  }
  return contact.properties as Record<string, unknown>;
};

// As a set union that keeps the held events first: the ones given are added unless an id is already held.
const addEvents = (contact: WorkingContact, events: readonly ScoringEvent[]): void => {
  if (events.length === 0) return;
  const held = (contact.eventIds ??= new Set(contact.events.map((event) => event.id)));
  const added = events.filter((event) => !held.has(event.id));
  if (added.length === 0) return;
  if (!contact.ownEvents) {
    contact.events = [...contact.events];
    contact.ownEvents = true;
  }
  for (const event of added) {
    (contact.events as ScoringEvent[]).push(event);
    held.add(event.id);
  }
};

const evolveContact = (contact: WorkingContact, event: ContactStateEvent): void => {
  switch (event.type) {
    case 'ContactCreated': {
      // Built from nothing: the fields first, then the custom properties (null meaning no value in both).
      const properties: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(event.data)) {
        if (name !== 'contactId' && name !== 'properties') setProperty(properties, name, value as ContactPropertyValue);
      }
      for (const [name, value] of Object.entries(event.data.properties)) setProperty(properties, name, value);
      contact.properties = properties as ContactProperties;
      contact.ownProperties = true;
      return;
    }
    case 'ContactPropertiesChanged':
      for (const change of event.data.changes) setProperty(writableProperties(contact), change.property, change.value);
      return;
    case 'ContactLifecycleStageChanged':
      return setProperty(writableProperties(contact), 'lifecycleStage', event.data.stage);
    case 'ContactMarketingStatusChanged':
      return setProperty(writableProperties(contact), 'marketingStatus', event.data.status);
    case 'ContactOwnerAssigned':
      return setProperty(writableProperties(contact), 'ownerId', event.data.ownerId);
    case 'ContactAssociatedWithCompany':
      return setProperty(writableProperties(contact), 'companyId', event.data.companyId);
    case 'ContactDissociatedFromCompany':
      return setProperty(writableProperties(contact), 'companyId', null);
    case 'ContactMerged':
      contact.mergedInto = event.data.mergedInto;
      return;
    case 'ContactAbsorbed':
      // The duplicate's events are taken over in `applyEvent`, which sees both contacts.
      return;
    default:
      return assertNever(event);
  }
};

/**
 * Tells the qualification at a contact's pending step, scored as `score` gives it, if it differs from the latest
 * told: every change one event at a time would tell, so the rows do not depend on where batches end.
 */
const settle = (contact: WorkingContact, score: Readonly<{ qualification: Qualification; formulaId: string; total: number }>): void => {
  const step = contact.pending!;
  contact.pending = null;
  if (score.qualification === contact.qualification) return;
  // None for a merged duplicate (lists and workflows never see one).
  if (contact.mergedInto === null) {
    contact.changes.push({
      contactId: contact.contactId,
      position: step.position,
      eventId: step.event.id,
      occurredAt: step.occurredAt,
      previous: contact.qualification,
      qualification: score.qualification,
      formulaId: score.formulaId,
      total: score.total,
    });
  }
  contact.qualification = score.qualification;
};

type Batch = Readonly<{
  formula: Formula;
  rules: readonly EngagementRule[];
  loaded: ReadonlyMap<string, ContactScoreState>;
  owns: (contactId: string) => boolean;
  contacts: Map<string, WorkingContact>;
}>;

/**
 * The contact an event is about to change, its step before the event settled first: only the last step of each
 * contact is left for the full score at the end, the ones before need only the qualification.
 */
const touch = (batch: Batch, contactId: string, step: PendingStep): WorkingContact => {
  let contact = batch.contacts.get(contactId);
  if (contact === undefined) {
    const loaded = batch.loaded.get(contactId);
    contact = {
      contactId,
      loaded,
      properties: loaded?.properties ?? {},
      ownProperties: loaded === undefined,
      asOf: loaded ? later(loaded.asOf, step.occurredAt) : step.occurredAt,
      position: step.position,
      mergedInto: loaded?.mergedInto ?? null,
      events: loaded?.events ?? [],
      ownEvents: loaded === undefined,
      eventIds: null,
      qualification: loaded?.qualification ?? 'none',
      pending: step,
      changes: [],
    };
    batch.contacts.set(contactId, contact);
    return contact;
  }
  if (contact.pending?.event !== step.event) {
    if (contact.pending !== null) {
      settle(contact, scoreTotal(batch.formula, { properties: contact.properties, events: contact.events, asOf: contact.asOf }));
    }
    contact.pending = step;
  }
  contact.asOf = later(contact.asOf, step.occurredAt);
  contact.position = step.position;
  return contact;
};

const applyEvent = (batch: Batch, event: RecordedEvent): void => {
  const position = formatPosition(event.position);
  const step: PendingStep = { event, position, occurredAt: normalisedInstant(event.metadata.occurredAt, `event ${event.id}`) };
  if (SCORABLE_TYPES.has(event.type)) {
    const scoring = toScoringEvent(event, position, step.occurredAt);
    const scored = batch.rules.some((rule) => ruleMatchesEvent(rule, scoring));
    for (const contactId of scoredContactIdsOf(event)) {
      // A partition of the build changes only its own contacts; the others' partitions apply the event for them.
      if (!batch.owns(contactId)) continue;
      const contact = touch(batch, contactId, step);
      if (scored) addEvents(contact, [scoring]);
    }
  }
  if (!CONTACT_STATE_TYPES.has(event.type)) return;
  const contactEvent = { type: event.type, data: event.data } as ContactStateEvent;
  if (!batch.owns(contactEvent.data.contactId)) return;
  const contact = touch(batch, contactEvent.data.contactId, step);
  evolveContact(contact, contactEvent);
  if (contactEvent.type === 'ContactAbsorbed') {
    // The duplicate is a tombstone from here on, whichever of ContactMerged and ContactAbsorbed comes first.
    const duplicate = touch(batch, contactEvent.data.mergedContactId, step);
    duplicate.mergedInto = contactEvent.data.contactId;
    addEvents(contact, duplicate.events);
  }
};

type ScoredState = Omit<ContactScoreState, 'qualification'>;

const scoreRows = (formula: Formula, state: ScoredState): [LeadScoreRow, LeadScoreContributionRow[]] => {
  const breakdown = scoreContact(formula, { properties: state.properties, events: state.events, asOf: state.asOf });
  return [
    {
      contactId: state.contactId,
      properties: state.properties,
      fit: breakdown.fit,
      engagement: breakdown.engagement,
      total: breakdown.total,
      qualification: breakdown.qualification,
      formulaId: breakdown.formulaId,
      asOf: state.asOf,
      position: state.position,
      mergedInto: state.mergedInto,
    },
    breakdown.contributions.map((contribution, ordinal) => ({ contactId: state.contactId, ordinal, ...contribution })),
  ];
};

const sameContributions = (a: readonly LeadScoreContributionRow[], b: readonly LeadScoreContributionRow[]): boolean =>
  a.length === b.length &&
  a.every((row, i) => (Object.keys(row) as (keyof LeadScoreContributionRow)[]).every((field) => row[field] === b[i][field]));

// The stored list is what the loaded state scores to (same formula, pure scorer). Without scoring events and with
// the loaded properties untouched it equals the new list, so most contacts are not scored twice.
const storedContributions = (formula: Formula, contact: WorkingContact, rows: readonly LeadScoreContributionRow[]): readonly LeadScoreContributionRow[] => {
  const before = contact.loaded;
  if (!before) return [];
  if (before.events.length === 0 && contact.events.length === 0 && !contact.ownProperties) return rows;
  return scoreRows(formula, before)[1];
};

// The events appended in the batch come after the loaded ones; they are the ones the store does not hold yet.
const addedEventsOf = (contact: WorkingContact): LeadScoreEventRow[] => {
  const before = contact.loaded?.events ?? [];
  if (contact.events.length === before.length) return [];
  const held = new Set(before.map((event) => event.id));
  return contact.events
    .slice(before.length)
    .filter((event) => !held.has(event.id))
    .map((event) => ({ contactId: contact.contactId, ...event }));
};

/**
 * Applies a batch (in log order) to the contacts it touches, given their state before it (`loaded`; a contact
 * missing from it is new), and re-scores each touched contact once. Pure: the same events give the same rows.
 */
export const projectLeadScores = (
  formula: Formula,
  loaded: ReadonlyMap<string, ContactScoreState>,
  events: readonly RecordedEvent[],
  owns: (contactId: string) => boolean = () => true,
): LeadScoreChanges => {
  const batch: Batch = { formula, rules: engagementRules(formula), loaded, owns, contacts: new Map() };
  for (const event of events) applyEvent(batch, event);
  const scores: LeadScoreRow[] = [];
  const replacedContributions: string[] = [];
  const contributions: LeadScoreContributionRow[] = [];
  const addedEvents: LeadScoreEventRow[] = [];
  const changes: QualificationChangeRow[] = [];
  for (const contactId of [...batch.contacts.keys()].sort()) {
    const contact = batch.contacts.get(contactId)!;
    const [row, rows] = scoreRows(formula, contact);
    scores.push(row);
    // The last step's score is the row's.
    settle(contact, row);
    changes.push(...contact.changes);
    // Deleting and re-inserting every touched contact's rows costs more than finding the few whose rows changed.
    const stored = storedContributions(formula, contact, rows);
    if (!sameContributions(stored, rows)) {
      if (stored.length > 0) replacedContributions.push(contactId);
      contributions.push(...rows);
    }
    addedEvents.push(...addedEventsOf(contact));
  }
  return { scores, replacedContributions, contributions, addedEvents, qualificationChanges: changes };
};
