import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { ApiKeys } from './api-keys.js';
import { isAllowed } from './roles.js';

describe('api keys', () => {
  let db: TestDatabase;
  let keys: ApiKeys;
  beforeAll(async () => {
    db = await createTestDatabase();
    await ApiKeys.migrate(db.pool);
    keys = new ApiKeys(db.pool, randomBytes(32));
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

  it('keeps roles narrow: an auditor reads but never writes, reporting reads only read models', () => {
    expect(isAllowed('auditor', 'deals:read')).toBe(true);
    expect(isAllowed('auditor', 'deals:write')).toBe(false);
    expect(isAllowed('reporting', 'read-models:read')).toBe(true);
    expect(isAllowed('reporting', 'contacts:read')).toBe(false);
    expect(isAllowed('integrator', 'webhooks:write')).toBe(true);
    expect(isAllowed('sales', 'keys:write')).toBe(false);
  });
});
