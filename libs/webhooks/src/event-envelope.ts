// The one JSON shape integrators receive for an event, over SSE and in webhook deliveries alike.
import { formatPosition, type EventMetadata, type RecordedEvent } from '#event-store';

export type EventEnvelope = Readonly<{
  id: string;
  type: string;
  stream: string;
  revision: number;
  /** The event's global position, as `formatPosition` writes it: hand it back as `from` or `Last-Event-ID`. */
  position: string;
  occurredAt: string;
  data: unknown;
  metadata: EventMetadata;
}>;

export const toEnvelope = (event: RecordedEvent): EventEnvelope => ({
  id: event.id,
  type: event.type,
  stream: event.streamName,
  revision: event.revision,
  position: formatPosition(event.position),
  occurredAt: event.metadata.occurredAt,
  data: event.data,
  metadata: event.metadata,
});
