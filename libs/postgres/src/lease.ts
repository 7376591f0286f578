// A named lease in a table: one holder at a time, taken over once it expires, with a token that grows on every
// change of holder. Plain SQL, so it excludes across processes on a server and across connections of one PGlite
// (whose connections share a single session: session advisory locks would not exclude there). The token fences:
// work done under a lease commits only if `fence` finds the same token in the same transaction.
import type pg from 'pg';
import { migrate, type Migration } from './database.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export type LeaseGrant = Readonly<{ name: string; holder: string; token: string }>;

export type LeaseState = Readonly<{ name: string; holder: string; token: string; expiresAt: Date }>;

/** The lease changed hands: the work done under the old grant must not commit. */
export class LeaseLost extends Error {
  readonly code = 'LEASE_LOST';
  constructor(readonly grant: LeaseGrant) {
    super(`lease ${grant.name} is no longer held by ${grant.holder} (token ${grant.token})`);
  }
}

const leaseMigrations: readonly Migration[] = [
  {
    id: '0001-leases',
    sql: `
CREATE TABLE tally_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  -- Grows on every change of holder and never goes back (a release expires the row, it does not delete it).
  token bigint NOT NULL,
  expires_at timestamptz NOT NULL
);`,
  },
];

export class Leases {
  constructor(
    private readonly pool: pg.Pool,
    /** How long a grant lasts without a renewal; a dead holder's lease is free after this. */
    readonly ttlMs: number,
  ) {}

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_lease_migrations', leaseMigrations);
  }

  /**
   * The lease for `holder`, when it is free, expired or already this holder's; null while another holds it. The
   * database's clock decides expiry, so processes never compare their own clocks.
   */
  async acquire(name: string, holder: string): Promise<LeaseGrant | null> {
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO tally_leases AS l (name, holder, token, expires_at)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE
          SET holder = EXCLUDED.holder,
              token = CASE WHEN l.holder = EXCLUDED.holder AND l.expires_at > now() THEN l.token ELSE l.token + 1 END,
              expires_at = EXCLUDED.expires_at
        WHERE l.holder = EXCLUDED.holder OR l.expires_at <= now()
       RETURNING token::text`,
      [name, holder, this.ttlMs],
    );
    return rows[0] ? { name, holder, token: rows[0].token } : null;
  }

  /** Extends the grant; false when another holder has taken the lease. */
  async renew(grant: LeaseGrant): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE tally_leases SET expires_at = now() + $4 * interval '1 millisecond'
        WHERE name = $1 AND holder = $2 AND token = $3::bigint`,
      [grant.name, grant.holder, grant.token, this.ttlMs],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Frees the lease at once for the next holder; the row stays so that the token keeps growing. */
  async release(grant: LeaseGrant): Promise<void> {
    await this.pool.query(
      `UPDATE tally_leases SET expires_at = '-infinity' WHERE name = $1 AND holder = $2 AND token = $3::bigint`,
      [grant.name, grant.holder, grant.token],
    );
  }

  async state(name: string): Promise<LeaseState | null> {
    const { rows } = await this.pool.query<{ holder: string; token: string; expires_at: Date }>(
      'SELECT holder, token::text, expires_at FROM tally_leases WHERE name = $1',
      [name],
    );
    return rows[0] ? { name, holder: rows[0].holder, token: rows[0].token, expiresAt: rows[0].expires_at } : null;
  }

  /**
   * Acquires the lease and keeps it with a renewal every third of the ttl until released; null while another
   * holds it.
   */
  async keep(name: string, holder: string, onError: (error: unknown) => void = () => undefined): Promise<KeptLease | null> {
    const sentAt = performance.now();
    const grant = await this.acquire(name, holder);
    return grant ? new KeptLease(this, grant, sentAt, onError) : null;
  }

  /**
   * Inside the transaction that commits work done under `grant`: throws LeaseLost unless the grant still holds.
   * The row lock makes a takeover wait for this commit, so the next holder starts from what it wrote. An expired
   * grant that nobody took over still passes: no other holder can have done the same work.
   */
  static async fence(tx: Queryable, grant: LeaseGrant): Promise<void> {
    const { rowCount } = await tx.query(
      'SELECT 1 FROM tally_leases WHERE name = $1 AND holder = $2 AND token = $3::bigint FOR UPDATE',
      [grant.name, grant.holder, grant.token],
    );
    if ((rowCount ?? 0) === 0) throw new LeaseLost(grant);
  }

  /**
   * `fence` for several grants in one statement, for work that commits together: answers the grants that no longer
   * hold (the caller leaves their work out), and locks the rows of the others until the transaction ends.
   */
  static async fenceAll(tx: Queryable, grants: readonly LeaseGrant[]): Promise<LeaseGrant[]> {
    if (grants.length === 0) return [];
    const { rows } = await tx.query<{ name: string; holder: string; token: string }>(
      `SELECT l.name, l.holder, l.token::text FROM tally_leases l
         JOIN unnest($1::text[], $2::text[], $3::bigint[]) AS g(name, holder, token)
           ON l.name = g.name AND l.holder = g.holder AND l.token = g.token
        ORDER BY l.name
          FOR UPDATE OF l`,
      [grants.map((g) => g.name), grants.map((g) => g.holder), grants.map((g) => g.token)],
    );
    const held = new Set(rows.map((row) => `${row.name}\u0000${row.holder}\u0000${row.token}`));
    return grants.filter((g) => !held.has(`${g.name}\u0000${g.holder}\u0000${g.token}`));
  }
}

/** A grant kept alive by heartbeats. `held` turns false once a renewal finds it taken or the ttl passed without one. */
export class KeptLease {
  private validUntil: number;
  private taken = false;
  private renewing: Promise<void> | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly leases: Leases,
    readonly grant: LeaseGrant,
    acquiredAt: number,
    private readonly onError: (error: unknown) => void,
  ) {
    // Measured from when the request was sent: the database's expiry is at least that late.
    this.validUntil = acquiredAt + leases.ttlMs;
    this.heartbeat = setInterval(() => {
      this.renewing ??= this.renew().finally(() => (this.renewing = null));
    }, Math.max(1, Math.floor(leases.ttlMs / 3)));
    this.heartbeat.unref();
  }

  get held(): boolean {
    return this.heldFor(0);
  }

  /**
   * Held with at least `ms` of it left. Work whose effect leaves the database (an HTTP delivery) starts only then: a
   * fence stops a late commit, not a request already sent, and once the lease runs out another holder sends again.
   */
  heldFor(ms: number): boolean {
    return !this.taken && performance.now() + ms < this.validUntil;
  }

  /** Stops the heartbeats and frees the lease for the next holder. */
  async release(): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.taken) return;
    this.taken = true;
    // A renewal landing after the release would hold the lease for another ttl.
    await this.renewing;
    try {
      await this.leases.release(this.grant);
    } catch (error) {
      // It expires by itself within the ttl.
      this.onError(error);
    }
  }

  private async renew(): Promise<void> {
    if (this.taken) return;
    const sentAt = performance.now();
    try {
      if (await this.leases.renew(this.grant)) this.validUntil = sentAt + this.leases.ttlMs;
      else {
        this.taken = true;
        clearInterval(this.heartbeat);
      }
    } catch (error) {
      // Unreachable database: the grant still runs out on time, and `fence` guards any late commit.
      this.onError(error);
    }
  }
}
