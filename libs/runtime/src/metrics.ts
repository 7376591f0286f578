// What an operator scrapes (Prometheus text through prom-client). Counters and histograms move where the work
// happens in this process (commands, appends); everything shared by the processes (projection lag, webhook state,
// the pool) is read at scrape time from the public APIs that own it, so any replica answers for the whole system.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type pg from 'pg';
import { WrongExpectedRevision, type EventStore } from '#event-store';
import type { BuildStatus } from '#projection-engine';

export type CommandOutcome = 'ok' | 'unchanged' | 'replayed' | 'conflict' | 'rejected' | 'error';

export type ProjectionStatusSource = Readonly<{ status(): Promise<BuildStatus[]> }>;
export type WebhookStateSource = Readonly<{ query: pg.Pool['query'] }>;

/** An error with a typed code (DomainError, ApplicationError, ...) is a refusal of the command, not a failure. */
const outcomeOfError = (error: unknown): CommandOutcome => {
  if (error instanceof WrongExpectedRevision) return 'conflict';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) ? 'rejected' : 'error';
};

type CommandResultLike = Readonly<{ replayed?: true; events: readonly unknown[] }>;

/** The answer of one scrape, shared by the gauges collected in it (prom-client collects them concurrently). */
const sharedPerScrape = <T>(read: () => Promise<T>): (() => Promise<T>) => {
  let current: Promise<T> | null = null;
  return () => {
    current ??= read().finally(() => setTimeout(() => (current = null), 0));
    return current;
  };
};

const WRAPPED = Symbol('tally.metrics');
type Wrappable = Record<PropertyKey, unknown>;

export class TallyMetrics {
  readonly registry = new Registry();
  readonly commands: Counter<'type' | 'outcome'>;
  readonly appendSeconds: Histogram<'outcome'>;
  readonly appendedEvents: Counter;
  readonly sseClients: Gauge;
  readonly webhookDeliveries: Counter<'outcome'>;
  private sseCount: (() => number) | null = null;

  constructor(options: Readonly<{ defaultMetrics?: boolean }> = {}) {
    const registers = [this.registry];
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'tally_' });
    this.commands = new Counter({
      name: 'tally_commands_total',
      help: 'Commands executed, by command type and outcome (ok, unchanged, replayed, conflict, rejected, error)',
      labelNames: ['type', 'outcome'],
      registers,
    });
    this.appendSeconds = new Histogram({
      name: 'tally_event_append_duration_seconds',
      help: 'Time to append a batch of events to the event store',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.appendedEvents = new Counter({ name: 'tally_events_appended_total', help: 'Events appended by this process', registers });
    this.webhookDeliveries = new Counter({
      name: 'tally_webhook_deliveries_total',
      help: 'Webhook deliveries sent by this process, by outcome (succeeded: a 2xx answer)',
      labelNames: ['outcome'],
      registers,
    });
    const self = this;
    this.sseClients = new Gauge({
      name: 'tally_sse_clients',
      help: 'Server-Sent Event streams open on this process',
      registers,
      collect() {
        if (self.sseCount) this.set(self.sseCount());
      },
    });
  }

  /** The SSE client count, read at scrape time from whoever holds the streams. */
  countSseClientsWith(count: () => number): void {
    this.sseCount = count;
  }

  /** Times every append of `store` (the instance every writer of this process shares), one stream or several. */
  meterAppends<S extends EventStore>(store: S): S {
    const target = store as unknown as Wrappable;
    const sink = (target[WRAPPED] as { metrics: TallyMetrics } | undefined) ?? { metrics: this };
    sink.metrics = this;
    if (target[WRAPPED]) return store;
    target[WRAPPED] = sink;
    const timed = (method: string, eventsOf: (args: unknown[]) => number) => {
      const original = target[method];
      if (typeof original !== 'function') return;
      const bound = (original as (...args: unknown[]) => Promise<unknown>).bind(store);
      target[method] = async (...args: unknown[]) => {
        const end = sink.metrics.appendSeconds.startTimer();
        try {
          const result = await bound(...args);
          end({ outcome: 'ok' });
          sink.metrics.appendedEvents.inc(eventsOf(args));
          return result;
        } catch (error) {
          end({ outcome: error instanceof WrongExpectedRevision ? 'conflict' : 'error' });
          throw error;
        }
      };
    };
    timed('appendToStream', (args) => (args[1] as readonly unknown[]).length);
    timed('appendToStreams', (args) => (args[0] as readonly { events: readonly unknown[] }[]).reduce((sum, append) => sum + append.events.length, 0));
    return store;
  }

  /** Counts the commands of a CommandExecutor (its `execute` and `append`, whose third argument is the command). */
  meterCommands<X extends object>(executor: X): X {
    const target = executor as unknown as Wrappable;
    const sink = (target[WRAPPED] as { metrics: TallyMetrics } | undefined) ?? { metrics: this };
    sink.metrics = this;
    if (target[WRAPPED]) return executor;
    target[WRAPPED] = sink;
    for (const method of ['execute', 'append'] as const) {
      const original = target[method];
      if (typeof original !== 'function') continue;
      const bound = (original as (...args: unknown[]) => Promise<CommandResultLike>).bind(executor);
      target[method] = async (...args: unknown[]) => {
        // execute(stream, decider, command, ...) and append(stream, events, command, ...)
        const command = args[2] as { type?: unknown } | undefined;
        const type = typeof command?.type === 'string' ? command.type : 'unknown';
        try {
          const result = await bound(...args);
          sink.metrics.commands.inc({ type, outcome: result.replayed ? 'replayed' : result.events.length === 0 ? 'unchanged' : 'ok' });
          return result;
        } catch (error) {
          sink.metrics.commands.inc({ type, outcome: outcomeOfError(error) });
          throw error;
        }
      };
    }
    return executor;
  }

  /** Projection lag, throughput and parked builds, from the engine's status of every build (any process's). */
  observeProjections(source: ProjectionStatusSource): void {
    const statuses = sharedPerScrape(() => source.status());
    const registers = [this.registry];
    const labelNames = ['projection', 'version', 'state'] as const;
    const perBuild = (name: string, help: string, value: (build: BuildStatus) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames,
        registers,
        async collect() {
          this.reset();
          for (const build of await statuses()) {
            const measured = value(build);
            if (measured !== null) this.set({ projection: build.name, version: String(build.version), state: build.state }, measured);
          }
        },
      });
    perBuild('tally_projection_lag_events', 'Events in the log the build has not applied yet', (b) => b.lagEvents);
    perBuild('tally_projection_lag_seconds', 'Age of the oldest event the build has not applied (0 when caught up)', (b) =>
      b.lagMs === null ? null : b.lagMs / 1000,
    );
    perBuild('tally_projection_events_processed', 'Events the build has applied since it began (rate() of it: events/s)', (b) => b.eventsProcessed);
    perBuild('tally_projection_rebuild_events_per_second', 'Events per second of a build running in this process', (b) => b.eventsPerSecond);
    perBuild('tally_projection_parked', '1 when the build is parked on an event it cannot apply', (b) => (b.parked ? 1 : 0));
  }

  /** Webhook subscriptions as stored: parked events, paused subscriptions, failures in a row. */
  observeWebhooks(pool: WebhookStateSource): void {
    type Row = { active: string; paused: string; parked: string; failures: string };
    const state = sharedPerScrape(async (): Promise<Row | null> => {
      try {
        const { rows } = await pool.query<Row>(
          `SELECT count(*) FILTER (WHERE status = 'active') AS active, count(*) FILTER (WHERE status = 'paused') AS paused,
                  count(*) FILTER (WHERE parked IS NOT NULL) AS parked, coalesce(sum(consecutive_failures), 0) AS failures
             FROM tally_webhook_subscriptions`,
        );
        return rows[0];
      } catch {
        // No webhook table yet (nothing has migrated it) or the database is away: nothing to report.
        return null;
      }
    });
    const registers = [this.registry];
    new Gauge({
      name: 'tally_webhook_subscriptions',
      help: 'Webhook subscriptions by status',
      labelNames: ['status'],
      registers,
      async collect() {
        this.reset();
        const row = await state();
        if (!row) return;
        this.set({ status: 'active' }, Number(row.active));
        this.set({ status: 'paused' }, Number(row.paused));
      },
    });
    new Gauge({
      name: 'tally_webhook_parked_events',
      help: 'Webhook subscriptions paused with an event parked after their last allowed attempt',
      registers,
      async collect() {
        const row = await state();
        this.set(row ? Number(row.parked) : 0);
      },
    });
    new Gauge({
      name: 'tally_webhook_consecutive_failures',
      help: 'Failed delivery attempts in a row, summed over the subscriptions',
      registers,
      async collect() {
        const row = await state();
        this.set(row ? Number(row.failures) : 0);
      },
    });
  }

  /** A pg pool's connections: total, idle, and the checkouts waiting for one. */
  observePool(pool: Pick<pg.Pool, 'totalCount' | 'idleCount' | 'waitingCount'>, name = 'main'): void {
    new Gauge({
      name: 'tally_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting: checkouts queued for a connection)',
      labelNames: ['pool', 'state'],
      registers: [this.registry],
      collect() {
        this.set({ pool: name, state: 'total' }, pool.totalCount);
        this.set({ pool: name, state: 'idle' }, pool.idleCount);
        this.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  /** An outbound fetch that counts what it sends as webhook deliveries (2xx: succeeded). */
  countDeliveries<F extends (...args: never[]) => Promise<{ status: number }>>(fetch: F): F {
    return (async (...args: Parameters<F>) => {
      try {
        const response = await fetch(...args);
        this.webhookDeliveries.inc({ outcome: response.status >= 200 && response.status < 300 ? 'succeeded' : 'failed' });
        return response;
      } catch (error) {
        this.webhookDeliveries.inc({ outcome: 'failed' });
        throw error;
      }
    }) as F;
  }

  contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
