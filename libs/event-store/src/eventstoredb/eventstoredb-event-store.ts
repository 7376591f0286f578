import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type Position as ClientPosition,
} from '@eventstore/db-client';
import { DuplicateEventIds, WrongExpectedRevision } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import { isAfter, type Position } from '../position.js';
import {
  assertAppendable,
  fromClientPosition,
  fromCurrentRevision,
  fromResolvedEvent,
  isSystemEvent,
  toEventData,
  toExpectedRevision,
  toReadPosition,
  toServerFilter,
} from './eventstoredb-mapping.js';

export type EventStoreDBEventStoreOptions = Readonly<{
  /** Dispose the client on close(): true when the store created it. */
  ownsClient?: boolean;
}>;

// How far back a refused `any`/`stream_exists` append looks for the batch's ids to name them in DuplicateEventIds.
const DUPLICATE_SCAN_LIMIT = 1000;

// Cleanup after a call that may have failed to start: the caller gets the call's own error, not this one.
const settle = (cleanup: Promise<void>): Promise<void> => cleanup.catch(() => undefined);

/**
 * The EventStoreDB adapter (server 22.6 or later: stream reads must carry $all positions).
 *
 * Differences from the PostgreSQL adapter, all from EventStoreDB's own idempotency by event id:
 * - Event ids are unique per stream only: an id already stored in another stream is accepted, not refused.
 * - A retry is recognised exactly when the batch carries a revision (a number or no_stream): the server compares
 *   the stored events at those revisions. With `any` or `stream_exists` it recognises it from a bounded cache of
 *   recent commits, so a retry long after the first write may append the batch a second time.
 * - DuplicateEventIds is raised only when the batch's first event is already stored and a later one is not (the
 *   server's "corrupted idempotency"). A batch whose first event is new is appended even if a later id is stored.
 * - readAll filters on the client: @eventstore/db-client 6 has no server-side filter for $all reads.
 */
export class EventStoreDBEventStore implements EventStore {
  private readonly subscriptions = new Set<EventSubscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDBEventStoreOptions = {},
  ) {}

  /** `esdb://host:2113?tls=false`; the store owns the client and disposes it on close(). */
  static fromConnectionString(connectionString: string): EventStoreDBEventStore {
    return new EventStoreDBEventStore(EventStoreDBClient.connectionString(connectionString), { ownsClient: true });
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    assertAppendable(streamName, events, expected);
    const result = await this.client
      .appendToStream(streamName, events.map(toEventData), { expectedRevision: toExpectedRevision(expected) })
      .catch(async (error: unknown) => {
        if (error instanceof WrongExpectedVersionError) {
          throw await this.explainRefusal(streamName, events, expected, fromCurrentRevision(error.actualVersion));
        }
        throw error;
      });
    // A client built with throwOnAppendFailure=false answers a refusal instead of throwing it.
    if (!result.success) {
      throw await this.explainRefusal(streamName, events, expected, fromCurrentRevision(result.nextExpectedRevision));
    }
    const nextRevision = Number(result.nextExpectedRevision);
    return { nextRevision, position: await this.lastEventPosition(streamName, nextRevision, result.position) };
  }

  /**
   * Current servers answer the position of the batch's last event (commit = prepare), a retry included. An
   * answer without a position, or with the transaction's start as prepare (older servers), is replaced by
   * reading that last event back.
   */
  private async lastEventPosition(streamName: string, revision: number, answered?: ClientPosition): Promise<Position> {
    if (answered && answered.commit === answered.prepare) return fromClientPosition(answered);
    for await (const event of this.readStream(streamName, { fromRevision: revision, maxCount: 1 })) {
      return event.position;
    }
    throw new Error(`stream ${streamName}: appended revision ${revision} cannot be read back`);
  }

  /**
   * The server refuses with "wrong expected version" both a real conflict and a batch that is partly stored
   * already; tell them apart by looking at what the stream holds.
   */
  private async explainRefusal(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    actual: number | 'no_stream',
  ): Promise<Error> {
    const duplicates = actual === 'no_stream' ? [] : await this.storedIdsOf(streamName, events, expected);
    return duplicates.length > 0
      ? new DuplicateEventIds(streamName, duplicates)
      : new WrongExpectedRevision(streamName, expected, actual);
  }

  private async storedIdsOf(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<string[]> {
    const batchIds = new Set(events.map((e) => e.id));
    const stored: string[] = [];
    if (expected === 'any' || expected === 'stream_exists') {
      // Once the stream exists these never conflict on revision: the server found the first id in recent commits.
      const recent = this.readStream(streamName, { direction: 'backwards', maxCount: DUPLICATE_SCAN_LIMIT });
      for await (const event of recent) if (batchIds.has(event.id)) stored.push(event.id);
      return stored.length > 0 ? stored.reverse() : [events[0].id];
    }
    // With a revision the server compares the events right after it: a partial match starts at the first one.
    const from = expected === 'no_stream' ? 0 : expected + 1;
    for await (const event of this.readStream(streamName, { fromRevision: from, maxCount: events.length })) {
      if (event.revision === from && event.id !== events[0].id) return [];
      if (batchIds.has(event.id)) stored.push(event.id);
    }
    return stored;
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return;
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      maxCount,
    });
    try {
      for await (const resolved of read) {
        const event = fromResolvedEvent(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    } finally {
      // Ends the gRPC call when the caller stops early.
      await settle(read.cancel());
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (maxCount <= 0) return;
    const after = options.fromPosition;
    const read = this.client.readAll({ fromPosition: toReadPosition(after) });
    let delivered = 0;
    try {
      for await (const resolved of read) {
        const event = fromResolvedEvent(resolved, options.filter);
        // A $all read includes the event at its start position; ours is exclusive.
        if (!event || (after && !isAfter(event.position, after))) continue;
        yield event;
        if (++delivered >= maxCount) return;
      }
    } finally {
      await settle(read.cancel());
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const after = options.fromPosition;
    const source = this.client.subscribeToAll({
      fromPosition: toReadPosition(after),
      filter: toServerFilter(options.filter),
    });
    // The client emits errors without destroying its stream: destroying keeps the error for an iteration that
    // starts later, instead of an unhandled 'error' that would end the process.
    source.on('error', (error) => source.destroy(error));
    let closed = false;
    async function* deliver(): AsyncGenerator<RecordedEvent> {
      try {
        for await (const resolved of source) {
          if (closed) return;
          const event = fromResolvedEvent(resolved, options.filter);
          if (!event || (after && !isAfter(event.position, after))) continue;
          yield event;
        }
      } catch (error) {
        // close() destroys the source mid-read; that ends the iteration, it is not a failure.
        if (!closed) throw error;
      } finally {
        await settle(source.unsubscribe());
      }
    }
    const iterator = deliver();
    const subscription: EventSubscription = {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        if (closed) return;
        closed = true;
        this.subscriptions.delete(subscription);
        await settle(source.unsubscribe());
        // Cancelling the call does not end the client's stream; destroying it wakes a pending read.
        source.destroy();
        await iterator.return(undefined);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | null> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    try {
      for await (const resolved of read) {
        if (resolved.event && !isSystemEvent(resolved.event)) return fromClientPosition(resolved.event.position);
      }
      return null;
    } finally {
      await settle(read.cancel());
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.options.ownsClient) await this.client.dispose();
  }
}
