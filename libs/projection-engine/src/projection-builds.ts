// The engine's record of its builds (`tally_projection_builds`) is private to the engine: this file is the only one
// that names it outside its migration. Readers ask through ProjectionBuilds (it takes a pool, so a process that
// does not run the engine, such as the api, can ask too), and a hot query that must read the position in its own
// statement (one snapshot, one round trip) embeds the fragment activePositionSql or buildPositionSql.
import type pg from 'pg';
import { parsePosition, type Position } from '#event-store';

export const BUILDS_TABLE = 'tally_projection_builds';
export const PARTITIONS_TABLE = 'tally_projection_partitions';

/**
 * The position build row `b` has reached: its own checkpoint, or for a build split into partitions the lowest of
 * theirs (null while any partition has none), since an event is in the views only once its partition applied it.
 */
const reachedSql = (b: string): string =>
  `CASE WHEN ${b}.partitions <= 1 THEN ${b}.position ELSE (
     SELECT CASE WHEN count(*) = ${b}.partitions AND count(tpp.position) = ${b}.partitions
                 THEN (array_agg(tpp.position ORDER BY tpp.position_commit, tpp.position_prepare))[1] END
       FROM ${PARTITIONS_TABLE} tpp WHERE tpp.name = ${b}.name AND tpp.version = ${b}.version) END`;

/** One build row as StoredBuild reads it, a partitioned build's checkpoints folded into one. */
const BUILD_SELECT = `SELECT tpb.name, tpb.version, tpb.code_version, tpb.params, tpb.state, tpb.activate_when_caught_up, tpb.partitions,
  ${reachedSql('tpb')} AS position,
  CASE WHEN tpb.partitions <= 1 THEN tpb.events_processed ELSE (
    SELECT coalesce(sum(tpp.events_processed), 0) FROM ${PARTITIONS_TABLE} tpp WHERE tpp.name = tpb.name AND tpp.version = tpb.version) END
    AS events_processed,
  CASE WHEN tpb.partitions <= 1 THEN tpb.parked ELSE (
    SELECT tpp.parked FROM ${PARTITIONS_TABLE} tpp WHERE tpp.name = tpb.name AND tpp.version = tpb.version AND tpp.parked IS NOT NULL
     ORDER BY tpp.partition LIMIT 1) END AS parked
  FROM ${BUILDS_TABLE} tpb`;

export type BuildState = 'building' | 'active' | 'retired' | 'dropped';

export type ParkedEvent = Readonly<{ eventId: string; type: string; position: string; error: string }>;

/** One build as stored: what any process can know of it without running it. */
export type StoredBuild = Readonly<{
  name: string;
  version: number;
  codeVersion: number;
  state: BuildState;
  params: Readonly<Record<string, unknown>>;
  /** The checkpoint: every event up to it is in the build's tables. */
  position: Position | null;
  eventsProcessed: number;
  parked: ParkedEvent | null;
  activateWhenCaughtUp: boolean;
  /** 1, or how many partitions share the build's work, each with its own checkpoint. */
  partitions: number;
}>;

export type BuildRow = {
  name: string;
  version: number;
  code_version: number;
  params: Record<string, unknown>;
  state: BuildState;
  activate_when_caught_up: boolean;
  position: string | null;
  events_processed: string;
  parked: ParkedEvent | null;
  partitions: number;
};

export { BUILD_SELECT };

export const storedBuild = (row: BuildRow): StoredBuild => ({
  name: row.name,
  version: row.version,
  codeVersion: row.code_version,
  state: row.state,
  params: row.params,
  position: row.position === null ? null : parsePosition(row.position),
  eventsProcessed: Number(row.events_processed),
  parked: row.parked,
  activateWhenCaughtUp: row.activate_when_caught_up,
  partitions: row.partitions ?? 1,
});

/**
 * A scalar subquery: the stored position of `name`'s active build (null before the first build). `nameParam` is a
 * placeholder such as `$1`, never a value: values stay parameters.
 */
export const activePositionSql = (nameParam: string): string =>
  `(SELECT ${reachedSql('tpb')} FROM ${BUILDS_TABLE} tpb WHERE tpb.name = ${nameParam} AND tpb.state = 'active')`;

/** A scalar subquery: the stored position of build `versionParam` of `nameParam` (both placeholders). */
export const buildPositionSql = (nameParam: string, versionParam: string): string =>
  `(SELECT ${reachedSql('tpb')} FROM ${BUILDS_TABLE} tpb WHERE tpb.name = ${nameParam} AND tpb.version = ${versionParam})`;

/** Read-only questions about builds, answered from the stored record (in this or another process). */
export class ProjectionBuilds {
  constructor(protected readonly db: Pick<pg.Pool, 'query'>) {}

  /** The position the active build of `name` has reached, or null (no such projection, or no position yet). */
  async activePosition(name: string): Promise<Position | null> {
    const { rows } = await this.db.query<{ position: string | null }>(`SELECT ${activePositionSql('$1')} AS position`, [name]);
    return rows[0]?.position ? parsePosition(rows[0].position) : null;
  }

  /** The build of `name` behind the stable views, or null before the first one. */
  async activeBuild(name: string): Promise<StoredBuild | null> {
    const { rows } = await this.db.query<BuildRow>(`${BUILD_SELECT} WHERE tpb.name = $1 AND tpb.state = 'active'`, [name]);
    return rows[0] ? storedBuild(rows[0]) : null;
  }

  /** Every build that is not dropped (of `name`, or of all projections), by name and version. */
  async list(name?: string): Promise<StoredBuild[]> {
    const { rows } = await this.db.query<BuildRow>(
      `${BUILD_SELECT} WHERE tpb.state <> 'dropped' ${name === undefined ? '' : 'AND tpb.name = $1'} ORDER BY tpb.name, tpb.version`,
      name === undefined ? [] : [name],
    );
    return rows.map(storedBuild);
  }
}
