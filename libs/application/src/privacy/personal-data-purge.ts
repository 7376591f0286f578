// The erasure of a person reaches past the log and the read models: operational tables keep copies of what passed
// through them (a stored idempotent answer, a webhook's error, a parked workflow trigger, a parked projection event).
// Their rows stay, as the operators' record; the person's values in them are replaced. Read models are purged by
// their projections, the log by crypto-shredding; this covers the rest, listed once below.
import type pg from 'pg';
import { inTransaction, migrate, type Migration } from '#postgres';

export const ERASED_VALUE = '[erased]';
/** Shorter values name no one on their own and would match inside every other word. */
export const MIN_PURGED_VALUE_LENGTH = 3;

/** A column that may hold a copy of personal data, and whether it holds JSON or text. */
export type PurgedColumn = Readonly<{ table: string; column: string; kind: 'jsonb' | 'text' }>;

export const PURGED_COLUMNS: readonly PurgedColumn[] = [
  // The answer replayed for a repeated Idempotency-Key: a created contact's answer can carry its email.
  { table: 'tally_idempotency_keys', column: 'body', kind: 'jsonb' },
  // A receiver's error text may echo the payload it refused.
  { table: 'tally_webhook_deliveries', column: 'error', kind: 'text' },
  { table: 'tally_webhook_subscriptions', column: 'parked', kind: 'jsonb' },
  // The parked trigger is the event as judged, data included.
  { table: 'workflow_parked_events', column: 'trigger', kind: 'jsonb' },
  { table: 'workflow_parked_events', column: 'error', kind: 'text' },
  { table: 'workflow_parked_events', column: 'reason', kind: 'text' },
  // A parked projection event's error message may quote the event.
  { table: 'tally_projection_builds', column: 'parked', kind: 'jsonb' },
  { table: 'tally_projection_partitions', column: 'parked', kind: 'jsonb' },
];

/** Tables whose rows are the contact's own and go whole: a schedule row keeps one of its dates (a birthday, say). */
export const PURGED_ROWS: ReadonlyArray<Readonly<{ table: string; where: string }>> = [
  { table: 'workflow_schedules', where: `record_type = 'contact' AND record_id = $1` },
];

export const personalDataPurgeMigrations: readonly Migration[] = [
  {
    id: '0001-personal-data-purges',
    sql: `
-- One row per erased contact. personal_values holds the values to look for only until the purge is done, so that a
-- purge interrupted by a crash can finish after the data key (and with it the values) is gone.
CREATE TABLE tally_personal_data_purges (
  contact_id text PRIMARY KEY,
  personal_values jsonb NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  purged_at timestamptz
);`,
  },
];

/** valuesReplaced counts (row, column) cells changed. */
export type PurgeOutcome = Readonly<{ contactId: string; valuesReplaced: number; rowsDeleted: number }>;

const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of any value inside a string, case-insensitive (emails are case-insensitive in practice). */
const replacer = (values: readonly string[]): ((text: string) => string) => {
  const pattern = new RegExp(values.map(escapeRegExp).join('|'), 'gi');
  return (text) => text.replace(pattern, ERASED_VALUE);
};

// Walks the JSON and replaces inside its strings (keys included), never in its syntax: the result stays valid JSON.
const redactJson = (value: unknown, redact: (text: string) => string): unknown => {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactJson(item, redact)]));
  }
  return value;
};

export const purgeableValues = (values: readonly (string | null | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v.length >= MIN_PURGED_VALUE_LENGTH))];

const tableExists = async (client: pg.ClientBase, table: string): Promise<boolean> =>
  (await client.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [table])).rows[0].found !== null;

/** The operational stores' part of an erasure: asked for before the key goes, done after, finished on restart. */
export class PersonalDataPurge {
  constructor(private readonly pool: pg.Pool) {}

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_personal_data_purge_migrations', personalDataPurgeMigrations);
  }

  /**
   * Records what to look for, while the values can still be read (before the data key is destroyed). Asking again
   * for a contact already asked for keeps the first values; for one already purged it changes nothing.
   */
  async request(contactId: string, values: readonly (string | null | undefined)[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO tally_personal_data_purges (contact_id, personal_values) VALUES ($1, $2) ON CONFLICT (contact_id) DO NOTHING`,
      [contactId, JSON.stringify(purgeableValues(values))],
    );
  }

  /**
   * Replaces the values and deletes the contact's own rows, and marks the purge done, in one transaction: a crash
   * leaves it undone, whole, for `resumePending`. Running it again finds nothing left to replace.
   */
  async run(contactId: string): Promise<PurgeOutcome | null> {
    return inTransaction(this.pool, async (client) => {
      const pending = await client.query<{ personal_values: string[] }>(
        `SELECT personal_values FROM tally_personal_data_purges WHERE contact_id = $1 AND purged_at IS NULL FOR UPDATE`,
        [contactId],
      );
      if (pending.rows.length === 0) return null;
      const values = pending.rows[0].personal_values;
      let valuesReplaced = 0;
      if (values.length > 0) {
        const redact = replacer(values);
        for (const target of PURGED_COLUMNS) valuesReplaced += await this.redactColumn(client, target, values, redact);
      }
      let rowsDeleted = 0;
      for (const { table, where } of PURGED_ROWS) {
        if (!(await tableExists(client, table))) continue;
        rowsDeleted += (await client.query(`DELETE FROM ${table} WHERE ${where}`, [contactId])).rowCount ?? 0;
      }
      await client.query(`UPDATE tally_personal_data_purges SET personal_values = '[]', purged_at = now() WHERE contact_id = $1`, [contactId]);
      return { contactId, valuesReplaced, rowsDeleted };
    });
  }

  /** Finishes every purge asked for and not done (a crash between the erasure and its purge). */
  async resumePending(): Promise<PurgeOutcome[]> {
    const { rows } = await this.pool.query<{ contact_id: string }>(
      `SELECT contact_id FROM tally_personal_data_purges WHERE purged_at IS NULL ORDER BY requested_at, contact_id`,
    );
    const outcomes: PurgeOutcome[] = [];
    for (const { contact_id } of rows) {
      const outcome = await this.run(contact_id);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  private async redactColumn(client: pg.ClientBase, target: PurgedColumn, values: readonly string[], redact: (text: string) => string): Promise<number> {
    if (!(await tableExists(client, target.table))) return 0;
    // jsonb's text form escapes quotes and backslashes as JSON does: look for both spellings.
    const patterns = [...new Set(values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))].map((v) => `%${escapeLike(v)}%`);
    const { rows } = await client.query<{ ref: string; value: unknown }>(
      `SELECT ctid::text AS ref, ${target.column} AS value FROM ${target.table}
        WHERE ${target.column}::text ILIKE ANY ($1::text[]) FOR UPDATE`,
      [patterns],
    );
    for (const row of rows) {
      const replaced = target.kind === 'jsonb' ? JSON.stringify(redactJson(row.value, redact)) : redact(String(row.value));
      await client.query(`UPDATE ${target.table} SET ${target.column} = $1${target.kind === 'jsonb' ? '::jsonb' : ''} WHERE ctid = $2::tid`, [replaced, row.ref]);
    }
    return rows.length;
  }
}

/** The whole purge at once, for a caller that holds the values now (the erasure, after recording ContactErased). */
export const purgePersonalData = async (pool: pg.Pool, contactId: string, values: readonly (string | null | undefined)[]): Promise<PurgeOutcome | null> => {
  const purge = new PersonalDataPurge(pool);
  await purge.request(contactId, values);
  return purge.run(contactId);
};
