import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#test/support/test-database';
import { DataKeyStore } from './data-key-store.js';
import { LocalMasterKey, MasterKeyRing, MasterKeyUnavailable } from './master-key.js';
import type { DataKey } from './field-crypto.js';

describe('the data key store', () => {
  let db: TestDatabase;
  const master = new LocalMasterKey(randomBytes(32));
  beforeAll(async () => {
    db = await createTestDatabase();
    await DataKeyStore.migrate(db.pool);
  });
  afterAll(async () => {
    await db.close();
  });
  const store = (ring = new MasterKeyRing(master), cacheTtlMs = 5_000) => new DataKeyStore(db.pool, ring, { cacheTtlMs });

  it('makes a key on demand, stores it wrapped, and unwraps the same key in another process', async () => {
    const keys = await store().keys(['c1', 'c2'], { create: true });
    const c1 = keys.get('c1') as DataKey;
    expect(c1.key).toHaveLength(32);
    const { rows } = await db.pool.query<{ wrapped: string; master_key_id: string }>("SELECT * FROM tally_data_keys WHERE contact_id = 'c1'");
    expect(rows[0].master_key_id).toBe(master.id);
    expect(Buffer.from(rows[0].wrapped, 'base64').includes(c1.key)).toBe(false);
    expect(((await store().keys(['c1'])).get('c1') as DataKey).key.equals(c1.key)).toBe(true);
    expect((await store().keys(['nobody'])).has('nobody')).toBe(false);
  });

  it('refuses to unwrap under a master key it was not wrapped by, naming the setting', async () => {
    await store().keys(['c3'], { create: true });
    await expect(store(new MasterKeyRing(new LocalMasterKey(randomBytes(32)))).keys(['c3'])).rejects.toThrow(MasterKeyUnavailable);
    await expect(store(new MasterKeyRing(new LocalMasterKey(randomBytes(32)))).keys(['c3'])).rejects.toThrow(/TALLY_MASTER_KEY/);
  });

  it('re-wraps every key under a new master key when the old one is given as previous', async () => {
    const before = (await store().keys(['c4'], { create: true })).get('c4') as DataKey;
    const next = new LocalMasterKey(randomBytes(32));
    const rotating = store(new MasterKeyRing(next, [master]));
    expect(await rotating.rewrap(2)).toBeGreaterThanOrEqual(1);
    expect(await rotating.rewrap()).toBe(0);
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_data_keys WHERE master_key_id <> $1', [next.id]);
    expect(rows[0].n).toBe(0);
    const after = (await store(new MasterKeyRing(next)).keys(['c4'])).get('c4') as DataKey;
    expect(after.key.equals(before.key)).toBe(true);
    // Back to the first master key for the other cases.
    expect(await store(new MasterKeyRing(master, [next])).rewrap()).toBeGreaterThanOrEqual(1);
  });

  it('destroys a key irrecoverably and idempotently, and never makes it again', async () => {
    const keys = store();
    await keys.keys(['c5'], { create: true });
    await keys.destroy('c5');
    await keys.destroy('c5');
    expect(await keys.isDestroyed('c5')).toBe(true);
    expect(await store().isDestroyed('c5')).toBe(true);
    const { rows } = await db.pool.query("SELECT * FROM tally_data_keys WHERE contact_id = 'c5'");
    expect(rows).toEqual([]);
    expect((await store().keys(['c5'], { create: true })).get('c5')).toBe('destroyed');
    expect((await db.pool.query("SELECT * FROM tally_data_keys WHERE contact_id = 'c5'")).rows).toEqual([]);
    // Never made, then erased: a tombstone all the same, so a later append stores the redaction.
    await keys.destroy('c6');
    expect((await keys.keys(['c6'], { create: true })).get('c6')).toBe('destroyed');
  });

  it('destroys many keys in one call, idempotently, and never makes them again', async () => {
    const keys = store();
    await keys.keys(['m1', 'm2', 'm3'], { create: true });
    await keys.destroyAll(['m1', 'm2', 'never-had-a-key']);
    await keys.destroyAll(['m1', 'm2', 'never-had-a-key']);
    const fresh = await store().keys(['m1', 'm2', 'm3', 'never-had-a-key'], { create: true });
    expect(fresh.get('m1')).toBe('destroyed');
    expect(fresh.get('m2')).toBe('destroyed');
    expect(fresh.get('never-had-a-key')).toBe('destroyed');
    expect(fresh.get('m3')).not.toBe('destroyed');
  });

  it('forgets a destroyed key at once here, and within the cache lifetime in another process', async () => {
    const here = store();
    const elsewhere = store(new MasterKeyRing(master), 0);
    await here.keys(['c7'], { create: true });
    await elsewhere.keys(['c7']);
    await here.destroy('c7');
    expect((await here.keys(['c7'])).get('c7')).toBe('destroyed');
    expect((await elsewhere.keys(['c7'])).get('c7')).toBe('destroyed');
  });

  it('holds each cached key in memory of its own, so a cache of 50,000 keys does not keep 50,000 slabs of 8 KiB alive', async () => {
    const created = (await store().keys(['own-1', 'own-2'], { create: true })).get('own-1') as DataKey;
    const read = (await store().keys(['own-2'])).get('own-2') as DataKey;
    for (const { key } of [created, read]) expect(key.buffer.byteLength).toBe(32);
  });

  it('bounds the cache: the least recently used key goes first', async () => {
    let queries = 0;
    const counting = new Proxy(db.pool, {
      get: (pool, name) => (name === 'query' ? (...args: unknown[]) => (queries++, (pool.query as (...a: unknown[]) => unknown)(...args)) : Reflect.get(pool, name)),
    });
    const keys = new DataKeyStore(counting, new MasterKeyRing(master), { cacheSize: 2 });
    for (const id of ['l1', 'l2', 'l3']) await keys.keys([id], { create: true });
    queries = 0;
    await keys.keys(['l2', 'l3']);
    expect(queries).toBe(0);
    await keys.keys(['l1']);
    expect(queries).toBe(1);
  });
});
