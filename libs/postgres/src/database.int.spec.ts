import type pg from 'pg';
import { createTestDatabase, eventually, serverUrl, type TestDatabase } from '#test/support/test-database';
import { inTransaction, isConnectionError } from './database.js';

// pg emits a broken socket's 'error' from the event loop; with no listener Node throws it as an uncaught exception,
// which jest reports against the running test.
const emitSoon = (client: pg.PoolClient, error: Error) =>
  new Promise<void>((resolve) =>
    setImmediate(() => {
      try {
        client.emit('error', error);
      } finally {
        resolve();
      }
    }),
  );

describe('a checked-out connection that fails', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("survives an 'error' between the queries of a transaction, and the client is destroyed, not reused", async () => {
    let used: pg.PoolClient | undefined;
    await inTransaction(db.pool, async (tx) => {
      used = tx;
      await tx.query('SELECT 1');
      await emitSoon(tx, new Error('Connection terminated unexpectedly'));
    });
    const next = await db.pool.connect();
    try {
      expect(next === used).toBe(false);
    } finally {
      next.release();
    }
  });

  it("survives an 'error' on a client checked out with pool.connect() by other code", async () => {
    const client = await db.pool.connect();
    try {
      await emitSoon(client, new Error('Connection terminated unexpectedly'));
    } finally {
      client.release(true);
    }
    expect((await db.pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('tells a lost or refused connection from an error about the data', () => {
    const pgError = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
    const transient = [
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('08006'),
      pgError('57P03', 'the database system is starting up'),
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      // TypeORM's QueryFailedError keeps the driver's error.
      Object.assign(new Error('Query failed'), { driverError: pgError('57P01') }),
    ];
    const permanent = [pgError('23505', 'duplicate key'), pgError('42P01'), pgError('22003', 'numeric field overflow'), new Error('boom'), null, 'x'];
    expect(transient.filter((error) => !isConnectionError(error))).toEqual([]);
    expect(permanent.filter((error) => isConnectionError(error))).toEqual([]);
  });
});

(serverUrl() ? describe : describe.skip)('a transaction whose backend is terminated (server only)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('postgres', 4);
  });
  afterAll(async () => {
    await db.close();
  });

  it('fails with a connection error while the process lives, and the pool recovers', async () => {
    await db.pool.query('CREATE TABLE written (n int)');
    const attempt = inTransaction(db.pool, async (tx) => {
      await tx.query('INSERT INTO written VALUES (1)');
      const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const ended = new Promise((resolve) => tx.once('end', resolve));
      await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      // The connection is gone while this work holds the client between queries. (Without a listener the client's
      // 'end' never comes: the uncaught 'error' is thrown first; the backend's exit still ends the wait.)
      const backendGone = eventually(async () => {
        const { rowCount } = await db.pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [rows[0].pid]);
        expect(rowCount).toBe(0);
      });
      await Promise.race([ended, backendGone]);
      await tx.query('INSERT INTO written VALUES (2)');
    });
    const failure = await attempt.then(
      () => null,
      (error: unknown) => error,
    );
    expect(isConnectionError(failure)).toBe(true);
    expect((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM written')).rows).toEqual([{ n: '0' }]);
  });
});
