// Per-contact data keys in PostgreSQL, wrapped by the master key. Destroying a contact's key deletes its row and
// leaves a tombstone: the key cannot come back, and no later append makes a new one (it stores the redaction).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { migrate, type Migration } from '#postgres';
import type { KeyState } from './event-sealing.js';
import type { MasterKeyRing } from './master-key.js';

const migrations: Migration[] = [
  {
    id: '001_data_keys',
    sql: `
      CREATE TABLE tally_data_keys (
        contact_id text PRIMARY KEY,
        key_version integer NOT NULL,
        wrapped text NOT NULL,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tally_data_keys_master_key ON tally_data_keys (master_key_id);
      CREATE TABLE tally_data_key_tombstones (
        contact_id text PRIMARY KEY,
        destroyed_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

export type DataKeyStoreOptions = Readonly<{
  /** Unwrapped keys held in memory, least recently used dropped first. */
  cacheSize?: number;
  /**
   * How long a key read here is used without asking the table again: the bound on how long another process may still
   * decrypt a contact after its key was destroyed there. Destroy in this process takes effect at once.
   */
  cacheTtlMs?: number;
  now?: () => number;
}>;

type KeyRow = { contact_id: string; key_version: number | null; wrapped: string | null; master_key_id: string | null; destroyed: boolean };

const KEY_VERSION = 1;
const wrapContext = (contactId: string, version: number): string => `tally-data-key:${contactId}:${version}`;

export class DataKeyStore {
  private readonly cache = new Map<string, { state: KeyState; until: number }>();
  // Keys destroyed by this process: a lookup that raced the destroy may not put the key back in the cache.
  private readonly destroyedHere = new Set<string>();
  private readonly cacheSize: number;
  private readonly cacheTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly masterKeys: MasterKeyRing,
    options: DataKeyStoreOptions = {},
  ) {
    this.cacheSize = options.cacheSize ?? 50_000;
    this.cacheTtlMs = options.cacheTtlMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_privacy_migrations', migrations);
  }

  /**
   * The keys of these contacts, one query for those not cached. With `create`, contacts without a key (and never
   * erased) get one: an append's path. Without, a contact with no key is left out of the answer: nothing of theirs
   * was ever sealed.
   */
  async keys(contactIds: Iterable<string>, options: Readonly<{ create?: boolean }> = {}): Promise<Map<string, KeyState>> {
    const found = new Map<string, KeyState>();
    const missing: string[] = [];
    const now = this.now();
    for (const contactId of new Set(contactIds)) {
      const cached = this.cache.get(contactId);
      if (cached && (cached.state === 'destroyed' || cached.until > now)) {
        // Re-inserted: the Map's order is the recency order the bound evicts by.
        this.cache.delete(contactId);
        this.cache.set(contactId, cached);
        found.set(contactId, cached.state);
      } else missing.push(contactId);
    }
    if (missing.length === 0) return found;
    let rows = options.create ? await this.lookupOrCreate(missing) : await this.lookup(missing);
    // A key another process created while this statement ran is outside its snapshot: read it back.
    if (options.create && rows.some((row) => !row.destroyed && row.wrapped === null)) rows = await this.lookup(missing);
    for (const row of rows) {
      const state = await this.stateOf(row);
      if (state === undefined) continue;
      found.set(row.contact_id, state);
      this.remember(row.contact_id, state);
    }
    return found;
  }

  async isDestroyed(contactId: string): Promise<boolean> {
    if (this.destroyedHere.has(contactId)) return true;
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_data_key_tombstones WHERE contact_id = $1', [contactId]);
    return rows[0].n > 0;
  }

  /** Irrecoverable and idempotent: the wrapped key is deleted and a tombstone keeps it from being made again. */
  async destroy(contactId: string): Promise<void> {
    this.destroyedHere.add(contactId);
    await this.destroyAll([contactId]);
  }

  /**
   * destroy() for many contacts in one statement: the start-up sweep's. Not added to `destroyedHere`, which only
   * guards a lookup racing a destroy in this process: the sweep's erasures are recorded before the process started.
   */
  async destroyAll(contactIds: readonly string[]): Promise<void> {
    if (contactIds.length === 0) return;
    for (const contactId of contactIds) this.cache.delete(contactId);
    // One statement, so the tombstones and the deletions commit together.
    await this.pool.query(
      `WITH tombstone AS (INSERT INTO tally_data_key_tombstones (contact_id) SELECT unnest($1::text[]) ON CONFLICT (contact_id) DO NOTHING)
       DELETE FROM tally_data_keys WHERE contact_id = ANY($1::text[])`,
      [contactIds],
    );
    for (const contactId of contactIds) this.remember(contactId, 'destroyed');
  }

  /**
   * Master-key rotation: every data key wrapped by a previous master key is unwrapped and wrapped again by the current
   * one, a batch at a time. Returns how many were re-wrapped; 0 once done (cheap to run at every start).
   */
  async rewrap(batchSize = 500): Promise<number> {
    const current = this.masterKeys.current;
    let rewrapped = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ contact_id: string; key_version: number; wrapped: string; master_key_id: string }>(
        'SELECT contact_id, key_version, wrapped, master_key_id FROM tally_data_keys WHERE master_key_id <> $1 ORDER BY contact_id LIMIT $2',
        [current.id, batchSize],
      );
      if (rows.length === 0) return rewrapped;
      for (const row of rows) {
        const context = wrapContext(row.contact_id, row.key_version);
        const key = await this.masterKeys.find(row.master_key_id).unwrap(Buffer.from(row.wrapped, 'base64'), context);
        const wrapped = await current.wrap(key, context);
        // Guarded by the old master key id: a concurrent re-wrap or destroy wins.
        const updated = await this.pool.query(
          'UPDATE tally_data_keys SET wrapped = $2, master_key_id = $3 WHERE contact_id = $1 AND master_key_id = $4',
          [row.contact_id, wrapped.toString('base64'), current.id, row.master_key_id],
        );
        rewrapped += updated.rowCount ?? 0;
      }
    }
  }

  private async lookup(contactIds: readonly string[]): Promise<KeyRow[]> {
    const { rows } = await this.pool.query<KeyRow>(
      `SELECT i.contact_id, k.key_version, k.wrapped, k.master_key_id, t.contact_id IS NOT NULL AS destroyed
         FROM unnest($1::text[]) AS i(contact_id)
         LEFT JOIN tally_data_keys k ON k.contact_id = i.contact_id
         LEFT JOIN tally_data_key_tombstones t ON t.contact_id = i.contact_id`,
      [contactIds],
    );
    return rows;
  }

  /**
   * An append's path in one round trip: new keys for the contacts without one (never for a tombstoned contact; a
   * concurrent creator's key wins through ON CONFLICT), and every contact's key row. Wrapping a spare key for a
   * contact that has one already costs microseconds; a second query per new contact cost a third of append speed.
   */
  private async lookupOrCreate(contactIds: readonly string[]): Promise<KeyRow[]> {
    const current = this.masterKeys.current;
    const wrapped = await Promise.all(contactIds.map(async (contactId) => (await current.wrap(randomBytes(32), wrapContext(contactId, KEY_VERSION))).toString('base64')));
    const { rows } = await this.pool.query<KeyRow>(
      `WITH n AS (SELECT * FROM unnest($1::text[], $4::text[]) AS n(contact_id, wrapped)),
       created AS (
         INSERT INTO tally_data_keys (contact_id, key_version, wrapped, master_key_id)
         SELECT n.contact_id, $2, n.wrapped, $3 FROM n
          WHERE NOT EXISTS (SELECT 1 FROM tally_data_key_tombstones t WHERE t.contact_id = n.contact_id)
         ON CONFLICT (contact_id) DO NOTHING
         RETURNING contact_id, key_version, wrapped, master_key_id)
       SELECT n.contact_id,
              coalesce(c.key_version, k.key_version) AS key_version,
              coalesce(c.wrapped, k.wrapped) AS wrapped,
              coalesce(c.master_key_id, k.master_key_id) AS master_key_id,
              t.contact_id IS NOT NULL AS destroyed
         FROM n
         LEFT JOIN created c ON c.contact_id = n.contact_id
         LEFT JOIN tally_data_keys k ON k.contact_id = n.contact_id
         LEFT JOIN tally_data_key_tombstones t ON t.contact_id = n.contact_id`,
      [contactIds, KEY_VERSION, current.id, wrapped],
    );
    return rows;
  }

  private async stateOf(row: KeyRow): Promise<KeyState | undefined> {
    if (row.destroyed || this.destroyedHere.has(row.contact_id)) {
      // A key created in a race with the destroy (both committed): the tombstone wins, the key goes.
      if (row.wrapped !== null) await this.pool.query('DELETE FROM tally_data_keys WHERE contact_id = $1', [row.contact_id]);
      return 'destroyed';
    }
    if (row.wrapped === null || row.master_key_id === null || row.key_version === null) return undefined;
    const unwrapped = await this.masterKeys.find(row.master_key_id).unwrap(Buffer.from(row.wrapped, 'base64'), wrapContext(row.contact_id, row.key_version));
    // A small Buffer is a view of an 8 KiB slab shared with other allocations, and a cached key kept its whole slab
    // alive: some 8 KiB per contact, up to 400 MiB for a full cache. Buffer.alloc is never pooled.
    const key = Buffer.alloc(unwrapped.length);
    unwrapped.copy(key);
    return { contactId: row.contact_id, version: row.key_version, key };
  }

  private remember(contactId: string, state: KeyState): void {
    if (state !== 'destroyed' && this.destroyedHere.has(contactId)) return;
    this.cache.delete(contactId);
    this.cache.set(contactId, { state, until: this.now() + this.cacheTtlMs });
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
  }
}
