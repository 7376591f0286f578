import { DeciderSpecification } from '../shared/decider-specification.js';
import { DomainError } from '../shared/index.js';
import {
  categoryOf,
  DEFAULT_QUESTIONS,
  surveyDecider,
  surveyLinkDecider,
  SURVEY_LINK_USED_RULE,
  type CreateSurvey,
  type RespondToSurvey,
  type SurveyLinkIssued,
  type SurveyType,
} from './index.js';

const metadata = { now: '2026-10-01T10:00:00.000Z' };
const givenSurvey = DeciderSpecification.for(surveyDecider);
const givenLink = DeciderSpecification.for(surveyLinkDecider);

const createSurvey = (data: Partial<CreateSurvey['data']> = {}): CreateSurvey => ({
  type: 'CreateSurvey',
  data: { surveyId: 's1', type: 'nps', name: 'Q4 NPS', ...data },
  metadata,
});
const issued = (surveyType: SurveyType = 'nps', ticketId: string | null = null): SurveyLinkIssued => ({
  type: 'SurveyLinkIssued',
  data: { linkId: 'l1', surveyId: 's1', surveyType, contactId: 'c1', ticketId },
});
const respond = (score: unknown, comment?: unknown, surveyId = 's1'): RespondToSurvey => ({
  type: 'RespondToSurvey',
  data: { linkId: 'l1', surveyId, score, comment },
  metadata,
});

/** The fields a refused command names, in order. */
const fieldsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.rule).toBe('survey-invalid');
    return ((error as DomainError).details.fields as { field: string }[]).map((problem) => problem.field);
  }
  throw new Error('the command was accepted');
};

describe('survey decider', () => {
  it("creates a survey with the type's default question, the name trimmed", () => {
    givenSurvey([])
      .when(createSurvey({ name: '  Q4 NPS ' }))
      .then([{ type: 'SurveyCreated', data: { surveyId: 's1', type: 'nps', name: 'Q4 NPS', question: DEFAULT_QUESTIONS.nps } }]);
    givenSurvey([])
      .when(createSurvey({ type: 'csat', question: ' Happy? ' }))
      .then([{ type: 'SurveyCreated', data: { surveyId: 's1', type: 'csat', name: 'Q4 NPS', question: 'Happy?' } }]);
  });

  it.each([
    ['an unknown type', { type: 'stars' }, ['type']],
    ['no name', { name: undefined }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name that is no text', { name: 42 }, ['name']],
    ['an over-long name', { name: 'x'.repeat(201) }, ['name']],
    ['an over-long question', { question: 'x'.repeat(501) }, ['question']],
    ['everything wrong', { type: null, name: '', question: 7 }, ['type', 'name', 'question']],
  ] as const)('refuses %s, naming the field', (_case, data, fields) => {
    expect(fieldsOf(() => surveyDecider.decide(createSurvey(data as Partial<CreateSurvey['data']>), surveyDecider.initialState()))).toEqual(fields);
  });

  it('refuses a second survey under the same id', () => {
    givenSurvey([{ type: 'SurveyCreated', data: { surveyId: 's1', type: 'nps', name: 'n', question: 'q' } }]).when(createSurvey()).thenThrows('ALREADY_EXISTS');
  });
});

describe('survey link decider', () => {
  it('issues a link once, for a contact and optionally a ticket', () => {
    const command = { type: 'IssueSurveyLink', data: { linkId: 'l1', surveyId: 's1', surveyType: 'ces', contactId: 'c1', ticketId: 't1' }, metadata } as const;
    givenLink([]).when(command).then([issued('ces', 't1')]);
    givenLink([issued()]).when(command).thenThrows('ALREADY_EXISTS');
  });

  it('records an answer with its category and trimmed comment, a blank comment as none', () => {
    givenLink([issued('nps', 't1')])
      .when(respond(6, ' Too slow '))
      .then([
        { type: 'SurveyResponded', data: { linkId: 'l1', surveyId: 's1', surveyType: 'nps', contactId: 'c1', ticketId: 't1', score: 6, category: 'detractor', comment: 'Too slow' } },
      ]);
    givenLink([issued('csat')])
      .when(respond(5, '  '))
      .then([{ type: 'SurveyResponded', data: { linkId: 'l1', surveyId: 's1', surveyType: 'csat', contactId: 'c1', ticketId: null, score: 5, category: 'satisfied', comment: null } }]);
  });

  it('takes an answer once: the second is refused as used', () => {
    const [answered] = surveyLinkDecider.decide(respond(9), surveyLinkDecider.evolve(surveyLinkDecider.initialState(), issued()));
    givenLink([issued(), answered]).when(respond(10)).thenThrows('ALREADY_EXISTS', SURVEY_LINK_USED_RULE);
  });

  it('knows no link that was never issued, nor one answered under another survey', () => {
    givenLink([]).when(respond(9)).thenThrows('NOT_FOUND');
    givenLink([issued()]).when(respond(9, undefined, 's2')).thenThrows('NOT_FOUND');
  });

  it.each([
    ['nps', [0, 10], [-1, 11, 9.5, '9', null]],
    ['ces', [1, 7], [0, 8, 2.5, true]],
    ['csat', [1, 5], [0, 6, 6.0, {}]],
  ] as const)('holds %s scores to their range', (type, accepted, refused) => {
    for (const score of accepted) expect(surveyLinkDecider.decide(respond(score), surveyLinkDecider.evolve(surveyLinkDecider.initialState(), issued(type)))).toHaveLength(1);
    for (const score of refused) expect([score, fieldsOf(() => surveyLinkDecider.decide(respond(score), surveyLinkDecider.evolve(surveyLinkDecider.initialState(), issued(type))))]).toEqual([score, ['score']]);
  });

  it('limits the comment to 2,000 characters of text', () => {
    const state = surveyLinkDecider.evolve(surveyLinkDecider.initialState(), issued());
    expect(surveyLinkDecider.decide(respond(9, '😀'.repeat(2000)), state)).toHaveLength(1);
    expect(fieldsOf(() => surveyLinkDecider.decide(respond(9, 'x'.repeat(2001)), state))).toEqual(['comment']);
    expect(fieldsOf(() => surveyLinkDecider.decide(respond(9, ['x']), state))).toEqual(['comment']);
    expect(fieldsOf(() => surveyLinkDecider.decide(respond(99, 'x'.repeat(2001)), state))).toEqual(['score', 'comment']);
  });

  it('names each score by its category', () => {
    expect([0, 6, 7, 8, 9, 10].map((score) => categoryOf('nps', score))).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect([1, 3, 4, 5, 7].map((score) => categoryOf('ces', score))).toEqual(['difficult', 'difficult', 'neutral', 'easy', 'easy']);
    expect([1, 2, 3, 4, 5].map((score) => categoryOf('csat', score))).toEqual(['dissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'satisfied']);
  });
});
