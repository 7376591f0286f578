// Three projector processes share the builds of every read model, those that declare partitioning (lead score, the
// contact timeline, the engagements list, the contact, company, deal and ticket lists) split into partitions, while
// one of them is killed with SIGKILL twice (and started again): the others take its builds over, and every view then
// equals a single-process rebuild row for row.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '#config';
import { comparePositions } from '#event-store';
import { ProjectionBuilds, ProjectionEngine } from '#projection-engine';
import { ALL_PROJECTIONS } from '#projections';
import { openRuntime, type Runtime } from '#runtime';
import { seedStore } from '#synthetic-history';
import { root, runTs } from '#test/support/cli-process';
import { eventually, serverUrl } from '#test/support/test-database';

const PARTITIONS = 3;
const CONTACTS = Number(process.env.TALLY_SCALE_OUT_CONTACTS ?? 300);

const step = (what: string) => process.env.TALLY_SCALE_OUT_TRACE && process.stderr.write(`${new Date().toISOString()} ${what}\n`);

type Projector = Readonly<{ id: string; child: ChildProcess; exited: Promise<unknown>; output: () => string }>;

const describeOnServer = serverUrl() ? describe : describe.skip;

describeOnServer('projector processes sharing the builds (PostgreSQL server only: PGlite lives inside one process)', () => {
  let adminUrl: string;
  let dbName: string;
  let dbUrl: string;
  let dataDir: string;
  let runtime: Runtime;
  const projectors: Projector[] = [];

  beforeAll(async () => {
    adminUrl = serverUrl()!;
    dbName = `tally_scale_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tally-scale-out-'));
    runtime = await openRuntime(loadConfig({ DATABASE_URL: dbUrl, TALLY_DATA_DIR: dataDir, TALLY_ROLE: 'api' }), ALL_PROJECTIONS, {
      authPepper: Buffer.alloc(32, 1),
    });
    await seedStore(runtime.eventStore, { contacts: CONTACTS, seed: 'scale-out', until: '2026-06-30' });
  });

  afterAll(async () => {
    for (const projector of projectors) if (projector.child.exitCode === null && projector.child.signalCode === null) projector.child.kill('SIGKILL');
    await runtime?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await rm(dataDir, { recursive: true, force: true });
  });

  const startProjector = (id: string): Projector => {
    const child = spawn(process.execPath, [...runTs, path.join(root, 'apps/projector/src/main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        TALLY_ROLE: 'projector',
        TALLY_DATA_DIR: dataDir,
        TALLY_AUTH_PEPPER: 'p'.repeat(32),
        TALLY_PROJECTION_PARTITIONS: String(PARTITIONS),
        TALLY_PROJECTOR_ID: id,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const projector = { id, child, exited: once(child, 'exit'), output: () => output };
    projectors.push(projector);
    return projector;
  };

  const kill9 = async (projector: Projector) => {
    projector.child.kill('SIGKILL');
    await projector.exited;
  };

  /** Lease holders of projection units now, by holder. */
  const holders = async (): Promise<Record<string, number>> => {
    const { rows } = await runtime.db.pool.query<{ holder: string; n: string }>(
      `SELECT holder, count(*) AS n FROM tally_leases WHERE name LIKE 'projection:%' AND expires_at > now() GROUP BY holder`,
    );
    return Object.fromEntries(rows.map((row) => [row.holder, Number(row.n)]));
  };

  const allCaughtUp = async () => {
    const head = (await runtime.eventStore.headPosition())!;
    const builds = new ProjectionBuilds(runtime.db.pool);
    for (const definition of ALL_PROJECTIONS) {
      const reached = await builds.activePosition(definition.name);
      expect({ name: definition.name, caughtUp: reached !== null && comparePositions(reached, head) >= 0 }).toEqual({
        name: definition.name,
        caughtUp: true,
      });
    }
  };

  /** On a failure: who holds what, where every build is, and what the projectors said last. */
  const explained = async <T>(work: Promise<T>): Promise<T> =>
    work.catch(async (error: unknown) => {
      const { rows: leases } = await runtime.db.pool.query(`SELECT name, holder, token, expires_at > now() AS live FROM tally_leases ORDER BY name`);
      const { rows: builds } = await runtime.db.pool.query(
        `SELECT name, version, state, partitions, position, parked IS NOT NULL AS parked FROM tally_projection_builds ORDER BY name, version`,
      );
      const head = await runtime.eventStore.headPosition();
      throw new Error(
        [
          String(error),
          `head ${head?.commit}`,
          JSON.stringify(builds),
          JSON.stringify(leases),
          ...projectors.map((p) => `--- ${p.id}\n${p.output().slice(-2000)}`),
        ].join('\n'),
      );
    });

  /** Every view's rows, sorted as text so that the order of the tables' rows does not matter. */
  const views = async (): Promise<Record<string, string[]>> => {
    const snapshot: Record<string, string[]> = {};
    for (const definition of ALL_PROJECTIONS) {
      for (const base of definition.tables) {
        const { rows } = await runtime.db.pool.query(`SELECT * FROM ${base}`);
        snapshot[base] = rows.map((row) => JSON.stringify(row)).sort();
      }
    }
    return snapshot;
  };

  /** The units (builds or partitions) whose lease `holder` holds now. */
  const unitsOf = async (holder: string): Promise<string[]> => {
    const { rows } = await runtime.db.pool.query<{ name: string }>(
      `SELECT name FROM tally_leases WHERE name LIKE 'projection:%' AND holder = $1 AND expires_at > now() ORDER BY name`,
      [holder],
    );
    return rows.map((row) => row.name);
  };

  /** Kills `projector` once it holds a unit of a rebuild that has not caught up, and waits until others hold its units. */
  const killMidRebuild = async (projector: Projector, rebuilt: ReadonlyMap<string, number>) => {
    const pending = async () => {
      const builds = await new ProjectionBuilds(runtime.db.pool).list();
      return new Set(builds.filter((b) => b.version === rebuilt.get(b.name) && b.state === 'building').map((b) => `${b.name}@${b.version}`));
    };
    let held: string[] = [];
    await eventually(async () => {
      const building = await pending();
      held = (await unitsOf(projector.id)).filter((unit) => building.has(unit.slice('projection:'.length).split('#')[0]));
      expect(held.length).toBeGreaterThan(0);
    }, 120_000, 50);
    await kill9(projector);
    const killedAt = Date.now();
    // Its units are taken over by the other processes (the ttl is 5 s, a look every second).
    await eventually(async () => {
      const { rows } = await runtime.db.pool.query<{ name: string; holder: string }>(
        `SELECT name, holder FROM tally_leases WHERE name = ANY($1) AND expires_at > now()`,
        [held],
      );
      expect(rows.filter((row) => row.holder !== projector.id).length).toBe(held.length);
    }, 60_000, 100);
    step(`killed ${projector.id} holding ${held.join(', ')}; taken over after ${Date.now() - killedAt} ms`);
  };

  it('rebuilds every read model across three processes through two kill -9s, equal to a single-process rebuild', async () => {
    const first = startProjector('projector-1');
    startProjector('projector-2');
    startProjector('projector-3');
    // All three hold builds: the work is spread, not taken by the first to start.
    await eventually(async () => expect(Object.keys(await holders()).sort()).toEqual(['projector-1', 'projector-2', 'projector-3']), 120_000, 200);
    await explained(eventually(allCaughtUp, 300_000, 500));
    step('three projectors hold builds; first builds caught up');

    // Rebuilds of every read model, lead score in partitions; the projectors take the new builds at their next look.
    const recorder = new ProjectionEngine(runtime.eventStore, runtime.db.pool, ALL_PROJECTIONS, { partitions: PARTITIONS });
    const rebuildAll = async () => {
      const started = new Map<string, number>();
      for (const definition of ALL_PROJECTIONS) {
        const active = (await recorder.activeBuild(definition.name))!;
        started.set(definition.name, await recorder.rebuild(definition.name, active.params));
      }
      return started;
    };
    // The first kill lands in a first rebuild; the same process, started again, joins and is killed in a second.
    const activeVersions = (versions: ReadonlyMap<string, number>) => async () => {
      for (const [name, version] of versions) expect({ name, active: (await recorder.activeBuild(name))?.version }).toEqual({ name, active: version });
    };
    const firstRebuild = await rebuildAll();
    await killMidRebuild(first, firstRebuild);
    // Two rebuilds of one read model at once would race for the views: the second starts once the first is behind them.
    await explained(eventually(activeVersions(firstRebuild), 300_000, 500));
    const again = startProjector('projector-1');
    await eventually(async () => expect((await unitsOf('projector-1')).length).toBeGreaterThan(0), 120_000, 200);
    const rebuilt = await rebuildAll();
    await killMidRebuild(again, rebuilt);

    await explained(eventually(activeVersions(rebuilt), 300_000, 500));
    // Every read model that declares its partitioning was rebuilt in partitions, the others in one piece.
    for (const definition of ALL_PROJECTIONS) {
      const partitions = definition.partitioning ? PARTITIONS : 1;
      expect({ name: definition.name, partitions: (await recorder.activeBuild(definition.name))?.partitions }).toEqual({ name: definition.name, partitions });
    }
    await explained(eventually(allCaughtUp, 300_000, 500));
    for (const projector of projectors) {
      if (projector.child.exitCode === null && projector.child.signalCode === null) {
        projector.child.kill('SIGTERM');
        await projector.exited;
      }
    }
    const shared = await views();
    step('caught up, projectors stopped');

    // The reference: every read model rebuilt in one process, one piece per build, from the same log.
    const engine = runtime.projections;
    await engine.start();
    try {
      const reference = new Map<string, number>();
      for (const definition of ALL_PROJECTIONS) {
        const active = (await engine.activeBuild(definition.name))!;
        reference.set(definition.name, await engine.rebuild(definition.name, active.params));
      }
      await eventually(
        async () => {
          for (const [name, version] of reference) expect({ name, active: (await engine.activeBuild(name))?.version }).toEqual({ name, active: version });
        },
        300_000,
        500,
      );
      for (const definition of ALL_PROJECTIONS) expect({ name: definition.name, partitions: (await engine.activeBuild(definition.name))?.partitions }).toEqual({ name: definition.name, partitions: 1 });
      const single = await views();
      step('rebuilt in one process');
      for (const base of Object.keys(single)) expect({ base, rows: shared[base] }).toEqual({ base, rows: single[base] });
      expect(shared['lead_scores'].length).toBeGreaterThan(0);
      expect(shared['contact_timeline'].length).toBeGreaterThan(0);
    } finally {
      await engine.stop();
    }
  }, 900_000);
});
