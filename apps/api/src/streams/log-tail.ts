// One subscription to the head of the log for the whole api. Streams that have caught up wait here for the next
// append instead of each holding a subscription (and its page of up to a thousand events) of its own.
import { setTimeout as delay } from 'node:timers/promises';
import type { EventStore, EventSubscription } from '#event-store';

/** Resolves after `ms`, or at once when `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => undefined);

export class LogTail {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private readonly stopping = new AbortController();
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly onError: (error: unknown) => void,
    private readonly retryMs = 1_000,
  ) {}

  /** Taken before a read and passed to `wait`, so that an append between the read and the wait is not missed. */
  mark(): number {
    this.loop ??= this.run();
    return this.generation;
  }

  /** Resolves once the log has grown since `mark`, after `timeoutMs`, or when `signal` aborts. */
  wait(mark: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.generation !== mark || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.subscription?.close();
    await this.loop;
    this.wake();
  }

  private wake(): void {
    this.generation++;
    for (const waiter of this.waiters) waiter();
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        const head = await this.store.headPosition();
        this.subscription = this.store.subscribeToAll({ fromPosition: head ?? undefined });
        // Everything up to `head` is readable now: a stream that read before it looks again.
        this.wake();
        if (this.stopping.signal.aborted) await this.subscription.close();
        for await (const _event of this.subscription) this.wake();
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        // Waiting streams still look again on their own timeout; this only delays live events.
        this.onError(error);
        await pause(this.retryMs, this.stopping.signal);
      }
    }
  }
}
