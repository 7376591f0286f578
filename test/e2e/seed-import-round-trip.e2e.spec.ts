// `tally seed --out` and `tally import` are a pair: the file the one writes, the other takes whole, and the read
// models it builds are those of a store seeded directly. The import claims the emails and domains itself, so the
// uniqueness the api enforces holds for imported records too, and it writes the property definitions the values need.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WorkflowEngine } from '#application';
import { WORKFLOW_ENGINE } from '#api/workflows/workflow-engine.provider';
import { seedCommand } from '#cli/commands/seed.command';
import { parsePosition } from '#event-store';
import { ALL_PROJECTIONS } from '#projections';
import { DEAL_HISTORY_TABLES } from '#projections/deal-history';
import { WORKFLOWS_TABLES } from '#projections/workflows';
import { lastCommitted } from '#test/support/events';
import { eventually } from '#test/support/test-database';
import { startTestApp, type TestApp } from '#test/support/test-app';

const HISTORY = { contacts: 40, seed: 'round-trip', until: '2026-06-01' } as const;
// Two stores, one seeded stream by stream while its projector runs: slow on a shared machine.
const ROUND_TRIP_MS = 180_000;

// The default workflows act on both stores alike (#16): wait for the runner before the read models, and again until
// nothing more was appended (the runner's own events may start more). The targets are the last committed events: the
// store's visible head can sit below them while a projector's batch is open.
const caughtUp = async (t: TestApp) => {
  const { pool } = t.runtime.db;
  for (let target = await lastCommitted(pool); target !== null; ) {
    await t.app.get<symbol, WorkflowEngine>(WORKFLOW_ENGINE).runner.caughtUp(target);
    const appended = (await lastCommitted(pool))!;
    for (const name of t.runtime.projections.names()) {
      expect(await t.runtime.projections.waitFor(name, parsePosition(appended), ROUND_TRIP_MS)).toBe(true);
    }
    target = appended === target ? null : appended;
  }
  await eventually(async () => {
    const builds = await t.runtime.projections.status();
    if (builds.some((build) => build.status !== 'live' || build.lagEvents !== 0)) throw new Error('catching up');
  }, ROUND_TRIP_MS);
};

/**
 * Every row of every read model, each table's rows in one canonical order. Log positions are left out: they are
 * where the store put an event (a transaction's number), which differs between two stores holding the same events.
 * So is the actor: an import records the importing key as every event's actor, the seed its own name.
 */
const storeSpecific = (column: string): boolean =>
  column.startsWith('position') || column.endsWith('_position') || column.startsWith('pos_') || column === 'actor';
// So are the workflow runner's own events' ids, fresh by design (a second writer must lose on the revision), the
// trigger's position they carry, and the workflows' own tables, whose default definitions are stamped at each start
// (the workflow specs check runs).
const isRunnerRow = (row: Record<string, unknown>): boolean => typeof row.event_type === 'string' && row.event_type.startsWith('Workflow');
const withoutTriggerPosition = (value: unknown): unknown => {
  const trigger = (value as { trigger?: Record<string, unknown> } | null)?.trigger;
  if (!trigger) return value;
  const { position: _position, ...rest } = trigger;
  return { ...(value as Record<string, unknown>), trigger: rest };
};
// And when the default pipelines were created: at each start, so the pipeline history records a different instant.
const bootStamped = (table: string, column: string): boolean => table === DEAL_HISTORY_TABLES.pipelines && column === 'occurred_at';
const comparable = (table: string, row: Record<string, unknown>): [string, unknown][] =>
  Object.entries(row)
    .filter(([column]) => !storeSpecific(column) && !bootStamped(table, column) && !(isRunnerRow(row) && column === 'event_id'))
    .map(([column, value]) => [column, isRunnerRow(row) && column === 'data' ? withoutTriggerPosition(value) : value]);
const WORKFLOW_TABLES: readonly string[] = Object.values(WORKFLOWS_TABLES);

const readModels = async (t: TestApp): Promise<Record<string, string[]>> => {
  const rows: Record<string, string[]> = {};
  for (const table of ALL_PROJECTIONS.flatMap((projection) => projection.tables).filter((name) => !WORKFLOW_TABLES.includes(name))) {
    const result = await t.db.pool.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
    rows[table] = result.rows
      .map((row) => JSON.stringify(comparable(table, row)))
      .sort();
  }
  return rows;
};

type Line = Readonly<{ streamName: string; event: Readonly<{ type: string; data: Readonly<Record<string, unknown>> }> }>;

describe('a seed file imported through POST /v1/import', () => {
  let dir: string;
  let imported: TestApp;
  let seeded: TestApp;
  let body: string;
  let lines: Line[];
  const post = (t: TestApp) => t.http().post('/v1/import').set('Content-Type', 'application/x-ndjson').send(body).expect(200);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tally-round-trip-'));
    const file = path.join(dir, 'history.ndjson');
    await seedCommand(null, { ...HISTORY, out: file });
    body = await readFile(file, 'utf8');
    lines = body.trimEnd().split('\n').map((line) => JSON.parse(line) as Line);
    [imported, seeded] = await Promise.all([startTestApp(), startTestApp()]);
  }, ROUND_TRIP_MS);
  afterAll(async () => {
    await Promise.all([imported?.close(), seeded?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('is accepted whole and builds the read models of a store seeded directly', async () => {
    const report = await post(imported);
    expect(report.body.rejections).toEqual([]);
    expect(report.body).toMatchObject({ lines: lines.length, accepted: lines.length, rejected: 0 });

    await seedCommand(seeded.runtime, HISTORY);
    await Promise.all([caughtUp(imported), caughtUp(seeded)]);
    const [fromImport, fromSeed] = await Promise.all([readModels(imported), readModels(seeded)]);
    expect(Object.values(fromSeed).flat().length).toBeGreaterThan(lines.length);
    expect(fromImport).toEqual(fromSeed);

    // A re-run stores nothing, the derived claims included.
    const again = await post(imported);
    expect(again.body).toMatchObject({ accepted: 0, duplicates: lines.length, rejected: 0 });
  }, ROUND_TRIP_MS);

  it("brings the seed's property definitions, so every imported value has its definition", async () => {
    const definedInFile = lines.filter((line) => line.event.type === 'PropertyDefined' && line.streamName === 'property-definitions-contact');
    expect(definedInFile.length).toBeGreaterThan(0);
    const listed = (await imported.http().get('/v1/properties/contacts').expect(200)).body as { items: { name: string }[] };
    expect(listed.items.map((item) => item.name)).toEqual(definedInFile.map((line) => line.event.data.name));
    const carried = new Set(lines.filter((line) => line.event.type === 'ContactCreated').flatMap((line) => Object.keys(line.event.data.properties as object)));
    expect([...carried].filter((name) => !listed.items.some((item) => item.name === name))).toEqual([]);
  });

  it("holds every imported contact's email and company's domain: the api refuses them to another record", async () => {
    const dataOf = (type: string) => lines.find((line) => line.event.type === type)!.event.data;
    const { email } = dataOf('ContactCreated') as { email: string };
    const { domain } = dataOf('CompanyCreated') as { domain: string };
    const taken = await imported.http().post('/v1/contacts').send({ email, source: 'manual' }).expect(409);
    expect(taken.body.message).toContain(email);
    await imported.http().post('/v1/companies').send({ name: 'Copycat', domain }).expect(409);
  });
});
