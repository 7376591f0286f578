// Wake-ups across processes: every append NOTIFYs `tally_events` with its last position (PostgresEventStore.announce
// sends it after the commit, several appends' in one; tally_append_streams in its statement), and
// one dedicated connection per process LISTENs. A notification only says "look now": readers still read the log
// from their own positions, and their poll stays the fallback for whatever a lost connection did not announce.
import pg from 'pg';

export const APPEND_CHANNEL = 'tally_events';

/** Called with the notified position (as text), or null when the listener reconnected and cannot say what it missed. */
export type AppendHandler = (position: string | null) => void;

export type AppendListenerOptions = Readonly<{
  connectionString: string;
  /** First pause before reconnecting; doubles per failed attempt up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often the idle connection is asked `SELECT 1`, so a connection that died silently is noticed. */
  heartbeatMs?: number;
  logger?: (message: string) => void;
  /**
   * Whether what the listener serves is still open (its process's pool): once it is not, a lost connection is not
   * reconnected. A database closed by its owner without closing the runtime (a simulated crash, a dropped test
   * database) then leaves no reconnect timer behind.
   */
  serving?: () => boolean;
}>;

const ignore = (): void => undefined;

export type AppendListenerStatus = Readonly<{
  listening: boolean;
  /** How many times a LISTEN has been established (the first connection included). */
  connections: number;
  notifications: number;
  /** The LISTEN connection's server process (for pg_terminate_backend in a drill), null while away. */
  backendPid: number | null;
}>;

/**
 * One pg client doing LISTEN, reconnecting with bounded back-off when its connection drops. It never throws into the
 * process: while it is away, readers fall back to their poll; when it is back, it wakes every handler once.
 */
export class AppendListener {
  private readonly handlers = new Set<AppendHandler>();
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly heartbeatMs: number;
  private readonly logger: (message: string) => void;
  private client: pg.Client | null = null;
  private stopped = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private listening = false;
  private connections = 0;
  private notifications = 0;
  private backendPid: number | null = null;
  private readonly listeningWaiters = new Set<() => void>();

  constructor(private readonly options: AppendListenerOptions) {
    this.minBackoffMs = options.minBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.logger = options.logger ?? ignore;
  }

  /** Subscribes a handler; the answer unsubscribes it. */
  onAppend(handler: AppendHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Connects and LISTENs; a failure is logged and retried in the background, never thrown. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  status(): AppendListenerStatus {
    const { listening, connections, notifications, backendPid } = this;
    return { listening, connections, notifications, backendPid: listening ? backendPid : null };
  }

  /** Resolves once a LISTEN is in place (at once when it is): for tests and for a caller that wants to know. */
  whenListening(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.listeningWaiters.add(resolve));
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopHeartbeat();
    await this.connecting?.catch(ignore);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(ignore);
    for (const resolve of this.listeningWaiters) resolve();
    this.listeningWaiters.clear();
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true });
    // Registered before connect: a connection error on an idle client with no listener would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel !== APPEND_CHANNEL || client !== this.client) return;
      this.notifications++;
      this.emit(message.payload ?? null);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${APPEND_CHANNEL}`);
      this.backendPid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    } catch (error) {
      client.removeAllListeners('end');
      client.on('error', ignore);
      await client.end().catch(ignore);
      this.scheduleReconnect(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(ignore);
      return;
    }
    this.client = client;
    this.listening = true;
    this.failures = 0;
    this.connections++;
    this.startHeartbeat(client);
    for (const resolve of this.listeningWaiters) resolve();
    this.listeningWaiters.clear();
    // Appends made while no LISTEN was in place were not announced: everyone looks once now.
    if (this.connections > 1) {
      this.logger('append listener: listening again');
      this.emit(null);
    }
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (client !== this.client) return;
    this.client = null;
    this.listening = false;
    this.stopHeartbeat();
    client.on('error', ignore);
    void client.end().catch(ignore);
    if (this.stopped) return;
    this.scheduleReconnect(error ?? new Error('connection ended'));
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped || this.retryTimer) return;
    if (this.options.serving && !this.options.serving()) {
      this.stopped = true;
      return;
    }
    this.failures++;
    const ceiling = Math.min(this.maxBackoffMs, this.minBackoffMs * 2 ** Math.min(this.failures - 1, 16));
    // Jitter: many processes that lost the same server do not all come back in the same millisecond.
    const ms = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    const reason = error instanceof Error ? error.message : String(error);
    this.logger(`append listener: ${reason}; listening again in ${ms} ms (readers poll meanwhile)`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, ms);
    this.retryTimer.unref();
  }

  private startHeartbeat(client: pg.Client): void {
    this.stopHeartbeat();
    this.heartbeatTimer = setInterval(() => {
      const timeout = setTimeout(() => this.lost(client, new Error('no answer to the heartbeat')), this.heartbeatMs);
      timeout.unref();
      client.query('SELECT 1').then(
        () => clearTimeout(timeout),
        (error: Error) => {
          clearTimeout(timeout);
          this.lost(client, error);
        },
      );
    }, this.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  private emit(position: string | null): void {
    for (const handler of this.handlers) {
      try {
        handler(position);
      } catch (error) {
        this.logger(`append listener: a handler failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
