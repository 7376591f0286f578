// What a raw event line of an import (the historical-migration path) may write: only into the stream category of
// its aggregate, under the id the stream names, and only what the aggregate's decider could have produced next on
// that stream. States are folded with the deciders' own `evolve`; everything here is pure, the importer reads.
import { companyDecider, companyEventDefinitions, type CompanyEvent, type CompanyState } from '#domain/company';
import {
  contactActivityEventDefinitions,
  contactDecider,
  contactEventDefinitions,
  contactStream,
  type ContactEvent,
  type ContactState,
} from '#domain/contact';
import { dealDecider, dealEventDefinitions, type Deal, type DealEvent, type DealState } from '#domain/deal';
import {
  engagementDecider,
  engagementEventDefinitions,
  type EngagementEvent,
  type EngagementState,
} from '#domain/engagement';
import { ownerDecider, ownerEventDefinitions, type OwnerEvent, type OwnerState } from '#domain/owner';
import {
  pipelineDecider,
  pipelineEventDefinitions,
  pipelineStream,
  stageOf,
  type PipelineEvent,
  type PipelineObjectType,
  type PipelineStage,
  type PipelineState,
} from '#domain/pipeline';
import {
  propertyDefinitionDecider,
  propertyDefinitionEventDefinitions,
  type PropertyDefinitionCommand,
  type PropertyDefinitionEvent,
  type PropertyDefinitionsState,
} from '#domain/property-definition';
import { assertNever, parseAmount, type DomainEvent, type EventDefinition } from '#domain/shared';
import { ticketDecider, ticketEventDefinitions, type Ticket, type TicketEvent, type TicketState } from '#domain/ticket';
import {
  normalizeUniqueValue,
  uniqueValueDecider,
  uniqueValueStream,
  type UniqueValueEvent,
  type UniqueValueKind,
  type UniqueValueState,
} from '#domain/unique-value';

/** An event as a line carries it, its data already valid against the type's JSON Schema. */
export type HistoryEvent = Readonly<{ id: string; type: string; data: Readonly<Record<string, unknown>> }>;

/** The states of the other streams an event refers to (its deal's pipeline, its activity's contact). */
export type References = Readonly<{ pipeline(pipelineId: string): PipelineState; contact(contactId: string): ContactState }>;

type Reason = string | null;

type AggregateHistory<S, E extends DomainEvent> = Readonly<{
  definitions: readonly EventDefinition[];
  /** The field of every event's data that names the stream's id. */
  idField: string;
  /** The stream's id in its name after the category, when the name carries more than the id (`definitions-<type>`). */
  streamId?: (rest: string) => string | null;
  /** The event that starts the stream, or null when no single event does (a stream of property definitions). */
  created: string | null;
  /** A stream without state of its own (a contact's activity): never read, judged on its references only. */
  stateless?: boolean;
  decider: Readonly<{ evolve: (state: S, event: E) => S; initialState: () => S }>;
  exists: (state: S) => boolean;
  /** The streams, besides its own, whose state judging `event` reads. */
  references?: (event: E) => readonly string[];
  /** Why the decider could not have produced `event` next (its type already fits the stream), or null. */
  check?: (state: S, event: E, refs: References) => Reason;
}>;

const define = <S, E extends DomainEvent>(history: AggregateHistory<S, E>) => history;

const differs = (field: string, given: unknown, current: unknown): Reason =>
  JSON.stringify(given) === JSON.stringify(current) ? null : `${field} is ${JSON.stringify(given)} but the stream has ${JSON.stringify(current)}`;

const firstReason = (...reasons: Reason[]): Reason => reasons.find((reason) => reason !== null) ?? null;

/** The stage `stageId` of the record's pipeline, or the reason it cannot be entered. */
const stageIn = (
  refs: References,
  objectType: PipelineObjectType,
  pipelineId: string,
  stageId: string,
): { stage: PipelineStage } | { reason: string } => {
  const pipeline = refs.pipeline(pipelineId);
  if (pipeline === null) return { reason: `pipeline ${pipelineId} does not exist` };
  if (pipeline.objectType !== objectType) return { reason: `pipeline ${pipelineId} is a ${pipeline.objectType} pipeline` };
  const stage = stageOf(pipeline, stageId);
  return stage ? { stage } : { reason: `pipeline ${pipelineId} has no stage ${stageId}` };
};

const closedAs = (
  refs: References,
  objectType: PipelineObjectType,
  pipelineId: string,
  stageId: string,
  closed: (stage: PipelineStage) => boolean,
  what: string,
): Reason => {
  const found = stageIn(refs, objectType, pipelineId, stageId);
  if ('reason' in found) return found.reason;
  return closed(found.stage) ? null : `stage ${stageId} is not ${what}`;
};

// What the decider writes: the amount in its currency's canonical digits ("1200.50" USD, "150000" JPY), never "1200.5"
// or 1.5 JPY, so every reader can compare amounts as text.
const amountIn = (field: string, amount: string, currency: string): Reason => {
  const canonical = parseAmount(amount, currency);
  if (canonical === amount) return null;
  return canonical === null ? `${field} ${amount} has more decimals than ${currency} has` : `${field} ${amount} is written ${canonical} in ${currency}`;
};

// A billing period iff recurring; a renewal is recurring and renews another deal.
const revenueTermsOf = (dealId: string, revenueType: string, billingPeriod: string | null, renewsDealId: string | null): Reason => {
  if ((revenueType === 'recurring') !== (billingPeriod !== null)) return `a ${revenueType} deal has ${revenueType === 'recurring' ? 'a' : 'no'} billingPeriod`;
  if (renewsDealId === dealId) return `deal ${dealId} cannot renew itself`;
  return renewsDealId !== null && revenueType !== 'recurring' ? 'a deal that renews another is recurring' : null;
};

const dealCheck = (deal: DealState, event: DealEvent, refs: References): Reason => {
  if (event.type === 'DealCreated') {
    const { dealId, amount, currency, revenueType, billingPeriod, renewsDealId } = event.data;
    const found = stageIn(refs, 'deal', event.data.pipelineId, event.data.stageId);
    return firstReason(
      'reason' in found ? found.reason : null,
      amountIn('amount', amount, currency),
      revenueTermsOf(dealId, revenueType, billingPeriod, renewsDealId),
    );
  }
  // Only DealCreated starts a stream: the importer has refused any other event on an absent deal.
  const current = deal as Deal;
  const samePipeline = (pipelineId: string) => differs('pipelineId', pipelineId, current.pipelineId);
  const open = current.outcome === 'open' ? null : `deal ${current.dealId} is ${current.outcome}`;
  switch (event.type) {
    case 'DealStageChanged': {
      const { pipelineId, fromStageId, toStageId } = event.data;
      const found = stageIn(refs, 'deal', pipelineId, toStageId);
      return firstReason(
        open,
        samePipeline(pipelineId),
        differs('fromStageId', fromStageId, current.stageId),
        toStageId === fromStageId ? 'toStageId is the stage the deal is in' : null,
        'reason' in found ? found.reason : null,
      );
    }
    case 'DealWon':
      return firstReason(
        open,
        samePipeline(event.data.pipelineId),
        closedAs(refs, 'deal', current.pipelineId, event.data.stageId, (s) => s.closed === 'won', 'a won stage'),
        differs('stageId', event.data.stageId, current.stageId),
        differs('amount', event.data.amount, current.amount),
        differs('currency', event.data.currency, current.currency),
        differs('ownerId', event.data.ownerId, current.ownerId),
      );
    case 'DealLost':
      return firstReason(
        open,
        samePipeline(event.data.pipelineId),
        closedAs(refs, 'deal', current.pipelineId, event.data.stageId, (s) => s.closed === 'lost', 'a lost stage'),
        differs('stageId', event.data.stageId, current.stageId),
      );
    case 'DealReopened':
      return firstReason(
        current.outcome === 'open' ? `deal ${current.dealId} is open` : null,
        samePipeline(event.data.pipelineId),
        differs('fromStageId', event.data.fromStageId, current.stageId),
        closedAs(refs, 'deal', current.pipelineId, event.data.toStageId, (s) => s.closed === null, 'an open stage'),
      );
    case 'DealAmountChanged':
      return firstReason(
        differs('previous', event.data.previous, { amount: current.amount, currency: current.currency }),
        amountIn('amount', event.data.amount, event.data.currency),
      );
    case 'DealRevenueTypeChanged':
      return firstReason(
        differs('previous', event.data.previous, { revenueType: current.revenueType, billingPeriod: current.billingPeriod }),
        revenueTermsOf(current.dealId, event.data.revenueType, event.data.billingPeriod, current.renewsDealId),
      );
    case 'DealCloseDateChanged':
      return differs('previous', event.data.previous, current.closeDate);
    case 'DealOwnerAssigned':
      return differs('previous', event.data.previous, current.ownerId);
    case 'DealRenamed':
      return differs('previous', event.data.previous, current.name);
    case 'DealContactAssociated':
      return current.contactIds.includes(event.data.contactId) ? `contact ${event.data.contactId} is already associated` : null;
    case 'DealContactDissociated':
      return current.contactIds.includes(event.data.contactId) ? null : `contact ${event.data.contactId} is not associated`;
    case 'DealCompanyAssociated':
      return differs('previousCompanyId', event.data.previousCompanyId, current.companyId);
    default:
      return null;
  }
};

const ticketCheck = (ticket: TicketState, event: TicketEvent, refs: References): Reason => {
  if (event.type === 'TicketCreated') {
    const found = stageIn(refs, 'ticket', event.data.pipelineId, event.data.stageId);
    return 'reason' in found ? found.reason : null;
  }
  const current = ticket as Ticket;
  switch (event.type) {
    case 'TicketStageChanged': {
      const { pipelineId, fromStageId, toStageId } = event.data;
      const found = stageIn(refs, 'ticket', pipelineId, toStageId);
      return firstReason(
        differs('pipelineId', pipelineId, current.pipelineId),
        differs('fromStageId', fromStageId, current.stageId),
        toStageId === fromStageId ? 'toStageId is the stage the ticket is in' : null,
        'reason' in found ? found.reason : null,
      );
    }
    case 'TicketClosed':
      return firstReason(
        current.status === 'closed' ? `ticket ${current.ticketId} is closed` : null,
        differs('stageId', event.data.stageId, current.stageId),
        closedAs(refs, 'ticket', current.pipelineId, event.data.stageId, (s) => s.closed !== null, 'a closed stage'),
      );
    case 'TicketReopened':
      return firstReason(
        current.status === 'open' ? `ticket ${current.ticketId} is open` : null,
        differs('stageId', event.data.stageId, current.stageId),
        closedAs(refs, 'ticket', current.pipelineId, event.data.stageId, (s) => s.closed === null, 'an open stage'),
      );
    case 'TicketOwnerAssigned':
      return differs('previous', event.data.previous, current.ownerId);
    case 'TicketPriorityChanged':
      return differs('previous', event.data.previous, current.priority);
    default:
      return null;
  }
};

const pipelineOf = (event: DomainEvent): readonly string[] => {
  const { pipelineId } = event.data as { pipelineId?: unknown };
  return typeof pipelineId === 'string' ? [pipelineStream(pipelineId)] : [];
};

// A contact's activity has no state of its own: it needs its contact (contact-activity.decider). Only existence is
// judged: a file holds streams one after another, so the contact read here may already be merged or unsubscribed
// by events that happened after the activity.
const activityCheck = (_: null, event: DomainEvent, refs: References): Reason => {
  const { contactId } = event.data as { contactId: string };
  return refs.contact(contactId).status === 'absent' ? `contact ${contactId} does not exist` : null;
};

// A raw definition line is judged by the decider itself: the command it answers to is rebuilt from the event, decided
// on the stream as folded so far, and must give back that very event (so a name taken twice, a change from a
// previous value the stream does not hold, or a removed property changed is refused, as on the api).
const commandOf = (event: PropertyDefinitionEvent): PropertyDefinitionCommand => {
  // The decider reads no clock for definitions; a fixed instant keeps the judgement pure.
  const metadata = { now: '1970-01-01T00:00:00.000Z' };
  switch (event.type) {
    case 'PropertyDefined':
      return { type: 'DefineProperty', data: event.data, metadata };
    case 'PropertyDefinitionChanged': {
      const changes = Object.fromEntries(event.data.changes.map(({ field, value }) => [field, value]));
      return { type: 'ChangePropertyDefinition', data: { objectType: event.data.objectType, name: event.data.name, ...changes }, metadata };
    }
    case 'PropertyDefinitionRemoved':
      return { type: 'RemovePropertyDefinition', data: event.data, metadata };
    default:
      return assertNever(event);
  }
};

const propertyDefinitionCheck = (state: PropertyDefinitionsState, event: PropertyDefinitionEvent): Reason => {
  let decided: readonly PropertyDefinitionEvent[];
  try {
    decided = propertyDefinitionDecider.decide(commandOf(event), state);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return differs(event.type, event.data, decided.length === 1 && decided[0].type === event.type ? decided[0].data : null);
};

const HISTORIES = {
  owner: define<OwnerState, OwnerEvent>({
    definitions: ownerEventDefinitions,
    idField: 'ownerId',
    created: 'OwnerCreated',
    decider: ownerDecider,
    exists: (state) => state.status !== 'absent',
  }),
  pipeline: define<PipelineState, PipelineEvent>({
    definitions: pipelineEventDefinitions,
    idField: 'pipelineId',
    created: 'PipelineCreated',
    decider: pipelineDecider,
    exists: (state) => state !== null,
  }),
  company: define<CompanyState, CompanyEvent>({
    definitions: companyEventDefinitions,
    idField: 'companyId',
    created: 'CompanyCreated',
    decider: companyDecider,
    exists: (state) => state.status !== 'absent',
  }),
  contact: define<ContactState, ContactEvent>({
    definitions: contactEventDefinitions,
    idField: 'contactId',
    created: 'ContactCreated',
    decider: contactDecider,
    exists: (state) => state.status !== 'absent',
  }),
  activity: define<null, DomainEvent>({
    definitions: contactActivityEventDefinitions,
    idField: 'contactId',
    created: null,
    decider: { evolve: () => null, initialState: () => null },
    exists: () => true,
    stateless: true,
    references: (event) => [contactStream((event.data as { contactId: string }).contactId)],
    check: activityCheck,
  }),
  deal: define<DealState, DealEvent>({
    definitions: dealEventDefinitions,
    idField: 'dealId',
    created: 'DealCreated',
    decider: dealDecider,
    exists: (state) => state !== null,
    references: pipelineOf,
    check: dealCheck,
  }),
  ticket: define<TicketState, TicketEvent>({
    definitions: ticketEventDefinitions,
    idField: 'ticketId',
    created: 'TicketCreated',
    decider: ticketDecider,
    exists: (state) => state !== null,
    references: pipelineOf,
    check: ticketCheck,
  }),
  engagement: define<EngagementState, EngagementEvent>({
    definitions: engagementEventDefinitions,
    idField: 'engagementId',
    created: 'EngagementLogged',
    decider: engagementDecider,
    exists: (state) => state !== null,
  }),
  property: define<PropertyDefinitionsState, PropertyDefinitionEvent>({
    definitions: propertyDefinitionEventDefinitions,
    idField: 'objectType',
    streamId: (rest) => (rest.startsWith('definitions-') ? rest.slice('definitions-'.length) : null),
    created: null,
    decider: propertyDefinitionDecider,
    exists: () => true,
    check: propertyDefinitionCheck,
  }),
} as const;

/** The stream categories raw events may go to; claims (`unique-`), settings and scoring formulas are not among them. */
export const HISTORY_CATEGORIES: readonly string[] = Object.keys(HISTORIES);

const historyOf = (category: string) =>
  Object.hasOwn(HISTORIES, category) ? (HISTORIES[category as keyof typeof HISTORIES] as AggregateHistory<unknown, DomainEvent>) : undefined;

const splitStream = (streamName: string): { category: string; id: string } => {
  const dash = streamName.indexOf('-');
  return dash === -1 ? { category: streamName, id: '' } : { category: streamName.slice(0, dash), id: streamName.slice(dash + 1) };
};

/** Why `event` may not go to `streamName` whatever the stream holds (its category, type and id), or null. */
export const misplaced = (streamName: string, event: HistoryEvent): Reason => {
  const { category, id } = splitStream(streamName);
  const history = historyOf(category);
  if (!history) return `an import may write raw events only to streams of ${HISTORY_CATEGORIES.join(', ')}, not ${category}`;
  if (!history.definitions.some((definition) => definition.type === event.type)) return `${event.type} does not belong in a ${category} stream`;
  const streamId = history.streamId ? history.streamId(id) : id;
  if (streamId === null) return `${streamName} is not a stream name of the ${category} category`;
  const named = event.data[history.idField];
  return named === streamId ? null : `data.${history.idField} ${JSON.stringify(named)} is not the id in the stream name ${streamName}`;
};

type ValueClaim = Readonly<{ kind: UniqueValueKind; value: string; ownerId: string; change: 'claim' | 'release' }>;

const emailChanges = (data: Readonly<Record<string, unknown>>): ValueClaim[] => {
  const { contactId, changes } = data as { contactId: string; changes: readonly { property: string; previous: unknown; value: unknown }[] };
  return changes
    .filter((change) => change.property === 'email')
    .flatMap((change) => valueChange('contact-email', contactId, change.previous, change.value));
};

const domainChanges = (data: Readonly<Record<string, unknown>>): ValueClaim[] => {
  const { companyId, changes } = data as { companyId: string; changes: readonly { field: string; previous: unknown; value: unknown }[] };
  return changes.filter((change) => change.field === 'domain').flatMap((change) => valueChange('company-domain', companyId, change.previous, change.value));
};

// As the command handlers do: the new value is claimed before the old one is given up; the same value, kept, is neither.
const valueChange = (kind: UniqueValueKind, ownerId: string, previous: unknown, value: unknown): ValueClaim[] => {
  const normalized = (text: unknown) => (typeof text === 'string' ? normalizeUniqueValue(kind, text) : null);
  if (normalized(previous) === normalized(value)) return [];
  return [
    ...(typeof value === 'string' ? [{ kind, value, ownerId, change: 'claim' as const }] : []),
    ...(typeof previous === 'string' ? [{ kind, value: previous, ownerId, change: 'release' as const }] : []),
  ];
};

/**
 * The unique values (a contact's email, a company's domain) an event takes or gives up, as its command handler
 * claims or releases them: an import derives the claims, so an imported record holds its value as one created
 * through the api does.
 */
const valueClaims = (event: HistoryEvent): readonly ValueClaim[] => {
  const { data } = event;
  switch (event.type) {
    case 'ContactCreated':
      return valueChange('contact-email', data.contactId as string, null, data.email);
    case 'ContactPropertiesChanged':
      return emailChanges(data);
    case 'ContactMerged':
      return valueChange('contact-email', data.contactId as string, data.email, null);
    case 'CompanyCreated':
      return valueChange('company-domain', data.companyId as string, null, data.domain);
    case 'CompanyUpdated':
      return domainChanges(data);
    case 'CompanyMerged':
      return valueChange('company-domain', data.companyId as string, data.domain, null);
    default:
      return [];
  }
};

/** The streams to read before judging `event` on `streamName`: its own, unless it keeps no state, those it refers to and its claims. */
export const streamsToRead = (streamName: string, event: HistoryEvent): readonly string[] => {
  const history = historyOf(splitStream(streamName).category);
  if (!history) return [];
  return [
    ...(history.stateless ? [] : [streamName]),
    ...(history.references?.(event) ?? []),
    ...valueClaims(event).map((claim) => uniqueValueStream(claim.kind, claim.value)),
  ];
};

/** Events an accepted line implies on other streams: the claims of its unique values. */
export type DerivedEvents = Readonly<{ streamName: string; events: readonly UniqueValueEvent[] }>;

/** The verdict on a line: why it is refused, or the events it implies elsewhere. */
export type Judgement = Readonly<{ reason: string }> | Readonly<{ reason: null; derived: readonly DerivedEvents[] }>;

type StreamState = { state: unknown; ids: Set<string> };

const CLAIM_CATEGORY = 'unique';

// A claim stream holds only what the unique-value decider wrote.
const foldClaims = (stored: readonly DomainEvent[]): UniqueValueState =>
  stored.reduce((state, event) => uniqueValueDecider.evolve(state, event as UniqueValueEvent), uniqueValueDecider.initialState());

/**
 * The folded streams of one window of lines: load what is stored, then judge each line in file order; an accepted
 * line is folded in, so later lines see it before it is stored.
 */
export class StreamHistories {
  private readonly streams = new Map<string, StreamState>();

  /** Folds what `streamName` holds in the store (events in their current shape). */
  load(streamName: string, stored: readonly HistoryEvent[]): void {
    const { category } = splitStream(streamName);
    const history = historyOf(category);
    const state = category === CLAIM_CATEGORY ? foldClaims(stored) : history ? stored.reduce(history.decider.evolve, history.decider.initialState()) : null;
    this.streams.set(streamName, { state, ids: new Set(stored.map((event) => event.id)) });
  }

  /** Whether the stream holds this event already (a re-run): the store reports it as a duplicate, unjudged. */
  isStored(streamName: string, eventId: string): boolean {
    return this.streams.get(streamName)?.ids.has(eventId) ?? false;
  }

  /**
   * Why the decider could never have produced `event` next on `streamName`, or null after folding it in.
   * Every stream of `streamsToRead` must be loaded.
   */
  judge(streamName: string, event: HistoryEvent): Reason {
    return this.verdict(streamName, event).reason;
  }

  /** As `judge`, with the claims an accepted event implies (folded in too, so later lines see them). */
  verdict(streamName: string, event: HistoryEvent): Judgement {
    const history = historyOf(splitStream(streamName).category);
    const placement = misplaced(streamName, event);
    if (placement !== null || !history) return { reason: placement ?? `${streamName} is not a history stream` };
    // A stream without state of its own (a contact's activity) is never read: its judgement rests on references.
    const stream = history.stateless ? { state: history.decider.initialState(), ids: new Set<string>() } : this.loaded(streamName);
    const exists = history.exists(stream.state);
    if (event.type === history.created && exists) return { reason: `${streamName} already has its ${history.created}` };
    if (event.type !== history.created && history.created !== null && !exists) {
      return { reason: `${streamName} has no ${history.created}: ${event.type} must follow it` };
    }
    const reason = history.check?.(stream.state, event, this.references) ?? null;
    if (reason !== null) return { reason };
    const claims = this.claimsOf(event);
    if ('reason' in claims) return claims;
    stream.state = history.decider.evolve(stream.state, event);
    stream.ids.add(event.id);
    for (const { streamName: claimStream, events } of claims.derived) {
      const claim = this.loaded(claimStream);
      claim.state = events.reduce(uniqueValueDecider.evolve, claim.state as UniqueValueState);
    }
    return { reason: null, derived: claims.derived };
  }

  // Decided as the unique-value decider would; a value another record holds refuses the line (409 on the api).
  private claimsOf(event: HistoryEvent): Readonly<{ reason: string }> | Readonly<{ derived: DerivedEvents[] }> {
    const derived: DerivedEvents[] = [];
    for (const { kind, value, ownerId, change } of valueClaims(event)) {
      const normalized = normalizeUniqueValue(kind, value);
      const streamName = uniqueValueStream(kind, value);
      const { claimedBy } = this.loaded(streamName).state as UniqueValueState;
      const data = { kind, value: normalized, ownerId };
      if (change === 'claim' && claimedBy !== null && claimedBy !== ownerId) return { reason: `${kind} ${normalized} is held by ${claimedBy}` };
      if (change === 'claim' && claimedBy === null) derived.push({ streamName, events: [{ type: 'UniqueValueClaimed', data }] });
      if (change === 'release' && claimedBy === ownerId) derived.push({ streamName, events: [{ type: 'UniqueValueReleased', data }] });
    }
    return { derived };
  }

  // Each referred stream is folded by its own category's decider, so its state has that decider's type.
  private readonly references: References = {
    pipeline: (pipelineId) => this.loaded(pipelineStream(pipelineId)).state as PipelineState,
    contact: (contactId) => this.loaded(contactStream(contactId)).state as ContactState,
  };

  private loaded(streamName: string): StreamState {
    const stream = this.streams.get(streamName);
    if (!stream) throw new Error(`stream ${streamName} was not loaded before judging`);
    return stream;
  }
}
