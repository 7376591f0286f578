import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { createTestDatabase, eventually, type TestDatabase } from '#test/support/test-database';
import { DataKeyStore } from './data-key-store.js';
import { EncryptingEventStore, redactedFields } from './encrypting-event-store.js';
import { envelopeOwners } from './field-crypto.js';
import { LocalMasterKey, MasterKeyRing } from './master-key.js';
import { REDACTED } from './personal-data.js';

const event = (type: string, data: unknown, schemaVersion = 1): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: 'test', correlationId: randomUUID(), causationId: null, schemaVersion, source: 'test' },
});
const contactCreated = (contactId: string, email: string) =>
  event(
    'ContactCreated',
    { contactId, email, firstName: 'Grace', lastName: 'Hopper', phone: '+1 555 0100', jobTitle: 'Admiral', country: 'US', companyId: null, ownerId: null, properties: {}, source: 'import', marketingStatus: 'marketing', lifecycleStage: 'lead' },
    2,
  );
const all = async (events: AsyncIterable<RecordedEvent>) => {
  const list: RecordedEvent[] = [];
  for await (const e of events) list.push(e);
  return list;
};

describe('the encrypting event store', () => {
  let db: TestDatabase;
  let raw: PostgresEventStore;
  let keys: DataKeyStore;
  let store: EncryptingEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    await DataKeyStore.migrate(db.pool);
    raw = new PostgresEventStore(db.pool);
    keys = new DataKeyStore(db.pool, new MasterKeyRing(new LocalMasterKey(randomBytes(32))));
    store = new EncryptingEventStore(raw, keys);
  });
  afterAll(async () => {
    await store.close();
    await db.close();
  });

  it('stores no plaintext email, name or phone, and reads them back through the store', async () => {
    const id = randomUUID();
    const created = contactCreated(id, 'grace@navy.example');
    await store.appendToStream(`contact-${id}`, [created]);
    const { rows } = await db.pool.query('SELECT * FROM tally_events WHERE event_id = $1', [created.id]);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    for (const secret of ['grace@navy.example', 'Grace', 'Hopper', '555 0100']) expect(stored).not.toContain(secret);
    expect(stored).toContain('Admiral');
    const [read] = await all(store.readStream(`contact-${id}`));
    expect(read.data).toEqual(created.data);
    // A server's log shows an append to readAll once no older transaction is open (the visibility barrier).
    const viaAll = await eventually(async () => {
      const [found] = (await all(store.readAll())).filter((e) => e.id === created.id);
      if (!found) throw new Error('not visible yet');
      return found;
    });
    expect(viaAll.data).toEqual(created.data);
    expect((await store.readStreams([`contact-${id}`])).get(`contact-${id}`)![0].data).toEqual(created.data);
  });

  it('redacts every read after destroy, marks the fields, and stores the redaction for later appends', async () => {
    const id = randomUUID();
    await store.appendToStream(`contact-${id}`, [contactCreated(id, 'ada@engine.example')]);
    await keys.destroy(id);
    const [read] = await all(store.readStream(`contact-${id}`));
    expect(read.data).toMatchObject({ email: REDACTED, firstName: null, lastName: null, phone: null, jobTitle: 'Admiral' });
    expect(redactedFields(read)).toEqual(['email', 'firstName', 'lastName', 'phone']);
    const merged = event('ContactMerged', { contactId: id, mergedInto: randomUUID(), email: 'ada@engine.example' });
    await store.appendToStream(`contact-${id}`, [merged]);
    const { rows } = await db.pool.query('SELECT * FROM tally_events WHERE event_id = $1', [merged.id]);
    expect(JSON.stringify(rows[0])).not.toContain('ada@engine.example');
    expect(JSON.stringify(rows[0])).not.toContain('$enc');
    expect((await db.pool.query('SELECT * FROM tally_data_keys WHERE contact_id = $1', [id])).rows).toEqual([]);
  });

  it("seals an engagement update with the key of the engagement's first contact", async () => {
    const contactId = randomUUID();
    const engagementId = randomUUID();
    const stream = `engagement-${engagementId}`;
    const logged = event('EngagementLogged', { engagementId, kind: 'note', ownerId: 'o', subject: null, body: 'Grace prefers calls', durationMinutes: null, outcome: null, dueAt: null, priority: null, contactIds: [contactId], companyIds: [], dealIds: [], ticketIds: [] }, 2);
    const updated = event('EngagementUpdated', { engagementId, changes: [{ field: 'body', previous: 'Grace prefers calls', value: 'Grace prefers mail' }] });
    await store.appendToStream(stream, [logged]);
    await store.appendToStream(stream, [updated]);
    const { rows } = await db.pool.query('SELECT * FROM tally_events WHERE stream_name = $1', [stream]);
    expect(JSON.stringify(rows)).not.toContain('Grace prefers');
    expect((await all(store.readStream(stream))).map((e) => e.data)).toEqual([logged.data, updated.data]);
    await keys.destroy(contactId);
    expect((await all(store.readStream(stream)))[1].data).toEqual({ engagementId, changes: [{ field: 'body', previous: null, value: null }] });
  });

  it("seals an engagement with several contacts under every one's key: erasing the second redacts it", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const engagementId = randomUUID();
    const stream = `engagement-${engagementId}`;
    const logged = event('EngagementLogged', { engagementId, kind: 'note', ownerId: 'o', subject: 'Joint call', body: 'Both want the annual plan', durationMinutes: null, outcome: null, dueAt: null, priority: null, contactIds: [first, second], companyIds: [], dealIds: [], ticketIds: [] }, 2);
    const updated = event('EngagementUpdated', { engagementId, changes: [{ field: 'body', previous: 'Both want the annual plan', value: 'Both want the monthly plan' }] });
    await store.appendToStream(stream, [logged]);
    await store.appendToStream(stream, [updated]);
    expect((await all(store.readStream(stream))).map((e) => e.data)).toEqual([logged.data, updated.data]);
    await keys.destroy(second);
    const later = event('EngagementUpdated', { engagementId, changes: [{ field: 'subject', previous: 'Joint call', value: 'Joint call, follow-up' }] });
    await store.appendToStream(stream, [later]);
    const read = await all(store.readStream(stream));
    expect(read[0].data).toMatchObject({ subject: null, body: null, contactIds: [first, second] });
    expect(redactedFields(read[0])).toEqual(['subject', 'body']);
    expect(read[1].data).toEqual({ engagementId, changes: [{ field: 'body', previous: null, value: null }] });
    expect(read[2].data).toEqual({ engagementId, changes: [{ field: 'subject', previous: null, value: null }] });
    const { rows } = await db.pool.query('SELECT * FROM tally_events WHERE stream_name = $1 ORDER BY position', [stream]);
    for (const secret of ['annual plan', 'monthly plan', 'Joint call']) expect(JSON.stringify(rows)).not.toContain(secret);
    // Sealed for both, not readable with the first contact's key alone; stored as the redaction once one is erased.
    expect(new Set(envelopeOwners(rows[0].data.body))).toEqual(new Set([first, second]));
    expect(new Set(envelopeOwners(rows[1].data.changes[0].value))).toEqual(new Set([first, second]));
    expect(rows[2].data.changes[0]).toEqual({ field: 'subject', previous: null, value: null });
  });

  it('delivers opened events to subscribers, and reads history written in clear as it is', async () => {
    const id = randomUUID();
    const clear = contactCreated(id, 'clear@old.example');
    await raw.appendToStream(`contact-${id}`, [clear]);
    expect((await all(store.readStream(`contact-${id}`)))[0].data).toEqual(clear.data);
    const subscription = store.subscribeToAll({ filter: { streamCategories: ['contact'] } });
    const sealed = contactCreated(randomUUID(), 'live@new.example');
    await store.appendToStream(`contact-${(sealed.data as { contactId: string }).contactId}`, [sealed]);
    for await (const delivered of subscription) {
      if (delivered.id !== sealed.id) continue;
      expect(delivered.data).toEqual(sealed.data);
      break;
    }
    await subscription.close();
  });
});
