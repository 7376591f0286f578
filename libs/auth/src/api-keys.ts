// API keys: `tly_<keyId>_<secret>`. The secret is shown once; only a keyed hash (HMAC-SHA256 with a server-side
// pepper) is stored, and it is compared in constant time. Keyed rather than slow: every request checks a key, and
// a leaked table without the pepper still reveals nothing.
// A verified key is remembered for a few seconds so that a busy client costs no lookup per request: a revocation
// through the same ApiKeys (the api's DELETE /v1/keys) takes effect at once, one through another process (the CLI,
// a second api) within `verifiedForMs`. Refusals are never remembered: a new key works at once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { migrate, type Migration } from '#postgres';
import { ROLES, type Role } from './roles.js';

/** ownerId: the owner the key acts for (a rep's own key), or null for a key of no one in particular. */
export type ApiKey = Readonly<{
  keyId: string;
  name: string;
  role: Role;
  ownerId: string | null;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}>;

export type CreatedKey = ApiKey & Readonly<{ secret: string }>;

const KEY_FORMAT = /^tly_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;

const migrations: readonly Migration[] = [
  {
    id: '0001-api-keys',
    sql: `
CREATE TABLE tally_api_keys (
  key_id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  secret_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  revoked_at timestamptz
);`,
  },
  // Keys made before owners could be bound stay unbound.
  { id: '0002-api-key-owner', sql: `ALTER TABLE tally_api_keys ADD COLUMN owner_id text;` },
];

type Row = {
  key_id: string;
  name: string;
  role: Role;
  owner_id: string | null;
  secret_hash: Buffer;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
};

const toKey = (row: Row): ApiKey => ({
  keyId: row.key_id,
  name: row.name,
  role: row.role,
  ownerId: row.owner_id,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export type ApiKeysOptions = Readonly<{
  /** How long a verified key is trusted without a lookup; 0 checks the table on every request. */
  verifiedForMs?: number;
  now?: () => number;
}>;

/** Bounds the memory a flood of distinct valid keys could take; the cache starts over past it. */
const MAX_REMEMBERED = 10_000;

export class ApiKeys {
  // By `keyId:hash of the presented secret`, so no secret is held in memory beyond the request.
  private readonly verified = new Map<string, { key: ApiKey; until: number }>();
  // Revocation is permanent: remembering the ids revoked here keeps a lookup that raced the revoke out of the cache.
  private readonly revokedHere = new Set<string>();
  private readonly verifiedForMs: number;
  private readonly now: () => number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly pepper: Buffer,
    options: ApiKeysOptions = {},
  ) {
    if (pepper.length < 32) throw new Error('the api-key pepper must be at least 32 bytes');
    this.verifiedForMs = options.verifiedForMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_auth_migrations', migrations);
  }

  private hash(secret: string): Buffer {
    return createHmac('sha256', this.pepper).update(secret).digest();
  }

  /** `ownerId` binds the key to an owner (the caller checks that the owner exists: this table knows no owners). */
  async create(name: string, role: Role, createdBy: string, options: Readonly<{ ownerId?: string }> = {}): Promise<CreatedKey> {
    if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
    const keyId = randomBytes(10).toString('hex').slice(0, 16);
    const secretPart = randomBytes(32).toString('base64url');
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO tally_api_keys (key_id, name, role, owner_id, secret_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [keyId, name, role, options.ownerId ?? null, this.hash(secretPart), createdBy],
    );
    return { ...toKey(rows[0]), secret: `tly_${keyId}_${secretPart}` };
  }

  /** The key behind a presented secret, or null when it is malformed, unknown, wrong or revoked. */
  async verify(presented: string): Promise<ApiKey | null> {
    const match = KEY_FORMAT.exec(presented);
    if (!match) return null;
    const presentedHash = this.hash(match[2]);
    const cacheKey = `${match[1]}:${presentedHash.toString('base64url')}`;
    const remembered = this.verified.get(cacheKey);
    if (remembered && remembered.until > this.now()) return remembered.key;
    this.verified.delete(cacheKey);
    const { rows } = await this.pool.query<Row>('SELECT * FROM tally_api_keys WHERE key_id = $1', [match[1]]);
    const row = rows[0];
    const expected = row?.secret_hash ?? Buffer.alloc(32);
    const matches = timingSafeEqual(expected, presentedHash);
    if (!row || !matches || row.revoked_at || this.revokedHere.has(row.key_id)) return null;
    const key = toKey(row);
    if (this.verifiedForMs > 0) {
      if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
      this.verified.set(cacheKey, { key, until: this.now() + this.verifiedForMs });
    }
    return key;
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM tally_api_keys ORDER BY created_at, key_id');
    return rows.map(toKey);
  }

  async revoke(keyId: string): Promise<ApiKey | null> {
    const { rows } = await this.pool.query<Row>(
      'UPDATE tally_api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE key_id = $1 RETURNING *',
      [keyId],
    );
    if (!rows[0]) return null;
    this.revokedHere.add(keyId);
    for (const cacheKey of this.verified.keys()) if (cacheKey.startsWith(`${keyId}:`)) this.verified.delete(cacheKey);
    return toKey(rows[0]);
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_api_keys WHERE revoked_at IS NULL');
    return rows[0].n;
  }
}
