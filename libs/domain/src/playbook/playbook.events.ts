// Playbooks: question sets a rep works through during a call or meeting. Each belongs to one team; its questions
// are text, choice or number, and one may map to a contact property that the answer then sets. Names and shapes are
// permanent once stored.
import { dataSchema, defineEvent, idSchema as id, strictObject, type DomainEvent, type EventDefinition, type JsonSchema } from '../shared/index.js';

export const playbookStream = (playbookId: string): string => `playbook-${playbookId}`;

export const PLAYBOOK_TEAMS = ['sales', 'service', 'marketing'] as const;
export type PlaybookTeam = (typeof PLAYBOOK_TEAMS)[number];

export const QUESTION_TYPES = ['text', 'choice', 'number'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';
export const MAX_PLAYBOOK_NAME_LENGTH = 200;
export const MAX_QUESTION_TEXT_LENGTH = 500;
export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 50;
export const MAX_OPTION_LENGTH = 200;
// Far beyond what revisions by hand reach; bounded so that read models store it as an integer.
export const MAX_PLAYBOOK_VERSION = 1_000_000;

export type PlaybookQuestion = Readonly<{
  id: string;
  text: string;
  type: QuestionType;
  /** The choices of a choice question; [] for the others. */
  options: readonly string[];
  required: boolean;
  /** The contact property an answer sets: a built-in field (firstName, jobTitle, ...) or a custom property; null: none. */
  mapsTo: string | null;
}>;

export type PlaybookDefinition = Readonly<{ name: string; team: PlaybookTeam; questions: readonly PlaybookQuestion[] }>;

export type PlaybookCreated = DomainEvent<'PlaybookCreated', Readonly<{ playbookId: string; version: number } & PlaybookDefinition>>;
/** A new version: the whole definition after the change; runs name the version they followed. */
export type PlaybookRevised = DomainEvent<'PlaybookRevised', Readonly<{ playbookId: string; version: number } & PlaybookDefinition>>;
export type PlaybookArchived = DomainEvent<'PlaybookArchived', Readonly<{ playbookId: string; team: PlaybookTeam }>>;

export type PlaybookEvent = PlaybookCreated | PlaybookRevised | PlaybookArchived;

const team: JsonSchema = { enum: [...PLAYBOOK_TEAMS] };
export const questionSchema: JsonSchema = strictObject({
  id: { type: 'string', pattern: QUESTION_ID_PATTERN },
  text: { type: 'string', minLength: 1, maxLength: MAX_QUESTION_TEXT_LENGTH },
  type: { enum: [...QUESTION_TYPES] },
  options: { type: 'array', maxItems: MAX_OPTIONS, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: MAX_OPTION_LENGTH } },
  required: { type: 'boolean' },
  mapsTo: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
});
const definition = {
  version: { type: 'integer', minimum: 1, maximum: MAX_PLAYBOOK_VERSION },
  name: { type: 'string', minLength: 1, maxLength: MAX_PLAYBOOK_NAME_LENGTH },
  team,
  questions: { type: 'array', minItems: 1, maxItems: MAX_QUESTIONS, items: questionSchema },
} satisfies Record<string, JsonSchema>;

export const playbookEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PlaybookCreated',
    schemaVersion: 1,
    description: "A playbook was written for a team: its questions (text, choice, number), each optionally mapped to a contact property.",
    schema: dataSchema({ playbookId: id, ...definition }),
  }),
  defineEvent({
    type: 'PlaybookRevised',
    schemaVersion: 1,
    description: 'A playbook got a new version (name or questions); the event carries the whole definition; runs name the version they followed.',
    schema: dataSchema({ playbookId: id, ...definition }),
  }),
  defineEvent({
    type: 'PlaybookArchived',
    schemaVersion: 1,
    description: 'A playbook was archived: it can no longer be run; past runs stay on their engagements.',
    schema: dataSchema({ playbookId: id, team }),
  }),
];
