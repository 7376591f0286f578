import type { Migration } from '#postgres';

// Subscriptions are configuration, not domain history: plain tables, changed in place.
export const webhookMigrations: readonly Migration[] = [
  {
    id: '0001-webhook-subscriptions',
    sql: `
CREATE TABLE tally_webhook_subscriptions (
  id uuid PRIMARY KEY,
  url text NOT NULL,
  event_types text[] NOT NULL,
  secret text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  -- Exclusive: the last position delivered (or passed over as not matching); NULL reads from the start of the log.
  position text,
  consecutive_failures int NOT NULL DEFAULT 0,
  parked jsonb,
  -- Bumped by every operator change (pause, resume, replay): a worker holding an older value drops its progress.
  control_revision int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tally_webhook_deliveries (
  id bigserial PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES tally_webhook_subscriptions (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  attempt int NOT NULL,
  event_count int NOT NULL,
  first_event_id text NOT NULL,
  first_position text NOT NULL,
  last_position text NOT NULL,
  response_status int,
  latency_ms int NOT NULL,
  error text,
  attempted_at timestamptz NOT NULL
);
CREATE INDEX tally_webhook_deliveries_by_subscription ON tally_webhook_deliveries (subscription_id, id DESC);`,
  },
];
