import { setTimeout as sleep } from 'node:timers/promises';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult as ClientAppendResult,
  type Position as ClientPosition,
} from '@eventstore/db-client';
import { AppendTooLarge, DuplicateEventIds, StreamDeleted, WrongExpectedRevision } from '../errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SizeBoundedAppender,
  SubscribeOptions,
} from '../event-store.port.js';
import { isAfter, type Position } from '../position.js';
import {
  appendSizeOf,
  assertAppendable,
  DEFAULT_MAX_APPEND_SIZE,
  fromClientPosition,
  fromCurrentRevision,
  fromResolvedEvent,
  isSystemEvent,
  isTransientError,
  judgeBatch,
  narrowsEvents,
  splitBySize,
  toEventData,
  toExpectedRevision,
  toReadPosition,
  toServerFilter,
  UnmappableEvent,
  type StoredAt,
} from './eventstoredb-mapping.js';

export type EventStoreDBEventStoreOptions = Readonly<{
  /** Dispose the client on close(): true when the store created it. */
  ownsClient?: boolean;
  /** The server's MaxAppendSize in bytes (EVENTSTORE_MAX_APPEND_SIZE); larger appends are refused before sending. */
  maxAppendSize?: number;
}>;

// Appends with `any`/`stream_exists` that lose the race this many times in a row give up with a conflict.
const MAX_APPEND_ATTEMPTS = 20;

// A subscription whose server went away waits this long before resubscribing, doubling up to the cap.
const RESUBSCRIBE_FIRST_DELAY_MS = 100;
const RESUBSCRIBE_MAX_DELAY_MS = 5_000;

// Marks, inside a subscription's own stream, where the server said it had caught up.
const CAUGHT_UP = Symbol('caught up');

// Cleanup after a call that may have failed to start: the caller gets the call's own error, not this one.
const settle = (cleanup: Promise<void>): Promise<void> => cleanup.catch(() => undefined);

/** A refusal by expected revision; `reported` is the server's current revision when the client passed it on. */
type Conflict = Readonly<{ conflict: true; reported?: number | 'no_stream' }>;

/** What a stream holds of a batch, read from the stream itself, and the last revision seen. */
type Scan = { found: Map<string, StoredAt>; last: number | 'no_stream' };

const revisionOf = (last: number | 'no_stream'): number => (last === 'no_stream' ? -1 : last);

/**
 * The EventStoreDB adapter (server 22.6 or later: stream reads must carry $all positions; filtered reads end at the
 * server's caught-up signal, sent from 23.10, or at the head of the log seen when they began).
 *
 * Idempotency by event id, and how it differs from the PostgreSQL adapter:
 * - With `any` or `stream_exists` the stream is read for the batch's ids before appending (the server's own check
 *   remembers only a bounded cache of recent commits, lost on restart): all stored answers `alreadyStored`, some
 *   stored is DuplicateEventIds, none appends at the revision seen, reading on from there after a lost race. Such
 *   an append costs a read of the whole stream.
 * - With a revision (a number or no_stream) the server's check is exact: it compares the events right after that
 *   revision. A retry is stored once but not reported as `alreadyStored`; an id stored earlier in the stream than
 *   the expected revision is not looked for.
 * - Event ids are unique per stream only: an id already stored in another stream is accepted, not refused.
 *
 * One append is at most `maxAppendSize` bytes (AppendTooLarge); `appendToStreams` cuts an import's runs to fit.
 * A tombstoned stream answers StreamDeleted; a soft-deleted one reads as absent and can be written again.
 */
export class EventStoreDBEventStore implements EventStore, SizeBoundedAppender {
  private readonly subscriptions = new Set<EventSubscription>();
  private readonly maxAppendSize: number;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDBEventStoreOptions = {},
  ) {
    this.maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
  }

  /** `esdb://host:2113?tls=false`; the store owns the client and disposes it on close(). */
  static fromConnectionString(connectionString: string): EventStoreDBEventStore {
    return new EventStoreDBEventStore(EventStoreDBClient.connectionString(connectionString), { ownsClient: true });
  }

  /** How many subscriptions are open: closed or ended ones are forgotten. */
  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  partsForAppend(events: readonly NewEvent[]): NewEvent[][] {
    return splitBySize(events, this.maxAppendSize);
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    assertAppendable(streamName, events, expected);
    const size = events.reduce((sum, event) => sum + appendSizeOf(event), 0);
    if (size > this.maxAppendSize) throw new AppendTooLarge(streamName, this.maxAppendSize, size);
    return expected === 'any' || expected === 'stream_exists'
      ? this.appendAfterScan(streamName, events, expected)
      : this.appendAtRevision(streamName, events, expected);
  }

  /** The server judges a batch against the revision exactly; a refusal is told apart from a partial retry here. */
  private async appendAtRevision(
    streamName: string,
    events: readonly NewEvent[],
    expected: number | 'no_stream',
  ): Promise<AppendResult> {
    const answer = await this.send(streamName, events, expected);
    if (!('conflict' in answer)) return answer;
    const actual = answer.reported ?? (await this.currentRevision(streamName));
    const duplicates = actual === 'no_stream' ? [] : await this.storedIdsAfter(streamName, events, expected);
    throw duplicates.length > 0
      ? new DuplicateEventIds(streamName, duplicates)
      : new WrongExpectedRevision(streamName, expected, actual);
  }

  private async appendAfterScan(
    streamName: string,
    events: readonly NewEvent[],
    expected: 'any' | 'stream_exists',
  ): Promise<AppendResult> {
    const ids = events.map((event) => event.id.toLowerCase());
    const scan: Scan = { found: new Map(), last: 'no_stream' };
    await this.scanFor(streamName, new Set(ids), scan);
    for (let attempt = 1; ; attempt++) {
      const verdict = judgeBatch(ids, scan.found);
      if (verdict.kind === 'stored') {
        return { nextRevision: verdict.revision, position: verdict.position, alreadyStored: true };
      }
      if (verdict.kind === 'partly_stored') throw new DuplicateEventIds(streamName, verdict.storedIds);
      // A soft-deleted stream reads as absent too: it does not exist for `stream_exists`.
      if (expected === 'stream_exists' && scan.last === 'no_stream') {
        throw new WrongExpectedRevision(streamName, expected, 'no_stream');
      }
      const answer = await this.send(streamName, events, scan.last);
      if (!('conflict' in answer)) return answer;
      if (attempt >= MAX_APPEND_ATTEMPTS) {
        throw new WrongExpectedRevision(streamName, expected, answer.reported ?? scan.last);
      }
      // Someone appended meanwhile: only what they appended needs reading.
      await this.scanFor(streamName, new Set(ids), scan);
      // Events the server counts but a read cannot see (truncated) cannot hold a retry we could recognise.
      if (answer.reported !== undefined && revisionOf(answer.reported) > revisionOf(scan.last)) scan.last = answer.reported;
    }
  }

  /** Reads the stream after `scan.last`, noting the batch's ids found and the last revision. */
  private async scanFor(streamName: string, ids: ReadonlySet<string>, scan: Scan): Promise<void> {
    const from = scan.last === 'no_stream' ? START : BigInt(scan.last + 1);
    const read = this.client.readStream(streamName, { direction: FORWARDS, fromRevision: from });
    try {
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event) continue;
        const revision = Number(event.revision);
        if (revision > revisionOf(scan.last)) scan.last = revision;
        const id = event.id.toLowerCase();
        if (!ids.has(id)) continue;
        if (!event.position) throw new UnmappableEvent(streamName, event.revision, 'the server gave no $all position');
        scan.found.set(id, { revision, position: fromClientPosition(event.position) });
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw this.mapError(streamName, error);
    } finally {
      await settle(read.cancel());
    }
  }

  private async send(
    streamName: string,
    events: readonly NewEvent[],
    expected: number | 'no_stream',
  ): Promise<AppendResult | Conflict> {
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(streamName, events.map(toEventData), {
        expectedRevision: toExpectedRevision(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return { conflict: true, reported: fromCurrentRevision(error.actualVersion) };
      }
      throw this.mapError(streamName, error);
    }
    // A client built with throwOnAppendFailure=false answers a refusal instead; its revision is not reliable
    // (6.2.1's batch append reports a boolean there), so the stream is read instead.
    if (!result.success) return { conflict: true };
    const nextRevision = Number(result.nextExpectedRevision);
    return { nextRevision, position: await this.lastEventPosition(streamName, nextRevision, result.position) };
  }

  private mapError(streamName: string, error: unknown): unknown {
    if (error instanceof StreamDeletedError) return new StreamDeleted(streamName);
    if (error instanceof MaxAppendSizeExceededError) return new AppendTooLarge(streamName, error.maxAppendSize);
    return error;
  }

  private async currentRevision(streamName: string): Promise<number | 'no_stream'> {
    for await (const event of this.readStream(streamName, { direction: 'backwards', maxCount: 1 })) {
      return event.revision;
    }
    return 'no_stream';
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

  /** With a revision the server compares the events right after it: a partial match starts at the first one. */
  private async storedIdsAfter(
    streamName: string,
    events: readonly NewEvent[],
    expected: number | 'no_stream',
  ): Promise<string[]> {
    const batchIds = new Set(events.map((e) => e.id.toLowerCase()));
    const from = expected === 'no_stream' ? 0 : expected + 1;
    const stored: string[] = [];
    for await (const event of this.readStream(streamName, { fromRevision: from, maxCount: events.length })) {
      if (event.revision === from && event.id !== events[0].id.toLowerCase()) return [];
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
      throw this.mapError(streamName, error);
    } finally {
      // Ends the gRPC call when the caller stops early.
      await settle(read.cancel());
    }
  }

  /**
   * 6.2.1's readAll cannot filter on the server: a filtered read is a filtered catch-up subscription ended where
   * the server catches up, and an unfiltered one asks for no more events than it may deliver.
   */
  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    return narrowsEvents(options.filter)
      ? this.readAllFiltered(options.fromPosition, maxCount, options.filter!)
      : this.readAllPaged(options.fromPosition, maxCount);
  }

  private async *readAllPaged(after: Position | undefined, maxCount: number): AsyncGenerator<RecordedEvent> {
    let from = after;
    let delivered = 0;
    while (delivered < maxCount) {
      // A read includes the event at its start position, which we have delivered or skipped already; system
      // events count too, so a page can deliver fewer than it read: read on from its last event.
      const count = Number.isFinite(maxCount) ? maxCount - delivered + 1 : Number.MAX_SAFE_INTEGER;
      const read = this.client.readAll({ fromPosition: toReadPosition(from), maxCount: count });
      const pageStart = from;
      let received = 0;
      try {
        for await (const resolved of read) {
          received++;
          if (resolved.event?.position) from = fromClientPosition(resolved.event.position);
          const event = fromResolvedEvent(resolved);
          if (!event || (pageStart && !isAfter(event.position, pageStart))) continue;
          yield event;
          if (++delivered >= maxCount) return;
        }
      } finally {
        await settle(read.cancel());
      }
      if (received < count || !from || (pageStart && !isAfter(from, pageStart))) return;
    }
  }

  private async *readAllFiltered(
    after: Position | undefined,
    maxCount: number,
    filter: EventFilter,
  ): AsyncGenerator<RecordedEvent> {
    if (maxCount <= 0) return;
    const head = await this.logEnd();
    if (!head || (after && !isAfter(head, after))) return;
    const source = this.client.subscribeToAll({
      fromPosition: toReadPosition(after),
      filter: {
        ...toServerFilter(filter),
        // Servers before 23.10 never say they caught up: a checkpoint at the head ends the read there.
        checkpointReached: (_subscription, position) => {
          if (!isAfter(head, fromClientPosition(position))) source.push(CAUGHT_UP);
        },
      },
    });
    source.on('error', (error) => source.destroy(error));
    // Pushed behind the events that came before it, so they are all delivered first.
    source.on('caughtUp', () => source.push(CAUGHT_UP));
    let delivered = 0;
    try {
      for await (const item of source as AsyncIterable<AllStreamResolvedEvent | typeof CAUGHT_UP>) {
        if (item === CAUGHT_UP) return;
        const event = fromResolvedEvent(item, filter);
        if (!event || (after && !isAfter(event.position, after))) continue;
        yield event;
        if (++delivered >= maxCount || !isAfter(head, event.position)) return;
      }
    } finally {
      await settle(source.unsubscribe());
      source.destroy();
    }
  }

  /** The position of the last record in $all, system events included: where a filtered read may stop. */
  private async logEnd(): Promise<Position | null> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    try {
      for await (const resolved of read) {
        if (resolved.event?.position) return fromClientPosition(resolved.event.position);
      }
      return null;
    } finally {
      await settle(read.cancel());
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const store = this;
    const client = this.client;
    const filter = options.filter;
    let last = options.fromPosition;
    let closed = false;
    const stopped = new AbortController();
    let source: ReturnType<EventStoreDBClient['subscribeToAll']> | undefined;

    const open = () => {
      const opened = client.subscribeToAll({ fromPosition: toReadPosition(last), filter: toServerFilter(filter) });
      // The client emits errors without destroying its stream: destroying keeps the error for the iteration,
      // instead of an unhandled 'error' that would end the process.
      opened.on('error', (error) => opened.destroy(error));
      return opened;
    };

    async function* deliver(): AsyncGenerator<RecordedEvent> {
      let failures = 0;
      try {
        while (!closed) {
          const current = (source = open());
          try {
            for await (const resolved of current) {
              if (closed) return;
              failures = 0;
              const event = fromResolvedEvent(resolved, filter);
              if (!event || (last && !isAfter(event.position, last))) continue;
              last = event.position;
              yield event;
            }
            // The server ended the call without an error: as much a drop as one with an error.
          } catch (error) {
            // close() destroys the source mid-read; that ends the iteration, it is not a failure.
            if (closed) return;
            if (!isTransientError(error)) throw error;
          } finally {
            await settle(current.unsubscribe());
            current.destroy();
          }
          failures++;
          const delay = Math.min(RESUBSCRIBE_MAX_DELAY_MS, RESUBSCRIBE_FIRST_DELAY_MS * 2 ** (failures - 1));
          await sleep(delay, undefined, { signal: stopped.signal }).catch(() => undefined);
        }
      } finally {
        store.subscriptions.delete(subscription);
      }
    }
    const iterator = deliver();
    const subscription: EventSubscription = {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        if (closed) return;
        closed = true;
        stopped.abort();
        this.subscriptions.delete(subscription);
        if (source) {
          await settle(source.unsubscribe());
          // Cancelling the call does not end the client's stream; destroying it wakes a pending read.
          source.destroy();
        }
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
