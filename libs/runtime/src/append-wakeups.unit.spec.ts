// On EventStoreDB the runtime learns of other processes' appends from a subscription the server pushes to (the
// PostgreSQL side, LISTEN/NOTIFY, is libs/event-store/src/postgres/append-listener.int.spec.ts). A fake pushing store
// stands in for the server here; the adapter's own subscription is covered by the event-store contract suite.
import type { EventStore, EventSubscription, RecordedEvent, SubscribeOptions } from '#event-store';
import { listenSetting, wakeOnPushedAppends } from './runtime.js';

/** A store whose subscriptions yield what the test pushes; the first `failures` subscriptions fail at once. */
const pushingStore = (failures: number) => {
  const subscribers = new Set<(event: RecordedEvent | Error) => void>();
  const opened: SubscribeOptions[] = [];
  let failed = 0;
  const store = {
    headPosition: async () => ({ commit: 41n, prepare: 41n }),
    subscribeToAll: (options: SubscribeOptions = {}): EventSubscription => {
      opened.push(options);
      const queue: (RecordedEvent | Error)[] = [];
      let notify: (() => void) | null = null;
      let closed = false;
      const push = (item: RecordedEvent | Error) => {
        queue.push(item);
        notify?.();
      };
      if (failed < failures) {
        failed++;
        queue.push(new Error('connection lost'));
      } else {
        subscribers.add(push);
      }
      async function* run(): AsyncGenerator<RecordedEvent> {
        while (!closed) {
          const item = queue.shift();
          if (item instanceof Error) throw item;
          if (item) {
            yield item;
            continue;
          }
          await new Promise<void>((resolve) => (notify = resolve));
          notify = null;
        }
      }
      const iterator = run();
      return {
        [Symbol.asyncIterator]: () => iterator,
        close: async () => {
          closed = true;
          subscribers.delete(push);
          notify?.();
        },
      };
    },
  } as unknown as EventStore;
  const push = (n: number) => {
    for (const subscriber of subscribers) subscriber({ id: `e${n}` } as RecordedEvent);
  };
  return { store, push, opened, subscribers };
};

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

describe('wake-ups from a pushing store (EventStoreDB)', () => {
  it('subscribes from the head and wakes once per pushed append', async () => {
    const { store, push, opened, subscribers } = pushingStore(0);
    let woken = 0;
    const following = wakeOnPushedAppends(store, () => woken++, () => undefined, 5);
    await until(() => subscribers.size === 1);
    expect(opened[0].fromPosition).toEqual({ commit: 41n, prepare: 41n });
    push(1);
    push(2);
    push(3);
    await until(() => woken === 3);
    await following.close();
    expect(subscribers.size).toBe(0);
  });

  it('subscribes again after the subscription fails, saying so, and wakes again', async () => {
    const { store, push, opened, subscribers } = pushingStore(2);
    const logs: string[] = [];
    let woken = 0;
    const following = wakeOnPushedAppends(store, () => woken++, (message) => logs.push(message), 5);
    await until(() => subscribers.size === 1);
    expect(opened).toHaveLength(3);
    expect(logs).toEqual([expect.stringContaining('connection lost'), expect.stringContaining('connection lost')]);
    push(1);
    await until(() => woken === 1);
    await following.close();
  });
});

describe('TALLY_LISTEN', () => {
  it('is on unless off, and names a bad value', () => {
    expect(listenSetting({})).toBe(true);
    expect(listenSetting({ TALLY_LISTEN: 'off' })).toBe(false);
    expect(listenSetting({ TALLY_LISTEN: 'ON' })).toBe(true);
    expect(() => listenSetting({ TALLY_LISTEN: 'maybe' })).toThrow('TALLY_LISTEN=maybe');
  });
});
