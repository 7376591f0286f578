// The engine's side of its builds table: creating a build with its tables, switching the stable views, dropping,
// and the checkpoint writes a running build makes. Only the engine holds a BuildRegistry; a runner sees it as
// BuildCheckpoints, the few writes about its own build.
import type pg from 'pg';
import { formatPosition, parsePosition, type Position } from '#event-store';
import { inTransaction, migrate } from '#postgres';
import { projectionEngineMigrations } from './projection-engine.migrations.js';
import { BUILDS_TABLE, ProjectionBuilds, storedBuild, type BuildRow, type BuildState, type ParkedEvent, type StoredBuild } from './projection-builds.js';
import type { ProjectionDefinition, ProjectionTables } from './projection.js';

export type BuildKey = Readonly<{ name: string; version: number }>;

/** The writes a running build makes about itself. */
export interface BuildCheckpoints {
  /** Inside the batch's own transaction, so rows and checkpoint commit (or are lost) together. */
  advance(tx: pg.PoolClient, build: BuildKey, end: Position, events: number): Promise<void>;
  /** Moves the checkpoint past events the build does not read (no rows to write with it). */
  save(build: BuildKey, position: Position): Promise<void>;
  /** The stored checkpoint, for a retry after an infrastructure failure. */
  load(build: BuildKey): Promise<{ position: Position | null; eventsProcessed: number } | null>;
  park(build: BuildKey, parked: ParkedEvent): Promise<void>;
  unpark(build: BuildKey): Promise<void>;
}

export class ProjectionNotFound extends Error {
  readonly code = 'PROJECTION_NOT_FOUND';
  constructor(name: string, version?: number) {
    super(version === undefined ? `no projection named ${name}` : `projection ${name} has no build ${version}`);
  }
}

/** The physical tables of build `version`: `lead_scores` -> `lead_scores_v3`. */
export const tablesOf = (version: number): ProjectionTables => ({ table: (base) => `${base}_v${version}` });

/** Build numbers and view switches of one projection are serialised across processes. */
const lockProjection = (tx: pg.PoolClient, name: string) => tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tally-projection:${name}`]);

export class BuildRegistry extends ProjectionBuilds implements BuildCheckpoints {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  static async migrate(pool: pg.Pool): Promise<void> {
    await migrate(pool, 'tally_projection_engine_migrations', projectionEngineMigrations);
  }

  /** Every build of `name`, dropped ones included, by version. */
  async all(name: string): Promise<StoredBuild[]> {
    const { rows } = await this.pool.query<BuildRow>(`SELECT * FROM ${BUILDS_TABLE} WHERE name = $1 ORDER BY version`, [name]);
    return rows.map(storedBuild);
  }

  /** A new build of `definition` (the next version), its tables created in the same transaction. */
  async create(definition: ProjectionDefinition, params: Readonly<Record<string, unknown>>, activateWhenCaughtUp: boolean): Promise<StoredBuild> {
    return inTransaction(this.pool, async (tx) => {
      await lockProjection(tx, definition.name);
      const { rows: max } = await tx.query<{ version: number | null }>(
        `SELECT max(version) AS version FROM ${BUILDS_TABLE} WHERE name = $1`,
        [definition.name],
      );
      const version = (max[0].version ?? 0) + 1;
      await tx.query(definition.createTables(tablesOf(version)));
      const { rows } = await tx.query<BuildRow>(
        `INSERT INTO ${BUILDS_TABLE} (name, version, code_version, params, state, activate_when_caught_up)
         VALUES ($1, $2, $3, $4, 'building', $5) RETURNING *`,
        [definition.name, version, definition.codeVersion, JSON.stringify(params), activateWhenCaughtUp],
      );
      return storedBuild(rows[0]);
    });
  }

  /** Points the stable views at build `version` in one transaction; the previous active build is retired. */
  async activate(definition: ProjectionDefinition, version: number): Promise<void> {
    const { name } = definition;
    const { table } = tablesOf(version);
    await inTransaction(this.pool, async (tx) => {
      await lockProjection(tx, name);
      const { rows } = await tx.query<{ state: BuildState }>(
        `SELECT state FROM ${BUILDS_TABLE} WHERE name = $1 AND version = $2 FOR UPDATE`,
        [name, version],
      );
      if (!rows[0] || rows[0].state === 'dropped') throw new ProjectionNotFound(name, version);
      await tx.query(`UPDATE ${BUILDS_TABLE} SET state = 'retired', updated_at = now() WHERE name = $1 AND state = 'active'`, [name]);
      await tx.query(
        `UPDATE ${BUILDS_TABLE} SET state = 'active', activated_at = now(), updated_at = now()
          WHERE name = $1 AND version = $2`,
        [name, version],
      );
      for (const base of definition.tables) {
        await tx.query(`DROP VIEW IF EXISTS ${base}`);
        await tx.query(`CREATE VIEW ${base} AS SELECT * FROM ${table(base)}`);
      }
    });
  }

  /** Drops build `version`'s tables and records it dropped, in one transaction. */
  async drop(definition: ProjectionDefinition, version: number): Promise<void> {
    const { table } = tablesOf(version);
    await inTransaction(this.pool, async (tx) => {
      for (const base of definition.tables) await tx.query(`DROP TABLE IF EXISTS ${table(base)} CASCADE`);
      await tx.query(`UPDATE ${BUILDS_TABLE} SET state = 'dropped', updated_at = now() WHERE name = $1 AND version = $2`, [
        definition.name,
        version,
      ]);
    });
  }

  async advance(tx: pg.PoolClient, build: BuildKey, end: Position, events: number): Promise<void> {
    await tx.query(
      `UPDATE ${BUILDS_TABLE}
          SET position = $3, position_commit = $4, events_processed = events_processed + $5, updated_at = now()
        WHERE name = $1 AND version = $2`,
      [build.name, build.version, formatPosition(end), end.commit.toString(), events],
    );
  }

  async save(build: BuildKey, position: Position): Promise<void> {
    await this.pool.query(
      `UPDATE ${BUILDS_TABLE} SET position = $3, position_commit = $4, updated_at = now()
        WHERE name = $1 AND version = $2`,
      [build.name, build.version, formatPosition(position), position.commit.toString()],
    );
  }

  async load(build: BuildKey): Promise<{ position: Position | null; eventsProcessed: number } | null> {
    const { rows } = await this.pool.query<{ position: string | null; events_processed: string }>(
      `SELECT position, events_processed FROM ${BUILDS_TABLE} WHERE name = $1 AND version = $2`,
      [build.name, build.version],
    );
    if (!rows[0]) return null;
    return { position: rows[0].position === null ? null : parsePosition(rows[0].position), eventsProcessed: Number(rows[0].events_processed) };
  }

  async park(build: BuildKey, parked: ParkedEvent): Promise<void> {
    await this.pool.query(`UPDATE ${BUILDS_TABLE} SET parked = $3, updated_at = now() WHERE name = $1 AND version = $2`, [
      build.name,
      build.version,
      JSON.stringify(parked),
    ]);
  }

  async unpark(build: BuildKey): Promise<void> {
    await this.pool.query(`UPDATE ${BUILDS_TABLE} SET parked = NULL, updated_at = now() WHERE name = $1 AND version = $2`, [
      build.name,
      build.version,
    ]);
  }
}
