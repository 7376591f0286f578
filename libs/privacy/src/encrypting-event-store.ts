// Crypto-shredding above the event-store port, so it works on every adapter: personal values are sealed with their
// contact's data key on append and opened on every read; once the key is destroyed they read as their redaction.
// Keys are looked up once per page of events, not per event.
import {
  appendToStreams,
  readStreams,
  streamCategory,
  type AppendOptions,
  type EventStore,
  type EventSubscription,
  type MultiStreamAppender,
  type MultiStreamReader,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
} from '#event-store';
import type { DataKeyStore } from './data-key-store.js';
import { keyOwnersOf, openData, ownersOf, personalValuesOf, sealData, type KeyState } from './event-sealing.js';
import { ownerIds, STREAM_OWNERS } from './personal-data.js';

/** Metadata of an event read with redacted values: which fields (paths into data) were erased. */
export type RedactedMetadata = Readonly<{ redacted?: readonly string[] }>;

export const redactedFields = (event: Pick<RecordedEvent, 'metadata'>): readonly string[] =>
  (event.metadata as RecordedEvent['metadata'] & RedactedMetadata).redacted ?? [];

const PAGE_SIZE = 500;

export class EncryptingEventStore implements EventStore, MultiStreamAppender, MultiStreamReader {
  constructor(
    readonly inner: EventStore,
    readonly keys: DataKeyStore,
  ) {}

  async appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions) {
    const [sealed] = await this.seal([{ streamName, events }]);
    return this.inner.appendToStream(streamName, sealed.events, options);
  }

  async appendToStreams(appends: readonly StreamAppend[]) {
    return appendToStreams(this.inner, await this.seal(appends));
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.openPages(this.inner.readStream(streamName, options));
  }

  async readStreams(streamNames: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const streams = await readStreams(this.inner, streamNames);
    const opened = await this.reveal([...streams.values()].flat());
    const byId = new Map(opened.map((event) => [event.id, event]));
    return new Map([...streams].map(([name, events]) => [name, events.map((event) => byId.get(event.id) ?? event)]));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.openPages(this.inner.readAll(options));
  }

  /** Live events arrive one at a time: each is opened on arrival (a cached key costs no query). */
  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    const subscription = this.inner.subscribeToAll(options);
    const open = async function* (store: EncryptingEventStore): AsyncGenerator<RecordedEvent> {
      for await (const event of subscription) yield* await store.reveal([event]);
    };
    const opened = open(this);
    return { [Symbol.asyncIterator]: () => opened[Symbol.asyncIterator](), close: () => subscription.close() };
  }

  headPosition() {
    return this.inner.headPosition();
  }

  close() {
    return this.inner.close();
  }

  /** Stored events as readers see them: for code that reads stored rows past the port (one key query per call). */
  async reveal(events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    const owners = keyOwnersOf(events);
    const keys = owners.size > 0 ? await this.keys.keys(owners) : new Map<string, KeyState>();
    return events.map((event) => {
      const { data, redacted } = openData(event.id, event.type, event.metadata.schemaVersion, event.data, (id) => keys.get(id));
      if (data === event.data && redacted.length === 0) return event;
      return { ...event, data, metadata: redacted.length > 0 ? { ...event.metadata, redacted } : event.metadata };
    });
  }

  /**
   * Events sealed for storage: keys made for new contacts (every owner's, in one lookup), the redaction stored when
   * an owner is erased.
   */
  async seal(appends: readonly StreamAppend[]): Promise<StreamAppend[]> {
    const owners = new Map<NewEvent, readonly string[]>();
    for (const { streamName, events } of appends) {
      for (const event of events) {
        if (personalValuesOf(event.type, event.metadata.schemaVersion, event.data).length === 0) continue;
        const declared = ownersOf(event.type, event.data);
        const resolved = declared === 'stream' ? await this.streamOwners(streamName, events) : declared;
        if (resolved.length > 0) owners.set(event, resolved);
      }
    }
    if (owners.size === 0) return [...appends];
    const keys = await this.keys.keys([...owners.values()].flat(), { create: true });
    return appends.map(({ streamName, events }) => ({
      streamName,
      events: events.map((event) => {
        const eventKeys = (owners.get(event) ?? []).map((owner) => keys.get(owner));
        if (eventKeys.length === 0 || !eventKeys.every((key): key is KeyState => key !== undefined)) return event;
        return { ...event, data: sealData(event.id, event.type, event.metadata.schemaVersion, event.data, eventKeys) };
      }),
    }));
  }

  /** The owners of a stream whose later events do not name them: from its first event, in this append or stored. */
  private async streamOwners(streamName: string, appending: readonly NewEvent[]): Promise<readonly string[]> {
    const ownerOfFirst = STREAM_OWNERS[streamCategory(streamName)];
    if (!ownerOfFirst) return [];
    for await (const first of this.inner.readStream(streamName, { maxCount: 1 })) return ownerIds(ownerOfFirst(first));
    return appending.length > 0 ? ownerIds(ownerOfFirst(appending[0])) : [];
  }

  /** Pages of events opened together: one key lookup per page however many events and contacts it holds. */
  private async *openPages(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
    let page: RecordedEvent[] = [];
    for await (const event of events) {
      page.push(event);
      if (page.length >= PAGE_SIZE) {
        yield* await this.reveal(page);
        page = [];
      }
    }
    if (page.length > 0) yield* await this.reveal(page);
  }
}
