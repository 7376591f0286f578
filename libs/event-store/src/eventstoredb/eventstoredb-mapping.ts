// Pure translation between our port's shapes and @eventstore/db-client's. No I/O: the adapter does the calls.
import {
  ANY,
  CancelledError,
  DeadlineExceededError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  TimeoutError,
  UnavailableError,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type Filter,
  type JSONType,
  type Position as ClientPosition,
  type ReadPosition,
} from '@eventstore/db-client';
import { InvalidAppend } from '../errors.js';
import {
  matchesFilter,
  type EventFilter,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';
import { position, type Position } from '../position.js';

/** A stored event the adapter cannot turn into our envelope: not written by Tally, or a server too old (< 22.6). */
export class UnmappableEvent extends Error {
  readonly code = 'UNMAPPABLE_EVENT';
  constructor(
    readonly streamName: string,
    readonly revision: bigint,
    reason: string,
  ) {
    super(`event ${revision} of stream ${streamName}: ${reason}`);
  }
}

/** The fields of the client's recorded event we read; its stream and $all variants both fit. */
export type EventStoreDBRecordedEvent = Readonly<{
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: ClientPosition;
}>;

/** A client read result: `event` is absent for a link whose target is gone. */
export type EventStoreDBResolvedEvent = Readonly<{ event?: EventStoreDBRecordedEvent }>;

type StoredMetadata = Omit<EventMetadata, 'recordedAt'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same refusals as the PostgreSQL adapter, before anything reaches the server. */
export const assertAppendable = (
  streamName: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): void => {
  if (!streamName) throw new InvalidAppend('stream name is empty');
  if (events.length === 0) throw new InvalidAppend(`stream ${streamName}: nothing to append`);
  if (typeof expectedRevision === 'number' && (!Number.isInteger(expectedRevision) || expectedRevision < 0)) {
    throw new InvalidAppend(`expected revision ${expectedRevision} is not a revision`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppend(`event id ${event.id} is not a uuid`);
    if (ids.has(event.id)) throw new InvalidAppend(`event id ${event.id} appears twice in one batch`);
    if (!event.type) throw new InvalidAppend('event type is empty');
    ids.add(event.id);
  }
};

export const toExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (typeof expected === 'number') return BigInt(expected);
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
  }
};

/** The client's view of a stream's current revision, as our WrongExpectedRevision reports it. */
export const fromCurrentRevision = (current: CurrentRevision): number | 'no_stream' =>
  current === NO_STREAM || current < 0n ? 'no_stream' : Number(current);

const storedMetadata = (event: NewEvent): StoredMetadata => ({
  occurredAt: event.metadata.occurredAt,
  actor: event.metadata.actor,
  correlationId: event.metadata.correlationId,
  causationId: event.metadata.causationId,
  schemaVersion: event.metadata.schemaVersion,
  source: event.metadata.source,
});

/**
 * Our metadata (recordedAt excluded: the server's `created` is the store time) is the event's JSON metadata. The id
 * goes lower-case: the server answers ids lower-case, and a retry must be recognised whatever case it was sent in.
 */
export const toEventData = (event: NewEvent): EventData =>
  jsonEvent({
    id: event.id.toLowerCase(),
    type: event.type,
    // The client sends JSON.stringify(data), so any JSON value round-trips although its type names only
    // objects, arrays and strings.
    data: (event.data ?? null) as JSONType,
    metadata: storedMetadata(event),
  });

/** EventStoreDB's default MaxAppendSize: one append's data, metadata and types together. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/** An event's size as the server counts it against MaxAppendSize: data and metadata bytes, the type twice (UTF-16). */
export const appendSizeOf = (event: NewEvent): number =>
  Buffer.byteLength(JSON.stringify(event.data ?? null)) +
  Buffer.byteLength(JSON.stringify(storedMetadata(event))) +
  event.type.length * 2;

/** Consecutive parts of at most `maxSize` each, in order; an event larger than that alone is a part of its own. */
export const splitBySize = <E extends NewEvent>(events: readonly E[], maxSize: number): E[][] => {
  const parts: E[][] = [];
  let part: E[] = [];
  let size = 0;
  for (const event of events) {
    const eventSize = appendSizeOf(event);
    if (part.length > 0 && size + eventSize > maxSize) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(event);
    size += eventSize;
  }
  if (part.length > 0) parts.push(part);
  return parts;
};

/** Where a stored event of the batch sits: its revision and $all position. */
export type StoredAt = Readonly<{ revision: number; position: Position }>;

export type BatchVerdict =
  | Readonly<{ kind: 'new' }>
  | Readonly<{ kind: 'stored'; revision: number; position: Position }>
  | Readonly<{ kind: 'partly_stored'; storedIds: string[] }>;

/**
 * What the stream already holds of a batch, from the batch's ids (lower-case) found in it: none (append it), all (a
 * retry: answer where its last event is), or some (refuse it whole, naming them in batch order).
 */
export const judgeBatch = (ids: readonly string[], found: ReadonlyMap<string, StoredAt>): BatchVerdict => {
  const storedIds = ids.filter((id) => found.has(id));
  if (storedIds.length === 0) return { kind: 'new' };
  if (storedIds.length < ids.length) return { kind: 'partly_stored', storedIds };
  let last = found.get(ids[0])!;
  for (const id of ids) {
    const at = found.get(id)!;
    if (at.revision > last.revision) last = at;
  }
  return { kind: 'stored', revision: last.revision, position: last.position };
};

/** A failure the server or the connection may recover from: a subscription resubscribes after it. */
export const isTransientError = (error: unknown): boolean =>
  error instanceof UnavailableError ||
  error instanceof CancelledError ||
  error instanceof DeadlineExceededError ||
  error instanceof TimeoutError ||
  error instanceof NotLeaderError;

/** True when the filter narrows anything: the server then filters instead of sending the whole log. */
export const narrowsEvents = (filter?: EventFilter): boolean =>
  Boolean(filter?.streamCategories?.length || filter?.eventTypes?.length || filter?.eventTypePrefixes?.length);

export const fromClientPosition = (p: ClientPosition): Position => position(p.commit, p.prepare);

/** Where a read or subscription starts; our START sentinel (-1) and "omitted" are both the server's start. */
export const toReadPosition = (from?: Position): ReadPosition =>
  from === undefined || from.commit < 0n ? START : { commit: from.commit, prepare: from.prepare };

/** System streams and types start with `$`: statistics, metadata, links, projections' own events. */
export const isSystemEvent = (event: Pick<EventStoreDBRecordedEvent, 'type' | 'streamId'>): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/**
 * The server side of a filter. EventStoreDB filters one dimension per subscription: categories win when both are
 * given, and the adapter always re-checks the whole filter (`matchesFilter`) on what arrives. Categories go as
 * the bare category prefix so a stream named exactly `deal` (category `deal`) is not missed; `dealer-1` also
 * passes the prefix and is dropped by the re-check. Exact types go as prefixes for the same reason.
 */
export const toServerFilter = (filter?: EventFilter): Filter => {
  const categories = filter?.streamCategories ?? [];
  if (categories.length > 0) return streamNameFilter({ prefixes: [...categories] });
  const typePrefixes = [...(filter?.eventTypes ?? []), ...(filter?.eventTypePrefixes ?? [])];
  if (typePrefixes.length > 0) return eventTypeFilter({ prefixes: typePrefixes });
  return excludeSystemEvents();
};

// Positions a server cannot tell for a stream read (before 22.6) come as the largest unsigned 64-bit value.
const UNKNOWN_POSITION = 2n ** 64n - 1n;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const toStoredMetadata = (value: unknown): StoredMetadata | null => {
  if (!isRecord(value)) return null;
  const { occurredAt, actor, correlationId, causationId, schemaVersion, source } = value;
  if (
    typeof occurredAt !== 'string' ||
    typeof actor !== 'string' ||
    typeof correlationId !== 'string' ||
    (causationId !== null && typeof causationId !== 'string') ||
    typeof schemaVersion !== 'number' ||
    typeof source !== 'string'
  ) {
    return null;
  }
  return { occurredAt, actor, correlationId, causationId, schemaVersion, source };
};

/**
 * Our envelope for a client read result, or null when it is not ours to deliver: a system event, a dangling link,
 * or (with a filter) an event the filter excludes. A user event Tally cannot read throws UnmappableEvent rather
 * than being skipped, so no projection silently misses it.
 */
export const fromResolvedEvent = (resolved: EventStoreDBResolvedEvent, filter?: EventFilter): RecordedEvent | null => {
  const event = resolved.event;
  if (!event || isSystemEvent(event)) return null;
  if (!matchesFilter({ type: event.type, streamName: event.streamId }, filter)) return null;
  if (!event.isJson) throw new UnmappableEvent(event.streamId, event.revision, 'data is not JSON');
  const metadata = toStoredMetadata(event.metadata);
  if (!metadata) throw new UnmappableEvent(event.streamId, event.revision, 'metadata is not a Tally envelope');
  if (!event.position || event.position.commit === UNKNOWN_POSITION) {
    throw new UnmappableEvent(event.streamId, event.revision, 'the server gave no $all position (needs 22.6+)');
  }
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: fromClientPosition(event.position),
    data: event.data,
    metadata: { ...metadata, recordedAt: event.created.toISOString() },
  };
};
