// Rep activity's name and tables, written once: the persistence writes one build's tables, the queries read the
// stable views of the active build (named by the base names).
import { columnOf } from '../pg-rows.js';
import { projectionSchema } from '../projection-schema.js';
import { ACTIVITY_COUNTERS, type ActivityCounter } from './rep-activity.projection.js';

export const REP_ACTIVITY = 'rep-activity';

export const REP_ACTIVITY_TABLES = {
  daily: 'rep_activity_daily',
  wonAmounts: 'rep_activity_won_amounts',
} as const;

/** Each counter's column, named after its field (`tasksCreated` -> `tasks_created`): a new counter needs no map. */
export const REP_ACTIVITY_COLUMNS: readonly (readonly [column: string, field: ActivityCounter])[] = ACTIVITY_COUNTERS.map((field) => [
  columnOf(field),
  field,
]);

export const REP_ACTIVITY_SCHEMA = projectionSchema(REP_ACTIVITY, REP_ACTIVITY_TABLES, ({ daily, wonAmounts: won }) => `
    CREATE TABLE ${daily} (
      owner_id text NOT NULL,
      day date NOT NULL,
      ${REP_ACTIVITY_COLUMNS.map(([column]) => `${column} integer NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (owner_id, day)
    );
    CREATE INDEX ${daily}_day ON ${daily} (day);
    CREATE TABLE ${won} (
      owner_id text NOT NULL,
      day date NOT NULL,
      currency char(3) NOT NULL,
      deals_won integer NOT NULL,
      amount numeric NOT NULL,
      PRIMARY KEY (owner_id, day, currency)
    );
    CREATE INDEX ${won}_day ON ${won} (day);`);
