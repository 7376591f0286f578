import { createHash, randomUUID } from 'node:crypto';

// Who asked, why, and when: read once at the edge (HTTP, CLI, import) and carried into every event's metadata.
export type RequestContext = Readonly<{
  actor: string;
  correlationId: string;
  /** The id of the request or message that caused the command. */
  causationId: string | null;
  /** The clock, read once per request. */
  now: string;
  source: string;
  ids: IdFactory;
  /** The owner the caller's API key is bound to: a rep's own tasks and engagements default to it. */
  ownerId?: string;
}>;

/** Ids for new records and events. Under an idempotency key they derive from it, so a retry reuses them. */
export type IdFactory = Readonly<{ next(purpose: string): string }>;

export const randomIds = (): IdFactory => ({ next: () => randomUUID() });

/** A name-based UUID (RFC 9562 version 8 layout over SHA-256): the same seed and name give the same id. */
export const deterministicUuid = (seed: string, name: string): string => {
  const hex = createHash('sha256').update(seed).update('\u0000').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const idempotentIds = (key: string): IdFactory => {
  const used = new Map<string, number>();
  return {
    next: (purpose) => {
      const count = used.get(purpose) ?? 0;
      used.set(purpose, count + 1);
      return deterministicUuid(key, `${purpose}#${count}`);
    },
  };
};
