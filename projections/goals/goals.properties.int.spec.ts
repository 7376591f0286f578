import { parseGoalPeriod } from '#domain/goal';
import type { RecordedEvent } from '#event-store';
import { assertProjects, usePropertyBed } from '../projection-properties.spec-helper.js';
import { goalsProjection } from './goals.persistence.js';

type Data = Readonly<Record<string, unknown>>;

/** The keys whose last deciding event (in log order) keeps a row. */
const kept = (events: readonly RecordedEvent[], key: string, decides: (event: RecordedEvent) => boolean | null): string[] => {
  const last = new Map<string, boolean>();
  for (const event of events) {
    const keeps = decides(event);
    if (keeps !== null) last.set(String((event.data as Data)[key]), keeps);
  }
  return [...last].filter(([, keeps]) => keeps).map(([id]) => id).sort();
};

describe('goals takes every value its events allow', () => {
  const bed = usePropertyBed();

  it('never throws, keeps each win until a reopen, and each goal until its removal', async () => {
    await assertProjects(bed, goalsProjection, async ({ events, table, pool }) => {
      const wins = kept(events, 'dealId', (e) => (e.type === 'DealWon' ? (e.data as Data).ownerId !== null : e.type === 'DealReopened' ? false : null));
      const goals = kept(events, 'goalId', (e) =>
        e.type === 'GoalSet' ? (parseGoalPeriod((e.data as Data).period) === null ? null : true) : e.type === 'GoalRemoved' ? false : null,
      );
      const ids = async (sql: string) => (await pool.query<{ id: string }>(sql)).rows.map((row) => row.id).sort();
      expect(await ids(`SELECT deal_id AS id FROM ${table('goals_won_deals')}`)).toEqual(wins);
      expect(await ids(`SELECT goal_id AS id FROM ${table('goals_definitions')}`)).toEqual(goals);
    });
  });
});
