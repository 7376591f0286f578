// What one webhook POST carries: the next events of the subscription, in log order, bounded by count and size.
import type { EventFilter, RecordedEvent } from '#event-store';
import { toEnvelope, type EventEnvelope } from './event-envelope.js';

export type BatchLimits = Readonly<{ maxEvents: number; maxBytes: number }>;

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEvents: 100, maxBytes: 1_000_000 };

export type DeliveryBatch = Readonly<{
  events: readonly RecordedEvent[];
  /** The JSON body `{subscriptionId, events: [envelopes]}`, exactly the bytes that are signed and sent. */
  body: string;
}>;

export const deliveryBody = (subscriptionId: string, envelopes: readonly EventEnvelope[]): string =>
  JSON.stringify({ subscriptionId, events: envelopes });

/**
 * The longest prefix of `events` within the limits. The first event always goes, even alone over `maxBytes`: a
 * large event must still be delivered, and skipping it would break the order.
 */
export const takeBatch = (subscriptionId: string, events: readonly RecordedEvent[], limits: BatchLimits): DeliveryBatch => {
  const envelopes: EventEnvelope[] = [];
  const parts: string[] = [];
  let bytes = Buffer.byteLength(deliveryBody(subscriptionId, []));
  for (const event of events.slice(0, limits.maxEvents)) {
    const envelope = toEnvelope(event);
    const json = JSON.stringify(envelope);
    // One comma between envelopes.
    const added = Buffer.byteLength(json) + (parts.length > 0 ? 1 : 0);
    if (parts.length > 0 && bytes + added > limits.maxBytes) break;
    envelopes.push(envelope);
    parts.push(json);
    bytes += added;
  }
  return { events: events.slice(0, envelopes.length), body: deliveryBody(subscriptionId, envelopes) };
};

// An event-type pattern is an exact type (`DealStageChanged`), a prefix ending in '*' (`Deal*`), or '*' for all.
const PATTERN = /^(?:[A-Za-z][A-Za-z0-9]*\*?|\*)$/;

export const isEventTypePattern = (pattern: string): boolean => PATTERN.test(pattern);

export const subscriptionFilter = (patterns: readonly string[]): EventFilter =>
  patterns.includes('*')
    ? {}
    : {
        eventTypes: patterns.filter((p) => !p.endsWith('*')),
        eventTypePrefixes: patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1)),
      };

/** Webhooks go to http or https URLs only: never file:, data: or anything a fetch could read locally. */
export const isDeliverableUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
};
