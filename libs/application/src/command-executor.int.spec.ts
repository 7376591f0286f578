// A re-sent command (same idempotency key) appends nothing, whichever of the executor's attempts stored it: the
// first attempt here loses an optimistic-concurrency race and the retry is the one that writes.
import type { Command, Decider, DomainEvent } from '#domain/shared';
import { PostgresEventStore, type AppendOptions, type EventStore, type NewEvent } from '#event-store';
import { collect, newEvent } from '#test/support/events';
import { openTestStore, storePort, type TestDatabase } from '#test/support/test-database';
import { CommandExecutor } from './command-executor.js';
import { idempotentIds, randomIds, type RequestContext } from './request-context.js';

// A register: the smallest decider whose outcome depends on the state (setting the value it holds decides nothing).
type SetValue = Command<'SetValue', Readonly<{ value: string }>>;
type ValueSet = DomainEvent<'ValueSet', Readonly<{ value: string }>>;
const register: Decider<SetValue, ValueSet, Readonly<{ value: string | null }>> = {
  decide: (command, state) => (state.value === command.data.value ? [] : [{ type: 'ValueSet', data: { value: command.data.value } }]),
  evolve: (_state, event) => ({ value: event.data.value }),
  initialState: () => ({ value: null }),
};

const setValue = (value: string): SetValue => ({ type: 'SetValue', data: { value }, metadata: { now: '2026-03-01T10:00:00.000Z' } });
const contextOf = (ids: RequestContext['ids'], correlationId: string): RequestContext => ({
  actor: 'key:test',
  correlationId,
  causationId: correlationId,
  now: '2026-03-01T10:00:00.000Z',
  source: 'test',
  ids,
});
const schemas = { schemaVersionOf: () => 1 };

/** Lets another writer append to `stream` just before the next append there, so that append loses the race. */
class RacedStore {
  private pending: NewEvent[] = [];
  constructor(readonly inner: EventStore) {}

  raceNextAppend(events: NewEvent[]): void {
    this.pending = events;
  }

  asStore(): EventStore {
    const inner = this.inner;
    return storePort(inner, {
      appendToStream: async (streamName: string, events: readonly NewEvent[], options?: AppendOptions) => {
        const competing = this.pending;
        this.pending = [];
        if (competing.length > 0) await inner.appendToStream(streamName, competing);
        return inner.appendToStream(streamName, events, options);
      },
    });
  }
}

describe('CommandExecutor: idempotency across its own retry', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => ({ db, store } = await openTestStore()));
  afterAll(() => db.close());

  const otherWriter = async (streamName: string, value: string) =>
    new CommandExecutor(store, schemas).execute(streamName, register, setValue(value), contextOf(randomIds(), `other-${value}`));

  it('answers a re-send of a command whose retry wrote it, and appends nothing', async () => {
    const streamName = 'register-1';
    await otherWriter(streamName, 'start');
    const raced = new RacedStore(store);
    raced.raceNextAppend([newEvent('ValueSet', { value: 'b' })]);

    const first = await new CommandExecutor(raced.asStore(), schemas).execute(
      streamName,
      register,
      setValue('a'),
      contextOf(idempotentIds('key-1'), 'first'),
    );
    // The race happened: the competitor's event sits before the command's.
    expect((await collect(store.readStream(streamName))).map((e) => e.data)).toEqual([{ value: 'start' }, { value: 'b' }, { value: 'a' }]);

    // Others move the register on; then the client, which never saw an answer (a crash), sends the command again.
    await otherWriter(streamName, 'c');
    const resent = await new CommandExecutor(store, schemas).execute(
      streamName,
      register,
      setValue('a'),
      contextOf(idempotentIds('key-1'), 'resent'),
    );

    const values = (await collect(store.readStream(streamName))).map((e) => (e.data as { value: string }).value);
    expect(values).toEqual(['start', 'b', 'a', 'c']);
    expect(resent).toMatchObject({ revision: first.revision, position: first.position, events: first.events });
  });

  it('writes under the same ids on every attempt', async () => {
    const streamName = 'register-2';
    const raced = new RacedStore(store);
    raced.raceNextAppend([newEvent('ValueSet', { value: 'b' })]);
    await new CommandExecutor(raced.asStore(), schemas).execute(streamName, register, setValue('a'), contextOf(idempotentIds('key-2'), 'first'));

    const stored = await collect(store.readStream(streamName));
    expect(stored[1].id).toBe(idempotentIds('key-2').next(`event:${streamName}`));
  });
});
