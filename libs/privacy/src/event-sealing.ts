// Sealing and opening one event's data: pure, given the data keys. The store decorator finds the keys (a batch per
// page) and calls these; tests call them directly.
import { decryptValue, encryptForAll, envelopeOwners, isEnvelope, pathText, type DataKey, type Envelope } from './field-crypto.js';
import { ownerIds, personalDataOf, type FieldPath, type PersonalValue } from './personal-data.js';

/** A contact's key as the key store answers: the key, or gone for good (erased). */
export type KeyState = DataKey | 'destroyed';

type Data = Readonly<Record<string, unknown>>;

export const valueAt = (data: unknown, path: FieldPath): unknown => {
  let current = data;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
};

/** A copy of data with the value at path replaced; only the objects on the path are copied. */
const withValueAt = (data: unknown, path: FieldPath, value: unknown): unknown => {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(data)) return data.map((item, i) => (i === step ? withValueAt(item, rest, value) : item));
  const object = data as Record<string, unknown>;
  return { ...object, [step]: withValueAt(object[step as string], rest, value) };
};

/** The personal values of an event that hold something (absent and null values hold nothing to protect). */
export const personalValuesOf = (type: string, schemaVersion: number, data: unknown): readonly PersonalValue[] => {
  const declaration = personalDataOf(type);
  if (!declaration || data === null || typeof data !== 'object') return [];
  return declaration.values(data as Data, schemaVersion).filter((value) => {
    const stored = valueAt(data, value.path);
    return stored !== undefined && stored !== null;
  });
};

/**
 * The contacts whose keys seal this event (none: it holds no contact's data); 'stream' when only its stream's first
 * event says (an engagement update).
 */
export const ownersOf = (type: string, data: unknown): readonly string[] | 'stream' => {
  const declaration = personalDataOf(type);
  if (!declaration || data === null || typeof data !== 'object') return [];
  const owner = declaration.owner(data as Data);
  return owner === 'stream' ? owner : ownerIds(owner);
};

/**
 * The data to store: each personal value sealed with its owners' keys (several owners: under every one's, so any
 * one's erasure redacts it), or, when an owner's key is destroyed (an append after erasure), the redaction itself, so
 * that no new key is ever made for an erased contact.
 */
export const sealData = (eventId: string, type: string, schemaVersion: number, data: unknown, keys: KeyState | readonly KeyState[]): unknown => {
  const states: readonly KeyState[] = Array.isArray(keys) ? keys : [keys as KeyState];
  const live = states.filter((key): key is DataKey => key !== 'destroyed');
  let sealed = data;
  for (const value of personalValuesOf(type, schemaVersion, data)) {
    const clear = valueAt(data, value.path);
    if (isEnvelope(clear)) continue;
    sealed = withValueAt(sealed, value.path, live.length < states.length ? value.redaction : encryptForAll(live, eventId, value.path, clear));
  }
  return sealed;
};

/** A sealed value opened layer by layer, given its owners' keys (none destroyed: the caller redacts those). */
const openEnvelope = (eventId: string, path: FieldPath, envelope: Envelope, keyOf: (contactId: string) => KeyState | undefined): unknown => {
  for (let layer = envelope; ; ) {
    const key = keyOf(layer.c);
    if (!key || key === 'destroyed') throw new Error(`event ${eventId}: no live data key of contact ${layer.c} was looked up`);
    const inner = decryptValue(key, eventId, path, layer);
    if (layer.cs === undefined) return inner;
    layer = inner as Envelope;
  }
};

export type Opened = Readonly<{ data: unknown; redacted: readonly string[] }>;

/**
 * The data readers see: sealed values opened; values with an owner whose key is destroyed (an owner of the envelope,
 * or one the event declares) replaced by their redaction and listed. A clear value (history written before
 * encryption) of an erased owner is redacted too.
 */
export const openData = (
  eventId: string,
  type: string,
  schemaVersion: number,
  data: unknown,
  keyOf: (contactId: string) => KeyState | undefined,
): Opened => {
  const values = personalValuesOf(type, schemaVersion, data);
  if (values.length === 0) return { data, redacted: [] };
  const declared = ownersOf(type, data);
  let opened = data;
  const redacted: string[] = [];
  for (const value of values) {
    const stored = valueAt(data, value.path);
    const owners = [...(isEnvelope(stored) ? envelopeOwners(stored) : []), ...(declared === 'stream' ? [] : declared)];
    if (owners.some((contactId) => keyOf(contactId) === 'destroyed')) {
      opened = withValueAt(opened, value.path, value.redaction);
      redacted.push(pathText(value.path));
    } else if (isEnvelope(stored)) {
      opened = withValueAt(opened, value.path, openEnvelope(eventId, value.path, stored, keyOf));
    }
  }
  return { data: opened, redacted };
};

/** The contacts whose keys opening these events needs: the owners of every envelope layer and the declared owners. */
export const keyOwnersOf = (events: Iterable<Readonly<{ type: string; data: unknown; metadata: { schemaVersion: number } }>>): Set<string> => {
  const owners = new Set<string>();
  for (const event of events) {
    const values = personalValuesOf(event.type, event.metadata.schemaVersion, event.data);
    if (values.length === 0) continue;
    const declared = ownersOf(event.type, event.data);
    if (declared !== 'stream') for (const owner of declared) owners.add(owner);
    for (const value of values) {
      const stored = valueAt(event.data, value.path);
      if (isEnvelope(stored)) for (const owner of envelopeOwners(stored)) owners.add(owner);
    }
  }
  return owners;
};
