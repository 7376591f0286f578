// The one port every event-store adapter implements (PostgreSQL, PGlite through it, EventStoreDB).
// Shapes follow the common event-sourcing vocabulary: streams with revisions, one global log with positions.
import { DuplicateEventIds } from './errors.js';
import type { Position } from './position.js';

export type EventMetadata = Readonly<{
  /** Business time: when it happened in the world (may be long ago for imported history). */
  occurredAt: string;
  /** Store time: when the store accepted it. Set by the store, never by the caller. */
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  source: string;
}>;

/** What a caller appends: the store adds stream, revision, position and recordedAt. */
export type NewEvent = Readonly<{
  id: string;
  type: string;
  data: unknown;
  metadata: Omit<EventMetadata, 'recordedAt'>;
}>;

export type RecordedEvent = Readonly<{
  id: string;
  type: string;
  streamName: string;
  revision: number;
  position: Position;
  data: unknown;
  metadata: EventMetadata;
}>;

/** `any`, `no_stream`, `stream_exists`, or the exact revision of the stream's last event (0-based). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export type AppendOptions = Readonly<{ expectedRevision?: ExpectedRevision }>;

export type AppendResult = Readonly<{
  /** Revision of the last event of the batch in its stream. */
  nextRevision: number;
  /** Global position of the last event of the batch. */
  position: Position;
  /** True when the whole batch was already stored (a retry); set where the adapter can tell. */
  alreadyStored?: boolean;
}>;

export type Direction = 'forwards' | 'backwards';

export type ReadStreamOptions = Readonly<{
  fromRevision?: number;
  direction?: Direction;
  maxCount?: number;
}>;

export type EventFilter = Readonly<{
  /** Stream categories: the part of the stream name before the first '-' (`contact`, `deal`, ...). */
  streamCategories?: readonly string[];
  /** Exact event types. */
  eventTypes?: readonly string[];
  /** Event type prefixes (`Deal` matches `DealCreated`, `DealStageChanged`, ...). */
  eventTypePrefixes?: readonly string[];
}>;

export type ReadAllOptions = Readonly<{
  /** Exclusive: events strictly after this position. Omitted: from the start of the log. */
  fromPosition?: Position;
  maxCount?: number;
  filter?: EventFilter;
}>;

export type SubscribeOptions = Readonly<{
  fromPosition?: Position;
  filter?: EventFilter;
}>;

/**
 * Catch-up then live, in global order, each event once. Iterate it; `close()` ends the iteration. A dropped
 * connection does not end it: the adapter resubscribes from the last delivered event (PostgreSQL reads again,
 * EventStoreDB opens a new subscription), so only a failure that retrying cannot cure ends the iteration with it.
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeOptions): EventSubscription;
  /** The position of the last event a reader can see now (the head of the log), or null when empty. */
  headPosition(): Promise<Position | null>;
  close(): Promise<void>;
}

export const streamCategory = (streamName: string): string => {
  const dash = streamName.indexOf('-');
  return dash === -1 ? streamName : streamName.slice(0, dash);
};

export const matchesFilter = (event: Pick<RecordedEvent, 'type' | 'streamName'>, filter?: EventFilter): boolean => {
  if (!filter) return true;
  if (filter.streamCategories?.length && !filter.streamCategories.includes(streamCategory(event.streamName))) {
    return false;
  }
  const types = filter.eventTypes ?? [];
  const prefixes = filter.eventTypePrefixes ?? [];
  if (types.length === 0 && prefixes.length === 0) return true;
  return types.includes(event.type) || prefixes.some((prefix) => event.type.startsWith(prefix));
};

/** One stream's events in a multi-stream append; appended with expected revision 'any'. */
export type StreamAppend = Readonly<{ streamName: string; events: readonly NewEvent[] }>;

/** Per stream of a multi-stream append: stored (now or by an earlier identical append), or refused whole. */
export type StreamAppendOutcome =
  | Readonly<{ status: 'appended' | 'already_stored'; result: AppendResult }>
  | Readonly<{ status: 'duplicate_ids'; error: DuplicateEventIds }>;

/** A store that appends to many streams in one round trip and one transaction (an import's path). */
export interface MultiStreamAppender {
  appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]>;
}

/** A store whose one append is bounded in size (EventStoreDB's MaxAppendSize): it says how to cut a run to fit. */
export interface SizeBoundedAppender {
  /** Consecutive parts, in order, each small enough for one append (an event too large alone stays alone). */
  partsForAppend(events: readonly NewEvent[]): NewEvent[][];
}

/** A store that reads many whole streams in one round trip (an import judging a window of lines). */
export interface MultiStreamReader {
  /** Each named stream's events in revision order; a stream that does not exist maps to an empty list. */
  readStreams(streamNames: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>>;
}

const isMultiStreamReader = (store: object): store is MultiStreamReader =>
  typeof (store as Partial<MultiStreamReader>).readStreams === 'function';

/** Whole streams: in one round trip where the store can, else `concurrency` streams read at a time. */
export const readStreams = async (
  store: EventStore,
  streamNames: readonly string[],
  concurrency = 8,
): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> => {
  if (isMultiStreamReader(store)) return store.readStreams(streamNames);
  const streams = new Map<string, RecordedEvent[]>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, streamNames.length) }, async () => {
      for (let i = next++; i < streamNames.length; i = next++) {
        const events: RecordedEvent[] = [];
        for await (const event of store.readStream(streamNames[i])) events.push(event);
        streams.set(streamNames[i], events);
      }
    }),
  );
  return streams;
};

const isMultiStreamAppender = (store: object): store is MultiStreamAppender =>
  typeof (store as Partial<MultiStreamAppender>).appendToStreams === 'function';

const isSizeBoundedAppender = (store: object): store is SizeBoundedAppender =>
  typeof (store as Partial<SizeBoundedAppender>).partsForAppend === 'function';

const appendOne = async (store: EventStore, streamName: string, events: readonly NewEvent[]): Promise<StreamAppendOutcome> => {
  try {
    const result = await store.appendToStream(streamName, events, { expectedRevision: 'any' });
    return { status: result.alreadyStored ? 'already_stored' : 'appended', result };
  } catch (error) {
    if (!(error instanceof DuplicateEventIds)) throw error;
    return { status: 'duplicate_ids', error };
  }
};

/**
 * Appends to many streams with expected revision 'any': in one round trip where the store can, else stream by
 * stream, each judged the same way (stored whole, already stored, or refused for ids stored elsewhere).
 * A run too large for one append of a size-bounded store goes in parts, in order, and is then not atomic: parts
 * stored before a failure stay stored. Its outcome is the parts' common one; parts that disagree (a run cut short
 * earlier and now completed) answer duplicate_ids naming the ids stored before, so the caller judges it event by
 * event, where every event then answers already stored.
 */
export const appendToStreams = async (store: EventStore, appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> => {
  if (isMultiStreamAppender(store)) return store.appendToStreams(appends);
  const outcomes: StreamAppendOutcome[] = [];
  for (const { streamName, events } of appends) {
    const parts = isSizeBoundedAppender(store) ? store.partsForAppend(events) : [events];
    const partOutcomes: StreamAppendOutcome[] = [];
    for (const part of parts) {
      const outcome = await appendOne(store, streamName, part);
      partOutcomes.push(outcome);
      if (outcome.status === 'duplicate_ids') break;
    }
    outcomes.push(combineParts(streamName, parts, partOutcomes));
  }
  return outcomes;
};

const combineParts = (
  streamName: string,
  parts: readonly (readonly NewEvent[])[],
  outcomes: readonly StreamAppendOutcome[],
): StreamAppendOutcome => {
  const last = outcomes[outcomes.length - 1];
  if (last.status === 'duplicate_ids' || outcomes.every((o) => o.status === last.status)) return last;
  const storedBefore = outcomes.flatMap((o, i) => (o.status === 'already_stored' ? parts[i].map((e) => e.id) : []));
  return { status: 'duplicate_ids', error: new DuplicateEventIds(streamName, storedBefore) };
};
