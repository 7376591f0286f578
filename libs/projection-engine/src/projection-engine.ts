// Runs projections: each build reads the log from its checkpoint, applies batches and moves its checkpoint in the
// same transaction, so a crash anywhere neither loses nor double-counts an event. Several builds of one projection
// can run at once: the active one behind the stable views, and a rebuild filling its own tables beside it until it
// has caught up, when the views switch to it in one transaction.
import type pg from 'pg';
import {
  comparePositions,
  formatPosition,
  matchesFilter,
  parsePosition,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '../../event-store/src/index.js';
import { projectionOperationsStream, type ProjectionEventSkipped } from '../../domain/src/projection-operations/index.js';
import { inTransaction, isConnectionError, migrate } from '../../postgres/src/index.js';
import { readPage, SharedPageReader } from './batches.js';
import { projectionEngineMigrations } from './projection-engine.migrations.js';
import type { ProjectionDefinition, ProjectionTables } from './projection.js';

export type BuildState = 'building' | 'active' | 'retired' | 'dropped';

export type ParkedEvent = Readonly<{ eventId: string; type: string; position: string; error: string }>;

/** An event one build goes on without: an operator's decision, recorded in the log (ProjectionEventSkipped). */
export type SkippedEvent = Readonly<{ eventId: string; position: string; reason: string; skippedBy: string; skippedAt: string }>;

export type BuildStatus = Readonly<{
  name: string;
  version: number;
  codeVersion: number;
  state: BuildState;
  /** What the build is doing now; `rebuilding` is a build that is not (yet) behind the views. */
  status: 'catching-up' | 'live' | 'parked' | 'rebuilding' | 'stopped';
  params: Readonly<Record<string, unknown>>;
  position: string | null;
  eventsProcessed: number;
  lagEvents: number | null;
  lagMs: number | null;
  eventsPerSecond: number | null;
  parked: ParkedEvent | null;
  /** The events this build was told to go on without, in the order they were skipped. */
  skipped: readonly SkippedEvent[];
  activateWhenCaughtUp: boolean;
}>;

type BuildRow = {
  name: string;
  version: number;
  code_version: number;
  params: Record<string, unknown>;
  state: BuildState;
  activate_when_caught_up: boolean;
  position: string | null;
  events_processed: string;
  parked: ParkedEvent | null;
};

export type ProjectionEngineOptions = Readonly<{
  batchSize?: number;
  /** How long an idle build waits before looking for new events (a local append wakes it sooner). */
  pollIntervalMs?: number;
  /** For tests of crash safety: called inside each batch transaction before it commits. */
  beforeCommit?: (build: { name: string; version: number }, events: readonly RecordedEvent[]) => void;
  logger?: (message: string) => void;
  /** Counting events is adapter-specific (the PostgreSQL store can; EventStoreDB cannot cheaply). */
  countEventsAfter?: (after: Position | null, filter?: ProjectionDefinition['filter']) => Promise<number>;
}>;


export class ProjectionNotFound extends Error {
  readonly code = 'PROJECTION_NOT_FOUND';
  constructor(name: string, version?: number) {
    super(version === undefined ? `no projection named ${name}` : `projection ${name} has no build ${version}`);
  }
}

export class ProjectionStateError extends Error {
  readonly code = 'PROJECTION_STATE';
}

/** An error thrown by a projection's own code: the event is poison and the build parks on it. */
class ProjectionApplyError extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

const POKE_COALESCE_MS = 15;
/** Events of full pages kept for the builds behind the others (about 1 KB each). */
const KEPT_EVENTS = 16_000;
/** Bounds how long a build that is ahead waits for the others, so a stalled build never holds the rest back. */
const MAX_LEAD_WAIT_MS = 1_000;

const tablesOf = (version: number): ProjectionTables => ({ table: (base) => `${base}_v${version}` });

class BuildRunner {
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
  private loop: Promise<void> | null = null;
  private rate: { at: number; events: number }[] = [];

  constructor(
    readonly definition: ProjectionDefinition,
    readonly row: BuildRow,
    private readonly engine: ProjectionEngine,
  ) {
    this.position = row.position === null ? null : parsePosition(row.position);
    this.eventsProcessed = Number(row.events_processed);
    this.parked = row.parked;
  }

  get version(): number {
    return this.row.version;
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
    if (!this.wake || this.pokeTimer) return;
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
        // Infrastructure trouble (a lost connection, a crash mid-commit): nothing was committed, so retry from the
        // checkpoint after a bounded back-off, as a restarted process would.
        failures++;
        this.engine.onError(this, error);
        await this.sleep(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)));
        await this.reloadCheckpoint().catch((reloadError: unknown) => this.engine.onError(this, reloadError));
      }
    }
  }

  private async step(): Promise<void> {
    if (this.parked) {
      // An operator may skip the poison event from any process: the log says so, and the build goes on.
      await this.loadSkips();
      if (this.parked && this.skipped.has(this.parked.eventId)) await this.unpark();
      else await this.sleep();
      return;
    }
    if (!this.skipsLoaded) await this.loadSkips();
    if (this.engine.readsAlone(this)) {
      await this.stepAlone();
      return;
    }
    const page = await this.engine.reader.read(this.position);
    if (page.length > 0) {
      const { filter } = this.definition;
      const matching = filter ? page.filter((event) => matchesFilter(event, filter)) : page;
      await this.applyOrPark(matching, page[page.length - 1].position);
    }
    await this.afterPage(page.length);
  }

  /**
   * Catching up while every other build follows the head (a rebuild of this projection alone): nobody shares the
   * pages, so the store is asked for this build's events only. The head is read before the page: when the page
   * comes back short, every event up to the head has been seen.
   */
  private async stepAlone(): Promise<void> {
    const head = await this.engine.store.headPosition();
    const events = await readPage(this.engine.store, this.position, this.engine.batchSize, this.definition.filter);
    if (events.length > 0) await this.applyOrPark(events, events[events.length - 1].position);
    if (events.length < this.engine.batchSize && head && !this.stopped && !this.parked) {
      if (!this.position || comparePositions(head, this.position) > 0) {
        this.position = head;
        this.unsavedPosition = true;
      }
    }
    await this.afterPage(events.length);
  }

  private async afterPage(length: number): Promise<void> {
    if (this.stopped || this.parked) return;
    if (length < this.engine.batchSize) {
      // Everything visible has been read: the stored checkpoint moves past the events this build does not read,
      // so read-your-writes never waits for them.
      if (this.unsavedPosition) await this.savePosition();
      if (!this.analysed) await this.analyse();
      this.caughtUp = true;
      await this.engine.onCaughtUp(this);
      await this.sleep();
    } else {
      this.caughtUp = false;
    }
  }

  private sleep(ms = this.engine.pollIntervalMs): Promise<void> {
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

  private async applyOrPark(events: readonly RecordedEvent[], end: Position): Promise<void> {
    try {
      await this.applyBatch(events, end);
    } catch (error) {
      if (!(error instanceof ProjectionApplyError)) throw error;
      // Find the exact event that fails: apply one at a time, keep what succeeds, park on the poison one.
      for (const event of events) {
        try {
          await this.applyBatch([event], event.position);
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
  private async applyBatch(page: readonly RecordedEvent[], end: Position): Promise<void> {
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
      this.engine.pool,
      async (tx) => {
        try {
          await this.definition.apply(events, { tx, table: tablesOf(this.version).table, params: this.row.params });
        } catch (error) {
          // A connection lost mid-batch says nothing about the events: retried from the checkpoint, never parked.
          if (isConnectionError(error)) throw error;
          throw new ProjectionApplyError(error);
        }
        await tx.query(
          `UPDATE tally_projection_builds
              SET position = $3, position_commit = $4, events_processed = events_processed + $5, updated_at = now()
            WHERE name = $1 AND version = $2`,
          [this.definition.name, this.version, formatPosition(end), end.commit.toString(), events.length],
        );
        this.engine.beforeCommit?.({ name: this.definition.name, version: this.version }, events);
      },
      { durable: false },
    );
    this.position = end;
    this.unsavedPosition = false;
    this.eventsProcessed += events.length;
    this.rate.push({ at: Date.now(), events: this.eventsProcessed });
    if (this.rate.length > 20) this.rate.shift();
  }

  /**
   * Statistics for the tables a build has just filled: until autovacuum gets to them the planner guesses, and a
   * by-key lookup on a large table can become a scan and a sort.
   */
  private async analyse(): Promise<void> {
    const { table } = tablesOf(this.version);
    for (const base of this.definition.tables) await this.engine.pool.query(`ANALYZE ${table(base)}`);
    this.analysed = true;
  }

  private async savePosition(): Promise<void> {
    const position = this.position!;
    await this.engine.pool.query(
      `UPDATE tally_projection_builds SET position = $3, position_commit = $4, updated_at = now()
        WHERE name = $1 AND version = $2`,
      [this.definition.name, this.version, formatPosition(position), position.commit.toString()],
    );
    this.unsavedPosition = false;
  }

  /**
   * After an infrastructure failure, continue from the stored checkpoint, not from memory: batches commit
   * asynchronously, so a database that crashed may have lost the last ones (their rows and checkpoint together).
   */
  private async reloadCheckpoint(): Promise<void> {
    const { rows } = await this.engine.pool.query<{ position: string | null; events_processed: string }>(
      'SELECT position, events_processed FROM tally_projection_builds WHERE name = $1 AND version = $2',
      [this.definition.name, this.version],
    );
    if (!rows[0]) return;
    this.position = rows[0].position === null ? null : parsePosition(rows[0].position);
    this.eventsProcessed = Number(rows[0].events_processed);
    this.unsavedPosition = false;
  }

  private async park(event: RecordedEvent, error: unknown): Promise<void> {
    this.parked = {
      eventId: event.id,
      type: event.type,
      position: formatPosition(event.position),
      error: error instanceof Error ? error.message : String(error),
    };
    await this.engine.pool.query(
      `UPDATE tally_projection_builds SET parked = $3, updated_at = now() WHERE name = $1 AND version = $2`,
      [this.definition.name, this.version, JSON.stringify(this.parked)],
    );
  }

  async loadSkips(): Promise<void> {
    this.skipped = new Map((await this.engine.skipsOf(this.definition.name, this.version)).map((skip) => [skip.eventId, skip]));
    this.skipsLoaded = true;
  }

  /** After a skip was recorded: learn it now rather than at the next poll, and go on if it was the poison event. */
  async learnSkips(): Promise<void> {
    await this.loadSkips();
    if (this.parked && this.skipped.has(this.parked.eventId)) await this.unpark();
  }

  async unpark(): Promise<void> {
    this.parked = null;
    await this.engine.pool.query(
      `UPDATE tally_projection_builds SET parked = NULL, updated_at = now() WHERE name = $1 AND version = $2`,
      [this.definition.name, this.version],
    );
    this.poke();
  }
}

export class ProjectionEngine {
  readonly batchSize: number;
  readonly pollIntervalMs: number;
  readonly beforeCommit: ProjectionEngineOptions['beforeCommit'];
  readonly reader: SharedPageReader;
  private readonly logger: (message: string) => void;
  private readonly countEventsAfter: ProjectionEngineOptions['countEventsAfter'];
  private readonly definitions = new Map<string, ProjectionDefinition>();
  private readonly runners = new Map<string, BuildRunner>();
  private running = false;

  constructor(
    readonly store: EventStore,
    readonly pool: pg.Pool,
    definitions: readonly ProjectionDefinition[],
    options: ProjectionEngineOptions = {},
  ) {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.reader = new SharedPageReader(store, this.batchSize, {
      keptPages: Math.max(2, Math.ceil(KEPT_EVENTS / this.batchSize)),
      readerPositions: () => [...this.runners.values()].filter((runner) => runner.isReading).map((runner) => runner.position),
      maxLeadWaitMs: MAX_LEAD_WAIT_MS,
    });
    this.beforeCommit = options.beforeCommit;
    this.logger = options.logger ?? (() => undefined);
    this.countEventsAfter = options.countEventsAfter;
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_projection_engine_migrations', projectionEngineMigrations);
  }

  definition(name: string): ProjectionDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new ProjectionNotFound(name);
    return definition;
  }

  names(): string[] {
    return [...this.definitions.keys()];
  }

  /**
   * Makes sure every projection has an active build of its current code version (building the first one, or a
   * rebuild when the code changed), then runs every active and building build.
   */
  async start(): Promise<void> {
    // Set before the first await: a stop() while starting must keep the rest of start() from starting runners.
    this.running = true;
    await ProjectionEngine.migrate(this.pool);
    for (const definition of this.definitions.values()) {
      const builds = await this.builds(definition.name);
      const active = builds.find((b) => b.state === 'active');
      const building = builds.filter((b) => b.state === 'building');
      if (!active && building.length === 0) {
        // The first build serves at once (catching up); there is nothing older to keep serving meanwhile.
        const first = await this.createBuild(definition, definition.defaultParams?.() ?? {}, true);
        await this.activate(definition.name, first.version);
      } else if (active && active.code_version < definition.codeVersion && building.length === 0) {
        await this.createBuild(definition, active.params, true);
      }
    }
    // All at once, after every build exists: builds that start together read the log together.
    const toRun: [ProjectionDefinition, BuildRow][] = [];
    for (const definition of this.definitions.values()) {
      for (const row of await this.builds(definition.name)) {
        if (row.state === 'active' || row.state === 'building') toRun.push([definition, row]);
      }
    }
    this.startRunners(toRun);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
  }

  /** Whether `runner` is catching up while every other build follows the head, so no one would share its pages. */
  readsAlone(runner: BuildRunner): boolean {
    if (runner.caughtUp || !runner.definition.filter) return false;
    return [...this.runners.values()].every((other) => other === runner || other.caughtUp || !other.isReading);
  }

  /** Wakes idle builds: called after local appends so read models follow within milliseconds. */
  poke(): void {
    for (const runner of this.runners.values()) runner.poke();
  }

  /** Starts a new build of `name` into its own tables; it replaces the active one once caught up (unless dry). */
  async rebuild(name: string, params: Readonly<Record<string, unknown>>, options: { dryRun?: boolean } = {}) {
    const definition = this.definition(name);
    const row = await this.createBuild(definition, params, !options.dryRun);
    if (this.running) this.startRunners([[definition, row]]);
    return row.version;
  }

  /** Drops a retired (or dry-run) build's tables. The active build cannot be dropped. */
  async drop(name: string, version: number): Promise<void> {
    const definition = this.definition(name);
    const row = (await this.builds(name)).find((b) => b.version === version);
    if (!row || row.state === 'dropped') throw new ProjectionNotFound(name, version);
    if (row.state === 'active') throw new ProjectionStateError(`${name}@${version} is active; activate another first`);
    await this.runners.get(`${name}@${version}`)?.stop();
    this.runners.delete(`${name}@${version}`);
    const { table } = tablesOf(version);
    await inTransaction(this.pool, async (tx) => {
      for (const base of definition.tables) await tx.query(`DROP TABLE IF EXISTS ${table(base)} CASCADE`);
      await tx.query(`UPDATE tally_projection_builds SET state = 'dropped', updated_at = now() WHERE name = $1 AND version = $2`, [
        name,
        version,
      ]);
    });
  }

  async resume(name: string, version?: number): Promise<void> {
    const runner = [...this.runners.values()].find(
      (r) => r.definition.name === name && (version === undefined || r.version === version) && r.parked,
    );
    if (!runner) throw new ProjectionStateError(`${name} is not parked`);
    await runner.unpark();
  }

  /** The events build `version` of `name` was told to skip, from the log: `projection-<name>`. */
  async skipsOf(name: string, version: number): Promise<SkippedEvent[]> {
    const skips: SkippedEvent[] = [];
    for await (const event of this.store.readStream(projectionOperationsStream(name))) {
      if (event.type !== 'ProjectionEventSkipped') continue;
      const { projection, buildVersion, eventId, position, reason } = event.data as ProjectionEventSkipped['data'];
      if (projection !== name || buildVersion !== version) continue;
      skips.push({ eventId, position, reason, skippedBy: event.metadata.actor, skippedAt: event.metadata.occurredAt });
    }
    return skips;
  }

  /** Tells a running build of this process that a skip was recorded for it (another process learns at its poll). */
  async skipRecorded(name: string, version: number): Promise<void> {
    await this.runners.get(`${name}@${version}`)?.learnSkips();
  }

  /** Every build that is not dropped, with its live status. */
  async status(name?: string): Promise<BuildStatus[]> {
    const { rows } = await this.pool.query<BuildRow>(
      `SELECT * FROM tally_projection_builds WHERE state <> 'dropped' ${name ? 'AND name = $1' : ''} ORDER BY name, version`,
      name ? [name] : [],
    );
    if (name && rows.length === 0) throw new ProjectionNotFound(name);
    return Promise.all(rows.map((row) => this.statusOf(row)));
  }

  private async statusOf(row: BuildRow): Promise<BuildStatus> {
    const runner = this.runners.get(`${row.name}@${row.version}`);
    const definition = this.definitions.get(row.name);
    const position = runner?.position ?? (row.position ? parsePosition(row.position) : null);
    let lagEvents: number | null = null;
    let lagMs: number | null = null;
    if (definition && (row.state === 'active' || row.state === 'building')) {
      if (this.countEventsAfter) lagEvents = await this.countEventsAfter(position, definition.filter);
      const [next] = await readPage(this.store, position, 1, definition.filter);
      lagMs = next ? Math.max(0, Date.now() - Date.parse(next.metadata.recordedAt)) : 0;
    }
    const parked = runner?.parked ?? row.parked;
    const status: BuildStatus['status'] = parked
      ? 'parked'
      : !runner
        ? 'stopped'
        : row.state === 'building'
          ? 'rebuilding'
          : runner.caughtUp
            ? 'live'
            : 'catching-up';
    return {
      name: row.name,
      version: row.version,
      codeVersion: row.code_version,
      state: row.state,
      status,
      params: row.params,
      position: position ? formatPosition(position) : null,
      eventsProcessed: runner?.eventsProcessed ?? Number(row.events_processed),
      lagEvents,
      lagMs,
      eventsPerSecond: runner?.eventsPerSecond() ?? null,
      parked: parked ?? null,
      skipped: runner ? [...runner.skipped.values()] : await this.skipsOf(row.name, row.version),
      activateWhenCaughtUp: row.activate_when_caught_up,
    };
  }

  /** The position the active build of `name` has reached (in this or another process), or null. */
  async activePosition(name: string): Promise<Position | null> {
    this.definition(name);
    const { rows } = await this.pool.query<{ position: string | null }>(
      `SELECT position FROM tally_projection_builds WHERE name = $1 AND state = 'active'`,
      [name],
    );
    return rows[0]?.position ? parsePosition(rows[0].position) : null;
  }

  /** Read-your-writes: resolves true once the active build has reached `position`, false after the timeout. */
  async waitFor(name: string, position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reached = await this.activePosition(name);
      if (reached && comparePositions(reached, position) >= 0) return true;
      if (Date.now() >= deadline) return false;
      this.poke();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  onError(runner: BuildRunner, error: unknown): void {
    this.logger(`${runner.definition.name}@${runner.version}: ${error instanceof Error ? error.message : String(error)}; retrying`);
  }

  /** Called by a build when it has read everything: a rebuild that may activate takes over the views now. */
  async onCaughtUp(runner: BuildRunner): Promise<void> {
    if (runner.row.state !== 'building' || !runner.row.activate_when_caught_up) return;
    await this.activate(runner.definition.name, runner.version);
  }

  /** Switches the stable views to `version` in one transaction; the previous active build is retired. */
  async activate(name: string, version: number): Promise<void> {
    const definition = this.definition(name);
    const { table } = tablesOf(version);
    await inTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tally-projection:${name}`]);
      const { rows } = await tx.query<{ state: BuildState }>(
        'SELECT state FROM tally_projection_builds WHERE name = $1 AND version = $2 FOR UPDATE',
        [name, version],
      );
      if (!rows[0] || rows[0].state === 'dropped') throw new ProjectionNotFound(name, version);
      await tx.query(
        `UPDATE tally_projection_builds SET state = 'retired', updated_at = now() WHERE name = $1 AND state = 'active'`,
        [name],
      );
      await tx.query(
        `UPDATE tally_projection_builds SET state = 'active', activated_at = now(), updated_at = now()
          WHERE name = $1 AND version = $2`,
        [name, version],
      );
      for (const base of definition.tables) {
        await tx.query(`DROP VIEW IF EXISTS ${base}`);
        await tx.query(`CREATE VIEW ${base} AS SELECT * FROM ${table(base)}`);
      }
    });
    for (const [key, runner] of this.runners) {
      if (runner.definition.name !== name) continue;
      if (runner.version === version) {
        runner.row.state = 'active';
      } else if (runner.row.state === 'active') {
        // A retired build stops following the log; it is kept for comparison until dropped.
        runner.row.state = 'retired';
        this.runners.delete(key);
        void runner.stop();
      }
    }
  }

  /** Registers every runner before starting any, so each sees the others from its first read. */
  private startRunners(builds: readonly (readonly [ProjectionDefinition, BuildRow])[]): void {
    const started: BuildRunner[] = [];
    for (const [definition, row] of builds) {
      const key = `${row.name}@${row.version}`;
      if (!this.running || this.runners.has(key)) continue;
      const runner = new BuildRunner(definition, row, this);
      this.runners.set(key, runner);
      started.push(runner);
    }
    for (const runner of started) runner.start();
  }

  private async builds(name: string): Promise<BuildRow[]> {
    const { rows } = await this.pool.query<BuildRow>(
      'SELECT * FROM tally_projection_builds WHERE name = $1 ORDER BY version',
      [name],
    );
    return rows;
  }

  private async createBuild(
    definition: ProjectionDefinition,
    params: Readonly<Record<string, unknown>>,
    activateWhenCaughtUp: boolean,
  ): Promise<BuildRow> {
    return inTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tally-projection:${definition.name}`]);
      const { rows: max } = await tx.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM tally_projection_builds WHERE name = $1',
        [definition.name],
      );
      const version = (max[0].version ?? 0) + 1;
      await tx.query(definition.createTables(tablesOf(version)));
      const { rows } = await tx.query<BuildRow>(
        `INSERT INTO tally_projection_builds (name, version, code_version, params, state, activate_when_caught_up)
         VALUES ($1, $2, $3, $4, 'building', $5) RETURNING *`,
        [definition.name, version, definition.codeVersion, JSON.stringify(params), activateWhenCaughtUp],
      );
      return rows[0];
    });
  }
}
