import pg from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '#test/support/test-database';
import { inTransaction } from './database.js';
import { LeaseLost, Leases } from './lease.js';

describe('leases', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await Leases.migrate(db.pool);
  });

  afterAll(async () => {
    await db.close();
  });

  it('has one holder at a time, is taken over once expired, and fences the holder that lost it', async () => {
    // A long ttl keeps a loaded machine from expiring the lease between steps; expiry is forced below instead.
    const leases = new Leases(db.pool, 60_000);
    const a = await leases.acquire('fence-test', 'a');
    expect(a).toEqual({ name: 'fence-test', holder: 'a', token: '1' });
    expect(await leases.acquire('fence-test', 'b')).toBeNull();
    // The holder acquiring again keeps its token: a renewal, not a new epoch.
    expect(await leases.acquire('fence-test', 'a')).toEqual(a);
    expect(await leases.renew(a!)).toBe(true);
    await inTransaction(db.pool, (tx) => Leases.fence(tx, a!));

    // `a` stops renewing (paused, or dead): its last renewal had a 1 ms ttl, so `b` takes over with a larger token.
    expect(await new Leases(db.pool, 1).renew(a!)).toBe(true);
    const b = await eventually(async () => {
      const grant = await leases.acquire('fence-test', 'b');
      expect(grant).not.toBeNull();
      return grant!;
    }, 5_000);
    expect(BigInt(b.token)).toBeGreaterThan(BigInt(a!.token));

    // `a` wakes up: it can neither renew nor commit work under its old grant.
    expect(await leases.renew(a!)).toBe(false);
    await expect(inTransaction(db.pool, (tx) => Leases.fence(tx, a!))).rejects.toBeInstanceOf(LeaseLost);
    await inTransaction(db.pool, (tx) => Leases.fence(tx, b));

    // A release frees the lease at once, and the token still grows: an old grant never matches again.
    await leases.release(b);
    const again = await leases.acquire('fence-test', 'a');
    expect(again).not.toBeNull();
    expect(BigInt(again!.token)).toBeGreaterThan(BigInt(b.token));
    await expect(inTransaction(db.pool, (tx) => Leases.fence(tx, a!))).rejects.toBeInstanceOf(LeaseLost);
    expect((await leases.state('fence-test'))?.holder).toBe('a');
  });

  it('fences several grants in one statement, answering the ones that no longer hold', async () => {
    const leases = new Leases(db.pool, 60_000);
    const kept = (await leases.acquire('fence-all-kept', 'a'))!;
    const taken = (await leases.acquire('fence-all-taken', 'a'))!;
    await db.pool.query(`UPDATE tally_leases SET holder = 'b', token = token + 1 WHERE name = 'fence-all-taken'`);
    const neverGranted = { name: 'fence-all-never', holder: 'a', token: '1' };
    expect(await inTransaction(db.pool, (tx) => Leases.fenceAll(tx, [kept, taken, neverGranted]))).toEqual([taken, neverGranted]);

    // The grants that hold stay locked until the fencing transaction ends: a takeover waits for its commit.
    let releaseFence!: () => void;
    const fenced = inTransaction(db.pool, async (tx) => {
      expect(await Leases.fenceAll(tx, [kept])).toEqual([]);
      await new Promise<void>((resolve) => (releaseFence = resolve));
    });
    await eventually(() => expect(releaseFence).toBeDefined());
    let takenOver = false;
    const takeover = db.pool
      .query(`UPDATE tally_leases SET holder = 'b', token = token + 1 WHERE name = 'fence-all-kept'`)
      .then(() => (takenOver = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(takenOver).toBe(false);
    releaseFence();
    await Promise.all([fenced, takeover]);
    expect(takenOver).toBe(true);
  });

  it('keeps a lease with heartbeats past its ttl, and frees it on release', async () => {
    // A ttl long enough that a loaded machine still renews in time (every 500 ms).
    const leases = new Leases(db.pool, 1_500);
    const kept = await leases.keep('heartbeat-test', 'a');
    expect(kept).not.toBeNull();
    // Three ttls of asking: without heartbeats `b` would get it.
    const deadline = Date.now() + 4_500;
    while (Date.now() < deadline) {
      expect(await leases.acquire('heartbeat-test', 'b')).toBeNull();
      expect(kept!.held).toBe(true);
    }
    await kept!.release();
    expect(kept!.held).toBe(false);
    expect(await leases.acquire('heartbeat-test', 'b')).not.toBeNull();
  });

  it('is held without time to spare once its renewals are held up, before it runs out', async () => {
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const leases = new Leases(pool, 3_000);
      const kept = (await leases.keep('spare-test', 'a'))!;
      expect(kept.heldFor(1_500)).toBe(true);
      // The only connection is busy: no renewal gets through.
      const busy = await pool.connect();
      try {
        await new Promise((resolve) => setTimeout(resolve, 1_700));
        expect(kept.held).toBe(true);
        expect(kept.heldFor(1_500)).toBe(false);
      } finally {
        busy.release();
      }
      await eventually(() => expect(kept.heldFor(1_500)).toBe(true), 5_000);
      await kept.release();
    } finally {
      await pool.end();
    }
  });
});
