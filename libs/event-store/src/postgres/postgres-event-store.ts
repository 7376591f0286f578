import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { inTransaction, isConnectionError, migrate } from '#postgres';
import { DuplicateEventIds, InvalidAppend, WrongExpectedRevision } from '../errors.js';
import {
  streamCategory,
  type AppendOptions,
  type AppendResult,
  type EventFilter,
  type EventStore,
  type EventSubscription,
  type MultiStreamAppender,
  type MultiStreamReader,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
  type SubscribeOptions,
} from '../event-store.port.js';
import { position, START, type Position } from '../position.js';
import { APPEND_CHANNEL } from './append-listener.js';
import { eventStoreMigrations } from './postgres-event-store.migrations.js';

export { AppendListener, APPEND_CHANNEL, type AppendHandler, type AppendListenerOptions, type AppendListenerStatus } from './append-listener.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

type EventRow = {
  position: string;
  event_id: string;
  stream_name: string;
  revision: string;
  event_type: string;
  data: unknown;
  metadata: Omit<RecordedEvent['metadata'], 'recordedAt'>;
  recorded_at: Date;
};

type AppendRow = {
  status: 'ok' | 'duplicate' | 'duplicate_ids' | 'wrong_expected_revision';
  next_revision: string | null;
  last_position: string | null;
  actual_revision: string | null;
  duplicate_ids: string[] | null;
};

type StreamsAppendRow = Omit<AppendRow, 'status' | 'actual_revision'> & { status: 'ok' | 'duplicate' | 'duplicate_ids' };

export type PostgresEventStoreOptions = Readonly<{
  /** How many events one read query fetches. */
  batchSize?: number;
  /**
   * How often an idle subscription looks for events appended by another process: the fallback when no
   * AppendListener feeds `appendedElsewhere`, or while its connection is down.
   */
  pollIntervalMs?: number;
}>;

/** Positions of this instance's own appends kept to recognise their NOTIFY echo; older ones are forgotten. */
const KEPT_LOCAL_POSITIONS = 1024;

const ignore = (): void => undefined;

const SELECT_EVENT = `SELECT position, event_id, stream_name, revision, event_type, data, metadata, recorded_at
  FROM tally_events`;

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.event_type,
  streamName: row.stream_name,
  revision: Number(row.revision),
  position: position(BigInt(row.position)),
  data: row.data,
  metadata: { ...row.metadata, recordedAt: row.recorded_at.toISOString() },
});

/** What an append that stored its events (now, or by an identical earlier append) answers. */
const appendResultOf = (row: Pick<AppendRow, 'status' | 'next_revision' | 'last_position'>): AppendResult => ({
  nextRevision: Number(row.next_revision),
  position: position(BigInt(row.last_position!)),
  alreadyStored: row.status === 'duplicate',
});

// One JSON array per column for tally_append_streams (see migration 0003); absent data is stored as JSON null.
const jsonArray = (values: readonly unknown[]): string => JSON.stringify(values.map((value) => value ?? null));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const validateAppend = (streamName: string, events: readonly NewEvent[]): void => {
  if (!streamName) throw new InvalidAppend('stream name is empty');
  if (events.length === 0) throw new InvalidAppend(`stream ${streamName}: nothing to append`);
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppend(`event id ${event.id} is not a uuid`);
    if (ids.has(event.id)) throw new InvalidAppend(`event id ${event.id} appears twice in one batch`);
    if (!event.type) throw new InvalidAppend('event type is empty');
    ids.add(event.id);
  }
};

// Categories, exact types and type prefixes for tally_read_all; null where the filter does not restrict.
const filterParams = (filter: EventFilter | undefined): [string[] | null, string[] | null, string[]] => {
  const categories = filter?.streamCategories?.length ? [...filter.streamCategories] : null;
  const types = filter?.eventTypes ?? [];
  const prefixes = filter?.eventTypePrefixes ?? [];
  if (types.length === 0 && prefixes.length === 0) return [categories, null, []];
  // LIKE patterns: escape the wildcards a prefix may contain.
  return [categories, [...types], prefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)];
};

/**
 * The default adapter, on a PostgreSQL server or on PGlite. See the migrations for how positions stay gap-safe.
 * Appends made through this instance wake its subscriptions at once; appends from other processes wake them through
 * `appendedElsewhere` (fed by an AppendListener), or are found by polling.
 */
export class PostgresEventStore implements EventStore, MultiStreamAppender, MultiStreamReader {
  // Bumped on every local append; a subscription that saw the same count before its read sleeps until it moves.
  private appendCount = 0;
  private readonly waiters = new Set<() => void>();
  // Every append NOTIFYs, and this process's listener hears its own appends too: those already woke everyone.
  private readonly localPositions = new Set<string>();
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  // The NOTIFY in flight (or the last one sent), and the one that will follow it, covering every append since.
  private notifying: Promise<void> = Promise.resolve();
  private nextNotify: { position: bigint } | null = null;

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_event_store_migrations', eventStoreMigrations);
  }

  async appendToStream(streamName: string, events: readonly NewEvent[], options: AppendOptions = {}) {
    const result = await this.appendWith(this.pool, streamName, events, options);
    this.notifyAppended([result]);
    if (!result.alreadyStored) this.announce(result.position.commit);
    return result;
  }

  /**
   * Appends inside a transaction the caller holds, so that several appends (and the caller's own writes) commit
   * or roll back together. Subscribers see the events once the caller commits.
   */
  async transaction<T>(work: (append: TransactionAppender) => Promise<T>): Promise<T> {
    const appended: AppendResult[] = [];
    const result = await inTransaction(this.pool, (client) =>
      work({
        appendToStream: async (stream, events, options) => {
          const outcome = await this.appendWith(client, stream, events, options ?? {});
          appended.push(outcome);
          return outcome;
        },
      }),
    );
    this.notifyAppended(appended);
    const stored = appended.filter((outcome) => !outcome.alreadyStored).map((outcome) => outcome.position.commit);
    if (stored.length > 0) this.announce(stored.reduce((a, b) => (a > b ? a : b)));
    return result;
  }

  /**
   * NOTIFYs other processes of appends that committed, up to `at`, once they committed (see migration 0004): a
   * NOTIFY inside the append's transaction made concurrent appends commit one fsync at a time. One NOTIFY is in
   * flight at a time; appends that commit meanwhile share the next one, which carries the highest of their
   * positions. The append does not wait for it: waiting cost single-event appends 15% of their rate (8 appenders,
   * bench:peer), and a wake-up that comes a round trip later changes nothing another process can rely on, since it
   * reads the log from its own position either way. `close()` waits for the last one. A failed NOTIFY does not fail
   * the append: other processes find it by their poll, as they do whatever a lost LISTEN connection missed.
   */
  private announce(at: bigint): void {
    if (this.nextNotify) {
      if (at > this.nextNotify.position) this.nextNotify.position = at;
      return;
    }
    const notify = { position: at };
    this.nextNotify = notify;
    this.notifying = this.notifying
      .then(() => {
        // From here on, appends that commit wait for the NOTIFY after this one.
        this.nextNotify = null;
        return this.pool.query('SELECT pg_notify($1, $2)', [APPEND_CHANNEL, notify.position.toString()]);
      })
      .then(ignore, ignore);
  }

  private async appendWith(
    db: Queryable,
    streamName: string,
    events: readonly NewEvent[],
    { expectedRevision = 'any' }: AppendOptions,
  ): Promise<AppendResult> {
    validateAppend(streamName, events);
    if (typeof expectedRevision === 'number' && (!Number.isInteger(expectedRevision) || expectedRevision < 0)) {
      throw new InvalidAppend(`expected revision ${expectedRevision} is not a revision`);
    }
    const { rows } = await db.query<AppendRow>(
      'SELECT * FROM tally_append($1, $2, $3, $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])',
      [
        streamName,
        streamCategory(streamName),
        String(expectedRevision),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data ?? null)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
    const row = rows[0];
    switch (row.status) {
      case 'ok':
      case 'duplicate':
        return appendResultOf(row);
      case 'wrong_expected_revision':
        throw new WrongExpectedRevision(
          streamName,
          expectedRevision,
          row.actual_revision === null ? 'no_stream' : Number(row.actual_revision),
        );
      case 'duplicate_ids':
        throw new DuplicateEventIds(streamName, row.duplicate_ids ?? []);
    }
  }

  /**
   * Appends to many streams at once, each with expected revision 'any', in one statement: every stream's events are
   * stored whole or refused whole on its own (ids stored before: 'already_stored' when the stream's batch is a
   * retry, else 'duplicate_ids', as appendToStream judges), and the stored ones commit together. A stream may come
   * more than once; its events keep the order of `appends`. Event ids must be unique across the call.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    if (appends.length === 0) return [];
    const ids = new Set<string>();
    const entries: number[] = [];
    const events: NewEvent[] = [];
    appends.forEach(({ streamName, events: batch }, entry) => {
      validateAppend(streamName, batch);
      for (const event of batch) {
        if (ids.has(event.id)) throw new InvalidAppend(`event id ${event.id} appears twice in one append`);
        ids.add(event.id);
        entries.push(entry + 1);
        events.push(event);
      }
    });
    const { rows } = await this.pool.query<StreamsAppendRow>(
      `SELECT * FROM tally_append_streams($1::text[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::jsonb, $7::jsonb)`,
      [
        appends.map((a) => a.streamName),
        appends.map((a) => streamCategory(a.streamName)),
        entries,
        events.map((e) => e.id),
        events.map((e) => e.type),
        jsonArray(events.map((e) => e.data)),
        jsonArray(events.map((e) => e.metadata)),
      ],
    );
    // One NOTIFY for the call, with its last position: the highest of the stored entries.
    const stored = rows.filter((row) => row.status === 'ok').map(appendResultOf);
    const last = stored.reduce<AppendResult | null>((a, b) => (a && a.position.commit > b.position.commit ? a : b), null);
    this.notifyAppended(last ? [last] : []);
    return rows.map((row, i): StreamAppendOutcome => {
      if (row.status === 'duplicate_ids') {
        return { status: 'duplicate_ids', error: new DuplicateEventIds(appends[i].streamName, row.duplicate_ids ?? []) };
      }
      return { status: row.status === 'ok' ? 'appended' : 'already_stored', result: appendResultOf(row) };
    });
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    while (remaining > 0) {
      const limit = Math.min(this.batchSize, remaining);
      const { rows } = await this.pool.query<EventRow>(
        `${SELECT_EVENT} WHERE stream_name = $1 AND revision ${backwards ? '<=' : '>='} $2
          ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        [streamName, from, limit],
      );
      for (const row of rows) yield toRecorded(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      from = Number(rows[rows.length - 1].revision) + (backwards ? -1 : 1);
    }
  }

  /** Whole streams in one query: an import reads the streams of a thousand lines at once. */
  async readStreams(streamNames: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const streams = new Map<string, RecordedEvent[]>(streamNames.map((name) => [name, []]));
    if (streamNames.length === 0) return streams;
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENT} WHERE stream_name = ANY($1::text[]) ORDER BY stream_name, revision`,
      [streamNames],
    );
    for (const row of rows) streams.get(row.stream_name)?.push(toRecorded(row));
    return streams;
  }

  /** One page of the global log after `after`, below the visibility barrier. */
  async readAllBatch(after: Position, limit: number, filter?: EventFilter): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT position, event_id, stream_name, revision, event_type, data, metadata, recorded_at
         FROM tally_read_all($1, $2, $3, $4, $5)`,
      [after.commit.toString(), limit, ...filterParams(filter)],
    );
    return rows.map(toRecorded);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.fromPosition ?? START;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(this.batchSize, remaining);
      const events = await this.readAllBatch(after, limit, options.filter);
      yield* events;
      if (events.length < limit) return;
      remaining -= events.length;
      after = events[events.length - 1].position;
    }
  }

  /** A lost database connection does not end the subscription: it reads again from where it was, after a pause. */
  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const abort = new AbortController();
    const store = this;
    async function* run(): AsyncGenerator<RecordedEvent> {
      let after = options.fromPosition ?? START;
      // After a wake-up, an append can still be behind the barrier (another transaction is open): look again
      // soon, backing off to the poll interval, instead of waiting a whole interval.
      let retryMs = 0;
      let connectionFailures = 0;
      try {
        while (!abort.signal.aborted) {
          const seen = store.appendCount;
          let events: RecordedEvent[];
          try {
            events = await store.readAllBatch(after, store.batchSize, options.filter);
            connectionFailures = 0;
          } catch (error) {
            // Transient: the next read gets a new connection. Bounded back-off while the database stays away.
            if (!isConnectionError(error)) throw error;
            connectionFailures++;
            await sleep(Math.min(5_000, 50 * 2 ** Math.min(connectionFailures, 7)), undefined, { signal: abort.signal });
            continue;
          }
          for (const event of events) {
            if (abort.signal.aborted) return;
            yield event;
            after = event.position;
          }
          if (events.length === store.batchSize) continue;
          if (events.length > 0 || retryMs >= store.pollIntervalMs) retryMs = 0;
          if (retryMs > 0) {
            await store.waitForAppend(seen, abort.signal, retryMs);
            retryMs *= 2;
            continue;
          }
          if (await store.waitForAppend(seen, abort.signal)) retryMs = 5;
        }
      } catch (error) {
        if (!abort.signal.aborted) throw error;
      }
    }
    const iterator = run();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        abort.abort();
        await iterator.return(undefined);
      },
    };
  }

  private notifyAppended(results: readonly AppendResult[]): void {
    for (const { position: at, alreadyStored } of results) {
      if (alreadyStored) continue;
      this.localPositions.add(at.commit.toString());
      if (this.localPositions.size > KEPT_LOCAL_POSITIONS) {
        this.localPositions.delete(this.localPositions.values().next().value!);
      }
    }
    this.wakeSubscriptions();
  }

  private wakeSubscriptions(): void {
    this.appendCount++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /**
   * Another process appended (its NOTIFY carried `notifiedPosition`; null: a reconnected listener that cannot say
   * what it missed): idle subscriptions look now instead of at their next poll. Answers false for the echo of an
   * append made through this instance, which woke everyone already, so callers poke their own readers only on true.
   */
  appendedElsewhere(notifiedPosition: string | null): boolean {
    if (notifiedPosition !== null && this.localPositions.delete(notifiedPosition)) return false;
    this.wakeSubscriptions();
    return true;
  }

  /**
   * Sleeps until a local append after `seen`, `ms` (the poll interval by default), or the abort, whichever comes
   * first; answers whether an append woke it.
   */
  private waitForAppend(seen: number, signal: AbortSignal, ms = this.pollIntervalMs): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    if (this.appendCount !== seen) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve(this.appendCount !== seen);
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  async headPosition(): Promise<Position | null> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      'SELECT max(position) AS position FROM tally_events WHERE position < tally_safe_position()',
    );
    return rows[0].position === null ? null : position(BigInt(rows[0].position));
  }

  /** How many events (matching `filter`) a reader at `after` has still to read: a projection's lag. */
  async countAfter(after: Position | null, filter?: EventFilter): Promise<number> {
    const [categories, types, patterns] = filterParams(filter);
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM tally_events
        WHERE position > $1 AND position < tally_safe_position()
          AND ($2::text[] IS NULL OR category = ANY ($2))
          AND ($3::text[] IS NULL OR event_type = ANY ($3) OR event_type LIKE ANY ($4))`,
      [(after ?? START).commit.toString(), categories, types, patterns],
    );
    return Number(rows[0].count);
  }

  async close(): Promise<void> {
    // The last appends' NOTIFY, before the caller closes the pool under it.
    await this.notifying;
    for (const wake of this.waiters) wake();
  }
}

export type TransactionAppender = Readonly<{
  appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
}>;
