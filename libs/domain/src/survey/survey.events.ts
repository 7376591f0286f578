// Customer surveys: NPS (0-10), CES (1-7) and CSAT (1-5) definitions, the response links issued to contacts (and
// optionally for a ticket), and the answers. Names and shapes are permanent once stored. A link is its own stream,
// so answering it once is held by the store's expected revision, and answers to different links never contend.
import {
  dataSchema,
  defineEvent,
  idSchema as id,
  optionalIdSchema as optionalId,
  type DomainEvent,
  type EventDefinition,
  type JsonSchema,
} from '../shared/index.js';

export const surveyStream = (surveyId: string): string => `survey-${surveyId}`;
export const surveyLinkStream = (linkId: string): string => `surveylink-${linkId}`;

export const SURVEY_TYPES = ['nps', 'ces', 'csat'] as const;
export type SurveyType = (typeof SURVEY_TYPES)[number];

/** The scores each type takes, whole numbers, both ends included. */
export const SCORE_RANGES: Readonly<Record<SurveyType, Readonly<{ min: number; max: number }>>> = {
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  csat: { min: 1, max: 5 },
};

/**
 * What a score says, per type. NPS: promoter 9-10, passive 7-8, detractor 0-6. CES (7 = very easy): easy 5-7,
 * neutral 4, difficult 1-3. CSAT: satisfied 4-5, neutral 3, dissatisfied 1-2.
 */
export const SURVEY_CATEGORIES = ['promoter', 'passive', 'detractor', 'easy', 'neutral', 'difficult', 'satisfied', 'dissatisfied'] as const;
export type SurveyCategory = (typeof SURVEY_CATEGORIES)[number];

export const categoryOf = (type: SurveyType, score: number): SurveyCategory => {
  switch (type) {
    case 'nps':
      return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    case 'ces':
      return score >= 5 ? 'easy' : score === 4 ? 'neutral' : 'difficult';
    case 'csat':
      return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'dissatisfied';
  }
};

export const MAX_SURVEY_NAME_LENGTH = 200;
export const MAX_SURVEY_QUESTION_LENGTH = 500;
export const MAX_SURVEY_COMMENT_LENGTH = 2_000;

export type SurveyCreated = DomainEvent<'SurveyCreated', Readonly<{ surveyId: string; type: SurveyType; name: string; question: string }>>;
export type SurveyLinkIssued = DomainEvent<
  'SurveyLinkIssued',
  Readonly<{ linkId: string; surveyId: string; surveyType: SurveyType; contactId: string; ticketId: string | null }>
>;
export type SurveyResponded = DomainEvent<
  'SurveyResponded',
  Readonly<{
    linkId: string;
    surveyId: string;
    surveyType: SurveyType;
    contactId: string;
    ticketId: string | null;
    score: number;
    category: SurveyCategory;
    comment: string | null;
  }>
>;

export type SurveyEvent = SurveyCreated;
export type SurveyLinkEvent = SurveyLinkIssued | SurveyResponded;

const surveyType: JsonSchema = { enum: [...SURVEY_TYPES] };
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: MAX_SURVEY_NAME_LENGTH };
const question: JsonSchema = { type: 'string', minLength: 1, maxLength: MAX_SURVEY_QUESTION_LENGTH };
const comment: JsonSchema = { type: ['string', 'null'], minLength: 1, maxLength: MAX_SURVEY_COMMENT_LENGTH };
// 0 to 10 covers every type; the decider holds each type to its own range.
const score: JsonSchema = { type: 'integer', minimum: 0, maximum: 10 };

export const surveyEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'SurveyCreated',
    schemaVersion: 1,
    description: 'A survey was defined: NPS (0-10), CES (1-7) or CSAT (1-5), with its name and the question asked.',
    schema: dataSchema({ surveyId: id, type: surveyType, name, question }),
  }),
  defineEvent({
    type: 'SurveyLinkIssued',
    schemaVersion: 1,
    description: 'A response link was issued to a contact (optionally about a ticket); its signed token lets the contact answer once, without an API key.',
    schema: dataSchema({ linkId: id, surveyId: id, surveyType, contactId: id, ticketId: optionalId }),
  }),
  defineEvent({
    type: 'SurveyResponded',
    schemaVersion: 1,
    description:
      'A contact answered a survey link (once): the score in its type\'s range, its category (NPS promoter/passive/detractor, CES easy/neutral/difficult, CSAT satisfied/neutral/dissatisfied) and an optional comment.',
    schema: dataSchema({
      linkId: id,
      surveyId: id,
      surveyType,
      contactId: id,
      ticketId: optionalId,
      score,
      category: { enum: [...SURVEY_CATEGORIES] },
      comment,
    }),
  }),
];
