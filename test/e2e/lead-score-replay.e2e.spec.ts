// Formula changes on a realistic store: a replay while clients read, the replay report, provenance (explain),
// verify, as-of scores, backtests, and the CLI commands over the same runtime.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { auditCommand } from '#cli/commands/audit.command';
import { backtestCommand } from '#cli/commands/backtest.command';
import { replayCommand } from '#cli/commands/replay.command';
import { formatPosition, PostgresEventStore } from '#event-store';
import type { StoredLeadScore } from '#application';
import { storedLeadScores } from '#projections/lead-score';
import { DEFAULT_FORMULA, formulaId, type EngagementRule, type Formula } from '#scoring';
import { seedStore } from '#synthetic-history';
import { createTestDatabase, eventually } from '#test/support/test-database';
import { startTestApp, type TestApp } from '#test/support/test-app';

const demoRule: EngagementRule = { id: 'demo-request', points: 45, when: { event: 'FormSubmitted', where: [{ field: 'formId', op: 'equals', value: 'demo' }] } };
const pricingRule: EngagementRule = {
  id: 'pricing-page',
  points: 8,
  maxPoints: 24,
  decay: { halfLifeDays: 45 },
  when: { event: 'PageViewed', where: [{ field: 'url', op: 'contains', value: '/pricing' }] },
};

// The formula switched to: demo requests and pricing views weigh more, lower thresholds.
const NEW_FORMULA: Formula = {
  name: 'Demo first',
  thresholds: { mql: 35, sql: 60 },
  limit: 100,
  groups: [
    { id: 'fit', kind: 'fit', limit: 30, rules: [{ id: 'student', points: -25, when: { property: 'jobTitle', op: 'contains', value: 'student' } }] },
    { id: 'engagement', kind: 'engagement', limit: 80, rules: [pricingRule, demoRule, { id: 'email-click', points: 2, maxPoints: 10, when: { event: 'MarketingEmailClicked' } }] },
  ],
};

// The planted truth: demo requests and pricing views before a deal predict a win; newsletters and email opens do not.
const { decay: _decay, ...undecayedPricingRule } = pricingRule;
const DEMO_FORMULA: Formula = {
  name: 'Demo and pricing',
  thresholds: { mql: 30, sql: 60 },
  limit: 100,
  groups: [{ id: 'engagement', kind: 'engagement', limit: 100, rules: [demoRule, undecayedPricingRule] }],
};
const NO_DEMO_FORMULA: Formula = {
  name: 'Newsletters and calls',
  thresholds: { mql: 30, sql: 60 },
  limit: 100,
  groups: [
    {
      id: 'engagement',
      kind: 'engagement',
      limit: 100,
      rules: [
        { id: 'newsletter', points: 20, when: { event: 'FormSubmitted', where: [{ field: 'formId', op: 'in', value: ['newsletter', 'ebook'] }] } },
        { id: 'email-open', points: 2, maxPoints: 20, when: { event: 'MarketingEmailOpened' } },
      ],
    },
  ],
};

type Page = { data: { contactId: string; formulaId: string; total: number }[]; nextCursor?: string };
type Explained = { contactId: string; formulaId: string; asOf: string; total: number; contributions: Record<string, unknown>[] };

const hundredths = (value: number): number => Math.round(value * 100);

describe('lead-score formula replay, provenance and audit', () => {
  let t: TestApp;
  let events = 0;
  const oldId = formulaId(DEFAULT_FORMULA);
  const newId = formulaId(NEW_FORMULA);
  let oldVersion = 0;
  let newVersion = 0;

  beforeAll(async () => {
    const t0 = Date.now();
    // Seeded before the api starts, so the appends do not share the embedded database with live projections.
    const db = await createTestDatabase();
    await PostgresEventStore.migrate(db.pool);
    events = (await seedStore(new PostgresEventStore(db.pool), { contacts: 900, seed: 'replay-spec', until: '2026-01-01' })).events;
    const t1 = Date.now();
    t = await startTestApp({ database: db });
    const t2 = Date.now();
    t.runtime.projections.poke();
    const head = formatPosition((await t.runtime.eventStore.headPosition())!);
    await eventually(async () => {
      await t.http().get('/v1/read-models/lead-scores').query({ minPosition: head, limit: 1 }).expect(200);
    }, 60_000, 100);
    // eslint-disable-next-line no-console
    console.info(`seed ${t1 - t0} ms, start ${t2 - t1} ms, catch up ${Date.now() - t2} ms`);
    const [active] = (await t.runtime.projections.status('lead-score')).filter((b) => b.state === 'active');
    oldVersion = active.version;
  }, 90_000);
  afterAll(async () => {
    await t.close();
  });

  const stored = async (version: number): Promise<Map<string, StoredLeadScore>> =>
    new Map((await storedLeadScores(t.runtime.db.pool, version)).map((score) => [score.contactId, score]));

  it('switches formula while a client reads: every page from exactly one formula, never an error, then only the new one', async () => {
    expect(events).toBeGreaterThanOrEqual(9_000);
    await t.http().post('/v1/scoring/formulas').send(NEW_FORMULA).expect(201);

    let switched = false;
    let readsAfterSwitch = 0;
    const answers: { status: number; formulaIds: string[] }[] = [];
    const reader = (async () => {
      let cursor: string | undefined;
      while (readsAfterSwitch < 5) {
        const response = await t.http().get('/v1/read-models/lead-scores').query({ limit: 200, ...(cursor ? { cursor } : {}) });
        const body = response.body as Page;
        answers.push({ status: response.status, formulaIds: [...new Set((body.data ?? []).map((row) => row.formulaId))] });
        cursor = body.nextCursor;
        if (switched) readsAfterSwitch++;
      }
    })();

    const started = Date.now();
    const rebuild = await t.http().post('/v1/projections/lead-score/rebuilds').send({ formulaId: newId, reason: 'demo requests convert' }).expect(202);
    newVersion = rebuild.body.version;
    await eventually(async () => {
      const progress = await t.http().get(`/v1/projections/lead-score/rebuilds/${newVersion}`).expect(200);
      expect(progress.body.state).toBe('active');
    }, 60_000, 50);
    const seconds = (Date.now() - started) / 1000;
    switched = true;
    await reader;

    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.every((answer) => answer.formulaIds.length === 1)).toBe(true);
    const sequence = answers.map((answer) => answer.formulaIds[0]);
    const firstNew = sequence.indexOf(newId);
    expect(sequence.slice(0, firstNew).every((id) => id === oldId)).toBe(true);
    expect(sequence.slice(firstNew).every((id) => id === newId)).toBe(true);
    expect(sequence.slice(-5)).toEqual(Array(5).fill(newId));
    // eslint-disable-next-line no-console
    console.info(`replay of ${events} events: ${seconds.toFixed(1)} s; ${answers.length} pages read, ${firstNew} before the switch`);
  }, 90_000);

  it('reports the replay against the previous build: changes, transitions both ways and the top movers', async () => {
    const report = (await t.http().get(`/v1/projections/lead-score/rebuilds/${newVersion}/report`).expect(200)).body;
    expect(report).toMatchObject({ version: newVersion, against: oldVersion, formulaId: newId, againstFormulaId: oldId });
    const explicit = (await t.http().get(`/v1/projections/lead-score/rebuilds/${newVersion}/report`).query({ against: oldVersion }).expect(200)).body;
    expect(explicit).toEqual(report);

    // The same comparison worked out here from both builds' rows.
    const [before, after] = [await stored(oldVersion), await stored(newVersion)];
    const pairs = [...after.values()]
      .filter((a) => a.mergedInto === null && before.get(a.contactId)?.mergedInto === null)
      .map((a) => ({ a, b: before.get(a.contactId)! }));
    const transitions = new Map<string, number>();
    for (const { a, b } of pairs.filter(({ a, b }) => a.qualification !== b.qualification)) {
      const key = `${b.qualification}->${a.qualification}`;
      transitions.set(key, (transitions.get(key) ?? 0) + 1);
    }
    expect(report.compared).toBe(pairs.length);
    expect(report.scoreChanged).toBe(pairs.filter(({ a, b }) => a.total !== b.total).length);
    expect(report.qualificationChanged).toBe(pairs.filter(({ a, b }) => a.qualification !== b.qualification).length);
    expect(new Map(report.transitions.map((tr: { from: string; to: string; contacts: number }) => [`${tr.from}->${tr.to}`, tr.contacts]))).toEqual(transitions);
    expect(report.qualificationChanged).toBeGreaterThan(0);
    const largest = Math.max(...pairs.map(({ a, b }) => Math.abs(hundredths(a.total) - hundredths(b.total))));
    expect(report.topMovers).toHaveLength(20);
    expect(hundredths(Math.abs(report.topMovers[0].change))).toBe(largest);
    const changes = report.topMovers.map((m: { change: number }) => Math.abs(m.change));
    expect(changes).toEqual([...changes].sort((x, y) => y - x));

    // Against the active build by default when the build is not the active one; 404 for an unknown build.
    const backwards = (await t.http().get(`/v1/projections/lead-score/rebuilds/${oldVersion}/report`).expect(200)).body;
    expect(backwards).toMatchObject({ version: oldVersion, against: newVersion, scoreChanged: report.scoreChanged });
    await t.http().get(`/v1/projections/lead-score/rebuilds/999/report`).expect(404);
    await t.http().get(`/v1/projections/lead-score/rebuilds/${newVersion}/report`).query({ against: 'x' }).expect(400);
  }, 30_000);

  it('explains every contact: contributions with their provenance add up to the stored score', async () => {
    const rows = [...(await stored(newVersion)).values()].filter((row) => row.mergedInto === null);
    expect(rows.length).toBeGreaterThan(800);
    let withEvents = 0;
    for (let i = 0; i < rows.length; i += 20) {
      const chunk = rows.slice(i, i + 20);
      const answers = await Promise.all(chunk.map((row) => t.http().get(`/v1/read-models/lead-scores/${row.contactId}/explain`).expect(200)));
      answers.forEach((answer, index) => {
        const explained = answer.body.data as Explained;
        expect(explained).toMatchObject({ contactId: chunk[index].contactId, formulaId: newId, total: chunk[index].total, derivedFrom: 'read-model' });
        const counted = explained.contributions.reduce((sum, c) => sum + hundredths(c.counted as number), 0);
        expect(counted).toBe(hundredths(chunk[index].total));
        for (const c of explained.contributions) {
          expect(c.formulaId).toBe(newId);
          const cuts = ['cutByRuleCap', 'cutByGroupLimit', 'cutByTotalLimit'].reduce((sum, key) => sum + hundredths(c[key] as number), 0);
          expect(hundredths(c.points as number) - cuts).toBe(hundredths(c.counted as number));
        }
        if (explained.contributions.some((c) => c.eventId !== null)) withEvents++;
      });
    }
    expect(withEvents).toBeGreaterThan(100);
  }, 60_000);

  it('verifies every stored score against the log alone, and names a tampered one', async () => {
    const all = (await t.http().get('/v1/audit/lead-scores/verify').expect(200)).body;
    expect(all).toMatchObject({ version: newVersion, formulaId: newId, checked: (await stored(newVersion)).size, mismatches: [] });

    const rows = [...(await stored(newVersion)).values()];
    const duplicate = rows.find((row) => row.mergedInto !== null);
    const sample = [rows[0], rows[rows.length - 1], ...(duplicate ? [duplicate, rows.find((r) => r.contactId === duplicate.mergedInto)!] : [])];
    for (const row of sample) {
      const one = (await t.http().get(`/v1/read-models/lead-scores/${row.contactId}/verify`).expect(200)).body;
      expect(one).toMatchObject({ checked: 1, mismatches: [] });
    }

    const victim = rows.find((row) => row.mergedInto === null && row.total > 0)!;
    await t.runtime.db.pool.query(`UPDATE lead_scores_v${newVersion} SET total = total + 7 WHERE contact_id = $1`, [victim.contactId]);
    try {
      const tampered = (await t.http().get(`/v1/read-models/lead-scores/${victim.contactId}/verify`).expect(200)).body;
      expect(tampered.mismatches).toEqual([{ contactId: victim.contactId, field: 'total', stored: victim.total + 7, derived: victim.total }]);
      const lines: string[] = [];
      expect(await auditCommand(t.runtime, ['verify', 'lead-score'], { all: true }, (line) => lines.push(line))).toBe(3);
      expect(lines.join('\n')).toContain(victim.contactId);
    } finally {
      await t.runtime.db.pool.query(`UPDATE lead_scores_v${newVersion} SET total = total - 7 WHERE contact_id = $1`, [victim.contactId]);
    }
    const lines: string[] = [];
    expect(await auditCommand(t.runtime, ['verify', 'lead-score'], { contact: victim.contactId, all: false }, (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toContain('1 checked, 0 mismatches');
    await t.http().get(`/v1/read-models/lead-scores/${randomUUID()}/verify`).expect(404);
  }, 60_000);

  it('answers scores as of an instant from the log, under the active formula or another saved one', async () => {
    await t.http().post('/v1/scoring/formulas').send(DEFAULT_FORMULA).expect(201);
    const [before, after] = [await stored(oldVersion), await stored(newVersion)];
    const rows = [...after.values()].filter((row) => row.mergedInto === null);
    const busy = [];
    for (const row of rows) {
      const explained = (await t.http().get(`/v1/read-models/lead-scores/${row.contactId}/explain`).expect(200)).body.data as Explained;
      if (explained.contributions.filter((c) => c.eventId !== null).length >= 2) busy.push(explained);
      if (busy.length === 3) break;
    }
    expect(busy).toHaveLength(3);
    for (const explained of busy) {
      const { contactId, asOf } = explained;
      // At the stored instant the log gives the very contributions the read model holds.
      const derived = (await t.http().get(`/v1/read-models/lead-scores/${contactId}/explain`).query({ asOf }).expect(200)).body.data as Explained;
      expect(derived).toMatchObject({ derivedFrom: 'event-log', formulaId: newId, total: explained.total });
      expect(derived.contributions).toEqual(explained.contributions.map(({ ordinal: _ordinal, ...c }) => c));

      // Before the latest scored event: that event no longer counts.
      const times = explained.contributions.filter((c) => c.occurredAt !== null).map((c) => Date.parse(c.occurredAt as string));
      const earlier = new Date(Math.max(...times) - 1).toISOString();
      const past = (await t.http().get(`/v1/read-models/lead-scores/${contactId}/explain`).query({ asOf: earlier }).expect(200)).body.data as Explained;
      expect(past.contributions.every((c) => c.occurredAt === null || Date.parse(c.occurredAt as string) <= Date.parse(earlier))).toBe(true);
      expect(past.contributions.length).toBeLessThan(derived.contributions.length);
      const score = (await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ asOf: earlier }).expect(200)).body.data;
      expect(score).toMatchObject({ contactId, total: past.total, formulaId: newId, asOf: earlier, derivedFrom: 'event-log' });

      // Under the formula the old build used: the score the old build stored.
      const old = (await t.http().get(`/v1/read-models/lead-scores/${contactId}`).query({ asOf, formulaId: oldId }).expect(200)).body.data;
      expect(old).toMatchObject({ formulaId: oldId, total: before.get(contactId)!.total, qualification: before.get(contactId)!.qualification });
    }
    await t.http().get(`/v1/read-models/lead-scores/${randomUUID()}`).query({ asOf: '2026-01-01T00:00:00Z' }).expect(404);
    await t.http().get(`/v1/read-models/lead-scores/${busy[0].contactId}`).query({ formulaId: 'f'.repeat(64) }).expect(404);
    await t.http().get(`/v1/read-models/lead-scores/${busy[0].contactId}`).query({ asOf: 'yesterday' }).expect(400);
  }, 60_000);

  it('backtests on the planted truth: the formula rewarding demo requests tells won from lost better', async () => {
    const [demo, noDemo] = await Promise.all(
      [DEMO_FORMULA, NO_DEMO_FORMULA].map(async (formula) => (await t.http().post('/v1/scoring/formulas').send(formula).expect(201)).body.id as string),
    );
    const started = Date.now();
    const { body } = await t.http().post('/v1/scoring/backtests').send({ formulaIds: [demo, noDemo], horizonDays: 14 }).expect(200);
    const seconds = (Date.now() - started) / 1000;
    const [withDemo, without] = body.data;
    expect(body.horizonDays).toBe(14);
    expect(withDemo).toMatchObject({ formulaId: demo, formulaName: 'Demo and pricing' });
    expect(without).toMatchObject({ formulaId: noDemo, samples: withDemo.samples });
    expect(withDemo.samples).toBeGreaterThan(50);
    expect(withDemo.won).toBeGreaterThan(5);
    expect(withDemo.auc).toBeGreaterThan(without.auc + 0.1);
    // eslint-disable-next-line no-console
    console.info(`backtest of ${withDemo.samples} samples: AUC ${withDemo.auc} (demo) vs ${without.auc} (no demo), ${seconds.toFixed(1)} s`);

    const single = (await t.http().post('/v1/scoring/backtests').send({ formulaIds: [demo] }).expect(200)).body;
    expect(single.horizonDays).toBe(30);
    expect(single.data).toHaveLength(1);
    await t.http().post('/v1/scoring/backtests').send({ formulaIds: [demo, noDemo, newId] }).expect(400);
    await t.http().post('/v1/scoring/backtests').send({ formulaIds: ['nope'] }).expect(400);
    await t.http().post('/v1/scoring/backtests').send({ formulaIds: ['e'.repeat(64)] }).expect(404);
  }, 60_000);

  it('runs backtest and replay from the CLI: formula files, every error listed, progress and the report table', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tally-replay-'));
    const files = { demo: path.join(dir, 'demo.json'), noDemo: path.join(dir, 'no-demo.yaml'), broken: path.join(dir, 'broken.yaml') };
    await writeFile(files.demo, JSON.stringify(DEMO_FORMULA));
    await writeFile(files.noDemo, JSON.stringify(NO_DEMO_FORMULA));
    await writeFile(files.broken, 'name: broken\nthresholds: { mql: 90, sql: 10 }\nlimit: -5\ngroups: []\n');

    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    expect(await backtestCommand(t.runtime, { formulaFiles: [files.demo, files.noDemo], horizon: '14d' }, print)).toBe(0);
    expect(lines.join('\n')).toMatch(/AUC\s+0\.\d+\s+0\.\d+/);

    lines.length = 0;
    expect(await replayCommand(t.runtime, { formulaFile: files.broken, dryRun: true, actor: 'test' }, print)).toBe(2);
    expect(lines.join('\n').split('\n').filter((line) => line.includes('broken.yaml:')).length).toBeGreaterThanOrEqual(2);

    lines.length = 0;
    expect(await replayCommand(t.runtime, { formulaFile: files.demo, dryRun: true, actor: 'test', pollMs: 20 }, print)).toBe(0);
    const text = lines.join('\n');
    const version = Number(/building lead-score@(\d+)/.exec(text)![1]);
    expect(text).toContain(`lead-score@${version} (formula ${formulaId(DEMO_FORMULA).slice(0, 12)}) against lead-score@${newVersion}`);
    expect(text).toMatch(/from\s+to\s+contacts/);
    // A dry run leaves the active build and the recorded active formula alone.
    const builds = await t.runtime.projections.status('lead-score');
    expect(builds.find((b) => b.state === 'active')!.version).toBe(newVersion);
    expect((await t.http().get('/v1/scoring/formulas').expect(200)).body.data.find((f: { active: boolean }) => f.active).id).toBe(newId);
    await t.runtime.projections.drop('lead-score', version);

    // For real: the activation is recorded with its reason, the build takes over, the report compares with the last.
    await expect(replayCommand(t.runtime, { formulaFile: files.demo, dryRun: false, actor: 'test' }, print)).rejects.toThrow('--reason');
    lines.length = 0;
    expect(await replayCommand(t.runtime, { formulaFile: files.demo, dryRun: false, reason: 'backtest says so', actor: 'test', pollMs: 20 }, print)).toBe(0);
    const active = (await t.runtime.projections.status('lead-score')).find((b) => b.state === 'active')!;
    expect(lines.join('\n')).toContain(`lead-score@${active.version} (formula ${formulaId(DEMO_FORMULA).slice(0, 12)}) against lead-score@${newVersion}`);
    expect((await t.http().get('/v1/scoring/formulas').expect(200)).body.data.find((f: { active: boolean }) => f.active).id).toBe(formulaId(DEMO_FORMULA));
    lines.length = 0;
    expect(await auditCommand(t.runtime, ['verify', 'lead-score'], { all: true }, print)).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`lead-score@${active.version} .* \\d{3,} checked, 0 mismatches`));
  }, 60_000);
});
