// The webhook tables: what operators change through the api, and what the delivery worker reads and moves.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { formatPosition, type Position } from '#event-store';
import { inTransaction, Leases, migrate, type LeaseGrant } from '#postgres';
import { webhookMigrations } from './webhook.migrations.js';

export type WebhookStatus = 'active' | 'paused';

/** The first event of the batch that failed every attempt; resume delivers again from it. */
export type ParkedDelivery = Readonly<{
  eventId: string;
  type: string;
  position: string;
  attempts: number;
  error: string;
  parkedAt: string;
}>;

export type WebhookSubscription = Readonly<{
  id: string;
  url: string;
  eventTypes: readonly string[];
  status: WebhookStatus;
  /** The last position delivered (exclusive start of the next batch); null before the first event of the log. */
  position: string | null;
  consecutiveFailures: number;
  parked: ParkedDelivery | null;
  createdAt: string;
  updatedAt: string;
}>;

/** Returned once, at creation: the only time the secret leaves Tally. */
export type CreatedWebhookSubscription = WebhookSubscription & Readonly<{ secret: string }>;

export type DeliveryRecord = Readonly<{
  id: string;
  status: 'succeeded' | 'failed';
  attempt: number;
  eventCount: number;
  firstEventId: string;
  firstPosition: string;
  lastPosition: string;
  responseStatus: number | null;
  latencyMs: number;
  error: string | null;
  attemptedAt: string;
}>;

/** What the worker needs to deliver one subscription, secret included. */
export type DeliveryTarget = Readonly<{
  id: string;
  url: string;
  eventTypes: readonly string[];
  secret: string;
  status: WebhookStatus;
  position: string | null;
  consecutiveFailures: number;
  controlRevision: number;
}>;

export type DeliveryAttempt = Readonly<{
  eventCount: number;
  firstEventId: string;
  firstEventType: string;
  firstPosition: Position;
  lastPosition: Position;
  responseStatus: number | null;
  latencyMs: number;
  error: string | null;
  attemptedAt: Date;
}>;

type SubscriptionRow = {
  id: string;
  url: string;
  event_types: string[];
  secret: string;
  status: WebhookStatus;
  position: string | null;
  consecutive_failures: number;
  parked: ParkedDelivery | null;
  control_revision: number;
  created_at: Date;
  updated_at: Date;
};

type DeliveryRow = {
  id: string;
  status: 'succeeded' | 'failed';
  attempt: number;
  event_count: number;
  first_event_id: string;
  first_position: string;
  last_position: string;
  response_status: number | null;
  latency_ms: number;
  error: string | null;
  attempted_at: Date;
};

const toSubscription = (row: SubscriptionRow): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  status: row.status,
  position: row.position,
  consecutiveFailures: row.consecutive_failures,
  parked: row.parked,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const toDelivery = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  status: row.status,
  attempt: row.attempt,
  eventCount: row.event_count,
  firstEventId: row.first_event_id,
  firstPosition: row.first_position,
  lastPosition: row.last_position,
  responseStatus: row.response_status,
  latencyMs: row.latency_ms,
  error: row.error,
  attemptedAt: row.attempted_at.toISOString(),
});

export const generateSecret = (): string => `whsec_${randomBytes(32).toString('hex')}`;

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

const insertDelivery = (db: Queryable, subscriptionId: string, status: 'succeeded' | 'failed', attempt: number, a: DeliveryAttempt) =>
  db.query(
    `INSERT INTO tally_webhook_deliveries (subscription_id, status, attempt, event_count, first_event_id, first_position,
       last_position, response_status, latency_ms, error, attempted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      subscriptionId,
      status,
      attempt,
      a.eventCount,
      a.firstEventId,
      formatPosition(a.firstPosition),
      formatPosition(a.lastPosition),
      a.responseStatus,
      Math.round(a.latencyMs),
      a.error,
      a.attemptedAt,
    ],
  );

export type FailureOutcome = 'retry' | 'paused' | 'stale';

export class WebhookSubscriptions {
  constructor(
    private readonly pool: pg.Pool,
    /** How many delivery records each subscription keeps; older ones are pruned as new ones land. */
    private readonly deliveryLogLimit = 1_000,
  ) {}

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_webhook_migrations', webhookMigrations);
  }

  /** Idempotent by id: a retried creation returns the subscription (and secret) the first one stored. */
  async create(input: {
    id: string;
    url: string;
    eventTypes: readonly string[];
    secret: string;
    position: Position | null;
  }): Promise<CreatedWebhookSubscription> {
    await this.pool.query(
      `INSERT INTO tally_webhook_subscriptions (id, url, event_types, secret, position)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [input.id, input.url, input.eventTypes, input.secret, input.position ? formatPosition(input.position) : null],
    );
    const { rows } = await this.pool.query<SubscriptionRow>('SELECT * FROM tally_webhook_subscriptions WHERE id = $1', [input.id]);
    return { ...toSubscription(rows[0]), secret: rows[0].secret };
  }

  async list(): Promise<WebhookSubscription[]> {
    const { rows } = await this.pool.query<SubscriptionRow>('SELECT * FROM tally_webhook_subscriptions ORDER BY created_at, id');
    return rows.map(toSubscription);
  }

  async get(id: string): Promise<WebhookSubscription | null> {
    const { rows } = await this.pool.query<SubscriptionRow>('SELECT * FROM tally_webhook_subscriptions WHERE id = $1', [id]);
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async pause(id: string): Promise<WebhookSubscription | null> {
    return this.control(id, `status = 'paused'`, []);
  }

  /** Delivers again from the parked event (the position never moved past it), with a fresh retry budget. */
  async resume(id: string): Promise<WebhookSubscription | null> {
    return this.control(id, `status = 'active', parked = NULL, consecutive_failures = 0`, []);
  }

  /** Moves the subscription back (or forward) to deliver every matching event after `from`. */
  async replay(id: string, from: Position): Promise<WebhookSubscription | null> {
    return this.control(id, `position = $2, parked = NULL, consecutive_failures = 0`, [formatPosition(from)]);
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM tally_webhook_subscriptions WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }

  /** The newest delivery attempts first. */
  async deliveries(id: string, limit: number): Promise<DeliveryRecord[]> {
    const { rows } = await this.pool.query<DeliveryRow>(
      `SELECT id::text, status, attempt, event_count, first_event_id, first_position, last_position, response_status,
              latency_ms, error, attempted_at
         FROM tally_webhook_deliveries WHERE subscription_id = $1 ORDER BY id DESC LIMIT $2`,
      [id, limit],
    );
    return rows.map(toDelivery);
  }

  // --- the worker's side ---

  async activeRevisions(): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ id: string; control_revision: number }>(
      `SELECT id, control_revision FROM tally_webhook_subscriptions WHERE status = 'active'`,
    );
    return new Map(rows.map((row) => [row.id, row.control_revision]));
  }

  async target(id: string): Promise<DeliveryTarget | null> {
    const { rows } = await this.pool.query<SubscriptionRow>('SELECT * FROM tally_webhook_subscriptions WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      url: row.url,
      eventTypes: row.event_types,
      secret: row.secret,
      status: row.status,
      position: row.position,
      consecutiveFailures: row.consecutive_failures,
      controlRevision: row.control_revision,
    };
  }

  /**
   * A 2xx: the log record and the new position commit together, so a crash before the commit redelivers the batch
   * (same event ids) and a crash after it never skips. False when an operator changed the subscription meanwhile;
   * LeaseLost when another worker has taken the subscription over (it delivers from the position stored here).
   */
  async recordSuccess(target: DeliveryTarget, attempt: DeliveryAttempt, lease: LeaseGrant): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      await Leases.fence(tx, lease);
      await insertDelivery(tx, target.id, 'succeeded', target.consecutiveFailures + 1, attempt);
      const { rowCount } = await tx.query(
        `UPDATE tally_webhook_subscriptions SET position = $3, consecutive_failures = 0, updated_at = now()
          WHERE id = $1 AND control_revision = $2`,
        [target.id, target.controlRevision, formatPosition(attempt.lastPosition)],
      );
      await tx.query(
        `DELETE FROM tally_webhook_deliveries WHERE subscription_id = $1 AND id <= (
           SELECT id FROM tally_webhook_deliveries WHERE subscription_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
        [target.id, this.deliveryLogLimit],
      );
      return (rowCount ?? 0) > 0;
    });
  }

  /** A failed attempt; the last one allowed pauses the subscription with the batch's first event parked. */
  async recordFailure(target: DeliveryTarget, attempt: DeliveryAttempt, maxAttempts: number, lease: LeaseGrant): Promise<FailureOutcome> {
    const attemptNumber = target.consecutiveFailures + 1;
    const parked: ParkedDelivery | null =
      attemptNumber >= maxAttempts
        ? {
            eventId: attempt.firstEventId,
            type: attempt.firstEventType,
            position: formatPosition(attempt.firstPosition),
            attempts: attemptNumber,
            error: attempt.error ?? 'unknown error',
            parkedAt: attempt.attemptedAt.toISOString(),
          }
        : null;
    return inTransaction(this.pool, async (tx) => {
      await Leases.fence(tx, lease);
      await insertDelivery(tx, target.id, 'failed', attemptNumber, attempt);
      const { rowCount } = await tx.query(
        parked
          ? `UPDATE tally_webhook_subscriptions
                SET consecutive_failures = $3, status = 'paused', parked = $4, control_revision = control_revision + 1,
                    updated_at = now()
              WHERE id = $1 AND control_revision = $2`
          : `UPDATE tally_webhook_subscriptions SET consecutive_failures = $3, updated_at = now()
              WHERE id = $1 AND control_revision = $2`,
        parked ? [target.id, target.controlRevision, attemptNumber, JSON.stringify(parked)] : [target.id, target.controlRevision, attemptNumber],
      );
      if ((rowCount ?? 0) === 0) return 'stale';
      return parked ? 'paused' : 'retry';
    });
  }

  /** Nothing matched up to `head`: move past it so the next read does not scan those events again. */
  async passOver(target: DeliveryTarget, head: Position, lease: LeaseGrant): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await Leases.fence(tx, lease);
      await tx.query(
        `UPDATE tally_webhook_subscriptions SET position = $4
          WHERE id = $1 AND control_revision = $2 AND position IS NOT DISTINCT FROM $3`,
        [target.id, target.controlRevision, target.position, formatPosition(head)],
      );
    });
  }

  private async control(id: string, assignments: string, params: unknown[]): Promise<WebhookSubscription | null> {
    const { rows } = await this.pool.query<SubscriptionRow>(
      `UPDATE tally_webhook_subscriptions
          SET ${assignments}, control_revision = control_revision + 1, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, ...params],
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  }
}
