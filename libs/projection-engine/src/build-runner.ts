// One build's loop: read the next page (shared with the other builds, or its own while it catches up alone), apply
// it and move the checkpoint in one transaction, park on an event its projection's code refuses, and go on past the
// events an operator told it to skip. Everything it uses of its engine is in BuildRunnerHost.
import type pg from 'pg';
import {
  comparePositions,
  formatPosition,
  matchesFilter,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '#event-store';
import { projectionOperationsStream, type ProjectionEventSkipped } from '#domain/projection-operations';
import { inTransaction, isConnectionError, LeaseLost, Leases, type KeptLease } from '#postgres';
import { readPage } from './batches.js';
import { tablesOf, type BuildCheckpoints, type Fence } from './build-registry.js';
import type { BuildState, ParkedEvent, StoredBuild } from './projection-builds.js';
import { partitionOf, type PartitionScope, type ProjectionDefinition } from './projection.js';

/** An event one build goes on without: an operator's decision, recorded in the log (ProjectionEventSkipped). */
export type SkippedEvent = Readonly<{ eventId: string; position: string; reason: string; skippedBy: string; skippedAt: string }>;

/** For tests of crash safety: called inside each batch transaction before it commits. */
export type BeforeCommit = (build: { name: string; version: number }, events: readonly RecordedEvent[]) => void;

/** What a build runner gets from its engine, and all it gets. */
export type BuildRunnerHost = Readonly<{
  /** Batch transactions and the statistics of the build's own tables. */
  pool: pg.Pool;
  /** Reading alone (the head, a filtered page) and the operations stream that records skips. */
  store: Pick<EventStore, 'headPosition' | 'readAll' | 'readStream'>;
  checkpoints: BuildCheckpoints & {
    /** The stored checkpoints of every partition of a build: a barrier event waits on them. */
    partitionPositions(name: string, version: number): Promise<(Position | null)[]>;
  };
  /** The unfiltered page after `after`, shared with the other builds that read it. */
  readShared(after: Position | null): Promise<RecordedEvent[]>;
  /** Whether `runner` is catching up while every other build follows the head, so no one would share its pages. */
  readsAlone(runner: BuildRunner): boolean;
  batchSize: number;
  pollIntervalMs: number;
  beforeCommit: BeforeCommit | undefined;
  onError(runner: BuildRunner, error: unknown): void;
  /** Called each time the build has read everything visible. */
  onCaughtUp(runner: BuildRunner): Promise<void>;
}>;

/** An error thrown by a projection's own code: the event is poison and the build parks on it. */
class ProjectionApplyError extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

const POKE_COALESCE_MS = 15;
/** How often a partition waiting at a barrier event looks at the other partitions' checkpoints. */
const BARRIER_LOOK_MS = 20;

const reached = (stored: Position | null, target: Position | null): boolean =>
  target === null || (stored !== null && comparePositions(stored, target) >= 0);

/** The events build `version` of `name` was told to skip, from the log: `projection-<name>`. */
export const readSkips = async (store: Pick<EventStore, 'readStream'>, name: string, version: number): Promise<SkippedEvent[]> => {
  const skips: SkippedEvent[] = [];
  for await (const event of store.readStream(projectionOperationsStream(name))) {
    if (event.type !== 'ProjectionEventSkipped') continue;
    const { projection, buildVersion, eventId, position, reason } = event.data as ProjectionEventSkipped['data'];
    if (projection !== name || buildVersion !== version) continue;
    skips.push({ eventId, position, reason, skippedBy: event.metadata.actor, skippedAt: event.metadata.occurredAt });
  }
  return skips;
};

export class BuildRunner {
  readonly name: string;
  readonly version: number;
  /** Which partition of the build this runner applies (null: the build is not partitioned). */
  readonly partition: number | null;
  /**
   * Set when builds are shared between processes: every batch commits only while this grant holds (the fence in the
   * batch's transaction), and the runner stops once it is lost.
   */
  lease: KeptLease | null = null;
  /** Follows the views: the engine moves it when it activates this build or another. */
  state: BuildState;
  position: Position | null;
  eventsProcessed: number;
  parked: ParkedEvent | null;
  /** By event id; learnt from the log, so a skip recorded just before a crash still holds after it. */
  skipped: ReadonlyMap<string, SkippedEvent> = new Map();
  private skipsLoaded = false;
  caughtUp = false;
  /** The position moved past events this build does not read, and the stored checkpoint has not followed yet. */
  private unsavedPosition = false;
  private analysed = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private pokeTimer: NodeJS.Timeout | null = null;
  /** Poked while reading or writing: that read may have begun before the append that poked, so look again. */
  private pokedWhileBusy = false;
  private loop: Promise<void> | null = null;
  private rate: { at: number; events: number }[] = [];

  constructor(
    readonly definition: ProjectionDefinition,
    readonly build: StoredBuild,
    private readonly host: BuildRunnerHost,
    partition: number | null = null,
  ) {
    this.name = build.name;
    this.version = build.version;
    this.partition = build.partitions > 1 ? partition ?? 0 : null;
    this.state = build.state;
    this.position = build.position;
    this.eventsProcessed = build.eventsProcessed;
    this.parked = build.parked;
  }

  /** `name@version`, and `#partition` for one partition of a partitioned build. */
  get key(): string {
    return this.partition === null ? `${this.name}@${this.version}` : `${this.name}@${this.version}#${this.partition}`;
  }

  /** Whether this build will go on reading the log (it is neither parked nor stopped). */
  get isReading(): boolean {
    return !this.stopped && !this.parked;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /**
   * Wakes a sleeping build a few milliseconds later: under a stream of commands, the pokes of one burst collapse
   * into one read and one batch instead of a read per command.
   */
  poke(): void {
    if (this.pokeTimer) return;
    if (!this.wake) {
      this.pokedWhileBusy = true;
      return;
    }
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = null;
      this.wake?.();
    }, POKE_COALESCE_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pokeTimer) clearTimeout(this.pokeTimer);
    this.pokeTimer = null;
    this.wake?.();
    await this.loop;
  }

  eventsPerSecond(): number | null {
    if (this.rate.length < 2) return null;
    const first = this.rate[0];
    const last = this.rate[this.rate.length - 1];
    const seconds = (last.at - first.at) / 1000;
    return seconds > 0 ? Math.round((last.events - first.events) / seconds) : null;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.step();
        failures = 0;
      } catch (error) {
        if (error instanceof LeaseLost) {
          // Another process holds this build now: nothing of the batch committed, and this runner is done.
          this.stopped = true;
          this.host.onError(this, error);
          break;
        }
        // Infrastructure trouble (a lost connection, a crash mid-commit): nothing was committed, so retry from the
        // checkpoint after a bounded back-off, as a restarted process would.
        failures++;
        this.host.onError(this, error);
        await this.sleep(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)));
        await this.reloadCheckpoint().catch((reloadError: unknown) => this.host.onError(this, reloadError));
      }
    }
  }

  private async step(): Promise<void> {
    if (this.lease && !this.lease.held) throw new LeaseLost(this.lease.grant);
    if (this.parked) {
      // An operator may skip the poison event from any process: the log says so, and the build goes on.
      await this.loadSkips();
      if (this.parked && this.skipped.has(this.parked.eventId)) await this.unpark();
      else await this.sleep();
      return;
    }
    if (!this.skipsLoaded) await this.loadSkips();
    if (this.host.readsAlone(this)) {
      await this.stepAlone();
      return;
    }
    const page = await this.host.readShared(this.position);
    if (page.length > 0) {
      const { filter } = this.definition;
      const matching = filter ? page.filter((event) => matchesFilter(event, filter)) : page;
      await this.applyPage(matching, page[page.length - 1].position);
    }
    await this.afterPage(page.length);
  }

  /**
   * Catching up while every other build follows the head (a rebuild of this projection alone): nobody shares the
   * pages, so the store is asked for this build's events only. The head is read before the page: when the page
   * comes back short, every event up to the head has been seen.
   */
  private async stepAlone(): Promise<void> {
    const { store, batchSize } = this.host;
    const head = await store.headPosition();
    const events = await readPage(store, this.position, batchSize, this.definition.filter);
    if (events.length > 0) await this.applyPage(events, events[events.length - 1].position);
    if (events.length < batchSize && head && !this.stopped && !this.parked) {
      if (!this.position || comparePositions(head, this.position) > 0) {
        this.position = head;
        this.unsavedPosition = true;
      }
    }
    await this.afterPage(events.length);
  }

  private async afterPage(length: number): Promise<void> {
    if (this.stopped || this.parked) return;
    if (length < this.host.batchSize) {
      // Everything visible has been read: the stored checkpoint moves past the events this build does not read,
      // so read-your-writes never waits for them.
      if (this.unsavedPosition) await this.savePosition();
      if (!this.analysed) await this.analyse();
      this.caughtUp = true;
      await this.host.onCaughtUp(this);
      // A poke that came while this build was busy is not lost: its append may be after what this step read.
      const missedPoke = this.pokedWhileBusy;
      this.pokedWhileBusy = false;
      await this.sleep(missedPoke ? POKE_COALESCE_MS : this.host.pollIntervalMs);
    } else {
      this.caughtUp = false;
    }
  }

  private sleep(ms = this.host.pollIntervalMs): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }

  /** The fence of this runner's lease, when builds are shared between processes. */
  private get fence(): Fence | undefined {
    const lease = this.lease;
    return lease ? (tx) => Leases.fence(tx, lease.grant) : undefined;
  }

  /**
   * Applies a page's events this build reads, up to `end`. A partition applies only the events about a key it owns,
   * and meets the partitions of a barrier event's other keys at it: the partition of its first key applies it once
   * they have applied everything before it, and they go on past it once that partition has.
   */
  private async applyPage(events: readonly RecordedEvent[], end: Position): Promise<void> {
    const { partitioning } = this.definition;
    if (this.partition === null || !partitioning) {
      await this.applyOrPark(events, end);
      return;
    }
    const count = this.build.partitions;
    let run: RecordedEvent[] = [];
    let before = this.position;
    for (const event of events) {
      const keys = partitioning.toEveryPartition?.(event) ? null : partitioning.keysOf(event);
      const owners: readonly number[] =
        keys === null ? [this.partition] : keys.length === 0 ? [0] : [...new Set(keys.map((key) => partitionOf(key, count)))];
      if (owners.length > 1 && partitioning.isBarrier?.(event)) {
        if (owners.includes(this.partition)) {
          if (run.length > 0 || before !== this.position) await this.applyOrPark(run, before ?? this.position!);
          run = [];
          if (this.parked || this.stopped) return;
          if (this.unsavedPosition) await this.savePosition();
          if (!(await this.meetAt(event, before, owners))) return;
        }
      } else if (owners.includes(this.partition)) {
        run.push(event);
      }
      before = event.position;
    }
    await this.applyOrPark(run, end);
  }

  /** Answers false when the runner stopped while it waited for the other partitions. */
  private async meetAt(event: RecordedEvent, before: Position | null, owners: readonly number[]): Promise<boolean> {
    const applier = owners[0];
    const others = owners.filter((owner) => owner !== applier);
    for (;;) {
      if (this.stopped) return false;
      if (this.lease && !this.lease.held) throw new LeaseLost(this.lease.grant);
      const stored = await this.host.checkpoints.partitionPositions(this.name, this.version);
      const ready =
        this.partition === applier ? others.every((other) => reached(stored[other] ?? null, before)) : reached(stored[applier] ?? null, event.position);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, BARRIER_LOOK_MS));
    }
    if (this.partition === applier) {
      await this.applyOrPark([event], event.position, true);
      if (this.parked) return false;
      if (this.unsavedPosition) await this.savePosition();
    } else {
      this.position = event.position;
      this.unsavedPosition = true;
    }
    return true;
  }

  private async applyOrPark(events: readonly RecordedEvent[], end: Position, everyKey = false): Promise<void> {
    try {
      await this.applyBatch(events, end, everyKey);
    } catch (error) {
      if (!(error instanceof ProjectionApplyError)) throw error;
      // Find the exact event that fails: apply one at a time, keep what succeeds, park on the poison one.
      for (const event of events) {
        try {
          await this.applyBatch([event], event.position, everyKey);
        } catch (single) {
          if (!(single instanceof ProjectionApplyError)) throw single;
          await this.park(event, single.failure);
          return;
        }
      }
    }
  }

  /**
   * Applies `events` (those of the page up to `end` that this build reads, less those it was told to skip) and moves
   * the checkpoint to `end`.
   */
  private async applyBatch(page: readonly RecordedEvent[], end: Position, everyKey = false): Promise<void> {
    const events = this.skipped.size === 0 ? page : page.filter((event) => !this.skipped.has(event.id));
    if (events.length === 0) {
      // Nothing to write: the stored checkpoint follows with the next batch, or when the build catches up.
      this.position = end;
      this.unsavedPosition = true;
      return;
    }
    // Not durable: a read model is derived from the log, so a batch lost in a database crash is lost whole (rows and
    // checkpoint together) and applied again from the checkpoint.
    await inTransaction(
      this.host.pool,
      async (tx) => {
        try {
          await this.definition.apply(events, {
            tx,
            table: tablesOf(this.version).table,
            params: this.build.params,
            ...(this.partition === null ? {} : { partition: this.scope(everyKey) }),
          });
        } catch (error) {
          // A connection lost mid-batch says nothing about the events: retried from the checkpoint, never parked.
          if (isConnectionError(error)) throw error;
          throw new ProjectionApplyError(error);
        }
        // Last before the commit: a process that lost its lease (paused past the ttl) commits nothing.
        if (this.lease) await Leases.fence(tx, this.lease.grant);
        await this.host.checkpoints.advance(tx, this, end, events.length);
        this.host.beforeCommit?.({ name: this.name, version: this.version }, events);
      },
      { durable: false },
    );
    this.position = end;
    this.unsavedPosition = false;
    this.eventsProcessed += events.length;
    this.rate.push({ at: Date.now(), events: this.eventsProcessed });
    if (this.rate.length > 20) this.rate.shift();
  }

  private scope(everyKey: boolean): PartitionScope {
    const index = this.partition!;
    const count = this.build.partitions;
    return { index, count, owns: everyKey ? () => true : (key) => partitionOf(key, count) === index };
  }

  /**
   * Statistics for the tables a build has just filled: until autovacuum gets to them the planner guesses, and a
   * by-key lookup on a large table can become a scan and a sort.
   */
  private async analyse(): Promise<void> {
    const { table } = tablesOf(this.version);
    for (const base of this.definition.tables) await this.host.pool.query(`ANALYZE ${table(base)}`);
    this.analysed = true;
  }

  private async savePosition(): Promise<void> {
    await this.host.checkpoints.save(this, this.position!, this.lease?.grant);
    this.unsavedPosition = false;
  }

  /**
   * After an infrastructure failure, continue from the stored checkpoint, not from memory: batches commit
   * asynchronously, so a database that crashed may have lost the last ones (their rows and checkpoint together).
   * Also before a first start under a lease just taken: the previous holder may have committed since it was read.
   */
  async reloadCheckpoint(withParked = false): Promise<void> {
    const stored = await this.host.checkpoints.load(this);
    if (!stored) return;
    this.position = stored.position;
    this.eventsProcessed = stored.eventsProcessed;
    if (withParked) this.parked = stored.parked;
    this.unsavedPosition = false;
  }

  private async park(event: RecordedEvent, error: unknown): Promise<void> {
    this.parked = {
      eventId: event.id,
      type: event.type,
      position: formatPosition(event.position),
      error: error instanceof Error ? error.message : String(error),
    };
    await this.host.checkpoints.park(this, this.parked, this.fence);
  }

  private async loadSkips(): Promise<void> {
    const read = await readSkips(this.host.store, this.name, this.version);
    // Skips only accumulate (the log never takes one back): a parked build's poll that read the log before a skip was
    // recorded, and answers after the operator's request has taught the build that skip, must not unlearn it.
    const skipped = new Map(this.skipped);
    for (const skip of read) skipped.set(skip.eventId, skip);
    this.skipped = skipped;
    this.skipsLoaded = true;
  }

  /** After a skip was recorded: learn it now rather than at the next poll, and go on if it was the poison event. */
  async learnSkips(): Promise<void> {
    await this.loadSkips();
    if (this.parked && this.skipped.has(this.parked.eventId)) await this.unpark();
  }

  async unpark(): Promise<void> {
    this.parked = null;
    await this.host.checkpoints.unpark(this);
    this.poke();
  }
}
