// One driver path for both deployments: `pg` talks to a PostgreSQL server, or to PGlite (PostgreSQL in WASM)
// through PGlite's socket server in this process. The socket server runs one transaction (and one query) at a time
// across its connections, so code must never wait on a second connection while holding a transaction open.
import pg from 'pg';
import { serialiseByConnection } from './pglite-serialisation.js';

// bigint (int8) and numeric arrive as strings; parse int8 as BigInt only where a caller asks for it.
export type Database = Readonly<{
  pool: pg.Pool;
  /** A connection string other clients (TypeORM, a CLI) can use to reach the same database. */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}>;

export type DatabaseOptions =
  | Readonly<{ kind: 'server'; url: string; maxConnections?: number }>
  | Readonly<{ kind: 'embedded'; dataDir: string | null; maxConnections?: number; template?: Blob }>;

export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  if (options.kind === 'server') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    pool.on('error', () => undefined); // an idle client's broken socket is replaced on next checkout
    return { pool, url: options.url, embedded: false, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = options.dataDir
    ? new PGlite(options.dataDir, options.template ? { loadDataDir: options.template } : {})
    : new PGlite(options.template ? { loadDataDir: options.template } : {});
  await db.waitReady;
  const maxConnections = options.maxConnections ?? 8;
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxConnections + 8 });
  serialiseByConnection(server);
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  pool.on('error', () => undefined);
  return {
    pool,
    url,
    embedded: true,
    close: async () => {
      await pool.end();
      await server.stop();
      await db.close();
    },
  };
};

export type TransactionOptions = Readonly<{
  /**
   * false: COMMIT returns without waiting for the disk; a database crash may then lose the transaction, whole. For
   * work that can be done again from a durable source (a projection's batch, from the log).
   */
  durable?: boolean;
}>;

/** Runs `work` in one transaction on one connection; rolls back when it throws. */
export const inTransaction = async <T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query(options.durable === false ? 'BEGIN; SET LOCAL synchronous_commit TO off' : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

export type Migration = Readonly<{ id: string; sql: string }>;

/**
 * Applies the migrations not yet applied, in order, each in its own transaction. Explicit, append-only SQL: a
 * migration that shipped is never edited. An advisory lock keeps two starting processes from racing.
 */
export const migrate = async (pool: pg.Pool, table: string, migrations: readonly Migration[]): Promise<string[]> => {
  const applied: string[] = [];
  await inTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [table]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${table} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ id: string }>(`SELECT id FROM ${table}`)).rows.map((r) => r.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${table} (id) VALUES ($1)`, [migration.id]);
      applied.push(migration.id);
    }
  });
  return applied;
};
