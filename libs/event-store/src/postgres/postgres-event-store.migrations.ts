import type { Migration } from '#postgres';

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
  {
    // An import appends thousands of short streams (2.7 events each in the synthetic history): one tally_append
    // round trip and commit per stream kept it near 500 events/s. tally_append_streams appends many streams in one
    // statement, set-based, with expected revision 'any': each stream's events are judged on their own
    // (idempotency by event id as in tally_append), the accepted ones commit together. Positions are reserved for
    // every event in the call (a refused stream leaves a gap, which readers never wait on); stream rows are locked
    // in name order so two such calls cannot deadlock each other. The duplicate check always takes the event id
    // index: before the log is analysed, the planner scanned it whole. Event data and metadata come as one JSON
    // array each, not arrays of jsonb: a 1,000-event batch took 25 ms to send and parse as arrays (the array
    // literal escapes every quote), 11 ms as JSON.
    id: '0003-append-to-many-streams',
    sql: `
CREATE FUNCTION tally_append_streams(
  p_streams text[], p_categories text[], p_entries int[],
  p_ids uuid[], p_types text[], p_data jsonb, p_metadata jsonb
) RETURNS TABLE (status text, next_revision bigint, last_position bigint, duplicate_ids uuid[])
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan SET enable_seqscan = off AS $$
DECLARE
  v_count int := cardinality(p_ids);
  v_index bigint := coalesce(nullif(current_setting('tally.append_index', true), '')::bigint, 0);
  v_base bigint;
BEGIN
  IF v_index + v_count > (1::bigint << ${POSITION_INDEX_BITS}) THEN
    RAISE EXCEPTION 'tally: more than % events in one transaction', (1::bigint << ${POSITION_INDEX_BITS});
  END IF;
  -- Entries are numbered 1, 2, ... in order and each has its events together: revisions are placed from that.
  IF cardinality(p_entries) <> v_count OR p_entries[v_count] <> cardinality(p_streams) OR EXISTS (
    SELECT FROM unnest(p_entries) WITH ORDINALITY AS x(entry, o)
     WHERE x.entry - coalesce(p_entries[x.o - 1], 0) NOT IN (0, 1)
  ) THEN
    RAISE EXCEPTION 'tally: entries must number the streams 1..n, each stream''s events together';
  END IF;
  v_base := (pg_current_xact_id()::text::bigint << ${POSITION_INDEX_BITS}) + v_index;
  PERFORM set_config('tally.append_index', (v_index + v_count)::text, true);

  RETURN QUERY
  -- Only the narrow columns are gathered up front; the wide ones go from the arrays straight into the insert.
  WITH event AS (
    SELECT x.o, x.entry, x.id FROM unnest(p_entries, p_ids) WITH ORDINALITY AS x(entry, id, o)
  ), entry AS (
    SELECT x.n::int AS entry, x.s AS stream, x.c AS category, count(ev.o) AS size, max(ev.o) AS last_o
      FROM unnest(p_streams, p_categories) WITH ORDINALITY AS x(s, c, n)
      JOIN event ev ON ev.entry = x.n
     GROUP BY x.n, x.s, x.c
  ), stored AS (
    -- The index lookup as in tally_append, whatever the statistics say about the log's size.
    SELECT e.event_id, e.stream_name, e.revision, e.position FROM tally_events e WHERE e.event_id = ANY (p_ids)
  ), found AS (
    SELECT ev.entry, count(*) AS found, bool_and(st.stream_name = en.stream) AS same_stream,
           max(st.revision) AS revision, max(st.position) AS position, array_agg(st.event_id) AS ids
      FROM stored st
      JOIN event ev ON ev.id = st.event_id
      JOIN entry en ON en.entry = ev.entry
     GROUP BY ev.entry
  ), accepted AS (
    -- through: this stream's accepted events up to and including this entry; total: all of them in the call.
    SELECT en.*, sum(en.size) OVER (PARTITION BY en.stream ORDER BY en.entry)::bigint AS through,
           sum(en.size) OVER (PARTITION BY en.stream)::bigint AS total
      FROM entry en
     WHERE NOT EXISTS (SELECT FROM found f WHERE f.entry = en.entry)
  ), stream AS (
    INSERT INTO tally_streams AS s (stream_name, category, revision)
      SELECT a.stream, min(a.category), sum(a.size)::bigint - 1 FROM accepted a GROUP BY a.stream ORDER BY a.stream
      ON CONFLICT (stream_name) DO UPDATE SET revision = s.revision + excluded.revision + 1
      RETURNING s.stream_name, s.revision
  ), placed AS (
    SELECT a.entry, a.stream, a.category, a.last_o, st.revision - (a.total - a.through) AS last_revision
      FROM accepted a JOIN stream st ON st.stream_name = a.stream
  ), inserted AS (
    INSERT INTO tally_events (position, event_id, stream_name, category, revision, event_type, data, metadata)
      SELECT v_base + x.o - 1, x.id, p.stream, p.category, p.last_revision - (p.last_o - x.o), x.t, x.d, x.m
        FROM ROWS FROM (unnest(p_entries), unnest(p_ids), unnest(p_types), jsonb_array_elements(p_data),
                        jsonb_array_elements(p_metadata))
             WITH ORDINALITY AS x(entry, id, t, d, m, o)
        JOIN placed p ON p.entry = x.entry
  )
  SELECT CASE WHEN f.entry IS NULL THEN 'ok'
              WHEN f.found = en.size AND f.same_stream THEN 'duplicate'
              ELSE 'duplicate_ids' END,
         coalesce(p.last_revision, f.revision),
         coalesce(v_base + p.last_o - 1, f.position),
         CASE WHEN f.found = en.size AND f.same_stream THEN NULL ELSE f.ids END
    FROM entry en
    LEFT JOIN found f ON f.entry = en.entry
    LEFT JOIN placed p ON p.entry = en.entry
   ORDER BY en.entry;

  PERFORM pg_notify('tally_events', (v_base + v_count - 1)::text);
END
$$;`,
  },
  {
    // tally_append no longer NOTIFYs: the store announces an append after it commits (PostgresEventStore.announce).
    // A NOTIFY in a transaction takes the notification queue's lock at commit and holds it until the commit record
    // is flushed, so concurrent single-event appends committed one fsync at a time: 74-140 against 294-322
    // appends/s without it, 8 appenders on this machine. Sent after the commit, the NOTIFY's own transaction writes
    // no WAL and holds the lock for a moment, and the appends' commits share flushes again.
    id: '0004-append-notifies-after-commit',
    sql: `
CREATE OR REPLACE FUNCTION tally_append(
  p_stream text, p_category text, p_expected text,
  p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
) RETURNS TABLE (status text, next_revision bigint, last_position bigint, actual_revision bigint, duplicate_ids uuid[])
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
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
  RETURN NEXT;
END
$$;`,
  },
  {
    // The read barrier skips transactions of other databases. Transaction ids are cluster-wide, so the oldest one
    // still running anywhere (pg_snapshot_xmin) held every reader back: on a shared server, a long transaction in
    // another application's database, or another test's, stopped Tally's projections until it ended. Now the
    // barrier is the oldest running transaction of the snapshot not known to belong to another database (a backend
    // serves one database all its life); one that cannot be placed (ended since, or hidden by privileges) still holds
    // it, as before. With none running, it is the snapshot's xmax: every transaction below it has finished and any
    // later one gets a higher id.
    id: '0005-read-barrier-per-database',
    sql: `
CREATE OR REPLACE FUNCTION tally_safe_position() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT (coalesce(
    (SELECT min(running) FROM pg_snapshot_xip(pg_current_snapshot()) AS running
      WHERE NOT EXISTS (
        SELECT 1 FROM pg_stat_activity elsewhere
         WHERE elsewhere.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())
           AND elsewhere.backend_xid::text::bigint = running::text::bigint % 4294967296)),
    pg_snapshot_xmax(pg_current_snapshot()))::text::bigint << ${POSITION_INDEX_BITS})
$$;`,
  },
  {
    // The same barrier in PL/pgSQL. As a LANGUAGE sql function with sub-selects it is never inlined, and an SQL
    // function's plan lives only as long as the statement calling it: every log read (a page, the head, a lag count)
    // planned the pg_stat_activity view again, and the planner also calls a STABLE function once to estimate. A head
    // read cost 0.92 ms of the server's CPU against 0.08 ms with the first barrier (1.22 against 0.12 with
    // transactions open). PL/pgSQL keeps its plan for the session: 0.13 ms (0.11).
    id: '0006-read-barrier-plan-kept',
    sql: `
CREATE OR REPLACE FUNCTION tally_safe_position() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (coalesce(
    (SELECT min(running) FROM pg_snapshot_xip(pg_current_snapshot()) AS running
      WHERE NOT EXISTS (
        SELECT 1 FROM pg_stat_activity elsewhere
         WHERE elsewhere.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())
           AND elsewhere.backend_xid::text::bigint = running::text::bigint % 4294967296)),
    pg_snapshot_xmax(pg_current_snapshot()))::text::bigint << ${POSITION_INDEX_BITS});
END
$$;`,
  },
];
