// Survey results, the pure part: each answer with what it is grouped by, fixed when it is answered: the month of its
// business time (UTC), the contact's owner at that moment and that owner's team then, and the linked ticket's
// pipeline. A later reassignment or team change never moves an answer already given. Nothing here reads the clock.
import type { ContactCreated, ContactOwnerAssigned } from '#domain/contact';
import type { OwnerCreated, OwnerUpdated } from '#domain/owner';
import { assertNever } from '#domain/shared';
import type { SurveyCategory, SurveyCreated, SurveyResponded, SurveyType } from '#domain/survey';
import type { TicketCreated, TicketStageChanged } from '#domain/ticket';
import { storedInstant } from '../pg-values.js';

export type SurveyResultsEvent =
  | SurveyCreated
  | SurveyResponded
  | ContactCreated
  | ContactOwnerAssigned
  | OwnerCreated
  | OwnerUpdated
  | TicketCreated
  | TicketStageChanged;

export const SURVEY_RESULTS_EVENT_TYPES: readonly SurveyResultsEvent['type'][] = [
  'SurveyCreated',
  'SurveyResponded',
  'ContactCreated',
  'ContactOwnerAssigned',
  'OwnerCreated',
  'OwnerUpdated',
  'TicketCreated',
  'TicketStageChanged',
];

/** An event as the reducer reads it: its id and business time beside type and data. */
export type SurveyResultsSourceEvent = Readonly<{ id: string; occurredAt: string; event: SurveyResultsEvent }>;

export type SurveyRow = Readonly<{ surveyId: string; type: SurveyType; name: string; question: string; createdAt: string; eventId: string }>;

export type ResponseRow = Readonly<{
  linkId: string;
  surveyId: string;
  surveyType: SurveyType;
  contactId: string;
  ticketId: string | null;
  score: number;
  category: SurveyCategory;
  comment: string | null;
  ownerId: string | null;
  team: string | null;
  pipelineId: string | null;
  respondedAt: string;
  /** `YYYY-MM`: the UTC month of the answer's business time. */
  period: string;
  eventId: string;
}>;

/** What a batch needs before it starts: the touched contacts' owners, owners' teams and tickets' pipelines. */
export type SurveyResultsState = Readonly<{
  contactOwners: ReadonlyMap<string, string | null>;
  ownerTeams: ReadonlyMap<string, string | null>;
  ticketPipelines: ReadonlyMap<string, string>;
}>;

export type SurveyResultsChanges = Readonly<{
  contactOwners: ReadonlyMap<string, string | null>;
  ownerTeams: ReadonlyMap<string, string | null>;
  ticketPipelines: ReadonlyMap<string, string>;
  surveys: readonly SurveyRow[];
  responses: readonly ResponseRow[];
}>;

/** The keys a batch reads before reducing; the owners of the contacts loaded are read after them. */
export const touchedKeys = (events: readonly SurveyResultsEvent[]): { contactIds: string[]; ownerIds: string[]; ticketIds: string[] } => {
  const contactIds = new Set<string>();
  const ownerIds = new Set<string>();
  const ticketIds = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'SurveyCreated':
        break;
      case 'SurveyResponded':
        contactIds.add(event.data.contactId);
        if (event.data.ticketId !== null) ticketIds.add(event.data.ticketId);
        break;
      case 'ContactCreated':
      case 'ContactOwnerAssigned':
        contactIds.add(event.data.contactId);
        if (event.data.ownerId !== null) ownerIds.add(event.data.ownerId);
        break;
      case 'OwnerCreated':
      case 'OwnerUpdated':
        ownerIds.add(event.data.ownerId);
        break;
      case 'TicketCreated':
      case 'TicketStageChanged':
        ticketIds.add(event.data.ticketId);
        break;
      default:
        assertNever(event);
    }
  }
  return { contactIds: [...contactIds], ownerIds: [...ownerIds], ticketIds: [...ticketIds] };
};

/** The UTC month of a stored instant: `2026-10`, or `+10000-01` past year 9999 (the schema admits it). */
export const periodOf = (instant: string): string => /^([+-]?\d+-\d{2})/.exec(instant)![1];

/** Applies a batch in order to the state it touches. */
export const reduceSurveyResults = (state: SurveyResultsState, events: readonly SurveyResultsSourceEvent[]): SurveyResultsChanges => {
  const contactOwners = new Map(state.contactOwners);
  const ownerTeams = new Map(state.ownerTeams);
  const ticketPipelines = new Map(state.ticketPipelines);
  const changedContacts = new Map<string, string | null>();
  const changedOwners = new Map<string, string | null>();
  const changedTickets = new Map<string, string>();
  const surveys: SurveyRow[] = [];
  const responses: ResponseRow[] = [];
  const setOwnerOf = (contactId: string, ownerId: string | null) => {
    contactOwners.set(contactId, ownerId);
    changedContacts.set(contactId, ownerId);
  };
  const setTeam = (ownerId: string, team: string | null) => {
    ownerTeams.set(ownerId, team);
    changedOwners.set(ownerId, team);
  };
  const setPipeline = (ticketId: string, pipelineId: string) => {
    ticketPipelines.set(ticketId, pipelineId);
    changedTickets.set(ticketId, pipelineId);
  };
  for (const { id, occurredAt, event } of events) {
    switch (event.type) {
      case 'SurveyCreated': {
        const { surveyId, type, name, question } = event.data;
        surveys.push({ surveyId, type, name, question, createdAt: storedInstant(occurredAt), eventId: id });
        break;
      }
      case 'SurveyResponded': {
        const { linkId, surveyId, surveyType, contactId, ticketId, score, category, comment } = event.data;
        const ownerId = contactOwners.get(contactId) ?? null;
        const respondedAt = storedInstant(occurredAt);
        responses.push({
          linkId,
          surveyId,
          surveyType,
          contactId,
          ticketId,
          score,
          category,
          comment,
          ownerId,
          team: ownerId === null ? null : (ownerTeams.get(ownerId) ?? null),
          pipelineId: ticketId === null ? null : (ticketPipelines.get(ticketId) ?? null),
          respondedAt,
          period: periodOf(respondedAt),
          eventId: id,
        });
        break;
      }
      case 'ContactCreated':
      case 'ContactOwnerAssigned':
        setOwnerOf(event.data.contactId, event.data.ownerId);
        break;
      case 'OwnerCreated':
        setTeam(event.data.ownerId, event.data.team);
        break;
      case 'OwnerUpdated':
        for (const change of event.data.changes) if (change.field === 'team') setTeam(event.data.ownerId, change.value as string | null);
        break;
      case 'TicketCreated':
      case 'TicketStageChanged':
        setPipeline(event.data.ticketId, event.data.pipelineId);
        break;
      default:
        assertNever(event);
    }
  }
  return { contactOwners: changedContacts, ownerTeams: changedOwners, ticketPipelines: changedTickets, surveys, responses };
};
