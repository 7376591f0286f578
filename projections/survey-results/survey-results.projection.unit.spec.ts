import { npsOf, ratingOf } from './survey-results.queries.js';
import { periodOf, reduceSurveyResults, type SurveyResultsSourceEvent } from './survey-results.projection.js';

const counts = (scores: readonly number[]): Map<number, number> => {
  const map = new Map<number, number>();
  for (const score of scores) map.set(score, (map.get(score) ?? 0) + 1);
  return map;
};

const empty = { contactOwners: new Map(), ownerTeams: new Map(), ticketPipelines: new Map() };
const at = (id: string, occurredAt: string, event: SurveyResultsSourceEvent['event']): SurveyResultsSourceEvent => ({ id, occurredAt, event });

describe('survey results, the pure part', () => {
  it('scores NPS as % promoters - % detractors, to 1 decimal half to even', () => {
    expect(npsOf(counts([9, 10, 3]))).toEqual({ responses: 3, promoters: 2, passives: 0, detractors: 1, score: '33.3' });
    expect(npsOf(counts([7, 8, 0]))).toEqual({ responses: 3, promoters: 0, passives: 2, detractors: 1, score: '-33.3' });
    expect(npsOf(counts([10, 10, 6]))).toMatchObject({ score: '33.3' });
    // 1/6 = 16.666..., 1/8 = 12.5 (a tie: to the even 12.5 keeps one decimal), 1/16 = 6.25 -> 6.2 (half to even).
    expect(npsOf(counts([9, 7, 7, 7, 7, 7]))).toMatchObject({ score: '16.7' });
    expect(npsOf(counts([9, 7, 7, 7, 7, 7, 7, 7]))).toMatchObject({ score: '12.5' });
    expect(npsOf(counts([9, ...Array<number>(15).fill(8)]))).toMatchObject({ score: '6.2' });
    expect(npsOf(counts([0, 0]))).toMatchObject({ score: '-100.0' });
    expect(npsOf(counts([]))).toEqual({ responses: 0, promoters: 0, passives: 0, detractors: 0, score: null });
  });

  it('averages CES and CSAT to 2 decimals, with every score of the range and the categories', () => {
    expect(ratingOf('csat', counts([5, 4, 4]))).toEqual({
      responses: 3,
      average: '4.33',
      distribution: [0, 0, 0, 2, 1].map((count, index) => ({ score: index + 1, count })),
      categories: [
        { category: 'satisfied', count: 3 },
        { category: 'neutral', count: 0 },
        { category: 'dissatisfied', count: 0 },
      ],
    });
    expect(ratingOf('ces', counts([7, 5, 4, 2]))).toMatchObject({ average: '4.50', categories: [{ count: 2 }, { count: 1 }, { count: 1 }] });
    expect(ratingOf('ces', counts([]))).toMatchObject({ responses: 0, average: null, distribution: [1, 2, 3, 4, 5, 6, 7].map((score) => ({ score, count: 0 })) });
  });

  it("fixes each answer's team and pipeline when it is answered, from the log alone", () => {
    const changes = reduceSurveyResults(
      { ...empty, contactOwners: new Map([['c1', 'ann']]), ownerTeams: new Map([['ann', 'EMEA']]) },
      [
        at('e1', '2026-10-31T23:30:00-01:00', { type: 'SurveyResponded', data: { linkId: 'l1', surveyId: 's1', surveyType: 'nps', contactId: 'c1', ticketId: null, score: 9, category: 'promoter', comment: null } }),
        at('e2', '2026-11-02T00:00:00Z', { type: 'OwnerUpdated', data: { ownerId: 'ann', changes: [{ field: 'team', previous: 'EMEA', value: 'APAC' }] } }),
        at('e3', '2026-11-03T00:00:00Z', { type: 'SurveyResponded', data: { linkId: 'l2', surveyId: 's1', surveyType: 'nps', contactId: 'c1', ticketId: null, score: 2, category: 'detractor', comment: 'No' } }),
      ],
    );
    expect(changes.responses.map((r) => [r.linkId, r.team, r.period, r.respondedAt])).toEqual([
      ['l1', 'EMEA', '2026-11', '2026-11-01T00:30:00.000Z'],
      ['l2', 'APAC', '2026-11', '2026-11-03T00:00:00.000Z'],
    ]);
    expect([...changes.ownerTeams]).toEqual([['ann', 'APAC']]);
  });

  it('names the month of any stored instant', () => {
    expect(periodOf('2026-01-31T23:59:59.999Z')).toBe('2026-01');
    expect(periodOf('+010000-01-01T00:00:00.000Z')).toBe('+010000-01');
    expect(periodOf('-004713-11-24T00:00:00.000Z')).toBe('-004713-11');
  });
});
