// The engine's record of its builds (`tally_projection_builds`) is private to the engine: this file is the only one
// that names it outside its migration. Readers ask through ProjectionBuilds (it takes a pool, so a process that
// does not run the engine, such as the api, can ask too), and a hot query that must read the position in its own
// statement (one snapshot, one round trip) embeds the fragment activePositionSql or buildPositionSql.
import type pg from 'pg';
import { parsePosition, type Position } from '#event-store';

export const BUILDS_TABLE = 'tally_projection_builds';

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
};

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
});

/**
 * A scalar subquery: the stored position of `name`'s active build (null before the first build). `nameParam` is a
 * placeholder such as `$1`, never a value: values stay parameters.
 */
export const activePositionSql = (nameParam: string): string =>
  `(SELECT position FROM ${BUILDS_TABLE} WHERE name = ${nameParam} AND state = 'active')`;

/** A scalar subquery: the stored position of build `versionParam` of `nameParam` (both placeholders). */
export const buildPositionSql = (nameParam: string, versionParam: string): string =>
  `(SELECT position FROM ${BUILDS_TABLE} WHERE name = ${nameParam} AND version = ${versionParam})`;

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
    const { rows } = await this.db.query<BuildRow>(`SELECT * FROM ${BUILDS_TABLE} WHERE name = $1 AND state = 'active'`, [name]);
    return rows[0] ? storedBuild(rows[0]) : null;
  }

  /** Every build that is not dropped (of `name`, or of all projections), by name and version. */
  async list(name?: string): Promise<StoredBuild[]> {
    const { rows } = await this.db.query<BuildRow>(
      `SELECT * FROM ${BUILDS_TABLE} WHERE state <> 'dropped' ${name === undefined ? '' : 'AND name = $1'} ORDER BY name, version`,
      name === undefined ? [] : [name],
    );
    return rows.map(storedBuild);
  }
}
