import type { Migration } from '../../../postgres/src/index.js';

// Global positions are (transaction id << 24) + index within the transaction. Ordering by position is ordering by
// (xid, index); a reader only reads positions below the oldest transaction still running
// (pg_snapshot_xmin), so an event that commits late can never land behind a position a reader already passed.
export const POSITION_INDEX_BITS = 24;

export const eventStoreMigrations: readonly Migration[] = [
  {
    id: '0001-event-store',
    sql: `
CREATE TABLE tally_streams (
  stream_name text PRIMARY KEY,
  category text NOT NULL,
  revision bigint NOT NULL
);
CREATE TABLE tally_events (
  position bigint PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  stream_name text NOT NULL,
  category text NOT NULL,
  revision bigint NOT NULL,
  event_type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (stream_name, revision)
);
CREATE INDEX tally_events_category_position ON tally_events (category, position);
CREATE INDEX tally_events_type_position ON tally_events (event_type, position);

-- The read barrier: every position below it belongs to a finished transaction.
CREATE FUNCTION tally_safe_position() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint << ${POSITION_INDEX_BITS})
$$;

-- One round trip per append: idempotency, expected revision, positions and the insert, atomically.
CREATE FUNCTION tally_append(
  p_stream text, p_category text, p_expected text,
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (status text, next_revision bigint, last_position bigint, actual_revision bigint, duplicate_ids uuid[])
LANGUAGE plpgsql AS $$
DECLARE
  v_count int := cardinality(p_ids);
  v_found int;
  v_same_stream boolean;
  v_index bigint;
  v_base bigint;
BEGIN
  SELECT count(*)::int, coalesce(bool_and(e.stream_name = p_stream), true), max(e.revision), max(e.position),
         array_agg(e.event_id)
    INTO v_found, v_same_stream, next_revision, last_position, duplicate_ids
    FROM tally_events e WHERE e.event_id = ANY (p_ids);
  IF v_found > 0 THEN
    -- A retried batch answers as the first time did; anything else that reuses ids is refused.
    status := CASE WHEN v_found = v_count AND v_same_stream THEN 'duplicate' ELSE 'duplicate_ids' END;
    RETURN NEXT; RETURN;
  END IF;
  duplicate_ids := NULL;

  IF p_expected = 'no_stream' THEN
    INSERT INTO tally_streams VALUES (p_stream, p_category, v_count - 1)
      ON CONFLICT (stream_name) DO NOTHING RETURNING revision INTO next_revision;
  ELSIF p_expected = 'any' THEN
    INSERT INTO tally_streams VALUES (p_stream, p_category, v_count - 1)
      ON CONFLICT (stream_name) DO UPDATE SET revision = tally_streams.revision + v_count
      RETURNING revision INTO next_revision;
  ELSIF p_expected = 'stream_exists' THEN
    UPDATE tally_streams SET revision = revision + v_count WHERE stream_name = p_stream
      RETURNING revision INTO next_revision;
  ELSE
    UPDATE tally_streams SET revision = revision + v_count
      WHERE stream_name = p_stream AND revision = p_expected::bigint
      RETURNING revision INTO next_revision;
  END IF;
  IF next_revision IS NULL THEN
    status := 'wrong_expected_revision';
    SELECT s.revision INTO actual_revision FROM tally_streams s WHERE s.stream_name = p_stream;
    RETURN NEXT; RETURN;
  END IF;

  v_index := coalesce(nullif(current_setting('tally.append_index', true), '')::bigint, 0);
  IF v_index + v_count > (1::bigint << ${POSITION_INDEX_BITS}) THEN
    RAISE EXCEPTION 'tally: more than % events in one transaction', (1::bigint << ${POSITION_INDEX_BITS});
  END IF;
  v_base := (pg_current_xact_id()::text::bigint << ${POSITION_INDEX_BITS}) + v_index;
  PERFORM set_config('tally.append_index', (v_index + v_count)::text, true);

  INSERT INTO tally_events (position, event_id, stream_name, category, revision, event_type, data, metadata)
    SELECT v_base + x.o - 1, x.id, p_stream, p_category, next_revision - v_count + x.o, x.t, x.d, x.m
      FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS x(id, t, d, m, o);

  last_position := v_base + v_count - 1;
  status := 'ok';
  PERFORM pg_notify('tally_events', last_position::text);
  RETURN NEXT;
END
$$;
`,
  },
  {
    // Plans that do not depend on statistics: right after a bulk import, before autovacuum has analysed the log,
    // a cached generic plan of the duplicate check scanned the whole log on every append, and page reads bitmap-
    // scanned every later position and sorted them. Reads now always walk the position index in order and stop
    // at the page size; appends plan their lookups with the actual ids.
    id: '0002-statistics-independent-plans',
    sql: `
ALTER FUNCTION tally_append(text, text, text, uuid[], text[], jsonb[], jsonb[]) SET plan_cache_mode = force_custom_plan;

CREATE FUNCTION tally_read_all(
  p_after bigint, p_limit int, p_categories text[], p_types text[], p_type_patterns text[]
) RETURNS SETOF tally_events LANGUAGE sql STABLE
SET enable_bitmapscan = off SET enable_sort = off AS $$
  SELECT * FROM tally_events
   WHERE position > p_after AND position < tally_safe_position()
     AND (p_categories IS NULL OR category = ANY (p_categories))
     AND (p_types IS NULL OR event_type = ANY (p_types) OR event_type LIKE ANY (p_type_patterns))
   ORDER BY position
   LIMIT p_limit
$$;`,
  },
];
