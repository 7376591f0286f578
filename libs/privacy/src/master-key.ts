// The key that wraps the data keys at rest. Local: AES-256-GCM under a 32-byte key from configuration; a KMS
// implements the same two calls (wrap, unwrap) and the key store does not change.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface MasterKey {
  /** Stored with each wrapped key, so a rotated-out master key is found for unwrapping and re-wrapping. */
  readonly id: string;
  /** context: what the wrapped key is for (contact and key version); unwrapping under another context fails. */
  wrap(dataKey: Buffer, context: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, context: string): Promise<Buffer>;
}

export class MasterKeyUnavailable extends Error {
  readonly code = 'MASTER_KEY_UNAVAILABLE';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Parses TALLY_MASTER_KEY-style text: base64 (or base64url) of exactly 32 bytes. */
export const parseMasterKey = (text: string): Buffer | null => {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : null;
};

export class LocalMasterKey implements MasterKey {
  readonly id: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('a master key is 32 bytes');
    // A fingerprint, not the key: it tells which master key wrapped a row without revealing it.
    this.id = `local:${createHash('sha256').update('tally-master-key').update(key).digest('hex').slice(0, 16)}`;
  }

  async wrap(dataKey: Buffer, context: string): Promise<Buffer> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    return Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  }

  async unwrap(wrapped: Buffer, context: string): Promise<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', this.key, wrapped.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
  }
}

/** The current master key wraps; the previous ones (TALLY_MASTER_KEY_PREVIOUS) only unwrap until re-wrapped. */
export class MasterKeyRing {
  private readonly byId: ReadonlyMap<string, MasterKey>;

  constructor(
    readonly current: MasterKey,
    readonly previous: readonly MasterKey[] = [],
  ) {
    this.byId = new Map([current, ...previous].map((key) => [key.id, key]));
  }

  find(id: string): MasterKey {
    const key = this.byId.get(id);
    if (!key) {
      throw new MasterKeyUnavailable(
        `a data key is wrapped by master key ${id}, which is neither TALLY_MASTER_KEY nor in TALLY_MASTER_KEY_PREVIOUS: ` +
          'start with the master key this database was set up with (see README, "Personal data and erasure")',
      );
    }
    return key;
  }
}
