// Runs projections: each build reads the log from its checkpoint, applies batches and moves its checkpoint in the
// same transaction, so a crash anywhere neither loses nor double-counts an event. Several builds of one projection
// can run at once: the active one behind the stable views, and a rebuild filling its own tables beside it until it
// has caught up, when the views switch to it in one transaction. The engine is the facade: BuildRunner runs one
// build, BuildRegistry keeps the record of builds, SharedPageReader shares the log's pages between the runners.
import type pg from 'pg';
import { comparePositions, formatPosition, type EventStore, type Position } from '#event-store';
import { LeaseLost, Leases, type KeptLease } from '#postgres';
import { readPage, SharedPageReader } from './batches.js';
import { BuildRegistry, ProjectionNotFound } from './build-registry.js';
import { BuildRunner, readSkips, type BeforeCommit, type BuildRunnerHost, type SkippedEvent } from './build-runner.js';
import type { BuildState, ParkedEvent, StoredBuild } from './projection-builds.js';
import type { ProjectionDefinition } from './projection.js';

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

export type ProjectionEngineOptions = Readonly<{
  batchSize?: number;
  /** How long an idle build waits before looking for new events (a local append wakes it sooner). */
  pollIntervalMs?: number;
  /** For tests of crash safety: called inside each batch transaction before it commits. */
  beforeCommit?: BeforeCommit;
  logger?: (message: string) => void;
  /** Counting events is adapter-specific (the PostgreSQL store can; EventStoreDB cannot cheaply). */
  countEventsAfter?: (after: Position | null, filter?: ProjectionDefinition['filter']) => Promise<number>;
  /**
   * How many partitions a new build of a projection that declares its partitioning is split into (default 1). An
   * existing build keeps the count it was created with.
   */
  partitions?: number;
  /**
   * Absent (one process, the default): this engine runs every build. Set (several projector processes): each build,
   * and each partition, runs in the one process holding its lease, and a batch commits only under it.
   */
  leases?: EngineLeaseOptions;
}>;

export type EngineLeaseOptions = Readonly<{
  /** This process, unique among the live ones (host and pid, say). */
  holder: string;
  /** A dead process's builds are free after this (default 5 s). */
  ttlMs?: number;
  /** How often the process looks for free builds, and sheds some when it holds more than its share (default 1 s). */
  lookIntervalMs?: number;
}>;

/** Where a process announces itself while it runs: the live processes share the builds between them. */
const PRESENCE_PREFIX = 'projector-presence:';
const LEASE_PREFIX = 'projection:';

/** One unit of work: a build, or one partition of a partitioned build. */
type Unit = Readonly<{ key: string; definition: ProjectionDefinition; build: StoredBuild; partition: number | null }>;

const unitsOf = (definition: ProjectionDefinition, build: StoredBuild): Unit[] =>
  build.partitions > 1
    ? Array.from({ length: build.partitions }, (_, partition) => ({
        key: `${build.name}@${build.version}#${partition}`,
        definition,
        build,
        partition,
      }))
    : [{ key: `${build.name}@${build.version}`, definition, build, partition: null }];

export class ProjectionStateError extends Error {
  readonly code = 'PROJECTION_STATE';
}

/** Events of full pages kept for the builds behind the others (about 1 KB each). */
const KEPT_EVENTS = 16_000;
/** Bounds how long a build that is ahead waits for the others, so a stalled build never holds the rest back. */
const MAX_LEAD_WAIT_MS = 1_000;

export class ProjectionEngine {
  /** The record of builds; also answers readers' questions (ProjectionBuilds) in this process. */
  private readonly registry: BuildRegistry;
  private readonly host: BuildRunnerHost;
  private readonly logger: (message: string) => void;
  private readonly countEventsAfter: ProjectionEngineOptions['countEventsAfter'];
  private readonly definitions = new Map<string, ProjectionDefinition>();
  private readonly runners = new Map<string, BuildRunner>();
  private running = false;
  private readonly partitions: number;
  private readonly leaseOptions: EngineLeaseOptions | undefined;
  private readonly leases: Leases | null;
  private presence: KeptLease | null = null;
  private lookTimer: NodeJS.Timeout | null = null;
  private readonly reader: SharedPageReader;
  private looking: Promise<void> | null = null;

  constructor(
    readonly store: EventStore,
    readonly pool: pg.Pool,
    definitions: readonly ProjectionDefinition[],
    options: ProjectionEngineOptions = {},
  ) {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
    const batchSize = options.batchSize ?? 1000;
    const reader = (this.reader = new SharedPageReader(store, batchSize, {
      keptPages: Math.max(2, Math.ceil(KEPT_EVENTS / batchSize)),
      readerPositions: () => [...this.runners.values()].filter((runner) => runner.isReading).map((runner) => runner.position),
      maxLeadWaitMs: MAX_LEAD_WAIT_MS,
    }));
    this.registry = new BuildRegistry(pool);
    this.logger = options.logger ?? (() => undefined);
    this.countEventsAfter = options.countEventsAfter;
    this.partitions = Math.max(1, Math.floor(options.partitions ?? 1));
    this.leaseOptions = options.leases;
    this.leases = options.leases ? new Leases(pool, options.leases.ttlMs ?? 5_000) : null;
    this.host = {
      pool,
      store,
      checkpoints: this.registry,
      readShared: (after) => reader.read(after),
      readsAlone: (runner) => this.readsAlone(runner),
      batchSize,
      pollIntervalMs: options.pollIntervalMs ?? 100,
      beforeCommit: options.beforeCommit,
      onError: (runner, error) => {
        if (error instanceof LeaseLost) {
          // The runner has stopped: another process runs this build now.
          this.logger(`${runner.name}@${runner.version}: ${error.message}; stopped`);
          if (this.runners.get(runner.key) === runner) this.runners.delete(runner.key);
          // Stops its heartbeats: a late renewal must not keep holding a build that nothing here runs any more.
          void runner.lease?.release();
          return;
        }
        this.logger(`${runner.name}@${runner.version}: ${error instanceof Error ? error.message : String(error)}; retrying`);
      },
      onCaughtUp: (runner) => this.onCaughtUp(runner),
    };
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await BuildRegistry.migrate(pool);
    await Leases.migrate(pool);
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
    // Once across processes that start together (under the projection's lock).
    for (const definition of this.definitions.values()) await this.registry.ensureCurrent(definition, this.partitions);
    if (this.leases) {
      await this.look();
      this.scheduleLook();
      return;
    }
    // All at once, after every build exists: builds that start together read the log together.
    await this.startUnits(await this.units());
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.lookTimer) clearTimeout(this.lookTimer);
    this.lookTimer = null;
    await this.looking;
    const runners = [...this.runners.values()];
    this.runners.clear();
    await Promise.all(runners.map((runner) => runner.stop()));
    // Released at once: the other processes take the builds over at their next look instead of after the ttl.
    await Promise.all(runners.map((runner) => runner.lease?.release()));
    await this.presence?.release();
    this.presence = null;
  }

  /** The builds of the current process's concern now: every active and building build, each partition apart. */
  private async units(): Promise<Unit[]> {
    const units: Unit[] = [];
    for (const build of await this.registry.list()) {
      const definition = this.definitions.get(build.name);
      if (definition && (build.state === 'active' || build.state === 'building')) units.push(...unitsOf(definition, build));
    }
    return units;
  }

  private scheduleLook(): void {
    if (!this.running) return;
    this.lookTimer = setTimeout(() => {
      this.looking = this.look()
        .catch((error: unknown) => this.logger(`looking for builds: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.looking = null;
          this.scheduleLook();
        });
    }, this.leaseOptions?.lookIntervalMs ?? 1_000);
    this.lookTimer.unref?.();
  }

  /**
   * Shares the builds between the live processes: stops what is no longer to run (a retired build, a lost lease),
   * sheds what is over this process's share, and takes free builds up to it. The share is ceil(builds / live
   * processes), the live processes being those whose presence lease holds: the shares cover every build, and a
   * process starting beside busy ones gets builds as they shed their excess.
   */
  private async look(): Promise<void> {
    const leases = this.leases!;
    const { holder } = this.leaseOptions!;
    if (!this.running) return;
    if (!this.presence?.held) {
      await this.presence?.release();
      this.presence = await leases.keep(`${PRESENCE_PREFIX}${holder}`, holder, (error) => this.logger(`presence: ${String(error)}`));
    }
    const units = await this.units();
    const wanted = new Set(units.map((unit) => unit.key));
    for (const [key, runner] of [...this.runners]) {
      if (wanted.has(key) && (!runner.lease || runner.lease.held)) continue;
      if (runner.lease && !runner.lease.held) this.logger(`${key}: lease lost; another process runs it`);
      await this.stopRunner(key, runner);
    }
    const { rows } = await this.pool.query<{ live: string }>(
      `SELECT count(*) AS live FROM tally_leases WHERE name LIKE $1 AND expires_at > now()`,
      [`${PRESENCE_PREFIX}%`],
    );
    const share = Math.ceil(units.length / Math.max(1, Number(rows[0].live)));
    // Shed the excess, the latest taken first.
    for (const [key, runner] of [...this.runners].reverse()) {
      if (this.runners.size <= share) break;
      await this.stopRunner(key, runner);
    }
    // The partitions of a build far apart in the order (first partitions first), so that consecutive takes spread
    // them over processes; each process begins at a different unit, so processes starting together seldom race.
    const spread = [...units].sort((x, y) => (x.partition ?? 0) - (y.partition ?? 0) || x.key.localeCompare(y.key));
    const offset = spread.length === 0 ? 0 : hashOf(holder) % spread.length;
    const ordered = [...spread.slice(offset), ...spread.slice(0, offset)];
    const taken: Unit[] = [];
    for (const unit of ordered) {
      if (!this.running || this.runners.size + taken.length >= share) break;
      if (this.runners.has(unit.key)) continue;
      const lease = await leases.keep(`${LEASE_PREFIX}${unit.key}`, holder, (error) => this.logger(`${unit.key} lease: ${String(error)}`));
      if (!lease) continue;
      if (!this.running) {
        await lease.release();
        break;
      }
      taken.push(unit);
      this.pendingLeases.set(unit.key, lease);
    }
    await this.startUnits(taken);
  }

  private readonly pendingLeases = new Map<string, KeptLease>();

  private async stopRunner(key: string, runner: BuildRunner): Promise<void> {
    this.runners.delete(key);
    await runner.stop();
    await runner.lease?.release();
  }

  /** Wakes idle builds: called after local appends so read models follow within milliseconds. */
  poke(): void {
    this.reader.freshen();
    for (const runner of this.runners.values()) runner.poke();
  }

  /** Starts a new build of `name` into its own tables; it replaces the active one once caught up (unless dry). */
  async rebuild(name: string, params: Readonly<Record<string, unknown>>, options: { dryRun?: boolean } = {}) {
    const definition = this.definition(name);
    const build = await this.registry.create(definition, params, !options.dryRun, this.partitions);
    // Under leases the next look takes it (here or in another process).
    if (this.running && !this.leases) await this.startUnits(unitsOf(definition, build));
    return build.version;
  }

  /** Drops a retired (or dry-run) build's tables. The active build cannot be dropped. */
  async drop(name: string, version: number): Promise<void> {
    const definition = this.definition(name);
    const build = (await this.registry.all(name)).find((b) => b.version === version);
    if (!build || build.state === 'dropped') throw new ProjectionNotFound(name, version);
    if (build.state === 'active') throw new ProjectionStateError(`${name}@${version} is active; activate another first`);
    for (const [key, runner] of [...this.runners]) {
      if (runner.name === name && runner.version === version) await this.stopRunner(key, runner);
    }
    await this.registry.drop(definition, version);
  }

  async resume(name: string, version?: number): Promise<void> {
    const runner = [...this.runners.values()].find(
      (r) => r.name === name && (version === undefined || r.version === version) && r.parked,
    );
    if (!runner) throw new ProjectionStateError(`${name} is not parked`);
    await runner.unpark();
  }

  /** The events build `version` of `name` was told to skip, from the log: `projection-<name>`. */
  async skipsOf(name: string, version: number): Promise<SkippedEvent[]> {
    return readSkips(this.store, name, version);
  }

  /** Tells a running build of this process that a skip was recorded for it (another process learns at its poll). */
  async skipRecorded(name: string, version: number): Promise<void> {
    for (const runner of this.runnersOf(name, version)) await runner.learnSkips();
  }

  private runnersOf(name: string, version: number): BuildRunner[] {
    return [...this.runners.values()].filter((runner) => runner.name === name && runner.version === version);
  }

  /** Every build that is not dropped, with its live status. */
  async status(name?: string): Promise<BuildStatus[]> {
    const builds = await this.registry.list(name || undefined);
    if (name && builds.length === 0) throw new ProjectionNotFound(name);
    return Promise.all(builds.map((build) => this.statusOf(build)));
  }

  private async statusOf(build: StoredBuild): Promise<BuildStatus> {
    const local = this.runnersOf(build.name, build.version);
    // A partitioned build is told from its stored checkpoints (its partitions may run in several processes).
    const runner = build.partitions > 1 ? undefined : local[0];
    const definition = this.definitions.get(build.name);
    const position = runner?.position ?? build.position;
    let lagEvents: number | null = null;
    let lagMs: number | null = null;
    if (definition && (build.state === 'active' || build.state === 'building')) {
      if (this.countEventsAfter) lagEvents = await this.countEventsAfter(position, definition.filter);
      const [next] = await readPage(this.store, position, 1, definition.filter);
      lagMs = next ? Math.max(0, Date.now() - Date.parse(next.metadata.recordedAt)) : 0;
    }
    const parked = runner?.parked ?? local.find((r) => r.parked)?.parked ?? build.parked;
    const partitionsRunHere = build.partitions > 1 && local.length > 0;
    const status: BuildStatus['status'] = parked
      ? 'parked'
      : !runner && !partitionsRunHere
        ? 'stopped'
        : build.state === 'building'
          ? 'rebuilding'
          : (runner ? runner.caughtUp : local.length === build.partitions && local.every((r) => r.caughtUp))
            ? 'live'
            : 'catching-up';
    return {
      name: build.name,
      version: build.version,
      codeVersion: build.codeVersion,
      state: build.state,
      status,
      params: build.params,
      position: position ? formatPosition(position) : null,
      eventsProcessed: runner?.eventsProcessed ?? build.eventsProcessed,
      lagEvents,
      lagMs,
      eventsPerSecond: runner?.eventsPerSecond() ?? null,
      parked: parked ?? null,
      skipped: local[0] ? [...local[0].skipped.values()] : await this.skipsOf(build.name, build.version),
      activateWhenCaughtUp: build.activateWhenCaughtUp,
    };
  }

  /** The position the active build of `name` has reached (in this or another process), or null. */
  async activePosition(name: string): Promise<Position | null> {
    this.definition(name);
    return this.registry.activePosition(name);
  }

  /** The build of `name` behind the stable views, as stored (in this or another process), or null. */
  async activeBuild(name: string): Promise<StoredBuild | null> {
    this.definition(name);
    return this.registry.activeBuild(name);
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

  /** Switches the stable views to `version` in one transaction; the previous active build is retired. */
  async activate(name: string, version: number): Promise<void> {
    await this.registry.activate(this.definition(name), version);
    this.afterActivation(name, version);
  }

  private afterActivation(name: string, version: number): void {
    for (const [key, runner] of this.runners) {
      if (runner.name !== name) continue;
      if (runner.version === version) {
        runner.state = 'active';
      } else if (runner.state === 'active') {
        // A retired build stops following the log; it is kept for comparison until dropped.
        runner.state = 'retired';
        this.runners.delete(key);
        void runner.stop().then(() => runner.lease?.release());
      }
    }
  }

  /** Whether `runner` is catching up while every other build follows the head, so no one would share its pages. */
  private readsAlone(runner: BuildRunner): boolean {
    if (runner.caughtUp || !runner.definition.filter) return false;
    return [...this.runners.values()].every((other) => other === runner || other.caughtUp || !other.isReading);
  }

  /**
   * A build that has read everything: a rebuild that may activate takes over the views now. A partitioned build
   * does once every partition has reached where this one is (they may run in other processes), and only the first
   * process to see it moves the views.
   */
  private async onCaughtUp(runner: BuildRunner): Promise<void> {
    if (runner.state !== 'building' || !runner.build.activateWhenCaughtUp) return;
    if (runner.partition !== null) {
      const positions = await this.registry.partitionPositions(runner.name, runner.version);
      const here = runner.position;
      if (!here || positions.some((position) => !position || comparePositions(position, here) < 0)) return;
    }
    if (!(await this.registry.activate(this.definition(runner.name), runner.version, { onlyIfBuilding: true }))) {
      // Another process moved the views (or they moved away): this process learns the state at its next look.
      const stored = (await this.registry.all(runner.name)).find((build) => build.version === runner.version);
      if (stored) for (const r of this.runnersOf(runner.name, runner.version)) r.state = stored.state;
      return;
    }
    this.afterActivation(runner.name, runner.version);
  }

  /**
   * Registers every runner before starting any, so each sees the others from its first read. A partition, and any
   * build taken under a lease, starts from its stored checkpoint as read now.
   */
  private async startUnits(units: readonly Unit[]): Promise<void> {
    const started: BuildRunner[] = [];
    for (const unit of units) {
      const lease = this.pendingLeases.get(unit.key) ?? null;
      this.pendingLeases.delete(unit.key);
      if (!this.running || this.runners.has(unit.key)) {
        await lease?.release();
        continue;
      }
      const runner = new BuildRunner(unit.definition, unit.build, this.host, unit.partition);
      runner.lease = lease;
      if (lease || unit.partition !== null) {
        try {
          await runner.reloadCheckpoint(true);
        } catch (error) {
          await lease?.release();
          throw error;
        }
      }
      this.runners.set(unit.key, runner);
      started.push(runner);
    }
    for (const runner of started) runner.start();
  }
}

const hashOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
};
