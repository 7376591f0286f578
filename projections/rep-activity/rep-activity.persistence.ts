// Stores per-rep activity as additive counters: a batch folds into increments in memory, then one upsert per
// table adds them, so a rebuild never reads rows back and makes two round trips per batch.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, writeRows, type RowColumn } from '../pg-rows.js';
import {
  ACTIVITY_COUNTERS,
  activityIncrements,
  REP_ACTIVITY_EVENT_TYPES,
  type DailyActivity,
  type DailyWonAmount,
  type RepActivityEvent,
} from './rep-activity.projection.js';
import { REP_ACTIVITY_SCHEMA, REP_ACTIVITY_TABLES } from './rep-activity.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const asActivityEvent = (event: RecordedEvent) => ({
  event: { type: event.type, data: event.data } as RepActivityEvent,
  occurredAt: event.metadata.occurredAt,
});

const DAILY_COLUMNS = fieldColumns<DailyActivity>({
  ownerId: 'text',
  day: 'date',
  ...Object.fromEntries(ACTIVITY_COUNTERS.map((counter) => [counter, 'int'])),
});

const WON_COLUMNS: readonly RowColumn<DailyWonAmount>[] = [
  ...fieldColumns<DailyWonAmount>({ ownerId: 'text', day: 'date', currency: 'text', dealsWon: 'int' }),
  ['amount', 'numeric', (won) => won.amount],
];

export const repActivityProjection: ProjectionDefinition = {
  ...REP_ACTIVITY_SCHEMA,
  // 2: won amounts in unbounded numeric, days of any year. Amounts as decimal strings (#17) need no rebuild: the
  // stored sums of the number amounts (at most 2 decimals) are the same values.
  codeVersion: 2,
  filter: { eventTypes: REP_ACTIVITY_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const { daily, wonAmounts } = activityIncrements(events.map(asActivityEvent));
    await writeRows(tx, table(REP_ACTIVITY_TABLES.daily), DAILY_COLUMNS, [...daily.values()], { key: ['owner_id', 'day'], then: 'add' });
    await writeRows(tx, table(REP_ACTIVITY_TABLES.wonAmounts), WON_COLUMNS, [...wonAmounts.values()], {
      key: ['owner_id', 'day', 'currency'],
      then: 'add',
    });
  },
};
