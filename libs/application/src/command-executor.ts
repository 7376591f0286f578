// The thin write path every command takes: read the stream, fold, decide, append with the expected revision.
import { fold, type Command, type Decider, type DomainEvent } from '#domain/shared';
import {
  WrongExpectedRevision,
  formatPosition,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '#event-store';
import type { RequestContext } from './request-context.js';

export type CommandResult = Readonly<{
  streamName: string;
  /** The stream's revision after the command (unchanged when the command decided nothing). -1: no stream. */
  revision: number;
  /** Global position of the last event written, or null when nothing was written. */
  position: string | null;
  events: readonly DomainEvent[];
  /** Set when the command's events were already stored (a re-send): the answer is the first one, not today's state. */
  replayed?: true;
}>;

export type ExecuteOptions = Readonly<{
  /** The revision the client last saw (If-Match): a mismatch is a conflict, never a silent re-decide. */
  ifMatch?: number;
  occurredAt?: string;
}>;

/** One command's event ids on one stream, taken from the context once and reused by every attempt. */
type EventIds = Readonly<{ take(count: number): readonly string[] }>;

const eventIds = (context: RequestContext, streamName: string): EventIds => {
  const taken: string[] = [];
  return {
    take: (count) => {
      while (taken.length < count) taken.push(context.ids.next(`event:${streamName}`));
      return taken.slice(0, count);
    },
  };
};

export type SchemaVersions = Readonly<{ schemaVersionOf(type: string): number }>;

export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly schemas: SchemaVersions,
    private readonly onAppended: () => void = () => undefined,
  ) {}

  async readStream(streamName: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(streamName)) events.push(event);
    return events;
  }

  async load<E extends DomainEvent, S>(
    streamName: string,
    decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>,
  ): Promise<{ state: S; revision: number; recorded: RecordedEvent[] }> {
    const recorded = await this.readStream(streamName);
    const state = fold(decider, recorded.map((e) => ({ type: e.type, data: e.data }) as E));
    return { state, revision: recorded.length ? recorded[recorded.length - 1].revision : -1, recorded };
  }

  async execute<C extends Command, E extends DomainEvent, S>(
    streamName: string,
    decider: Decider<C, E, S>,
    command: C,
    context: RequestContext,
    options: ExecuteOptions = {},
  ): Promise<CommandResult> {
    // A command safe to re-decide gets one retry on a race; one pinned by If-Match does not.
    const attempts = options.ifMatch === undefined ? 2 : 1;
    // Every attempt writes under the same ids: a re-send after a crash then finds the events whichever attempt wrote.
    const ids = eventIds(context, streamName);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.executeOnce(streamName, decider, command, context, options, ids);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= attempts) throw error;
      }
    }
  }

  private async executeOnce<C extends Command, E extends DomainEvent, S>(
    streamName: string,
    decider: Decider<C, E, S>,
    command: C,
    context: RequestContext,
    options: ExecuteOptions,
    ids: EventIds,
  ): Promise<CommandResult> {
    const { state, revision, recorded } = await this.load(streamName, decider);
    // The first id is taken before deciding: a retry under the same idempotency key derives the same first id, finds
    // it stored, and answers as the first time instead of re-deciding on the changed state.
    const [firstId] = ids.take(1);
    const storedFrom = recorded.findIndex((e) => e.id === firstId);
    if (storedFrom !== -1) return this.resultOf(streamName, this.batchAt(recorded, storedFrom));

    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      throw new WrongExpectedRevision(streamName, options.ifMatch, revision === -1 ? 'no_stream' : revision);
    }
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { streamName, revision, position: null, events: [] };

    const expectedRevision: ExpectedRevision = revision === -1 ? 'no_stream' : revision;
    const result = await this.store.appendToStream(
      streamName,
      this.envelopes(decided, ids.take(decided.length), command, context, options),
      { expectedRevision },
    );
    this.onAppended();
    return { streamName, revision: result.nextRevision, position: formatPosition(result.position), events: decided };
  }

  /** Appends events decided elsewhere (a second stream of the same command, such as a contact's activity). */
  async append(
    streamName: string,
    events: readonly DomainEvent[],
    command: Command,
    context: RequestContext,
    options: ExecuteOptions & { expectedRevision?: ExpectedRevision } = {},
  ): Promise<CommandResult> {
    if (events.length === 0) return { streamName, revision: -1, position: null, events };
    const ids = Array.from({ length: events.length }, () => context.ids.next(`event:${streamName}`));
    const result = await this.store.appendToStream(streamName, this.envelopes(events, ids, command, context, options), {
      expectedRevision: options.expectedRevision ?? 'any',
    });
    this.onAppended();
    return { streamName, revision: result.nextRevision, position: formatPosition(result.position), events };
  }

  private envelopes(
    events: readonly DomainEvent[],
    ids: readonly string[],
    command: Command,
    context: RequestContext,
    options: ExecuteOptions,
  ): NewEvent[] {
    const occurredAt = options.occurredAt ?? command.metadata.occurredAt ?? command.metadata.now;
    return events.map((event, index) => ({
      id: ids[index],
      type: event.type,
      data: event.data,
      metadata: {
        occurredAt,
        actor: context.actor,
        correlationId: context.correlationId,
        causationId: context.causationId,
        schemaVersion: this.schemas.schemaVersionOf(event.type),
        source: context.source,
      },
    }));
  }

  /** The events one earlier command appended, starting at `index`: they share its correlation id. */
  private batchAt(recorded: readonly RecordedEvent[], index: number): RecordedEvent[] {
    const { correlationId } = recorded[index].metadata;
    const batch = [recorded[index]];
    for (let i = index + 1; i < recorded.length && recorded[i].metadata.correlationId === correlationId; i++) {
      batch.push(recorded[i]);
    }
    return batch;
  }

  private resultOf(streamName: string, stored: readonly RecordedEvent[]): CommandResult {
    const last = stored[stored.length - 1];
    const position: Position = last.position;
    return {
      streamName,
      revision: last.revision,
      position: formatPosition(position),
      events: stored.map((e) => ({ type: e.type, data: e.data })),
      replayed: true,
    };
  }
}
