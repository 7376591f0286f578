import type { BuildStatus } from '#projection-engine';
import type { Runtime } from '#runtime';
import type { ServerClient } from '../server-client.js';

/** What `tally projections` needs: the engine when this process owns the database, or the running server. */
export type ProjectionAdmin = Readonly<{
  status(): Promise<readonly BuildStatus[]>;
  /** Starts a rebuild with the active build's parameters; the new build's version. */
  rebuild(name: string, dryRun: boolean): Promise<number>;
  drop(name: string, version: number): Promise<void>;
  /** Who carries a started build on. */
  carriedOnBy: string;
}>;

export const projectionsOf = (runtime: Runtime): ProjectionAdmin => ({
  status: () => runtime.projections.status(),
  rebuild: async (name, dryRun) => {
    const [active] = (await runtime.projections.status(name)).filter((b) => b.state === 'active');
    return runtime.projections.rebuild(name, active?.params ?? {}, { dryRun });
  },
  drop: (name, version) => runtime.projections.drop(name, version),
  // On the embedded database this process holds the lock, so no projector runs beside it.
  carriedOnBy: runtime.config.databaseUrl ? 'a running projector' : 'the next start of the server',
});

/** The running server's engine, through its HTTP API; dropping a build has no route, so it waits for a stop. */
export const projectionsThroughServer = (server: ServerClient, refuse: (what: string) => Error): ProjectionAdmin => ({
  status: async () => (await server.json<{ data: BuildStatus[] }>('GET', '/v1/projections')).data,
  rebuild: async (name, dryRun) =>
    (await server.json<{ version: number }>('POST', `/v1/projections/${encodeURIComponent(name)}/rebuilds`, { dryRun })).version,
  drop: async () => {
    throw refuse('stop the server, then run tally projections drop again');
  },
  carriedOnBy: `the server (pid ${server.owner.pid})`,
});

const table = (rows: Record<string, unknown>[]) => {
  if (rows.length === 0) return 'no projections';
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(columns), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n');
};

/** `tally projections [status | drop NAME@N | rebuild NAME [--dry-run]]`. */
export const projectionsCommand = async (engine: ProjectionAdmin, args: readonly string[], dryRun: boolean): Promise<number> => {
  const [action = 'status', target] = args;
  if (action === 'status') {
    const builds = await engine.status();
    console.log(
      table(
        builds.map((b) => ({
          projection: `${b.name}@${b.version}`,
          state: b.state,
          status: b.status,
          position: b.position,
          events: b.eventsProcessed,
          lag: b.lagEvents,
          parked: b.parked ? `${b.parked.eventId}: ${b.parked.error}` : '',
        })),
      ),
    );
    return 0;
  }
  if (action === 'drop') {
    const match = /^([a-z][a-z0-9-]*)@(\d+)$/.exec(target ?? '');
    if (!match) throw new Error('usage: tally projections drop NAME@VERSION (see tally projections status)');
    await engine.drop(match[1], Number(match[2]));
    console.log(`dropped ${target}`);
    return 0;
  }
  if (action === 'rebuild') {
    if (!target) throw new Error('usage: tally projections rebuild NAME [--dry-run]');
    const version = await engine.rebuild(target, dryRun);
    console.log(`building ${target}@${version}${dryRun ? ' (dry run)' : ''}; ${engine.carriedOnBy} carries it on`);
    return 0;
  }
  throw new Error(`unknown action ${action}: status, drop NAME@N, rebuild NAME`);
};
