// An in-memory EventStoreDB behind the real @eventstore/db-client: the client's own request building, ReadStream,
// Subscription, batch append and error unpacking run; only the gRPC transport is replaced. It answers reads,
// catch-up subscriptions and batch appends with the server's rules as its source states them (IndexWriter.
// CheckCommit, Streams.BatchAppend): idempotency from a bounded cache of recent commits that a restart empties,
// MaxAppendSize counted as data + metadata + 2 x type length, soft-deleted streams reading as absent.
import { EventStoreDBClient } from '@eventstore/db-client';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { Metadata, status } from '@grpc/grpc-js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import { Duplex, Readable } from 'node:stream';

type StoredEvent = {
  streamName: string;
  id: string;
  type: string;
  revision: number;
  position: bigint;
  data: Uint8Array;
  metadata: Uint8Array;
  contentType: string;
};

type StreamState = { events: StoredEvent[]; softDeleted: boolean; tombstoned: boolean; truncateBefore: number };

type Expected = 'any' | 'no_stream' | 'stream_exists' | number;

type Verdict =
  | { kind: 'ok' }
  | { kind: 'idempotent'; last: StoredEvent }
  | { kind: 'wrong_expected_version' }
  | { kind: 'deleted' };

/** What one read call asked for and how many events the fake sent on it. */
export type ReadCall = { kind: 'stream' | 'all' | 'subscription'; count?: string; sent: number; filtered: boolean };

const TICKS_PER_MS = 10_000n;
const EPOCH_TICKS = 621_355_968_000_000_000n;

const serviceError = (code: status, details: string, exception?: Record<string, string>) => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(exception ?? {})) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata });
};

const streamNameOf = (identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

const packed = (message: { serializeBinary(): Uint8Array }, typeName: string) => {
  const any = new anyPb.Any();
  any.pack(message.serializeBinary(), typeName);
  return any;
};

export class FakeEventStoreDB {
  readonly streams = new Map<string, StreamState>();
  readonly log: StoredEvent[] = [];
  readonly calls: ReadCall[] = [];
  /** Event id -> where it was committed: the server's bounded cache of recent commits. */
  private readonly recentCommits = new Map<string, { streamName: string; revision: number }>();
  private nextPosition = 1_000n;
  private readonly live = new Set<{ offer(event: StoredEvent): void; fail(error: Error): void }>();

  constructor(
    private readonly settings: { maxAppendSize?: number; commitCacheSize?: number; sendsCaughtUp?: boolean } = {},
  ) {}

  /** A client whose gRPC calls reach this fake. */
  client(options: { throwOnAppendFailure?: boolean } = {}): EventStoreDBClient {
    const client = new EventStoreDBClient(
      { endpoint: 'fake-eventstoredb:2113', throwOnAppendFailure: options.throwOnAppendFailure ?? true },
      { insecure: true },
    );
    const grpc = {
      read: (request: InstanceType<typeof streamsPb.ReadReq>) => this.read(request),
      batchAppend: () => this.batchAppend(),
      getChannel: () => ({ getTarget: () => 'dns:fake-eventstoredb:2113', close: () => undefined }),
    };
    // The seams: the client asks these for its gRPC stub and for the server's features.
    Object.assign(client, { getGRPCClient: async () => grpc, supports: async () => true });
    return client;
  }

  /** A server restart: the log stays, the cache of recent commits is empty. */
  restart(): void {
    this.recentCommits.clear();
  }

  /** Ends every open subscription with UNAVAILABLE, as a server going away does. */
  dropSubscriptions(): void {
    for (const subscription of [...this.live]) subscription.fail(serviceError(status.UNAVAILABLE, 'Connection dropped'));
  }

  get openSubscriptions(): number {
    return this.live.size;
  }

  softDelete(streamName: string): void {
    const stream = this.streams.get(streamName);
    if (!stream) throw new Error(`no stream ${streamName}`);
    stream.softDeleted = true;
    this.writeSystemEvent(`$$${streamName}`, '$metadata');
  }

  tombstone(streamName: string): void {
    const stream = this.streams.get(streamName) ?? this.newStream(streamName);
    stream.tombstoned = true;
    this.writeSystemEvent(streamName, '$streamDeleted');
  }

  /** A write by someone else (another client, or the server itself), straight into the log. */
  writeSystemEvent(streamName: string, type: string): void {
    this.commit(streamName, this.streams.get(streamName) ?? this.newStream(streamName), [
      { id: crypto.randomUUID(), type, data: Buffer.from('{}'), metadata: new Uint8Array(), contentType: 'application/json' },
    ]);
  }

  private newStream(streamName: string): StreamState {
    const stream: StreamState = { events: [], softDeleted: false, tombstoned: false, truncateBefore: 0 };
    this.streams.set(streamName, stream);
    return stream;
  }

  private visible(stream: StreamState | undefined): StoredEvent[] | null {
    if (!stream || stream.softDeleted) return null;
    const events = stream.events.filter((e) => e.revision >= stream.truncateBefore);
    return events.length === 0 ? null : events;
  }

  private read(request: InstanceType<typeof streamsPb.ReadReq>): Readable {
    const options = request.getOptions()!;
    const count = options.getCount();
    const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    if (options.hasStream()) return this.readStream(options.getStream()!, count, backwards);
    if (options.hasSubscription()) return this.subscribe(options);
    return this.readAll(options.getAll()!, count, backwards);
  }

  private eventResponse(event: StoredEvent) {
    const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
    const id = new sharedPb.UUID();
    id.setString(event.id);
    const name = new sharedPb.StreamIdentifier();
    name.setStreamName(Buffer.from(event.streamName));
    recorded.setId(id);
    recorded.setStreamIdentifier(name);
    recorded.setStreamRevision(String(event.revision));
    recorded.setCommitPosition(String(event.position));
    recorded.setPreparePosition(String(event.position));
    recorded.setData(event.data);
    recorded.setCustomMetadata(event.metadata);
    recorded.getMetadataMap().set('type', event.type);
    recorded.getMetadataMap().set('content-type', event.contentType);
    recorded.getMetadataMap().set('created', String(EPOCH_TICKS + BigInt(Date.now()) * TICKS_PER_MS));
    const readEvent = new streamsPb.ReadResp.ReadEvent();
    readEvent.setEvent(recorded);
    readEvent.setNoPosition(new sharedPb.Empty());
    const response = new streamsPb.ReadResp();
    response.setEvent(readEvent);
    return response;
  }

  /** A pull stream: the next response is made when the client reads, as HTTP/2 flow control would allow. */
  private pull(call: ReadCall, next: () => unknown | undefined): Readable {
    this.calls.push(call);
    const stream = new Readable({
      objectMode: true,
      read() {
        const response = next();
        if (response === undefined) return void this.push(null);
        if (response instanceof streamsPb.ReadResp && response.hasEvent()) call.sent++;
        this.push(response);
      },
    });
    return Object.assign(stream, {
      cancel: () => stream.destroy(serviceError(status.CANCELLED, 'Cancelled on client')),
    });
  }

  private readStream(options: InstanceType<typeof streamsPb.ReadReq.Options.StreamOptions>, count: string, backwards: boolean) {
    const streamName = streamNameOf(options.getStreamIdentifier());
    const stream = this.streams.get(streamName);
    const call: ReadCall = { kind: 'stream', count, sent: 0, filtered: false };
    if (stream?.tombstoned) {
      const failed = this.pull(call, () => undefined);
      process.nextTick(() =>
        failed.destroy(serviceError(status.FAILED_PRECONDITION, 'Stream deleted', { exception: 'stream-deleted', 'stream-name': streamName })),
      );
      return failed;
    }
    const events = this.visible(stream);
    if (!events) {
      let sent = false;
      return this.pull(call, () => {
        if (sent) return undefined;
        sent = true;
        const notFound = new streamsPb.ReadResp.StreamNotFound();
        const name = new sharedPb.StreamIdentifier();
        name.setStreamName(Buffer.from(streamName));
        notFound.setStreamIdentifier(name);
        const response = new streamsPb.ReadResp();
        response.setStreamNotFound(notFound);
        return response;
      });
    }
    const from = options.hasRevision() ? Number(options.getRevision()) : backwards ? Infinity : 0;
    const selected = backwards ? events.filter((e) => e.revision <= from).reverse() : events.filter((e) => e.revision >= from);
    const limit = Number(count);
    let index = 0;
    return this.pull(call, () => (index < Math.min(limit, selected.length) ? this.eventResponse(selected[index++]) : undefined));
  }

  private readAll(options: InstanceType<typeof streamsPb.ReadReq.Options.AllOptions>, count: string, backwards: boolean) {
    const from = options.hasPosition() ? BigInt(options.getPosition()!.getCommitPosition()) : undefined;
    const selected = backwards
      ? this.log.filter((e) => from === undefined || e.position < from).reverse()
      : this.log.filter((e) => from === undefined || e.position >= from);
    const limit = Number(count);
    let index = 0;
    const call: ReadCall = { kind: 'all', count, sent: 0, filtered: false };
    return this.pull(call, () => (index < Math.min(limit, selected.length) ? this.eventResponse(selected[index++]) : undefined));
  }

  private subscribe(options: InstanceType<typeof streamsPb.ReadReq.Options>): Readable {
    const all = options.getAll()!;
    const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : -1n;
    const filter = options.hasFilter() ? options.getFilter()! : undefined;
    const expression = filter?.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter?.getEventType();
    const onStreamName = Boolean(filter?.hasStreamIdentifier());
    const passes = (event: StoredEvent) => {
      if (!expression) return true;
      const subject = onStreamName ? event.streamName : event.type;
      const prefixes = expression.getPrefixList();
      if (prefixes.length > 0) return prefixes.some((prefix) => subject.startsWith(prefix));
      return new RegExp(expression.getRegex()).test(subject);
    };
    const call: ReadCall = { kind: 'subscription', sent: 0, filtered: Boolean(filter) };
    this.calls.push(call);
    const queue: unknown[] = [];
    const confirmation = new streamsPb.ReadResp();
    confirmation.setConfirmation(new streamsPb.ReadResp.SubscriptionConfirmation());
    queue.push(confirmation);
    for (const event of this.log) if (event.position > after && passes(event)) queue.push(this.eventResponse(event));
    if (this.settings.sendsCaughtUp ?? true) {
      const caughtUp = new streamsPb.ReadResp();
      caughtUp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
      queue.push(caughtUp);
    }
    let waiting = false;
    const live = this.live;
    const stream = new Readable({
      objectMode: true,
      read() {
        const response = queue.shift();
        if (response === undefined) return void (waiting = true);
        if ((response as InstanceType<typeof streamsPb.ReadResp>).hasEvent()) call.sent++;
        this.push(response);
      },
      destroy(error, callback) {
        live.delete(subscriber);
        callback(error);
      },
    });
    const subscriber = {
      offer: (event: StoredEvent) => {
        if (!passes(event)) return;
        queue.push(this.eventResponse(event));
        if (waiting) {
          waiting = false;
          call.sent++;
          stream.push(queue.shift());
        }
      },
      fail: (error: Error) => stream.destroy(error),
    };
    this.live.add(subscriber);
    return Object.assign(stream, {
      cancel: () => stream.destroy(serviceError(status.CANCELLED, 'Cancelled on client')),
    });
  }

  private batchAppend(): Duplex {
    let pending: { streamName: string; expected: Expected; messages: InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>[] } | undefined;
    const duplex: Duplex = new Duplex({
      objectMode: true,
      read() {},
      write: (request: InstanceType<typeof streamsPb.BatchAppendReq>, _encoding, callback) => {
        if (request.hasOptions()) {
          const options = request.getOptions()!;
          const expected: Expected = options.hasAny()
            ? 'any'
            : options.hasNoStream()
              ? 'no_stream'
              : options.hasStreamExists()
                ? 'stream_exists'
                : Number(options.getStreamPosition());
          pending = { streamName: streamNameOf(options.getStreamIdentifier()), expected, messages: [] };
        }
        pending!.messages.push(...request.getProposedMessagesList());
        if (request.getIsFinal()) {
          const { streamName, expected, messages } = pending!;
          const response = this.appendBatch(streamName, expected, messages);
          response.setCorrelationId(request.getCorrelationId());
          const name = new sharedPb.StreamIdentifier();
          name.setStreamName(Buffer.from(streamName));
          response.setStreamIdentifier(name);
          // Answered asynchronously, as a server would.
          setImmediate(() => duplex.push(response));
        }
        callback();
      },
    });
    return Object.assign(duplex, { cancel: () => duplex.destroy() });
  }

  private appendBatch(
    streamName: string,
    expected: Expected,
    messages: InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>[],
  ): InstanceType<typeof streamsPb.BatchAppendResp> {
    const response = new streamsPb.BatchAppendResp();
    const fail = (details: InstanceType<typeof anyPb.Any>) => {
      const error = new statusPb.Status();
      error.setDetails(details);
      response.setError(error);
      return response;
    };
    const proposed = messages.map((m) => ({
      id: m.getId()!.getString().toLowerCase(),
      type: m.getMetadataMap().get('type')!,
      contentType: m.getMetadataMap().get('content-type')!,
      data: m.getData_asU8(),
      metadata: m.getCustomMetadata_asU8(),
    }));
    const size = proposed.reduce((sum, e) => sum + e.data.length + e.metadata.length + e.type.length * 2, 0);
    const maxAppendSize = this.settings.maxAppendSize ?? 1024 * 1024;
    if (size > maxAppendSize) {
      const exceeded = new sharedPb.MaximumAppendSizeExceeded();
      exceeded.setMaxappendsize(maxAppendSize);
      return fail(packed(exceeded, 'event_store.client.MaximumAppendSizeExceeded'));
    }
    const stream = this.streams.get(streamName);
    const current = stream && stream.events.length > 0 ? stream.events[stream.events.length - 1].revision : -1;
    const verdict = this.checkCommit(streamName, stream, current, expected, proposed.map((e) => e.id));
    if (verdict.kind === 'deleted') {
      const deleted = new sharedPb.StreamDeleted();
      const name = new sharedPb.StreamIdentifier();
      name.setStreamName(Buffer.from(streamName));
      deleted.setStreamIdentifier(name);
      return fail(packed(deleted, 'event_store.client.StreamDeleted'));
    }
    if (verdict.kind === 'wrong_expected_version') {
      const wrong = new sharedPb.WrongExpectedVersion();
      if (current >= 0) wrong.setCurrentStreamRevision(String(current));
      else wrong.setCurrentNoStream(new emptyPb.Empty());
      if (typeof expected === 'number') wrong.setExpectedStreamPosition(String(expected));
      else if (expected === 'no_stream') wrong.setExpectedNoStream(new emptyPb.Empty());
      else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
      else wrong.setExpectedAny(new emptyPb.Empty());
      return fail(packed(wrong, 'event_store.client.WrongExpectedVersion'));
    }
    const last =
      verdict.kind === 'idempotent' ? verdict.last : this.commit(streamName, stream ?? this.newStream(streamName), proposed);
    const success = new streamsPb.BatchAppendResp.Success();
    success.setCurrentRevision(String(last.revision));
    const position = new sharedPb.AllStreamPosition();
    position.setCommitPosition(String(last.position));
    position.setPreparePosition(String(last.position));
    success.setPosition(position);
    response.setSuccess(success);
    return response;
  }

  /** IndexWriter.CheckCommit, for the cases a Tally append can meet. */
  private checkCommit(
    streamName: string,
    stream: StreamState | undefined,
    current: number,
    expected: Expected,
    ids: string[],
  ): Verdict {
    if (stream?.tombstoned) return { kind: 'deleted' };
    if (expected === 'stream_exists' && (current < 0 || stream?.softDeleted)) return { kind: 'wrong_expected_version' };
    if (expected === 'any' || expected === 'stream_exists') {
      let last: StoredEvent | undefined;
      for (const [i, id] of ids.entries()) {
        const cached = this.recentCommits.get(id);
        if (!cached || cached.streamName !== streamName) return i === 0 ? { kind: 'ok' } : { kind: 'wrong_expected_version' };
        last = stream!.events.find((e) => e.revision === cached.revision);
      }
      return { kind: 'idempotent', last: last! };
    }
    const expectedRevision = expected === 'no_stream' ? -1 : expected;
    if (expectedRevision < current) {
      let revision = expectedRevision;
      let last: StoredEvent | undefined;
      for (const id of ids) {
        revision++;
        const stored = stream!.events.find((e) => e.revision === revision);
        if (stored?.id === id) {
          last = stored;
          continue;
        }
        if (revision !== expectedRevision + 1) return { kind: 'wrong_expected_version' };
        if (expected === 'no_stream' && stream?.softDeleted) return { kind: 'ok' };
        return { kind: 'wrong_expected_version' };
      }
      return { kind: 'idempotent', last: last! };
    }
    return expectedRevision > current ? { kind: 'wrong_expected_version' } : { kind: 'ok' };
  }

  private commit(
    streamName: string,
    stream: StreamState,
    proposed: { id: string; type: string; contentType: string; data: Uint8Array; metadata: Uint8Array }[],
  ): StoredEvent {
    const current = stream.events.length > 0 ? stream.events[stream.events.length - 1].revision : -1;
    if (stream.softDeleted) {
      // Written again after a soft delete: the old events stay hidden, revisions continue.
      stream.softDeleted = false;
      stream.truncateBefore = current + 1;
    }
    const stored = proposed.map((event, i) => ({
      ...event,
      streamName,
      revision: current + 1 + i,
      position: (this.nextPosition += 100n),
    }));
    stream.events.push(...stored);
    this.log.push(...stored);
    for (const event of stored) {
      this.recentCommits.set(event.id, { streamName, revision: event.revision });
      const capacity = this.settings.commitCacheSize ?? 100_000;
      if (this.recentCommits.size > capacity) this.recentCommits.delete(this.recentCommits.keys().next().value!);
    }
    for (const subscriber of this.live) for (const event of stored) subscriber.offer(event);
    return stored[stored.length - 1];
  }
}
