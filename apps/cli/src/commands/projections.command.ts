import type { Runtime } from '../../../../libs/runtime/src/index.js';

const table = (rows: Record<string, unknown>[]) => {
  if (rows.length === 0) return 'no projections';
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  return [line(columns), ...rows.map((r) => line(columns.map((c) => String(r[c] ?? ''))))].join('\n');
};

/** `tally projections [status | drop NAME@N | rebuild NAME [--dry-run]]`. */
export const projectionsCommand = async (runtime: Runtime, args: readonly string[], dryRun: boolean): Promise<number> => {
  const [action = 'status', target] = args;
  const engine = runtime.projections;
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
    const [active] = (await engine.status(target)).filter((b) => b.state === 'active');
    const version = await engine.rebuild(target, active?.params ?? {}, { dryRun });
    console.log(`building ${target}@${version}${dryRun ? ' (dry run)' : ''}; a running projector carries it on`);
    return 0;
  }
  throw new Error(`unknown action ${action}: status, drop NAME@N, rebuild NAME`);
};
