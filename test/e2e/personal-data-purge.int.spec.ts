// The operational stores' part of an erasure, on the real tables (PGlite, or the server with DATABASE_URL): the
// person's values go from every listed column, other people's rows stay as they were, and a purge asked for and
// interrupted is finished by resumePending.
import { randomUUID } from 'node:crypto';
import { ERASED_VALUE, PersonalDataPurge, PURGED_COLUMNS, PURGED_ROWS, purgePersonalData, WorkflowRunner } from '#application';
import { migrate } from '#postgres';
import { ProjectionEngine } from '#projection-engine';
import { WebhookSubscriptions } from '#webhooks';
import { apiMigrations } from '#api/api.migrations';
import { ALL_PROJECTIONS } from '#projections';
import { startTestApp } from '#test/support/test-app';
import { createTestDatabase, type TestDatabase } from '#test/support/test-database';

// Every other table of a running Tally, and why it keeps no copy of a person's values.
const WITHOUT_COPIES: Readonly<Record<string, string>> = {
  // The log itself: its personal fields are crypto-shredded (#privacy), never rewritten here.
  tally_events: 'the log, crypto-shredded',
  tally_streams: 'stream names: ids, and hashes for unique values',
  tally_api_keys: "staff keys: a label, a role, a hash",
  tally_leases: 'process leases',
  workflow_runner_checkpoints: 'positions',
  workflow_round_robin: 'turn counters per team',
  tally_personal_data_purges: 'the values only until their purge is done',
  // #privacy's key store: keys, not values; a destroyed key leaves only its tombstone.
  tally_data_keys: 'wrapped data keys, deleted on erasure',
  tally_data_key_tombstones: 'contact id and time of key destruction only',
};

describe('PersonalDataPurge', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrate(db.pool, 'tally_api_migrations', apiMigrations);
    await WebhookSubscriptions.migrate(db.pool);
    await WorkflowRunner.migrate(db.pool);
    await ProjectionEngine.migrate(db.pool);
    await PersonalDataPurge.migrate(db.pool);
  });
  afterAll(() => db.close());

  /** Rows in every purged table that quote `email` (and `name`), and one row of someone else's in each. */
  const seed = async (contactId: string, email: string, name: string, other: string) => {
    const q = (sql: string, values: unknown[]) => db.pool.query(sql, values);
    for (const [who, mail] of [
      [contactId, email],
      [randomUUID(), other],
    ] as const) {
      await q(`INSERT INTO tally_idempotency_keys (scope, key, request_hash, status, body) VALUES ($1, $2, 'h', 201, $3)`, [
        'k POST /v1/contacts',
        randomUUID(),
        JSON.stringify({ id: who, email: mail.toUpperCase(), note: `"${who === contactId ? name : 'someone else'}" wrote` }),
      ]);
      const subscription = randomUUID();
      await q(`INSERT INTO tally_webhook_subscriptions (id, url, event_types, secret, parked) VALUES ($1, 'https://h.example', '{}', 's', $2)`, [
        subscription,
        JSON.stringify({ eventId: randomUUID(), error: `receiver refused ${mail}` }),
      ]);
      await q(
        `INSERT INTO tally_webhook_deliveries (subscription_id, status, attempt, event_count, first_event_id, first_position, last_position, latency_ms, error, attempted_at)
         VALUES ($1, 'failed', 1, 1, 'e', '1', '1', 5, $2, now())`,
        [subscription, `400: bad address ${mail}`],
      );
      await q(
        `INSERT INTO workflow_parked_events (workflow_id, event_id, kind, version, trigger, position, position_commit, event_type, error, attempts, status)
         VALUES ('w', $1, 'enrol', 1, $2, '1', 1, 'ContactCreated', $3, 3, 'parked')`,
        [randomUUID(), JSON.stringify({ data: { contactId: who, email: mail, [mail]: true } }), `cannot judge ${mail}`],
      );
      await q(
        `INSERT INTO workflow_schedules (workflow_id, record_type, record_id, date_value, due_at, trigger_id, position, stream_name)
         VALUES ('w', 'contact', $1, '1815-12-10', now(), 't', '1', $2)`,
        [who, `contact-${who}`],
      );
    }
  };

  const dump = async (): Promise<string> => {
    const tables = ['tally_idempotency_keys', 'tally_webhook_subscriptions', 'tally_webhook_deliveries', 'workflow_parked_events', 'workflow_schedules'];
    const rows = await Promise.all(tables.map(async (table) => (await db.pool.query(`SELECT * FROM ${table}`)).rows));
    return JSON.stringify(rows);
  };

  it('replaces the values in every listed column, deletes the contact own rows, and leaves the others alone', async () => {
    const contactId = randomUUID();
    const email = `ada.${contactId.slice(0, 6)}@lovelace.example`;
    const other = `grace.${contactId.slice(0, 6)}@hopper.example`;
    await seed(contactId, email, 'Ada Lovelace', other);
    const before = await dump();
    expect(before.toLowerCase()).toContain(email);

    const outcome = await purgePersonalData(db.pool, contactId, [email, 'Ada Lovelace', null, 'A']);

    const after = await dump();
    expect(after.toLowerCase()).not.toContain(email);
    expect(after).not.toContain('Ada Lovelace');
    expect(after).toContain(ERASED_VALUE);
    expect(after).toContain(other);
    expect(after.toUpperCase()).toContain(other.toUpperCase());
    expect(outcome).toEqual({ contactId, valuesReplaced: 5, rowsDeleted: 1 });
    const schedules = await db.pool.query(`SELECT record_id FROM workflow_schedules WHERE record_id = ANY ($1)`, [[contactId]]);
    expect(schedules.rows).toEqual([]);
    // The pending row forgets the values once done, and a second run finds nothing to do.
    const pending = await db.pool.query(`SELECT personal_values, purged_at FROM tally_personal_data_purges WHERE contact_id = $1`, [contactId]);
    expect(pending.rows[0].personal_values).toEqual([]);
    expect(pending.rows[0].purged_at).not.toBeNull();
    expect(await purgePersonalData(db.pool, contactId, [email])).toBeNull();
    expect(await dump()).toBe(after);
  });

  it('finishes a purge asked for before a crash when the process starts again', async () => {
    const contactId = randomUUID();
    const email = `crash.${contactId.slice(0, 6)}@example.com`;
    await seed(contactId, email, 'Charles Babbage', `x.${contactId.slice(0, 6)}@example.com`);
    await new PersonalDataPurge(db.pool).request(contactId, [email, 'Charles Babbage']);
    expect((await dump()).toLowerCase()).toContain(email);

    const outcomes = await new PersonalDataPurge(db.pool).resumePending();

    expect(outcomes.map((o) => o.contactId)).toContain(contactId);
    expect((await dump()).toLowerCase()).not.toContain(email);
    expect(await dump()).not.toContain('Charles Babbage');
  });

  it('knows every table of a running Tally (read models are the projections\' to purge), and finishes pending purges on start', async () => {
    const database = await createTestDatabase();
    await PersonalDataPurge.migrate(database.pool);
    const interrupted = randomUUID();
    await new PersonalDataPurge(database.pool).request(interrupted, ['someone@example.com']);
    const app = await startTestApp({ database });
    try {
      const purge = await app.db.pool.query(`SELECT personal_values, purged_at FROM tally_personal_data_purges WHERE contact_id = $1`, [interrupted]);
      expect(purge.rows).toEqual([{ personal_values: [], purged_at: expect.any(Date) }]);

      const { rows } = await app.db.pool.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      // A read model's build tables are its base names with the build's version (contact_list -> contact_list_v1).
      const readModel = new RegExp(`^(${ALL_PROJECTIONS.flatMap((p) => p.tables).join('|')})_v\\d+$`);
      const purged = new Set([...PURGED_COLUMNS.map((c) => c.table), ...PURGED_ROWS.map((r) => r.table)]);
      const unaccounted = rows
        .map((r) => r.name)
        .filter((name) => !readModel.test(name) && !name.endsWith('_migrations') && !purged.has(name) && !(name in WITHOUT_COPIES))
        .sort();
      expect(unaccounted).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
