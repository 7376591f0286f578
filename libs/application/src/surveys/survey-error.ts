// What the surveys' public edge answers beyond bad input: typed like every module's errors, a code per case, mapped
// to HTTP once (apps/api/src/http/error.filter.ts).
export type SurveyErrorCode = 'SURVEY_LINK_USED' | 'SURVEY_TOKEN_INVALID' | 'SURVEY_SIGNING_UNCONFIGURED';

export class SurveyError extends Error {
  constructor(
    readonly code: SurveyErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** A link answered already: 409. */
export const surveyLinkUsed = (linkId: string): SurveyError =>
  new SurveyError('SURVEY_LINK_USED', 'this survey link has been answered already; a link takes one answer', { linkId });

/** A token this server did not sign (forged, altered, cut short): 400 naming `token`, nothing written. */
export const surveyTokenInvalid = (): SurveyError =>
  new SurveyError('SURVEY_TOKEN_INVALID', 'token: is not a survey link token this server issued', { fields: [{ field: 'token', reason: 'not a token this server issued' }] });

/** No signing secret configured: links are never issued unsigned (503 until TALLY_SURVEY_SIGNING_SECRET is set). */
export const surveySigningUnconfigured = (): SurveyError =>
  new SurveyError(
    'SURVEY_SIGNING_UNCONFIGURED',
    'survey links are signed and no signing secret is configured: set TALLY_SURVEY_SIGNING_SECRET (at least 32 characters)',
  );
