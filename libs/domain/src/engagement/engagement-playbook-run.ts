// A playbook run: the answers given while working through a playbook on a call or meeting, recorded on the
// engagement's stream. It is kept apart from EngagementEvent so that the readers of an engagement's own lifecycle
// (the engagement list, imports of history) stay as they are; engagementDecider folds past it.
import { playbookInvalid, type PlaybookAnswer } from '../playbook/playbook.decider.js';
import { MAX_PLAYBOOK_VERSION, PLAYBOOK_TEAMS, QUESTION_ID_PATTERN, QUESTION_TYPES, type PlaybookTeam } from '../playbook/playbook.events.js';
import {
  assertNever,
  dataSchema,
  defineEvent,
  idSchema as id,
  notFound,
  optionalIdSchema as optionalId,
  ruleViolated,
  strictObject,
  type Command,
  type Decider,
  type DomainEvent,
  type EventDefinition,
} from '../shared/index.js';
import type { EngagementEvent, EngagementKind } from './engagement.events.js';

/** The kinds a playbook is worked through on. */
export const PLAYBOOK_RUN_KINDS: readonly EngagementKind[] = ['call', 'meeting'];

export type PlaybookRunRecorded = DomainEvent<
  'PlaybookRunRecorded',
  Readonly<{
    engagementId: string;
    runId: string;
    playbookId: string;
    playbookVersion: number;
    playbookName: string;
    team: PlaybookTeam;
    /** The contact the mapped answers were written to; null when no answer maps to a property and none was named. */
    contactId: string | null;
    /** In the playbook's question order; unanswered questions are left out. */
    answers: readonly PlaybookAnswer[];
  }>
>;

/** How timelines sum a run up: the playbook and version, then each answer by its question id. */
export const playbookRunSummary = (data: PlaybookRunRecorded['data']): string => {
  const answers = data.answers.map((answer) => `${answer.questionId}: ${JSON.stringify(answer.value)}`);
  return `Ran playbook "${data.playbookName}" (v${data.playbookVersion})${answers.length === 0 ? ' with no answers' : `: ${answers.join('; ')}`}`;
};

/** Every event of an engagement's stream. */
export type EngagementStreamEvent = EngagementEvent | PlaybookRunRecorded;

export const isPlaybookRunRecorded = (event: Readonly<{ type: string }>): event is PlaybookRunRecorded => event.type === 'PlaybookRunRecorded';

/** answers: checked by checkAnswers against the playbook version named. contactId: null to let the engagement decide. */
export type RecordPlaybookRun = Command<
  'RecordPlaybookRun',
  Readonly<{
    engagementId: string;
    runId: string;
    playbookId: string;
    playbookVersion: number;
    playbookName: string;
    team: PlaybookTeam;
    contactId: string | null;
    answers: readonly PlaybookAnswer[];
  }>
>;

export type PlaybookRunState = Readonly<{
  engagementId: string | null;
  kind: EngagementKind | null;
  contactIds: readonly string[];
  runIds: readonly string[];
}>;

/**
 * The contact a run writes its mapped answers to: the one named, which must be on the engagement, else the
 * engagement's only contact; null when nothing maps and none is named.
 */
const contactOf = (state: PlaybookRunState, data: RecordPlaybookRun['data']): string | null => {
  const maps = data.answers.some((answer) => answer.mapsTo !== null);
  if (data.contactId !== null) {
    if (!state.contactIds.includes(data.contactId))
      throw playbookInvalid([{ field: 'contactId', reason: `contact ${data.contactId} is not on engagement ${data.engagementId}: one of ${state.contactIds.join(', ') || '(none)'}` }]);
    return data.contactId;
  }
  if (state.contactIds.length === 1) return state.contactIds[0];
  if (!maps) return null;
  throw playbookInvalid([
    {
      field: 'contactId',
      reason: state.contactIds.length === 0 ? 'the engagement has no contact for the mapped answers to update' : `name which of the engagement's contacts the answers update: ${state.contactIds.join(', ')}`,
    },
  ]);
};

const record = ({ data }: RecordPlaybookRun, state: PlaybookRunState): readonly PlaybookRunRecorded[] => {
  if (state.engagementId === null) throw notFound('engagement', data.engagementId);
  // Recorded once: a re-send of the same run (its id derives from the request) changes nothing.
  if (state.runIds.includes(data.runId)) return [];
  if (state.kind === null || !PLAYBOOK_RUN_KINDS.includes(state.kind))
    throw ruleViolated('playbook-run-needs-call-or-meeting', `a playbook is run on a call or a meeting, not on a ${state.kind}`, { kind: state.kind });
  const contactId = contactOf(state, data);
  return [{ type: 'PlaybookRunRecorded', data: { ...data, contactId } }];
};

/** Decides playbook runs on an engagement's stream; folds every event of it. */
export const playbookRunDecider: Decider<RecordPlaybookRun, EngagementStreamEvent, PlaybookRunState> = {
  decide: (command, state) => {
    if (command.type !== 'RecordPlaybookRun') return assertNever(command.type);
    return record(command, state);
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'EngagementLogged':
        return { ...state, engagementId: event.data.engagementId, kind: event.data.kind, contactIds: event.data.contactIds };
      case 'PlaybookRunRecorded':
        return { ...state, runIds: [...state.runIds, event.data.runId] };
      default:
        return state;
    }
  },
  initialState: () => ({ engagementId: null, kind: null, contactIds: [], runIds: [] }),
};

const answer = strictObject({
  questionId: { type: 'string', pattern: QUESTION_ID_PATTERN },
  question: { type: 'string', minLength: 1 },
  type: { enum: [...QUESTION_TYPES] },
  value: { type: ['string', 'number'] },
  mapsTo: { type: ['string', 'null'], minLength: 1 },
});

export const engagementPlaybookRunEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PlaybookRunRecorded',
    schemaVersion: 1,
    description:
      "A playbook was worked through on a call or meeting: the answers as structured data (each with its question as asked), the playbook version followed, and the contact its mapped answers update (the contact's property change names this event as its cause).",
    schema: dataSchema({
      engagementId: id,
      runId: id,
      playbookId: id,
      playbookVersion: { type: 'integer', minimum: 1, maximum: MAX_PLAYBOOK_VERSION },
      playbookName: { type: 'string', minLength: 1 },
      team: { enum: [...PLAYBOOK_TEAMS] },
      contactId: optionalId,
      answers: { type: 'array', items: answer },
    }),
  }),
];
