import { contactCreatedData } from '#test/support/events';
import { inStream, useProjectionSpec, type SpecEvent, type StreamEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { surveyResultsProjection } from './survey-results.persistence.js';

const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const owner = (ownerId: string, team: string | null) =>
  inStream(`owner-${ownerId}`, event('OwnerCreated', '2026-09-01T00:00:00.000Z', { ownerId, name: ownerId, email: `${ownerId}@example.com`, team, role: 'service' }));
const teamChanged = (ownerId: string, previous: string | null, value: string | null, occurredAt: string) =>
  inStream(`owner-${ownerId}`, event('OwnerUpdated', occurredAt, { ownerId, changes: [{ field: 'team', previous, value }] }));
const contact = (contactId: string, ownerId: string | null) =>
  inStream(`contact-${contactId}`, event('ContactCreated', '2026-09-02T00:00:00.000Z', contactCreatedData(contactId, { ownerId })));
const reassigned = (contactId: string, previous: string | null, ownerId: string | null, occurredAt: string) =>
  inStream(`contact-${contactId}`, event('ContactOwnerAssigned', occurredAt, { contactId, previous, ownerId }));
const ticket = (ticketId: string, pipelineId: string) =>
  inStream(`ticket-${ticketId}`, event('TicketCreated', '2026-09-03T00:00:00.000Z', {
    ticketId, subject: 'Broken', pipelineId, stageId: 'new', priority: 'low', ownerId: null, contactIds: [], companyIds: [], dealIds: [], properties: {},
  }));
const survey = (surveyId: string, type: string) =>
  inStream(`survey-${surveyId}`, event('SurveyCreated', '2026-09-04T00:00:00.000Z', { surveyId, type, name: `Survey ${surveyId}`, question: 'How?' }));
const CATEGORY: Record<string, (score: number) => string> = {
  nps: (s) => (s >= 9 ? 'promoter' : s >= 7 ? 'passive' : 'detractor'),
  csat: (s) => (s >= 4 ? 'satisfied' : s === 3 ? 'neutral' : 'dissatisfied'),
  ces: (s) => (s >= 5 ? 'easy' : s === 4 ? 'neutral' : 'difficult'),
};
const answered = (linkId: string, surveyId: string, surveyType: string, contactId: string, score: number, occurredAt: string, ticketId: string | null = null, comment: string | null = null) =>
  inStream(`surveylink-${linkId}`, event('SurveyResponded', occurredAt, { linkId, surveyId, surveyType, contactId, ticketId, score, category: CATEGORY[surveyType](score), comment }));

const RESPONSES = `SELECT link_id, survey_id, survey_type, contact_id, ticket_id, score, category, comment, owner_id, team, pipeline_id, period,
                          to_char(responded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS responded_at
                     FROM survey_results_responses ORDER BY link_id`;

describe('survey results persistence', () => {
  const spec = useProjectionSpec(surveyResultsProjection);

  it("keeps each answer with its month, its contact's owner and that owner's team then, and its ticket's pipeline", async () => {
    await spec
      .given([...owner('ann', 'EMEA'), ...owner('bob', 'APAC'), ...contact('c1', 'ann'), ...ticket('t1', 'support'), ...survey('s1', 'nps')])
      .when([
        ...answered('l1', 's1', 'nps', 'c1', 9, '2026-10-31T23:59:59.000Z', 't1', 'Great'),
        ...reassigned('c1', 'ann', 'bob', '2026-11-01T00:00:00.000Z'),
        ...answered('l2', 's1', 'nps', 'c1', 3, '2026-11-01T00:00:00.000Z'),
        ...teamChanged('bob', 'APAC', null, '2026-11-02T00:00:00.000Z'),
        ...answered('l3', 's1', 'nps', 'c1', 7, '2026-11-03T00:00:00.000Z'),
        ...answered('l4', 's1', 'nps', 'c-unknown', 10, '2026-11-04T00:00:00.000Z', 't-unknown'),
      ])
      .then(RESPONSES, [
        { link_id: 'l1', survey_id: 's1', survey_type: 'nps', contact_id: 'c1', ticket_id: 't1', score: 9, category: 'promoter', comment: 'Great', owner_id: 'ann', team: 'EMEA', pipeline_id: 'support', period: '2026-10', responded_at: '2026-10-31 23:59' },
        { link_id: 'l2', survey_id: 's1', survey_type: 'nps', contact_id: 'c1', ticket_id: null, score: 3, category: 'detractor', comment: null, owner_id: 'bob', team: 'APAC', pipeline_id: null, period: '2026-11', responded_at: '2026-11-01 00:00' },
        { link_id: 'l3', survey_id: 's1', survey_type: 'nps', contact_id: 'c1', ticket_id: null, score: 7, category: 'passive', comment: null, owner_id: 'bob', team: null, pipeline_id: null, period: '2026-11', responded_at: '2026-11-03 00:00' },
        { link_id: 'l4', survey_id: 's1', survey_type: 'nps', contact_id: 'c-unknown', ticket_id: 't-unknown', score: 10, category: 'promoter', comment: null, owner_id: null, team: null, pipeline_id: null, period: '2026-11', responded_at: '2026-11-04 00:00' },
      ]);
  });

  it('writes the same rows when a batch is applied twice, as after a lost checkpoint', async () => {
    await spec
      .given([...owner('ann', 'EMEA'), ...contact('c1', 'ann')])
      .when([...survey('s2', 'csat'), ...answered('l9', 's2', 'csat', 'c1', 4, '2026-10-01T00:00:00.000Z')], { times: 2 })
      .then('SELECT link_id, team, score FROM survey_results_responses UNION ALL SELECT survey_id, type, 0 FROM survey_results_surveys ORDER BY 1', [
        { link_id: 'l9', team: 'EMEA', score: 4 },
        { link_id: 's2', team: 'csat', score: 0 },
      ]);
  });
});

// Every kind of event the read model takes, some keys touched more than once.
const history: StreamEvent[] = [
  ...owner('ann', 'EMEA'),
  ...owner('bob', null),
  ...contact('c1', 'ann'),
  ...contact('c2', null),
  ...ticket('t1', 'support'),
  ...survey('s1', 'nps'),
  ...survey('s2', 'ces'),
  ...answered('l1', 's1', 'nps', 'c1', 10, '2026-10-05T10:00:00.000Z', 't1', 'Love it'),
  ...reassigned('c2', null, 'bob', '2026-10-06T00:00:00.000Z'),
  ...teamChanged('bob', null, 'APAC', '2026-10-07T00:00:00.000Z'),
  ...answered('l2', 's1', 'nps', 'c2', 2, '2026-10-08T10:00:00.000Z', null, 'Slow'),
  ...inStream('ticket-t1', event('TicketStageChanged', '2026-10-09T00:00:00.000Z', { ticketId: 't1', pipelineId: 'support', fromStageId: 'new', toStageId: 'waiting' })),
  ...answered('l3', 's2', 'ces', 'c1', 6, '2026-11-01T10:00:00.000Z', 't1'),
  ...reassigned('c1', 'ann', 'bob', '2026-11-02T00:00:00.000Z'),
  ...answered('l4', 's2', 'ces', 'c1', 2, '2026-11-03T10:00:00.000Z'),
];

describe('survey results rebuild', () => {
  const bed = useRebuildBed(surveyResultsProjection);

  it('gives the same rows as the live build', async () => {
    const { live, rebuilt } = await bed.compare(history, {
      survey_results_surveys: 'survey_id',
      survey_results_contact_owners: 'contact_id',
      survey_results_owner_teams: 'owner_id',
      survey_results_ticket_pipelines: 'ticket_id',
      survey_results_responses: 'link_id',
    });
    expect(live.survey_results_responses.map((row) => [row.link_id, row.owner_id, row.team, row.pipeline_id, row.period])).toEqual([
      ['l1', 'ann', 'EMEA', 'support', '2026-10'],
      ['l2', 'bob', 'APAC', null, '2026-10'],
      ['l3', 'ann', 'EMEA', 'support', '2026-11'],
      ['l4', 'bob', 'APAC', null, '2026-11'],
    ]);
    expect(live.survey_results_surveys.map((row) => [row.survey_id, row.type])).toEqual([['s1', 'nps'], ['s2', 'ces']]);
    expect(rebuilt).toEqual(live);
  });
});
