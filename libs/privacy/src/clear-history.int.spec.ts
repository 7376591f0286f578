import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { createTestDatabase, type TestDatabase } from '#test/support/test-database';
import { encryptClearHistory } from './clear-history.js';
import { DataKeyStore } from './data-key-store.js';
import { EncryptingEventStore } from './encrypting-event-store.js';
import { envelopeOwners } from './field-crypto.js';
import { LocalMasterKey, MasterKeyRing } from './master-key.js';

const event = (type: string, data: unknown, schemaVersion = 1): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: 'test', correlationId: randomUUID(), causationId: null, schemaVersion, source: 'test' },
});
const all = async (events: AsyncIterable<RecordedEvent>) => {
  const list: RecordedEvent[] = [];
  for await (const e of events) list.push(e);
  return list;
};

describe('encrypting history stored in clear', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    await DataKeyStore.migrate(db.pool);
  });
  afterAll(async () => {
    await db.close();
  });

  it('re-writes only the personal values, redacts erased contacts, records the run, and finds nothing the second time', async () => {
    const raw = new PostgresEventStore(db.pool);
    const keys = new DataKeyStore(db.pool, new MasterKeyRing(new LocalMasterKey(randomBytes(32))));
    const store = new EncryptingEventStore(raw, keys);
    const [kept, erased] = [randomUUID(), randomUUID()];
    const survey = (contactId: string, comment: string) =>
      event('SurveyResponded', { linkId: randomUUID(), surveyId: 's', surveyType: 'nps', contactId, ticketId: null, score: 9, category: 'promoter', comment });
    const clear = [survey(kept, 'Loved the onboarding, Kim'), survey(erased, 'Call me on +1 555 0199')];
    await raw.appendToStream(`surveylink-${kept}`, [clear[0]]);
    await raw.appendToStream(`surveylink-${erased}`, [clear[1]]);
    await keys.destroy(erased);
    const before = (await db.pool.query('SELECT position, event_id, metadata FROM tally_events ORDER BY position')).rows;

    expect(await encryptClearHistory(db.pool, store, { actor: 'cli:test', dryRun: true })).toMatchObject({ eventsRewritten: 2 });
    expect(JSON.stringify((await db.pool.query('SELECT data FROM tally_events')).rows)).toContain('Kim');

    const report = await encryptClearHistory(db.pool, store, { actor: 'cli:test' });
    expect(report).toMatchObject({ eventsRewritten: 2, valuesEncrypted: 1, valuesRedacted: 1, contacts: 1 });
    const stored = JSON.stringify((await db.pool.query('SELECT data FROM tally_events')).rows);
    expect(stored).not.toContain('Kim');
    expect(stored).not.toContain('555 0199');
    const after = (await db.pool.query('SELECT position, event_id, metadata FROM tally_events ORDER BY position')).rows;
    expect(after.slice(0, before.length)).toEqual(before);
    expect((await all(store.readStream(`surveylink-${kept}`)))[0].data).toEqual(clear[0].data);
    expect((await all(store.readStream(`surveylink-${erased}`)))[0].data).toMatchObject({ comment: null, score: 9 });
    const [audit] = await all(store.readStream('privacy-history'));
    expect(audit).toMatchObject({ type: 'PersonalHistoryEncrypted', data: { eventsRewritten: 2, valuesEncrypted: 1 }, metadata: { actor: 'cli:test' } });

    expect(await encryptClearHistory(db.pool, store, { actor: 'cli:test' })).toMatchObject({ eventsRewritten: 0 });
  });

  it("seals an engagement of several contacts under every one's key, its updates too", async () => {
    const raw = new PostgresEventStore(db.pool);
    const keys = new DataKeyStore(db.pool, new MasterKeyRing(new LocalMasterKey(randomBytes(32))));
    const store = new EncryptingEventStore(raw, keys);
    const [first, second, engagementId] = [randomUUID(), randomUUID(), randomUUID()];
    const stream = `engagement-${engagementId}`;
    await raw.appendToStream(stream, [
      event('EngagementLogged', { engagementId, kind: 'note', ownerId: 'o', subject: null, body: 'Both asked for a quote', durationMinutes: null, outcome: null, dueAt: null, priority: null, contactIds: [first, second], companyIds: [], dealIds: [], ticketIds: [] }, 2),
      event('EngagementUpdated', { engagementId, changes: [{ field: 'body', previous: 'Both asked for a quote', value: 'Both signed' }] }),
    ]);
    expect(await encryptClearHistory(db.pool, store, { actor: 'cli:test' })).toMatchObject({ eventsRewritten: 2, valuesEncrypted: 3, contacts: 2 });
    const { rows } = await db.pool.query('SELECT data FROM tally_events WHERE stream_name = $1 ORDER BY position', [stream]);
    expect(JSON.stringify(rows)).not.toContain('Both');
    expect(new Set(envelopeOwners(rows[1].data.changes[0].value))).toEqual(new Set([first, second]));
    await keys.destroy(second);
    expect((await all(store.readStream(stream))).map((e) => e.data)).toMatchObject([{ body: null }, { changes: [{ previous: null, value: null }] }]);
  });
});
