// Delivers each active subscription's events in log order, one batch at a time, beside the projector. The position
// moves only after a 2xx (with its log record, in one transaction): delivery is at least once, and a duplicate after
// a crash or a lost answer carries the same event ids for the receiver to drop. Each subscription is delivered under
// a lease, so that of several workers on one database only one delivers it at a time.
import { setTimeout as delay } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import { isAfter, parsePosition, type EventStore, type RecordedEvent } from '#event-store';
import { abortAfter, LeaseLost, Leases, sleepUnlessAborted, type KeptLease, type LeaseGrant } from '#postgres';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { DEFAULT_BATCH_LIMITS, isDeliverableUrl, subscriptionFilter, takeBatch, type BatchLimits, type DeliveryBatch } from './delivery-batch.js';
import { createOutboundFetch, type OutboundFetch } from './outbound.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';
import { WebhookSubscriptions, type DeliveryAttempt, type DeliveryTarget } from './webhook-subscriptions.js';

export type WebhookWorkerOptions = Readonly<{
  batch?: BatchLimits;
  /** Attempts per batch before the subscription pauses with the batch parked. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  /** How often the worker looks for new events and for subscriptions changed through the api. */
  pollIntervalMs?: number;
  /** A number in [0, 1) for the back-off jitter. */
  random?: () => number;
  clock?: () => Date;
  logger?: (message: string) => void;
  deliveryLogLimit?: number;
  /**
   * How long a subscription's lease lasts without a heartbeat: another worker takes over a dead worker's
   * subscriptions after this (plus one look, an eighth of it).
   */
  leaseTtlMs?: number;
  /** How deliveries are sent; by default only to public addresses (see outbound.ts). */
  fetch?: OutboundFetch;
}>;

type Settings = Required<WebhookWorkerOptions>;

const DEFAULTS: Settings = {
  batch: DEFAULT_BATCH_LIMITS,
  maxAttempts: 8,
  backoff: DEFAULT_BACKOFF,
  requestTimeoutMs: 10_000,
  pollIntervalMs: 250,
  random: Math.random,
  clock: () => new Date(),
  logger: () => undefined,
  deliveryLogLimit: 1_000,
  leaseTtlMs: 8_000,
  fetch: createOutboundFetch('deny'),
};

/** Resolves after `ms`, or at once when `signal` aborts. */
const sleep = (ms: number, signal: AbortSignal): Promise<void> => delay(ms, undefined, { signal }).catch(() => undefined);

const explain = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
};

type SendResult = Readonly<{ ok: boolean; responseStatus: number | null; error: string | null; latencyMs: number }>;

/** One subscription's delivery loop; a new runner replaces it whenever an operator changes the subscription. */
class SubscriptionRunner {
  private readonly abort = new AbortController();
  private readonly loop: Promise<void>;
  private lease: KeptLease | null = null;
  // Set by poke(): an append the current step may not have seen, so the runner looks again instead of idling.
  private poked = false;
  private idleWake: AbortController | null = null;

  constructor(
    readonly id: string,
    readonly controlRevision: number,
    private readonly worker: WebhookWorker,
  ) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  /** Something was appended: stop idling and look now. */
  poke(): void {
    this.poked = true;
    this.idleWake?.abort();
  }

  /** Waits a poll interval, or less when poked (also when poked during the step that came before). */
  private async idle(ms: number): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return;
    }
    const wake = new AbortController();
    this.idleWake = wake;
    await sleepUnlessAborted(ms, this.abort.signal, wake.signal);
    this.idleWake = null;
    this.poked = false;
  }

  private async run(): Promise<void> {
    const { settings } = this.worker;
    let infrastructureFailures = 0;
    try {
      while (!this.stopped) {
        try {
          const lease = await this.leased();
          if (!lease) {
            // Another worker delivers this subscription; look again in case it dies.
            await sleep(Math.max(settings.pollIntervalMs, settings.leaseTtlMs / 8), this.abort.signal);
            continue;
          }
          this.poked = false;
          const more = await this.step(lease);
          infrastructureFailures = 0;
          if (!more) await this.idle(settings.pollIntervalMs);
        } catch (error) {
          if (this.stopped) return;
          // Taken over while this worker was slow: the other worker goes on from the position stored last.
          if (error instanceof LeaseLost) {
            await this.lease?.release();
            this.lease = null;
            continue;
          }
          // The database or the store failed, not the receiver: nothing moved, try again after a bounded pause.
          infrastructureFailures++;
          settings.logger(`webhook ${this.id}: ${explain(error)}`);
          await sleep(Math.min(5_000, 50 * 2 ** Math.min(infrastructureFailures, 7)), this.abort.signal);
        }
      }
    } finally {
      await this.lease?.release();
    }
  }

  /** This worker's grant on the subscription, acquired again when it ran out; null while another worker holds it. */
  private async leased(): Promise<LeaseGrant | null> {
    if (this.lease?.held) return this.lease.grant;
    await this.lease?.release();
    const { leases, holder, settings } = this.worker;
    this.lease = await leases.keep(`webhook:${this.id}`, holder, (error) => settings.logger(`webhook ${this.id} lease: ${explain(error)}`));
    return this.lease?.grant ?? null;
  }

  /** One read and at most one attempt; true when there is more to do at once. */
  private async step(lease: LeaseGrant): Promise<boolean> {
    const { subscriptions, store, settings } = this.worker;
    const target = await subscriptions.target(this.id);
    if (!target || target.status !== 'active' || target.controlRevision !== this.controlRevision) {
      this.abort.abort();
      return false;
    }
    const after = target.position === null ? undefined : parsePosition(target.position);
    // Read before the page: when the page is empty, every event up to the head has been looked at.
    const head = await store.headPosition();
    const events: RecordedEvent[] = [];
    const filter = subscriptionFilter(target.eventTypes);
    for await (const event of store.readAll({ fromPosition: after, maxCount: settings.batch.maxEvents, filter })) {
      events.push(event);
    }
    if (this.stopped) return false;
    if (events.length === 0) {
      if (head && (!after || isAfter(head, after))) await subscriptions.passOver(target, head, lease);
      return false;
    }
    // Send only with half the lease left to finish in: a lease that ran out (or nearly, its renewals held up by a
    // busy database or event loop) may be another worker's by the time the batch arrives, and it sends the batch again.
    if (!this.lease?.heldFor(settings.leaseTtlMs / 2)) {
      await sleep(settings.pollIntervalMs, this.abort.signal);
      return true;
    }
    const batch = takeBatch(target.id, events, settings.batch);
    const attemptedAt = settings.clock();
    const sent = await this.send(target, batch, attemptedAt);
    const attempt = attemptOf(batch, sent, attemptedAt);
    if (sent.ok) {
      await subscriptions.recordSuccess(target, attempt, lease);
      return true;
    }
    // Shutting down cut the request: not the receiver's failure; the batch goes again on the next start.
    if (this.stopped) return false;
    const outcome = await subscriptions.recordFailure(target, attempt, settings.maxAttempts, lease);
    if (outcome === 'paused') {
      settings.logger(`webhook ${this.id}: paused after ${settings.maxAttempts} attempts (${sent.error})`);
      this.abort.abort();
      return false;
    }
    await sleep(backoffDelay(target.consecutiveFailures + 1, settings.backoff, settings.random), this.abort.signal);
    return true;
  }

  private async send(target: DeliveryTarget, batch: DeliveryBatch, attemptedAt: Date): Promise<SendResult> {
    const { settings } = this.worker;
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    if (!isDeliverableUrl(target.url)) {
      return { ok: false, responseStatus: null, error: `${target.url} is not an http or https URL`, latencyMs: 0 };
    }
    const bounded = abortAfter(this.abort.signal, settings.requestTimeoutMs);
    try {
      const response = await settings.fetch(target.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Tally-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(target.secret, batch.body, Math.floor(attemptedAt.getTime() / 1000)),
          'Tally-Subscription-Id': target.id,
          'Tally-Delivery-Attempt': String(target.consecutiveFailures + 1),
        },
        body: batch.body,
        // A redirect is an answer the receiver must fix, not a hop to follow with signed data.
        redirect: 'manual',
        signal: bounded.signal,
      });
      // The answer's body is not used; cancelling it frees the connection without reading an unbounded reply.
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, responseStatus: response.status, error: ok ? null : `HTTP ${response.status}`, latencyMs: elapsed() };
    } catch (error) {
      const error_ = bounded.timedOut() ? `no answer within ${settings.requestTimeoutMs} ms` : explain(error);
      return { ok: false, responseStatus: null, error: error_, latencyMs: elapsed() };
    } finally {
      bounded.release();
    }
  }
}

const attemptOf = (batch: DeliveryBatch, sent: SendResult, attemptedAt: Date): DeliveryAttempt => {
  const first = batch.events[0];
  const last = batch.events[batch.events.length - 1];
  return {
    eventCount: batch.events.length,
    firstEventId: first.id,
    firstEventType: first.type,
    firstPosition: first.position,
    lastPosition: last.position,
    responseStatus: sent.responseStatus,
    latencyMs: sent.latencyMs,
    error: sent.error,
    attemptedAt,
  };
};

/**
 * Runs one delivery loop per active subscription and follows the subscriptions table: a subscription paused,
 * resumed, replayed or deleted through the api is picked up within one poll interval. Several workers may run on
 * one database: a lease per subscription lets one deliver it, and another takes over when that one dies.
 */
export class WebhookWorker {
  readonly settings: Settings;
  readonly subscriptions: WebhookSubscriptions;
  readonly leases: Leases;
  /** This worker's name in the lease table. */
  readonly holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly runners = new Map<string, SubscriptionRunner>();
  private readonly stopping = new AbortController();
  private supervisor: Promise<void> | null = null;

  constructor(
    readonly store: EventStore,
    private readonly pool: pg.Pool,
    options: WebhookWorkerOptions = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
    this.subscriptions = new WebhookSubscriptions(pool, this.settings.deliveryLogLimit);
    this.leases = new Leases(pool, this.settings.leaseTtlMs);
  }

  async start(): Promise<void> {
    await WebhookSubscriptions.migrate(this.pool);
    await Leases.migrate(this.pool);
    await this.reconcile();
    this.supervisor ??= this.supervise();
  }

  /**
   * An append happened (here, or in another process, announced by NOTIFY): every idle delivery loop looks now
   * instead of at its next poll.
   */
  poke(): void {
    for (const runner of this.runners.values()) runner.poke();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.supervisor;
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
    this.runners.clear();
  }

  private async supervise(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      await sleep(this.settings.pollIntervalMs, this.stopping.signal);
      if (this.stopping.signal.aborted) return;
      try {
        await this.reconcile();
      } catch (error) {
        this.settings.logger(`webhooks: ${explain(error)}`);
      }
    }
  }

  /** Starts a runner per active subscription, and replaces runners whose subscription changed or stopped. */
  private async reconcile(): Promise<void> {
    const active = await this.subscriptions.activeRevisions();
    const outdated = [...this.runners.values()].filter(
      (runner) => runner.stopped || active.get(runner.id) !== runner.controlRevision,
    );
    await Promise.all(outdated.map((runner) => runner.stop()));
    for (const runner of outdated) this.runners.delete(runner.id);
    if (this.stopping.signal.aborted) return;
    for (const [id, revision] of active) {
      if (!this.runners.has(id)) this.runners.set(id, new SubscriptionRunner(id, revision, this));
    }
  }
}
