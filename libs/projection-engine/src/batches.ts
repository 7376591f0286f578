import {
  comparePositions,
  formatPosition,
  type EventFilter,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '#event-store';

/** One page of the log after `after`, through the port. */
export const readPage = async (
  store: Pick<EventStore, 'readAll'>,
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
 * Concurrent requests for a page share one query, and the latest full pages are kept for the builds behind. While
 * the kept pages are all still ahead of some build, a build that wants a new page waits (briefly) for the slowest,
 * so the builds of a rebuild stay together instead of each reading the whole log. A short page is never kept: the
 * log may have grown since.
 */
export class SharedPageReader {
  private readonly pending = new Map<string, Promise<RecordedEvent[]>>();
  /** Bumped by every wake-up: a read begun before it may predate the append that woke the builds. */
  private generation = 0;
  private readonly kept = new Map<string, { after: Position | null; events: RecordedEvent[] }>();

  constructor(
    private readonly store: EventStore,
    readonly pageSize: number,
    private readonly options: Readonly<{
      keptPages: number;
      /** Where the builds that go on reading are: each reads the page after its position next. */
      readerPositions: () => (Position | null)[];
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
    if (kept) return Promise.resolve(kept.events);
    // A full page is final, but a short one read before an append may lack it: only reads of this generation share.
    const pendingKey = `${this.generation}|${key}`;
    let pending = this.pending.get(pendingKey);
    if (!pending) {
      pending = this.fetch(key, pendingKey, after);
      this.pending.set(pendingKey, pending);
    }
    return pending;
  }

  /** After an append woke the builds: reads begun before it are not shared with the builds it woke. */
  freshen(): void {
    this.generation++;
  }

  private async fetch(key: string, pendingKey: string, after: Position | null): Promise<RecordedEvent[]> {
    try {
      await this.makeRoom();
      const events = await readPage(this.store, after, this.pageSize);
      if (events.length === this.pageSize) this.kept.set(key, { after, events });
      return events;
    } finally {
      this.pending.delete(pendingKey);
    }
  }

  private async makeRoom(): Promise<void> {
    const deadline = Date.now() + this.options.maxLeadWaitMs;
    while (this.kept.size >= this.options.keptPages) {
      const slowest = this.slowestOnTheChain();
      const passed = [...this.kept].find(([, page]) => slowest !== undefined && isBefore(page.after, slowest));
      if (passed || slowest === undefined) {
        this.kept.delete(passed ? passed[0] : this.kept.keys().next().value!);
      } else if (Date.now() >= deadline) {
        this.kept.delete(this.kept.keys().next().value!);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
  }

  /**
   * The position of the slowest build that reads the kept pages (it is at one of them, or reading one): pages before
   * it have been read by every such build. A build elsewhere (after a poison event, say) reads on its own.
   */
  private slowestOnTheChain(): Position | null | undefined {
    let slowest: Position | null | undefined;
    for (const position of this.options.readerPositions()) {
      const key = SharedPageReader.keyOf(position);
      if (!this.kept.has(key) && !this.pending.has(key)) continue;
      if (slowest === undefined || isBefore(position, slowest)) slowest = position;
    }
    return slowest;
  }
}

const isBefore = (a: Position | null, b: Position | null): boolean =>
  b !== null && (a === null || comparePositions(a, b) < 0);
