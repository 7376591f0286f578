// One personal value in a stored event, encrypted with its contact's data key (AES-256-GCM). The envelope names
// its format version, owner and key version, so a reader needs no catalog to open it; the associated data binds it
// to its event and field, so a ciphertext copied into another event or field does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldPath } from './personal-data.js';

export const ENVELOPE_VERSION = 1;

/**
 * `{"$enc":1,"c":contactId,"k":keyVersion,"iv":base64,"ct":base64(ciphertext + 16-byte tag)}` in the event's data.
 * A value of several contacts is sealed in layers, one per contact: `cs` names the owners of the layers inside,
 * outermost first, and the ciphertext holds the next layer's envelope. A value of one contact has no `cs`.
 */
export type Envelope = Readonly<{ $enc: typeof ENVELOPE_VERSION; c: string; k: number; cs?: readonly string[]; iv: string; ct: string }>;

export type DataKey = Readonly<{ contactId: string; version: number; key: Buffer }>;

export class EnvelopeRefused extends Error {
  readonly code = 'ENVELOPE_REFUSED';
  constructor(readonly eventId: string, readonly path: string, reason: string) {
    super(`event ${eventId}, ${path}: ${reason}`);
  }
}

const TAG_BYTES = 16;
const IV_BYTES = 12;

export const isEnvelope = (value: unknown): value is Envelope =>
  value !== null && typeof value === 'object' && (value as { $enc?: unknown }).$enc !== undefined && typeof (value as Envelope).c === 'string';

/** Every contact whose key opening the value needs, outermost layer first. */
export const envelopeOwners = (envelope: Envelope): readonly string[] => [envelope.c, ...(envelope.cs ?? [])];

export const pathText = (path: FieldPath): string => path.join('.');

// A layer's associated data also names the owners inside it, so no layer can be stripped, added or re-labelled.
// Without inner owners it is the one-layer form, so every envelope stored before layers existed still opens.
const associatedData = (eventId: string, path: FieldPath, contactId: string, keyVersion: number, inner: readonly string[]): Buffer => {
  const bound = [ENVELOPE_VERSION, eventId, pathText(path), contactId, keyVersion];
  return Buffer.from(JSON.stringify(inner.length === 0 ? bound : [...bound, inner]), 'utf8');
};

const sealLayer = (key: DataKey, eventId: string, path: FieldPath, value: unknown, inner: readonly string[]): Envelope => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(associatedData(eventId, path, key.contactId, key.version, inner));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const layers = inner.length > 0 ? { cs: inner } : {};
  return { $enc: ENVELOPE_VERSION, c: key.contactId, k: key.version, ...layers, iv: iv.toString('base64'), ct: ct.toString('base64') };
};

/** The value is stored as JSON, so strings, numbers and booleans come back as they went in. */
export const encryptValue = (key: DataKey, eventId: string, path: FieldPath, value: unknown): Envelope => sealLayer(key, eventId, path, value, []);

/** One more layer around a sealed value: opening it then needs this key as well. */
export const encryptLayer = (key: DataKey, eventId: string, path: FieldPath, inner: Envelope): Envelope =>
  sealLayer(key, eventId, path, inner, envelopeOwners(inner));

/**
 * Sealed under every key, the first innermost: opening needs them all, so destroying any one of them leaves the value
 * unreadable. One key gives encryptValue's envelope.
 */
export const encryptForAll = (keys: readonly DataKey[], eventId: string, path: FieldPath, value: unknown): Envelope => {
  if (keys.length === 0) throw new Error(`event ${eventId}, ${pathText(path)}: no key to seal with`);
  return keys.slice(1).reduce((sealed, key) => encryptLayer(key, eventId, path, sealed), encryptValue(keys[0], eventId, path, value));
};

const sameOwners = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((owner, i) => owner === b[i]);

/** Opens one layer: the clear value, or, when `cs` names inner owners, the next layer's envelope. */
export const decryptValue = (key: DataKey, eventId: string, path: FieldPath, envelope: Envelope): unknown => {
  if (envelope.$enc !== ENVELOPE_VERSION) throw new EnvelopeRefused(eventId, pathText(path), `unknown envelope version ${String(envelope.$enc)}`);
  if (envelope.c !== key.contactId || envelope.k !== key.version) {
    throw new EnvelopeRefused(eventId, pathText(path), `sealed with key ${envelope.c}#${envelope.k}, not ${key.contactId}#${key.version}`);
  }
  const inner = envelope.cs ?? [];
  if (!Array.isArray(inner) || (envelope.cs !== undefined && inner.length === 0) || inner.some((owner) => typeof owner !== 'string')) {
    throw new EnvelopeRefused(eventId, pathText(path), 'malformed inner owners');
  }
  const sealed = Buffer.from(envelope.ct, 'base64');
  if (sealed.length < TAG_BYTES) throw new EnvelopeRefused(eventId, pathText(path), 'ciphertext too short');
  let clear: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(envelope.iv, 'base64'));
    decipher.setAAD(associatedData(eventId, path, key.contactId, key.version, inner));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    clear = JSON.parse(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8'));
  } catch {
    // GCM says only that the tag did not match: tampered, or moved from another event or field.
    throw new EnvelopeRefused(eventId, pathText(path), 'does not authenticate (tampered, or not sealed for this event and field)');
  }
  // Authenticated, so only a sealing bug gets here; the reader peels layers trusting this.
  if (inner.length > 0 && !(isEnvelope(clear) && sameOwners(envelopeOwners(clear), inner))) {
    throw new EnvelopeRefused(eventId, pathText(path), 'the inner layer is not the one its owners name');
  }
  return clear;
};
