import {
  formatPosition,
  type EventFilter,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../../event-store/src/index.js';

/** One page of the log after `after`, through the port. */
export const readPage = async (
  store: EventStore,
  after: Position | null,
  maxCount: number,
  filter?: EventFilter,
): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll({ ...(after ? { fromPosition: after } : {}), maxCount, filter })) {
    events.push(event);
  }
  return events;
};

/**
 * Reads the log for all the builds of an engine. Pages are unfiltered (each build filters in memory), so builds at
 * the same position share one read: all of them during a full rebuild, and live builds woken by the same append.
 * Concurrent requests for a page share one query, and the latest full pages are kept for the builds behind. A build
 * that runs ahead waits (briefly) while the kept pages are all still awaited, so the builds of a rebuild stay
 * together instead of each reading the whole log. A short page is never kept: the log may have grown since.
 */
export class SharedPageReader {
  private readonly pending = new Map<string, Promise<RecordedEvent[]>>();
  private readonly kept = new Map<string, RecordedEvent[]>();

  constructor(
    private readonly store: EventStore,
    readonly pageSize: number,
    private readonly options: Readonly<{
      keptPages: number;
      /** Whether a running build is at this page key and will read from it. */
      isAwaited: (key: string) => boolean;
      /** The longest a build ahead waits for the others before it reads on alone. */
      maxLeadWaitMs: number;
    }>,
  ) {}

  static keyOf(after: Position | null): string {
    return after ? formatPosition(after) : '';
  }

  read(after: Position | null): Promise<RecordedEvent[]> {
    const key = SharedPageReader.keyOf(after);
    const kept = this.kept.get(key);
    if (kept) return Promise.resolve(kept);
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fetch(key, after);
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async fetch(key: string, after: Position | null): Promise<RecordedEvent[]> {
    try {
      await this.makeRoom();
      const page = await readPage(this.store, after, this.pageSize);
      if (page.length === this.pageSize) this.kept.set(key, page);
      return page;
    } finally {
      this.pending.delete(key);
    }
  }

  private async makeRoom(): Promise<void> {
    const deadline = Date.now() + this.options.maxLeadWaitMs;
    while (this.kept.size >= this.options.keptPages) {
      const unawaited = [...this.kept.keys()].find((key) => !this.options.isAwaited(key));
      if (unawaited !== undefined) {
        this.kept.delete(unawaited);
      } else if (Date.now() >= deadline) {
        this.kept.delete(this.kept.keys().next().value!);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  }
}
