// Stores per-rep activity as additive counters: a batch folds into increments in memory, then one upsert per
// table adds them, so a rebuild never reads rows back and makes two round trips per batch.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { formatCents, pgDay } from '../pg-values.js';
import { activityIncrements, REP_ACTIVITY_EVENT_TYPES, type RepActivityEvent } from './rep-activity.projection.js';
import { REP_ACTIVITY_COLUMNS as COLUMNS, REP_ACTIVITY_SCHEMA, REP_ACTIVITY_TABLES } from './rep-activity.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const asActivityEvent = (event: RecordedEvent) => ({
  event: { type: event.type, data: event.data } as RepActivityEvent,
  occurredAt: event.metadata.occurredAt,
});

export const repActivityProjection: ProjectionDefinition = {
  ...REP_ACTIVITY_SCHEMA,
  // 2: won amounts in unbounded numeric, days of any year.
  codeVersion: 2,
  filter: { eventTypes: REP_ACTIVITY_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const { daily, wonAmounts } = activityIncrements(events.map(asActivityEvent));
    if (daily.size > 0) {
      const rows = [...daily.values()];
      const dailyTable = table(REP_ACTIVITY_TABLES.daily);
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
      const won = table(REP_ACTIVITY_TABLES.wonAmounts);
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
