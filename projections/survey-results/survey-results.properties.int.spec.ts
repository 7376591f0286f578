import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { surveyResultsProjection } from './survey-results.persistence.js';

type Data = Readonly<Record<string, unknown>>;

describe('survey results take every value their events allow', () => {
  const bed = usePropertyBed();

  it('never throws, and keeps the first answer of each link and the first definition of each survey', async () => {
    await assertProjects(bed, surveyResultsProjection, async ({ events, table, pool }) => {
      const firsts = (type: string, key: string) => [...new Set(events.filter((e) => e.type === type).map((e) => String((e.data as Data)[key])))].sort();
      const ids = async (sql: string) => (await pool.query<{ id: string }>(sql)).rows.map((row) => row.id).sort();
      expect(await ids(`SELECT link_id AS id FROM ${table('survey_results_responses')}`)).toEqual(firsts('SurveyResponded', 'linkId'));
      expect(await ids(`SELECT survey_id AS id FROM ${table('survey_results_surveys')}`)).toEqual(firsts('SurveyCreated', 'surveyId'));
    });
  });
});
