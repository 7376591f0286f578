// A survey link's token: `<linkId>.<surveyId>.<signature>`, the signature an HMAC-SHA256 over both ids under the
// server's secret (base64url). It proves the link was issued here without a look-up; that it is answered once is
// the link stream's business.
import { createHmac, timingSafeEqual } from 'node:crypto';

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^(${ID})\\.(${ID})\\.([A-Za-z0-9_-]{43})$`);
/** The longest token: two uuids, two dots and a 43-character signature. */
export const SURVEY_TOKEN_LENGTH = 36 + 1 + 36 + 1 + 43;

export type SurveyLinkRef = Readonly<{ linkId: string; surveyId: string }>;

const signature = (secret: string, { linkId, surveyId }: SurveyLinkRef): Buffer =>
  createHmac('sha256', secret).update(`tally-survey-link:v1:${linkId}:${surveyId}`).digest();

export const signSurveyToken = (secret: string, link: SurveyLinkRef): string =>
  `${link.linkId}.${link.surveyId}.${signature(secret, link).toString('base64url')}`;

/** The link a token names, or null when this secret did not sign it. */
export const verifySurveyToken = (secret: string, token: unknown): SurveyLinkRef | null => {
  if (typeof token !== 'string' || token.length !== SURVEY_TOKEN_LENGTH) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const link = { linkId: match[1], surveyId: match[2] };
  const given = Buffer.from(match[3], 'base64url');
  const expected = signature(secret, link);
  // A 43-character base64url text may still decode to other bytes than it spells (its last character's low bits).
  if (given.length !== expected.length || given.toString('base64url') !== match[3]) return null;
  return timingSafeEqual(given, expected) ? link : null;
};
