// Decides surveys and their response links. Every rule on the input is here, so the api, an import and the CLI
// refuse the same surveys and answers; a refusal names the field at fault. A link is answered once: a second
// answer is refused by the decider, and two racing answers by the store (the link stream's expected revision).
import { alreadyExists, assertNever, decideByType, hasLoneSurrogate, notFound, ruleViolated, type Decider } from '../shared/index.js';
import type { CreateSurvey, IssueSurveyLink, RespondToSurvey, SurveyCommand, SurveyLinkCommand } from './survey.commands.js';
import {
  categoryOf,
  MAX_SURVEY_COMMENT_LENGTH,
  MAX_SURVEY_NAME_LENGTH,
  MAX_SURVEY_QUESTION_LENGTH,
  SCORE_RANGES,
  SURVEY_TYPES,
  type SurveyEvent,
  type SurveyLinkEvent,
  type SurveyType,
} from './survey.events.js';

export type SurveyDefinition = Readonly<{ type: SurveyType; name: string; question: string }>;
export type SurveyState = Readonly<{ status: 'absent' }> | Readonly<{ status: 'active'; surveyId: string; survey: SurveyDefinition }>;

export type SurveyLinkState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'issued' | 'answered'; linkId: string; surveyId: string; surveyType: SurveyType; contactId: string; ticketId: string | null }>;

export type SurveyProblem = Readonly<{ field: string; reason: string }>;

/** The rule a refused survey or answer carries; the service answers it as a 400 naming the fields. */
export const SURVEY_INPUT_RULE = 'survey-invalid';
/** The rule a second answer to a link carries (ALREADY_EXISTS); the service answers SURVEY_LINK_USED, 409. */
export const SURVEY_LINK_USED_RULE = 'survey-link-used';

export const DEFAULT_QUESTIONS: Readonly<Record<SurveyType, string>> = {
  nps: 'How likely are you to recommend us to a friend or colleague?',
  ces: 'How easy was it to get your issue resolved?',
  csat: 'How satisfied were you with the service you received?',
};

export const isSurveyType = (value: unknown): value is SurveyType => typeof value === 'string' && (SURVEY_TYPES as readonly string[]).includes(value);

export const scoreRule = (type: SurveyType): string => `a whole number from ${SCORE_RANGES[type].min} to ${SCORE_RANGES[type].max} (${type.toUpperCase()})`;

/** Text of 1 to `max` characters once trimmed; undefined when absent or blank; null when it breaks the rule. */
const text = (value: unknown, max: number): string | undefined | null => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return [...trimmed].length > max || hasLoneSurrogate(trimmed) ? null : trimmed;
};

const invalid = (problems: readonly SurveyProblem[]) =>
  ruleViolated(SURVEY_INPUT_RULE, problems.map(({ field, reason }) => `${field}: ${reason}`).join('; '), { field: problems[0].field, fields: problems });

/** The survey a CreateSurvey asks for, trimmed, with the type's default question when none is given. */
export const checkSurvey = (data: CreateSurvey['data']): SurveyDefinition => {
  const problems: SurveyProblem[] = [];
  if (!isSurveyType(data.type)) problems.push({ field: 'type', reason: `must be one of ${SURVEY_TYPES.join(', ')}` });
  const name = text(data.name, MAX_SURVEY_NAME_LENGTH);
  if (name === undefined || name === null) problems.push({ field: 'name', reason: `must be text of 1 to ${MAX_SURVEY_NAME_LENGTH} characters` });
  const question = text(data.question, MAX_SURVEY_QUESTION_LENGTH);
  if (question === null) problems.push({ field: 'question', reason: `must be text of 1 to ${MAX_SURVEY_QUESTION_LENGTH} characters` });
  if (problems.length > 0 || !isSurveyType(data.type) || !name) throw invalid(problems);
  return { type: data.type, name, question: question ?? DEFAULT_QUESTIONS[data.type] };
};

/** The score and comment of an answer to a survey of `type`, or every field at fault. */
export const checkAnswer = (type: SurveyType, score: unknown, comment: unknown): { score: number; comment: string | null } => {
  const problems: SurveyProblem[] = [];
  const { min, max } = SCORE_RANGES[type];
  if (typeof score !== 'number' || !Number.isInteger(score) || score < min || score > max) problems.push({ field: 'score', reason: `must be ${scoreRule(type)}` });
  const checked = text(comment, MAX_SURVEY_COMMENT_LENGTH);
  if (checked === null) problems.push({ field: 'comment', reason: `must be text of at most ${MAX_SURVEY_COMMENT_LENGTH} characters` });
  if (problems.length > 0) throw invalid(problems);
  return { score: score as number, comment: checked ?? null };
};

const create = ({ data }: CreateSurvey, state: SurveyState): readonly SurveyEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('survey', { id: data.surveyId });
  return [{ type: 'SurveyCreated', data: { surveyId: data.surveyId, ...checkSurvey(data) } }];
};

export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  decide: decideByType({ CreateSurvey: create }),
  // One event type so far: a second one turns this into a switch with a never check.
  evolve: (_state, { data: { surveyId, ...survey } }) => ({ status: 'active', surveyId, survey }),
  initialState: () => ({ status: 'absent' }),
};

const issue = ({ data }: IssueSurveyLink, state: SurveyLinkState): readonly SurveyLinkEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('survey link', { id: data.linkId });
  const { linkId, surveyId, surveyType, contactId } = data;
  return [{ type: 'SurveyLinkIssued', data: { linkId, surveyId, surveyType, contactId, ticketId: data.ticketId ?? null } }];
};

const respond = ({ data }: RespondToSurvey, state: SurveyLinkState): readonly SurveyLinkEvent[] => {
  // A token signed for another survey than the link's names no link of ours.
  if (state.status === 'absent' || state.surveyId !== data.surveyId) throw notFound('survey link', data.linkId);
  if (state.status === 'answered') throw alreadyExists('survey response', { id: data.linkId, rule: SURVEY_LINK_USED_RULE });
  const { score, comment } = checkAnswer(state.surveyType, data.score, data.comment);
  const { linkId, surveyId, surveyType, contactId, ticketId } = state;
  return [{ type: 'SurveyResponded', data: { linkId, surveyId, surveyType, contactId, ticketId, score, category: categoryOf(surveyType, score), comment } }];
};

export const surveyLinkDecider: Decider<SurveyLinkCommand, SurveyLinkEvent, SurveyLinkState> = {
  decide: decideByType({ IssueSurveyLink: issue, RespondToSurvey: respond }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SurveyLinkIssued':
        return { status: 'issued', ...event.data };
      case 'SurveyResponded':
        return state.status === 'absent' ? state : { ...state, status: 'answered' };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
