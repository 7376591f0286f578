import { randomUUID } from 'node:crypto';
import { deterministicUuid } from '#domain/shared';

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

// Moved to the domain, which names workflow run streams with it; re-exported so callers keep importing it from here.
export { deterministicUuid };

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
