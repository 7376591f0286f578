// The engine's side of its builds table: creating a build with its tables, switching the stable views, dropping,
// and the checkpoint writes a running build makes. Only the engine holds a BuildRegistry; a runner sees it as
// BuildCheckpoints, the few writes about its own build.
import type pg from 'pg';
import { formatPosition, parsePosition, type Position } from '#event-store';
import { inTransaction, LeaseLost, Leases, migrate, type LeaseGrant } from '#postgres';
import { SameTurnBatch } from './same-turn-batch.js';
import { projectionEngineMigrations } from './projection-engine.migrations.js';
import { BUILD_SELECT, BUILDS_TABLE, PARTITIONS_TABLE, ProjectionBuilds, storedBuild, type BuildRow, type BuildState, type ParkedEvent, type StoredBuild } from './projection-builds.js';
import type { ProjectionDefinition, ProjectionTables } from './projection.js';

/** A build, or one partition of a partitioned build (its checkpoint is then in the partitions table). */
export type BuildKey = Readonly<{ name: string; version: number; partition?: number | null }>;

/** Inside a transaction that commits work of a build: throws unless this process still holds the build's lease. */
export type Fence = (tx: pg.PoolClient) => Promise<void>;

/** The writes a running build makes about itself. */
export interface BuildCheckpoints {
  /** Inside the batch's own transaction, so rows and checkpoint commit (or are lost) together. */
  advance(tx: pg.PoolClient, build: BuildKey, end: Position, events: number): Promise<void>;
  /**
   * Moves the checkpoint past events the build does not read (no rows to write with it), under `grant` when builds
   * are shared between processes: throws LeaseLost, writing nothing, once the grant no longer holds.
   */
  save(build: BuildKey, position: Position, grant?: LeaseGrant): Promise<void>;
  /** The stored checkpoint, for a retry after an infrastructure failure. */
  load(build: BuildKey): Promise<{ position: Position | null; eventsProcessed: number; parked: ParkedEvent | null } | null>;
  park(build: BuildKey, parked: ParkedEvent, fence?: Fence): Promise<void>;
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

type CheckpointSave = Readonly<{ build: BuildKey; position: Position; grant: LeaseGrant | undefined }>;

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
    const { rows } = await this.pool.query<BuildRow>(`${BUILD_SELECT} WHERE tpb.name = $1 ORDER BY tpb.version`, [name]);
    return rows.map(storedBuild);
  }

  /**
   * A new build of `definition` (the next version), its tables created in the same transaction. `partitions` > 1
   * only for a projection that declares its partitioning.
   */
  async create(
    definition: ProjectionDefinition,
    params: Readonly<Record<string, unknown>>,
    activateWhenCaughtUp: boolean,
    partitions = 1,
  ): Promise<StoredBuild> {
    return inTransaction(this.pool, async (tx) => {
      await lockProjection(tx, definition.name);
      return this.createIn(tx, definition, params, activateWhenCaughtUp, partitions);
    });
  }

  /**
   * Makes sure `definition` has an active build of its code version, once across processes that start together: the
   * first build is created and put behind the views at once (there is nothing older to serve meanwhile); a code
   * change starts a rebuild beside the active build.
   */
  async ensureCurrent(definition: ProjectionDefinition, partitions: number): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await lockProjection(tx, definition.name);
      const { rows } = await tx.query<{ version: number; state: BuildState; code_version: number; params: Record<string, unknown> }>(
        `SELECT version, state, code_version, params FROM ${BUILDS_TABLE} WHERE name = $1 AND state IN ('active', 'building')`,
        [definition.name],
      );
      const active = rows.find((row) => row.state === 'active');
      const building = rows.some((row) => row.state === 'building');
      if (!active && !building) {
        const first = await this.createIn(tx, definition, definition.defaultParams?.() ?? {}, true, partitions);
        await this.activateIn(tx, definition, first.version);
      } else if (active && active.code_version < definition.codeVersion && !building) {
        await this.createIn(tx, definition, active.params, true, partitions);
      }
    });
  }

  private async createIn(
    tx: pg.PoolClient,
    definition: ProjectionDefinition,
    params: Readonly<Record<string, unknown>>,
    activateWhenCaughtUp: boolean,
    requestedPartitions: number,
  ): Promise<StoredBuild> {
    const partitions = definition.partitioning ? Math.max(1, Math.floor(requestedPartitions)) : 1;
    const { rows: max } = await tx.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${BUILDS_TABLE} WHERE name = $1`, [
      definition.name,
    ]);
    const version = (max[0].version ?? 0) + 1;
    await tx.query(definition.createTables(tablesOf(version)));
    const { rows } = await tx.query<BuildRow>(
      `INSERT INTO ${BUILDS_TABLE} (name, version, code_version, params, state, activate_when_caught_up, partitions)
       VALUES ($1, $2, $3, $4, 'building', $5, $6) RETURNING *`,
      [definition.name, version, definition.codeVersion, JSON.stringify(params), activateWhenCaughtUp, partitions],
    );
    if (partitions > 1) {
      await tx.query(
        `INSERT INTO ${PARTITIONS_TABLE} (name, version, partition) SELECT $1, $2, p FROM generate_series(0, $3::int - 1) AS p`,
        [definition.name, version, partitions],
      );
    }
    return storedBuild(rows[0]);
  }

  /**
   * Points the stable views at build `version` in one transaction; the previous active build is retired. With
   * `onlyIfBuilding` (a rebuild that caught up, maybe seen by several processes) a build no longer building is left
   * as it is; answers whether the views moved.
   */
  async activate(definition: ProjectionDefinition, version: number, options: { onlyIfBuilding?: boolean } = {}): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      await lockProjection(tx, definition.name);
      if (options.onlyIfBuilding) {
        const { rows } = await tx.query<{ state: BuildState }>(`SELECT state FROM ${BUILDS_TABLE} WHERE name = $1 AND version = $2`, [
          definition.name,
          version,
        ]);
        if (rows[0]?.state !== 'building') return false;
      }
      await this.activateIn(tx, definition, version);
      return true;
    });
  }

  private async activateIn(tx: pg.PoolClient, definition: ProjectionDefinition, version: number): Promise<void> {
    const { name } = definition;
    const { table } = tablesOf(version);
    {
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
    }
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
    if (isPartition(build)) {
      await tx.query(
        `UPDATE ${PARTITIONS_TABLE}
            SET position = $4, position_commit = $5, position_prepare = $6, events_processed = events_processed + $7, updated_at = now()
          WHERE name = $1 AND version = $2 AND partition = $3`,
        [build.name, build.version, build.partition, formatPosition(end), end.commit.toString(), end.prepare.toString(), events],
      );
      return;
    }
    await tx.query(
      `UPDATE ${BUILDS_TABLE}
          SET position = $3, position_commit = $4, events_processed = events_processed + $5, updated_at = now()
        WHERE name = $1 AND version = $2`,
      [build.name, build.version, formatPosition(end), end.commit.toString(), events],
    );
  }

  save(build: BuildKey, position: Position, grant?: LeaseGrant): Promise<void> {
    return this.saves.add({ build, position, grant });
  }

  /**
   * Every build moves its checkpoint past the events it does not read each time it wakes, so with dozens of builds
   * one command cost a transaction per idle build; the saves asked for in the same turn share one. Not durable, like
   * a batch: a checkpoint lost in a database crash only makes the build read those events again.
   */
  private readonly saves = new SameTurnBatch<CheckpointSave>(async (saves) => {
    const lost = await inTransaction(
      this.pool,
      async (tx) => {
        const lostGrants = new Set(await Leases.fenceAll(tx, saves.flatMap((save) => (save.grant ? [save.grant] : []))));
        const kept = saves.filter((save) => !save.grant || !lostGrants.has(save.grant));
        const builds = kept.filter((save) => !isPartition(save.build));
        const partitions = kept.filter((save) => isPartition(save.build));
        if (builds.length > 0) {
          await tx.query(
            `UPDATE ${BUILDS_TABLE} b SET position = s.position, position_commit = s.position_commit, updated_at = now()
               FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[]) AS s(name, version, position, position_commit)
              WHERE b.name = s.name AND b.version = s.version`,
            [
              builds.map((save) => save.build.name),
              builds.map((save) => save.build.version),
              builds.map((save) => formatPosition(save.position)),
              builds.map((save) => save.position.commit.toString()),
            ],
          );
        }
        if (partitions.length > 0) {
          await tx.query(
            `UPDATE ${PARTITIONS_TABLE} p
                SET position = s.position, position_commit = s.position_commit, position_prepare = s.position_prepare, updated_at = now()
               FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::bigint[], $6::bigint[])
                    AS s(name, version, partition, position, position_commit, position_prepare)
              WHERE p.name = s.name AND p.version = s.version AND p.partition = s.partition`,
            [
              partitions.map((save) => save.build.name),
              partitions.map((save) => save.build.version),
              partitions.map((save) => save.build.partition),
              partitions.map((save) => formatPosition(save.position)),
              partitions.map((save) => save.position.commit.toString()),
              partitions.map((save) => save.position.prepare.toString()),
            ],
          );
        }
        return lostGrants;
      },
      { durable: false },
    );
    return saves.map((save) => (save.grant && lost.has(save.grant) ? new LeaseLost(save.grant) : undefined));
  });

  async load(build: BuildKey): Promise<{ position: Position | null; eventsProcessed: number; parked: ParkedEvent | null } | null> {
    const { rows } = await this.pool.query<{ position: string | null; events_processed: string; parked: ParkedEvent | null }>(
      isPartition(build)
        ? `SELECT position, events_processed, parked FROM ${PARTITIONS_TABLE} WHERE name = $1 AND version = $2 AND partition = $3`
        : `SELECT position, events_processed, parked FROM ${BUILDS_TABLE} WHERE name = $1 AND version = $2`,
      isPartition(build) ? [build.name, build.version, build.partition] : [build.name, build.version],
    );
    if (!rows[0]) return null;
    return {
      position: rows[0].position === null ? null : parsePosition(rows[0].position),
      eventsProcessed: Number(rows[0].events_processed),
      parked: rows[0].parked,
    };
  }

  /** The stored checkpoints of every partition of a build, by partition (null: none yet). */
  async partitionPositions(name: string, version: number): Promise<(Position | null)[]> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      `SELECT position FROM ${PARTITIONS_TABLE} WHERE name = $1 AND version = $2 ORDER BY partition`,
      [name, version],
    );
    return rows.map((row) => (row.position === null ? null : parsePosition(row.position)));
  }

  async park(build: BuildKey, parked: ParkedEvent, fence?: Fence): Promise<void> {
    const write = (db: Pick<pg.PoolClient, 'query'>) =>
      isPartition(build)
        ? db.query(`UPDATE ${PARTITIONS_TABLE} SET parked = $4, updated_at = now() WHERE name = $1 AND version = $2 AND partition = $3`, [
            build.name,
            build.version,
            build.partition,
            JSON.stringify(parked),
          ])
        : db.query(`UPDATE ${BUILDS_TABLE} SET parked = $3, updated_at = now() WHERE name = $1 AND version = $2`, [
            build.name,
            build.version,
            JSON.stringify(parked),
          ]);
    if (!fence) {
      await write(this.pool);
      return;
    }
    await inTransaction(this.pool, async (tx) => {
      await fence(tx);
      await write(tx);
    });
  }

  async unpark(build: BuildKey): Promise<void> {
    if (isPartition(build)) {
      await this.pool.query(`UPDATE ${PARTITIONS_TABLE} SET parked = NULL, updated_at = now() WHERE name = $1 AND version = $2 AND partition = $3`, [
        build.name,
        build.version,
        build.partition,
      ]);
      return;
    }
    await this.pool.query(`UPDATE ${BUILDS_TABLE} SET parked = NULL, updated_at = now() WHERE name = $1 AND version = $2`, [
      build.name,
      build.version,
    ]);
  }
}

const isPartition = (build: BuildKey): build is BuildKey & { partition: number } => build.partition !== undefined && build.partition !== null;
