import { SURVEY_TOKEN_LENGTH, signSurveyToken, verifySurveyToken } from './survey-token.js';

const secret = 'k'.repeat(32);
const link = { linkId: '0b9c5a52-2f1e-4c8e-9a43-6f1d2f0d9b11', surveyId: '5d7f0e8a-1c2b-4d3e-8f90-a1b2c3d4e5f6' };

describe('survey link tokens', () => {
  it('names the link and survey it was signed for', () => {
    const token = signSurveyToken(secret, link);
    expect(token).toHaveLength(SURVEY_TOKEN_LENGTH);
    expect(token.startsWith(`${link.linkId}.${link.surveyId}.`)).toBe(true);
    expect(verifySurveyToken(secret, token)).toEqual(link);
  });

  it('refuses a token signed under another secret, for other ids, altered or cut short', () => {
    const token = signSurveyToken(secret, link);
    const signature = token.slice(-43);
    expect(verifySurveyToken('o'.repeat(32), token)).toBeNull();
    // The same signature over another link id: a forged link.
    expect(verifySurveyToken(secret, `${link.surveyId}.${link.surveyId}.${signature}`)).toBeNull();
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(verifySurveyToken(secret, `${link.linkId}.${link.surveyId}.${flipped}`)).toBeNull();
    for (const bad of [token.slice(0, -1), `${token}A`, token.toUpperCase(), '', 42, null, { token }, `${link.linkId}.${link.surveyId}`]) {
      expect([bad, verifySurveyToken(secret, bad)]).toEqual([bad, null]);
    }
  });

  it('refuses a signature spelled with other low bits in its last character', () => {
    const token = signSurveyToken(secret, link);
    const last = token.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Characters differing only in the two bits a 32-byte signature's last character does not carry decode alike.
    const index = alphabet.indexOf(last);
    const twin = alphabet[index ^ 1];
    expect(verifySurveyToken(secret, `${token.slice(0, -1)}${twin}`)).toBeNull();
  });
});
