// What /health/ready checks, each against the public API of what it asks about: the pool answers a query, the
// migration tables hold what this code would apply, and the projection engine reports no build parked.
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ProjectionBuilds } from '#projection-engine';
import type { Runtime } from '#runtime';
import { apiMigrations } from '../api.migrations.js';
import { RUNTIME } from '../tokens.js';

/** A check that has not answered in this long counts as down: a database that hangs is as good as gone. */
const CHECK_TIMEOUT_MS = 3_000;

const within = <T>(work: Promise<T>, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The migration tables every process's start leaves behind (the event store's only on PostgreSQL). */
const migrationTables = (runtime: Runtime): string[] => [
  'tally_api_migrations',
  'tally_auth_migrations',
  'tally_projection_engine_migrations',
  ...(runtime.config.eventStore === 'eventstoredb' ? [] : ['tally_event_store_migrations']),
];

@Injectable()
export class ReadinessIndicators {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async database(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('database');
    try {
      await within(this.runtime.db.pool.query('SELECT 1'), 'the database');
      return check.up();
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('migrations');
    try {
      const tables = migrationTables(this.runtime);
      const { rows } = await within(
        this.runtime.db.pool.query<{ name: string; present: boolean }>(
          'SELECT name, to_regclass(name) IS NOT NULL AS present FROM unnest($1::text[]) AS name',
          [tables],
        ),
        'the database',
      );
      const missing = rows.filter((row) => !row.present).map((row) => row.name);
      if (missing.length) return check.down({ message: `migration tables missing: ${missing.join(', ')}`, missing });
      const { rows: applied } = await within(this.runtime.db.pool.query<{ id: string }>('SELECT id FROM tally_api_migrations'), 'the database');
      const done = new Set(applied.map((row) => row.id));
      const pending = apiMigrations.map((migration) => migration.id).filter((id) => !done.has(id));
      return pending.length ? check.down({ message: `api migrations not applied: ${pending.join(', ')}`, pending }) : check.up();
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }

  async builds(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('projections');
    try {
      // The stored record of builds: a build parked in any process, in one query.
      const builds = await within(new ProjectionBuilds(this.runtime.db.pool).list(), 'the projection builds');
      const parked = builds
        .filter((build) => build.parked && (build.state === 'active' || build.state === 'building'))
        .map((build) => ({ projection: build.name, version: build.version, eventId: build.parked!.eventId, position: build.parked!.position }));
      return parked.length ? check.down({ message: `${parked.length} build(s) parked`, parked }) : check.up({ builds: builds.length });
    } catch (error) {
      return check.down({ message: messageOf(error) });
    }
  }
}
