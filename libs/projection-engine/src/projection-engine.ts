// Runs projections: each build reads the log from its checkpoint, applies batches and moves its checkpoint in the
// same transaction, so a crash anywhere neither loses nor double-counts an event. Several builds of one projection
// can run at once: the active one behind the stable views, and a rebuild filling its own tables beside it until it
// has caught up, when the views switch to it in one transaction. The engine is the facade: BuildRunner runs one
// build, BuildRegistry keeps the record of builds, SharedPageReader shares the log's pages between the runners.
import type pg from 'pg';
import { comparePositions, formatPosition, type EventStore, type Position } from '#event-store';
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
}>;

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

  constructor(
    readonly store: EventStore,
    readonly pool: pg.Pool,
    definitions: readonly ProjectionDefinition[],
    options: ProjectionEngineOptions = {},
  ) {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
    const batchSize = options.batchSize ?? 1000;
    const reader = new SharedPageReader(store, batchSize, {
      keptPages: Math.max(2, Math.ceil(KEPT_EVENTS / batchSize)),
      readerPositions: () => [...this.runners.values()].filter((runner) => runner.isReading).map((runner) => runner.position),
      maxLeadWaitMs: MAX_LEAD_WAIT_MS,
    });
    this.registry = new BuildRegistry(pool);
    this.logger = options.logger ?? (() => undefined);
    this.countEventsAfter = options.countEventsAfter;
    this.host = {
      pool,
      store,
      checkpoints: this.registry,
      readShared: (after) => reader.read(after),
      readsAlone: (runner) => this.readsAlone(runner),
      batchSize,
      pollIntervalMs: options.pollIntervalMs ?? 100,
      beforeCommit: options.beforeCommit,
      onError: (runner, error) =>
        this.logger(`${runner.name}@${runner.version}: ${error instanceof Error ? error.message : String(error)}; retrying`),
      onCaughtUp: (runner) => this.onCaughtUp(runner),
    };
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await BuildRegistry.migrate(pool);
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
      const builds = await this.registry.all(definition.name);
      const active = builds.find((b) => b.state === 'active');
      const building = builds.filter((b) => b.state === 'building');
      if (!active && building.length === 0) {
        // The first build serves at once (catching up); there is nothing older to keep serving meanwhile.
        const first = await this.registry.create(definition, definition.defaultParams?.() ?? {}, true);
        await this.activate(definition.name, first.version);
      } else if (active && active.codeVersion < definition.codeVersion && building.length === 0) {
        await this.registry.create(definition, active.params, true);
      }
    }
    // All at once, after every build exists: builds that start together read the log together.
    const toRun: [ProjectionDefinition, StoredBuild][] = [];
    for (const definition of this.definitions.values()) {
      for (const build of await this.registry.all(definition.name)) {
        if (build.state === 'active' || build.state === 'building') toRun.push([definition, build]);
      }
    }
    this.startRunners(toRun);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
  }

  /** Wakes idle builds: called after local appends so read models follow within milliseconds. */
  poke(): void {
    for (const runner of this.runners.values()) runner.poke();
  }

  /** Starts a new build of `name` into its own tables; it replaces the active one once caught up (unless dry). */
  async rebuild(name: string, params: Readonly<Record<string, unknown>>, options: { dryRun?: boolean } = {}) {
    const definition = this.definition(name);
    const build = await this.registry.create(definition, params, !options.dryRun);
    if (this.running) this.startRunners([[definition, build]]);
    return build.version;
  }

  /** Drops a retired (or dry-run) build's tables. The active build cannot be dropped. */
  async drop(name: string, version: number): Promise<void> {
    const definition = this.definition(name);
    const build = (await this.registry.all(name)).find((b) => b.version === version);
    if (!build || build.state === 'dropped') throw new ProjectionNotFound(name, version);
    if (build.state === 'active') throw new ProjectionStateError(`${name}@${version} is active; activate another first`);
    await this.runners.get(`${name}@${version}`)?.stop();
    this.runners.delete(`${name}@${version}`);
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
    await this.runners.get(`${name}@${version}`)?.learnSkips();
  }

  /** Every build that is not dropped, with its live status. */
  async status(name?: string): Promise<BuildStatus[]> {
    const builds = await this.registry.list(name || undefined);
    if (name && builds.length === 0) throw new ProjectionNotFound(name);
    return Promise.all(builds.map((build) => this.statusOf(build)));
  }

  private async statusOf(build: StoredBuild): Promise<BuildStatus> {
    const runner = this.runners.get(`${build.name}@${build.version}`);
    const definition = this.definitions.get(build.name);
    const position = runner?.position ?? build.position;
    let lagEvents: number | null = null;
    let lagMs: number | null = null;
    if (definition && (build.state === 'active' || build.state === 'building')) {
      if (this.countEventsAfter) lagEvents = await this.countEventsAfter(position, definition.filter);
      const [next] = await readPage(this.store, position, 1, definition.filter);
      lagMs = next ? Math.max(0, Date.now() - Date.parse(next.metadata.recordedAt)) : 0;
    }
    const parked = runner?.parked ?? build.parked;
    const status: BuildStatus['status'] = parked
      ? 'parked'
      : !runner
        ? 'stopped'
        : build.state === 'building'
          ? 'rebuilding'
          : runner.caughtUp
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
      skipped: runner ? [...runner.skipped.values()] : await this.skipsOf(build.name, build.version),
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
    for (const [key, runner] of this.runners) {
      if (runner.name !== name) continue;
      if (runner.version === version) {
        runner.state = 'active';
      } else if (runner.state === 'active') {
        // A retired build stops following the log; it is kept for comparison until dropped.
        runner.state = 'retired';
        this.runners.delete(key);
        void runner.stop();
      }
    }
  }

  /** Whether `runner` is catching up while every other build follows the head, so no one would share its pages. */
  private readsAlone(runner: BuildRunner): boolean {
    if (runner.caughtUp || !runner.definition.filter) return false;
    return [...this.runners.values()].every((other) => other === runner || other.caughtUp || !other.isReading);
  }

  /** A build that has read everything: a rebuild that may activate takes over the views now. */
  private async onCaughtUp(runner: BuildRunner): Promise<void> {
    if (runner.state !== 'building' || !runner.build.activateWhenCaughtUp) return;
    await this.activate(runner.name, runner.version);
  }

  /** Registers every runner before starting any, so each sees the others from its first read. */
  private startRunners(builds: readonly (readonly [ProjectionDefinition, StoredBuild])[]): void {
    const started: BuildRunner[] = [];
    for (const [definition, build] of builds) {
      const key = `${build.name}@${build.version}`;
      if (!this.running || this.runners.has(key)) continue;
      const runner = new BuildRunner(definition, build, this.host);
      this.runners.set(key, runner);
      started.push(runner);
    }
    for (const runner of started) runner.start();
  }
}
