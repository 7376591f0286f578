// Recording: commands through deciders, events into per-stream batches with their envelope.
import { eventCatalog } from '#domain/catalog';
import type { Command, CommandMetadata, Decider, DomainEvent } from '#domain/shared';
import {
  uniqueValueDecider,
  uniqueValueStream,
  type UniqueValueCommand,
  type UniqueValueEvent,
  type UniqueValueKind,
  type UniqueValueState,
} from '#domain/unique-value';
import type { NewEvent } from '#event-store';
import type { Prng } from './prng.js';

/** Events of one stream, in order. Every stream of the history comes in exactly one batch. */
export type StreamBatch = Readonly<{ streamName: string; events: readonly NewEvent[] }>;

export const SEED_SOURCE = 'seed';

export type Step = Readonly<{ actor: string; correlationId: string; metadata: CommandMetadata }>;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const calendarDate = (ms: number): string => iso(ms).slice(0, 10);
export const ascii = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

export class StreamLog {
  private readonly streams = new Map<string, NewEvent[]>();

  constructor(private readonly ids: Prng) {}

  step(at: number, actor: string): Step {
    const now = iso(at);
    return { actor, correlationId: this.ids.uuid(), metadata: { now, occurredAt: now } };
  }

  record(streamName: string, events: readonly DomainEvent[], step: Step): void {
    if (events.length === 0) return;
    let stream = this.streams.get(streamName);
    if (stream === undefined) {
      stream = [];
      this.streams.set(streamName, stream);
    }
    for (const event of events) {
      stream.push({
        id: this.ids.uuid(),
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt: step.metadata.now,
          actor: step.actor,
          correlationId: step.correlationId,
          causationId: null,
          schemaVersion: eventCatalog.schemaVersionOf(event.type),
          source: SEED_SOURCE,
        },
      });
    }
  }

  batches(): StreamBatch[] {
    return [...this.streams].map(([streamName, events]) => ({ streamName, events }));
  }
}

/** One stream's decider state, advanced by the events it decides. */
export class Aggregate<C extends Command, E extends DomainEvent, S> {
  private current: S;

  constructor(
    private readonly decider: Decider<C, E, S>,
    readonly streamName: string,
    private readonly log: StreamLog,
  ) {
    this.current = decider.initialState();
  }

  get state(): S {
    return this.current;
  }

  handle(command: C, step: Step): void {
    const events = this.decider.decide(command, this.current);
    for (const event of events) this.current = this.decider.evolve(this.current, event);
    this.log.record(this.streamName, events, step);
  }
}

export const claimUniqueValue = (log: StreamLog, kind: UniqueValueKind, value: string, ownerId: string, step: Step): void => {
  const claim = new Aggregate<UniqueValueCommand, UniqueValueEvent, UniqueValueState>(uniqueValueDecider, uniqueValueStream(kind, value), log);
  claim.handle({ type: 'ClaimUniqueValue', data: { kind, value, ownerId }, metadata: step.metadata }, step);
};
