// Stores per-rep activity as additive counters: a batch folds into increments in memory, then one upsert per
// table adds them, so a rebuild never reads rows back and makes two round trips per batch.
import type { RecordedEvent } from '../../libs/event-store/src/index.js';
import type { ProjectionDefinition } from '../../libs/projection-engine/src/index.js';
import { formatCents, pgDay } from '../pg-values.js';
import {
  activityIncrements,
  REP_ACTIVITY_EVENT_TYPES,
  type DailyActivity,
  type RepActivityEvent,
} from './rep-activity.projection.js';

const COLUMNS: readonly (readonly [column: string, field: keyof DailyActivity])[] = [
  ['emails', 'emails'],
  ['calls', 'calls'],
  ['meetings', 'meetings'],
  ['notes', 'notes'],
  ['tasks_created', 'tasksCreated'],
  ['tasks_completed', 'tasksCompleted'],
  ['deals_created', 'dealsCreated'],
  ['deals_won', 'dealsWon'],
  ['tickets_closed', 'ticketsClosed'],
];

// The filter lets only these types through; their data was validated against the catalog at append time.
const asActivityEvent = (event: RecordedEvent) => ({
  event: { type: event.type, data: event.data } as RepActivityEvent,
  occurredAt: event.metadata.occurredAt,
});

export const repActivityProjection: ProjectionDefinition = {
  name: 'rep-activity',
  // 2: won amounts in unbounded numeric, days of any year.
  codeVersion: 2,
  filter: { eventTypes: REP_ACTIVITY_EVENT_TYPES },
  tables: ['rep_activity_daily', 'rep_activity_won_amounts'],
  createTables: ({ table }) => `
    CREATE TABLE ${table('rep_activity_daily')} (
      owner_id text NOT NULL,
      day date NOT NULL,
      ${COLUMNS.map(([column]) => `${column} integer NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (owner_id, day)
    );
    CREATE INDEX ${table('rep_activity_daily')}_day ON ${table('rep_activity_daily')} (day);
    CREATE TABLE ${table('rep_activity_won_amounts')} (
      owner_id text NOT NULL,
      day date NOT NULL,
      currency char(3) NOT NULL,
      deals_won integer NOT NULL,
      amount numeric NOT NULL,
      PRIMARY KEY (owner_id, day, currency)
    );
    CREATE INDEX ${table('rep_activity_won_amounts')}_day ON ${table('rep_activity_won_amounts')} (day);`,
  apply: async (events, { tx, table }) => {
    const { daily, wonAmounts } = activityIncrements(events.map(asActivityEvent));
    if (daily.size > 0) {
      const rows = [...daily.values()];
      const dailyTable = table('rep_activity_daily');
      const arrays = [rows.map((r) => r.ownerId), rows.map((r) => pgDay(r.day)), ...COLUMNS.map(([, field]) => rows.map((r) => r[field]))];
      await tx.query(
        `INSERT INTO ${dailyTable} (owner_id, day, ${COLUMNS.map(([column]) => column).join(', ')})
         SELECT * FROM unnest($1::text[], $2::date[], ${COLUMNS.map((_, i) => `$${i + 3}::int[]`).join(', ')})
         ON CONFLICT (owner_id, day) DO UPDATE SET
           ${COLUMNS.map(([column]) => `${column} = ${dailyTable}.${column} + excluded.${column}`).join(',\n           ')}`,
        arrays,
      );
    }
    if (wonAmounts.size > 0) {
      const rows = [...wonAmounts.values()];
      const won = table('rep_activity_won_amounts');
      await tx.query(
        `INSERT INTO ${won} (owner_id, day, currency, deals_won, amount)
         SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::int[], $5::numeric[])
         ON CONFLICT (owner_id, day, currency) DO UPDATE SET
           deals_won = ${won}.deals_won + excluded.deals_won,
           amount = ${won}.amount + excluded.amount`,
        [
          rows.map((r) => r.ownerId),
          rows.map((r) => pgDay(r.day)),
          rows.map((r) => r.currency),
          rows.map((r) => r.dealsWon),
          rows.map((r) => formatCents(r.amountCents)),
        ],
      );
    }
  },
};
