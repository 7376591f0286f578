import { randomBytes } from 'node:crypto';
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
    expect(JSON.stringify(rows)).not.toContain(created.secret.split('_')[2]);
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

  it('keeps roles narrow: an auditor reads but never writes, reporting reads only read models', () => {
    expect(isAllowed('auditor', 'deals:read')).toBe(true);
    expect(isAllowed('auditor', 'deals:write')).toBe(false);
    expect(isAllowed('reporting', 'read-models:read')).toBe(true);
    expect(isAllowed('reporting', 'contacts:read')).toBe(false);
    expect(isAllowed('integrator', 'webhooks:write')).toBe(true);
    expect(isAllowed('sales', 'keys:write')).toBe(false);
  });
});
