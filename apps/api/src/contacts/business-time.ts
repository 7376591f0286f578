import { validationFailed, type ApplicationError, type RequestContext } from '#application';
import type { CommandMetadata } from '#domain/shared';

// Clocks drift a little; further ahead than this is a bad clock, not a business time.
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const invalid = (reason: string): ApplicationError => validationFailed([{ field: 'occurredAt', reason }]);

/** Command metadata with the request's clock and, when given, the business time (normalized to UTC). */
export const metadataAt = (context: RequestContext, occurredAt: string | undefined): CommandMetadata => {
  if (occurredAt === undefined) return { now: context.now };
  const time = Date.parse(occurredAt);
  if (Number.isNaN(time)) throw invalid('occurredAt must be a real point in time');
  if (time - Date.parse(context.now) > MAX_CLOCK_AHEAD_MS) throw invalid('occurredAt must not be more than 5 minutes in the future');
  return { now: context.now, occurredAt: new Date(time).toISOString() };
};
