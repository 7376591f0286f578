import type { Command } from '../shared/index.js';
import type { SurveyType } from './survey.events.js';

/** Values as a client sent them; the decider checks and trims them (checkSurvey). */
export type CreateSurvey = Command<'CreateSurvey', Readonly<{ surveyId: string; type: unknown; name: unknown; question?: unknown }>>;

export type SurveyCommand = CreateSurvey;

/** surveyType: the survey's, read by the service from the survey's stream (the decider reads nothing). */
export type IssueSurveyLink = Command<
  'IssueSurveyLink',
  Readonly<{ linkId: string; surveyId: string; surveyType: SurveyType; contactId: string; ticketId?: string | null }>
>;
/** surveyId: the one the token was signed for; it must be the link's. */
export type RespondToSurvey = Command<'RespondToSurvey', Readonly<{ linkId: string; surveyId: string; score: unknown; comment?: unknown }>>;

export type SurveyLinkCommand = IssueSurveyLink | RespondToSurvey;
