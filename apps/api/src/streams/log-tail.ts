// One subscription to the head of the log for the whole api. Streams that have caught up wait here for the next
// append instead of each holding a subscription (and its page of up to a thousand events) of its own, and read the
// newest events from what this subscription already read: one read of the log per append, not one per stream.
import { setTimeout as delay } from 'node:timers/promises';
import { comparePositions, matchesFilter, START, type EventFilter, type EventStore, type EventSubscription, type Position, type RecordedEvent } from '#event-store';

/** The newest events kept for streams that have caught up; a stream further behind reads the store. */
export const RECENT_EVENTS = 1_000;
/** And at most about this many characters of their data: a few large events must not hold the api's memory. */
export const RECENT_CHARACTERS = 8 * 1024 * 1024;

/** Resolves after `ms`, or at once when `signal` aborts. */
const pause = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => undefined);

export class LogTail {
  private generation = 0;
  private readonly waiters = new Set<() => void>();
  private readonly stopping = new AbortController();
  private subscription: EventSubscription | null = null;
  private loop: Promise<void> | null = null;
  // Every event after `coveredAfter` that the subscription has delivered, oldest first; null: none known (starting,
  // or after a failure).
  private recent: RecordedEvent[] = [];
  private sizes: number[] = [];
  private characters = 0;
  private coveredAfter: Position | null = null;

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

  /**
   * Up to `max` events matching `filter` after `after` (undefined: the start of the log), from the events this tail
   * has read; null when it does not hold all of them (the caller reads the store).
   */
  readAfter(after: Position | undefined, filter: EventFilter, max: number): RecordedEvent[] | null {
    if (this.coveredAfter === null || comparePositions(after ?? START, this.coveredAfter) < 0) return null;
    const from = after ?? START;
    // The first event after `from`: a binary search, as the caught-up streams all ask for the newest few.
    let low = 0;
    let high = this.recent.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(this.recent[middle].position, from) <= 0) low = middle + 1;
      else high = middle;
    }
    const page: RecordedEvent[] = [];
    for (let i = low; i < this.recent.length && page.length < max; i++) {
      if (matchesFilter(this.recent[i], filter)) page.push(this.recent[i]);
    }
    return page;
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

  private keep(event: RecordedEvent): void {
    if (this.coveredAfter === null) return;
    if (event.type === 'ContactErased') {
      // Events read before an erasure hold the person's values in clear: from here on they are read from the store,
      // which answers them redacted once the key is gone.
      this.empty();
      this.coveredAfter = event.position;
      return;
    }
    const size = JSON.stringify(event.data ?? null).length + event.type.length + event.streamName.length;
    this.recent.push(event);
    this.sizes.push(size);
    this.characters += size;
    // Trimmed in steps, not per event (splicing the front of an array copies the rest): to three quarters of either
    // bound once one is passed.
    if (this.recent.length < RECENT_EVENTS + RECENT_EVENTS / 4 && this.characters <= RECENT_CHARACTERS) return;
    let drop = 0;
    while (drop < this.recent.length && (this.recent.length - drop > RECENT_EVENTS || this.characters > (RECENT_CHARACTERS * 3) / 4)) {
      this.characters -= this.sizes[drop];
      drop++;
    }
    if (drop === 0) return;
    this.coveredAfter = this.recent[drop - 1].position;
    this.recent.splice(0, drop);
    this.sizes.splice(0, drop);
  }

  private empty(): void {
    this.recent = [];
    this.sizes = [];
    this.characters = 0;
  }

  private forget(): void {
    this.empty();
    this.coveredAfter = null;
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        this.forget();
        const head = await this.store.headPosition();
        this.subscription = this.store.subscribeToAll({ fromPosition: head ?? undefined });
        this.coveredAfter = head ?? START;
        // Everything up to `head` is readable now: a stream that read before it looks again.
        this.wake();
        if (this.stopping.signal.aborted) await this.subscription.close();
        for await (const event of this.subscription) {
          this.keep(event);
          this.wake();
        }
        this.forget();
      } catch (error) {
        this.forget();
        if (this.stopping.signal.aborted) return;
        // Waiting streams still look again on their own timeout; this only delays live events.
        this.onError(error);
        await pause(this.retryMs, this.stopping.signal);
      }
    }
  }
}
