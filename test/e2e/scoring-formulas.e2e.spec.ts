import { DEFAULT_FORMULA, formulaId } from '#scoring';
import { collect } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';

const YAML = `
name: Demo lovers
thresholds: { mql: 30, sql: 60 }
limit: 100
groups:
  - id: engagement
    kind: engagement
    limit: 100
    rules:
      - id: demo-request
        points: 50
        when: { event: FormSubmitted, where: [ { field: formId, op: equals, value: demo } ] }
`;

describe('scoring formulas as data', () => {
  const t = useTestApp();

  it('lists the formula lead scores start with as active, and backtests it by id, before anyone saves it', async () => {
    const id = formulaId(DEFAULT_FORMULA);
    const list = await t.http().get('/v1/scoring/formulas').expect(200);
    expect(list.body.data).toEqual([{ id, name: DEFAULT_FORMULA.name, active: true, formula: DEFAULT_FORMULA }]);
    expect((await t.http().get(`/v1/scoring/formulas/${id}`).expect(200)).body.active).toBe(true);
    await t.http().post('/v1/scoring/backtests').send({ formulaIds: [id] }).expect(200);
    const dryRun = await t.http().post('/v1/projections/lead-score/rebuilds').send({ formulaId: id, dryRun: true }).expect(202);
    expect(dryRun.body).toMatchObject({ name: 'lead-score', formulaId: id });
  });

  it('saves a formula under the SHA-256 of its canonical JSON, once', async () => {
    const first = await t.http().post('/v1/scoring/formulas').send(DEFAULT_FORMULA).expect(201);
    expect(first.body.id).toBe(formulaId(DEFAULT_FORMULA));
    const again = await t.http().post('/v1/scoring/formulas').send(DEFAULT_FORMULA).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const events = await collect(t.runtime.eventStore.readStream('scoring-formulas'));
    expect(events.filter((e) => e.type === 'ScoringFormulaRegistered')).toHaveLength(1);
    const listed = (await t.http().get('/v1/scoring/formulas').expect(200)).body.data;
    expect(listed.filter((f: { id: string }) => f.id === first.body.id)).toEqual([expect.objectContaining({ active: true })]);
  });

  it('accepts YAML, and lists and returns formulas', async () => {
    const saved = await t.http().post('/v1/scoring/formulas').set('Content-Type', 'application/yaml').send(YAML).expect(201);
    const list = await t.http().get('/v1/scoring/formulas').expect(200);
    expect(list.body.data.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['Demo lovers']));
    const one = await t.http().get(`/v1/scoring/formulas/${saved.body.id}`).expect(200);
    expect(one.body.formula.thresholds).toEqual({ mql: 30, sql: 60 });
    await t.http().get(`/v1/scoring/formulas/${'0'.repeat(64)}`).expect(404);
    await t.http().get('/v1/scoring/formulas/not-an-id').expect(400);
  });

  it('rejects an invalid formula with every error, path and reason', async () => {
    const broken = { ...DEFAULT_FORMULA, thresholds: { mql: 90, sql: 10 }, limit: -5, groups: [] };
    const response = await t.http().post('/v1/scoring/formulas').send(broken).expect(400);
    expect(response.body.error).toBe('FORMULA_INVALID');
    expect(response.body.errors.length).toBeGreaterThanOrEqual(2);
    for (const issue of response.body.errors) expect(issue).toEqual({ path: expect.any(String), reason: expect.any(String) });
  });
});
