import { assertProjects, eventsOf, usePropertyBed } from '../projection-properties.spec-helper.js';
import { engagementListProjection } from './engagement-list.persistence.js';

type Logged = { engagementId: string; kind: string };

describe('engagement list takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws on a history of schema-valid events, and lists each engagement logged, of the kind first logged', async () => {
    await assertProjects(bed, engagementListProjection, async ({ events, table, pool }) => {
      // A second EngagementLogged for the same id (a re-import) changes nothing: the first one stands.
      const kinds = new Map<string, string>();
      for (const { data } of eventsOf<Logged>(events, 'EngagementLogged')) if (!kinds.has(data.engagementId)) kinds.set(data.engagementId, data.kind);
      const { rows } = await pool.query<{ engagement_id: string; kind: string }>(`SELECT engagement_id, kind FROM ${table('engagement_list')}`);
      expect(new Map(rows.map((row) => [row.engagement_id, row.kind]))).toEqual(kinds);
    });
  });
});
