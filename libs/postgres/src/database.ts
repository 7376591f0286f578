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

const ignore = (): void => undefined;

/**
 * Keeps a lost connection from killing the process. pg-pool listens for a client's 'error' only while the client is
 * idle in the pool; a checked-out client whose connection drops between queries (the server terminated it, a
 * failover) would emit an 'error' with no listener, which Node throws as an uncaught exception. With a listener the
 * work in flight fails on its own (its next query is refused) and pg-pool destroys the client when it is released.
 * Installed on every client at its first checkout, also on pools created elsewhere (TypeORM's).
 */
export const guardConnections = (pool: pg.Pool): void => {
  pool.on('error', ignore); // an idle client's broken socket is replaced on next checkout
  pool.on('acquire', (client) => {
    // Idempotent: the same listener is added once however often the client is checked out.
    client.off('error', ignore).on('error', ignore);
  });
};

// SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down or starting), 53300 (too many
// connections), and the socket-level failures Node and pg report without a SQLSTATE.
const CONNECTION_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const CONNECTION_ERRNOS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = [
  'Connection terminated unexpectedly',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * Whether `error` says the database could not be reached or dropped the connection: transient (another attempt on
 * a new connection may succeed), never a verdict on the data. Looks through TypeORM's `driverError` and `cause`.
 */
export const isConnectionError = (error: unknown): boolean => {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { code, message } = current as Error & { code?: unknown };
    if (typeof code === 'string' && (CONNECTION_SQLSTATES.test(code) || CONNECTION_ERRNOS.has(code))) return true;
    if (CONNECTION_MESSAGES.some((known) => message.includes(known))) return true;
    current = (current as { driverError?: unknown }).driverError ?? current.cause;
  }
  return false;
};

// pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Two processes creating it at
// once race on the catalog's unique index; the loser finds it there.
const createExtensions = async (pool: pg.Pool): Promise<void> => {
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
  }
};

export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  if (options.kind === 'server') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    guardConnections(pool);
    await createExtensions(pool);
    return { pool, url: options.url, embedded: false, close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  // pg_trgm: record search and the lists' `q` filter (trigram indexes work on any script, CJK and Thai included).
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const settings = { extensions: { pg_trgm }, ...(options.template ? { loadDataDir: options.template } : {}) };
  const db = options.dataDir ? new PGlite(options.dataDir, settings) : new PGlite(settings);
  await db.waitReady;
  await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  const maxConnections = options.maxConnections ?? 8;
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxConnections + 8 });
  serialiseByConnection(server);
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  guardConnections(pool);
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
  // A client whose connection failed (or whose rollback did) is destroyed on release, never handed out again.
  let broken: Error | undefined;
  const onError = (error: Error) => (broken ??= error);
  client.on('error', onError);
  try {
    await client.query(options.durable === false ? 'BEGIN; SET LOCAL synchronous_commit TO off' : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
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
