import type { Migration } from '#postgres';

export const apiMigrations: readonly Migration[] = [
  {
    id: '0001-idempotency-keys',
    sql: `
CREATE TABLE tally_idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status int NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);`,
  },
];
