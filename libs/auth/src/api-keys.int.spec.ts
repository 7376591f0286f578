import { createHmac, randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '#test/support/test-database';
import { ApiKeys } from './api-keys.js';
import { isAllowed } from './roles.js';

describe('api keys', () => {
  let db: TestDatabase;
  let keys: ApiKeys;
  const pepper = randomBytes(32);
  beforeAll(async () => {
    db = await createTestDatabase();
    await ApiKeys.migrate(db.pool);
    keys = new ApiKeys(db.pool, pepper);
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows the secret once, stores only a keyed hash, and verifies it', async () => {
    const created = await keys.create('warehouse loader', 'integrator', 'key:admin');
    expect(created.secret).toMatch(/^tly_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    const { rows } = await db.pool.query('SELECT * FROM tally_api_keys');
    // The random part may itself hold '_': it is everything after the key id, 43 characters.
    const secretPart = created.secret.slice(`tly_${created.keyId}_`.length);
    expect(secretPart).toHaveLength(43);
    expect(JSON.stringify(rows)).not.toContain(secretPart);
    expect(await keys.verify(created.secret)).toMatchObject({ keyId: created.keyId, role: 'integrator', revokedAt: null });
  });

  it('refuses a wrong, malformed or revoked secret, and a key hashed with another pepper', async () => {
    const created = await keys.create('bi', 'reporting', 'key:admin');
    const tampered = created.secret.slice(0, -1) + (created.secret.endsWith('A') ? 'B' : 'A');
    expect(await keys.verify(tampered)).toBeNull();
    expect(await keys.verify('Bearer nonsense')).toBeNull();
    expect(await new ApiKeys(db.pool, randomBytes(32)).verify(created.secret)).toBeNull();
    await keys.revoke(created.keyId);
    expect(await keys.verify(created.secret)).toBeNull();
  });

  it('refuses a key revoked through the same instance at once, even one it had just verified', async () => {
    const created = await keys.create('crm sync', 'integrator', 'key:admin');
    expect(await keys.verify(created.secret)).not.toBeNull();
    await keys.revoke(created.keyId);
    expect(await keys.verify(created.secret)).toBeNull();
  });

  it('trusts a verified key without a lookup for verifiedForMs: a revocation elsewhere holds within that bound', async () => {
    let now = 1_000_000;
    const api = new ApiKeys(db.pool, pepper, { verifiedForMs: 5_000, now: () => now });
    // Another process (the CLI, a second api) over the same table.
    const elsewhere = new ApiKeys(db.pool, pepper);
    const created = await api.create('webshop', 'integrator', 'key:admin');
    expect(await api.verify(created.secret)).toMatchObject({ keyId: created.keyId });
    await elsewhere.revoke(created.keyId);
    now += 4_999;
    expect(await api.verify(created.secret)).toMatchObject({ keyId: created.keyId });
    now += 2;
    expect(await api.verify(created.secret)).toBeNull();
    // A wrong secret for a remembered key id is still refused.
    const other = await api.create('bi export', 'reporting', 'key:admin');
    expect(await api.verify(other.secret)).not.toBeNull();
    expect(await api.verify(other.secret.slice(0, -1) + (other.secret.endsWith('A') ? 'B' : 'A'))).toBeNull();
  });

  it('checks the table on every request with verifiedForMs 0', async () => {
    const uncached = new ApiKeys(db.pool, pepper, { verifiedForMs: 0 });
    const created = await uncached.create('ops', 'integrator', 'key:admin');
    expect(await uncached.verify(created.secret)).not.toBeNull();
    await new ApiKeys(db.pool, pepper).revoke(created.keyId);
    expect(await uncached.verify(created.secret)).toBeNull();
  });

  it('binds a key to an owner when asked, and shows the owner wherever the key is read', async () => {
    const ownerId = '5f0c6a3e-8d1b-4c2a-9e7f-0a1b2c3d4e5f';
    const bound = await keys.create('rep laptop', 'sales', 'key:admin', { ownerId });
    const unbound = await keys.create('bi loader', 'reporting', 'key:admin');
    expect(bound.ownerId).toBe(ownerId);
    expect(unbound.ownerId).toBeNull();
    expect(await keys.verify(bound.secret)).toMatchObject({ keyId: bound.keyId, ownerId });
    expect(await keys.verify(unbound.secret)).toMatchObject({ keyId: unbound.keyId, ownerId: null });
    const listed = new Map((await keys.list()).map((key) => [key.keyId, key.ownerId]));
    expect([listed.get(bound.keyId), listed.get(unbound.keyId)]).toEqual([ownerId, null]);
    expect(await keys.revoke(bound.keyId)).toMatchObject({ ownerId });
  });

  it('upgrades a table made before keys had owners: its keys keep working, bound to no one', async () => {
    const old = await createTestDatabase();
    try {
      await old.pool.query(`CREATE TABLE tally_auth_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      await old.pool.query(`INSERT INTO tally_auth_migrations (id) VALUES ('0001-api-keys')`);
      await old.pool.query(`CREATE TABLE tally_api_keys (key_id text PRIMARY KEY, name text NOT NULL, role text NOT NULL, secret_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(), created_by text NOT NULL, revoked_at timestamptz)`);
      const secret = 'A'.repeat(43);
      const hash = createHmac('sha256', pepper).update(secret).digest();
      await old.pool.query(`INSERT INTO tally_api_keys (key_id, name, role, secret_hash, created_by) VALUES ('abcdefgh12345678', 'old', 'sales', $1, 'cli')`, [hash]);
      await ApiKeys.migrate(old.pool);
      expect(await new ApiKeys(old.pool, pepper).verify(`tly_abcdefgh12345678_${secret}`)).toMatchObject({ keyId: 'abcdefgh12345678', ownerId: null });
    } finally {
      await old.close();
    }
  });

  it('keeps roles narrow: an auditor reads but never writes, reporting reads only read models', () => {
    expect(isAllowed('auditor', 'deals:read')).toBe(true);
    expect(isAllowed('auditor', 'deals:write')).toBe(false);
    expect(isAllowed('reporting', 'read-models:read')).toBe(true);
    expect(isAllowed('reporting', 'contacts:read')).toBe(false);
    expect(isAllowed('integrator', 'webhooks:write')).toBe(true);
    expect(isAllowed('sales', 'keys:write')).toBe(false);
  });
});
