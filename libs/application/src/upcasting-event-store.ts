// Wraps the store so every reader (command handlers, projections, integrators) sees events in their current
// shape. Stored events stay as they were written; only what is read is lifted.
import type { EventCatalog } from '#domain/catalog';
import {
  appendToStreams,
  readStreams,
  type MultiStreamAppender,
  type MultiStreamReader,
  type StreamAppend,
} from '#event-store';
import type {
  AppendOptions,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '#event-store';

export class UpcastingEventStore implements EventStore, MultiStreamAppender, MultiStreamReader {
  constructor(
    readonly inner: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions) {
    return this.inner.appendToStream(streamName, events, options);
  }

  appendToStreams(appends: readonly StreamAppend[]) {
    return appendToStreams(this.inner, appends);
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.lift(this.inner.readStream(streamName, options));
  }

  async readStreams(streamNames: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const streams = await readStreams(this.inner, streamNames);
    return new Map([...streams].map(([name, events]) => [name, events.map((event) => this.upcast(event))]));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.lift(this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    const subscription = this.inner.subscribeToAll(options);
    const lifted = this.lift(subscription);
    return { [Symbol.asyncIterator]: () => lifted[Symbol.asyncIterator](), close: () => subscription.close() };
  }

  headPosition() {
    return this.inner.headPosition();
  }

  close() {
    return this.inner.close();
  }

  upcast(event: RecordedEvent): RecordedEvent {
    const { schemaVersion, data } = this.catalog.upcast(event.type, event.metadata.schemaVersion, event.data);
    if (schemaVersion === event.metadata.schemaVersion) return event;
    return { ...event, data, metadata: { ...event.metadata, schemaVersion } };
  }

  private async *lift(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
    for await (const event of events) yield this.upcast(event);
  }
}
