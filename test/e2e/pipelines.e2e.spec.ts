import { CommandExecutor } from '#application';
import { loadConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { openRuntime } from '#runtime';
import { DefaultPipelines } from '#api/pipelines/default-pipelines.bootstrap';
import { collect, committedCount } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { createTestDatabase, raceSafeDatabase } from '#test/support/test-database';
import { ALL_PROJECTIONS } from '#projections';

const HUBSPOT_DEAL_STAGES = [
  { id: 'appointmentscheduled', label: 'Appointment Scheduled', probability: 0.2, closed: null, stuckAfterDays: 14, archived: false },
  { id: 'qualifiedtobuy', label: 'Qualified To Buy', probability: 0.4, closed: null, stuckAfterDays: 21, archived: false },
  { id: 'presentationscheduled', label: 'Presentation Scheduled', probability: 0.6, closed: null, stuckAfterDays: 21, archived: false },
  { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In', probability: 0.8, closed: null, stuckAfterDays: 30, archived: false },
  { id: 'contractsent', label: 'Contract Sent', probability: 0.9, closed: null, stuckAfterDays: 30, archived: false },
  { id: 'closedwon', label: 'Closed Won', probability: 1, closed: 'won', stuckAfterDays: null, archived: false },
  { id: 'closedlost', label: 'Closed Lost', probability: 0, closed: 'lost', stuckAfterDays: null, archived: false },
];

const enterprise = {
  objectType: 'deal',
  name: 'Enterprise',
  stages: [
    { id: 'discovery', label: 'Discovery', probability: 0.1, stuckAfterDays: 10 },
    { id: 'pilot', label: 'Pilot', probability: 0.5 },
    { id: 'won', label: 'Won', probability: 1, closed: 'won' },
    { id: 'lost', label: 'Lost', probability: 0, closed: 'lost' },
  ],
};

describe('pipelines over HTTP', () => {
  const t = useTestApp(async () => ({ database: await raceSafeDatabase() }));

  const streamOf = async (pipelineId: string) => collect(t.runtime.eventStore.readStream(`pipeline-${pipelineId}`));
  const stageIds = async (pipelineId: string) =>
    (await t.http().get(`/v1/pipelines/${pipelineId}`).expect(200)).body.stages.map((s: { id: string }) => s.id);

  it("has HubSpot's default deal pipeline and the support pipeline from the first start, created by the system", async () => {
    const deal = await t.http().get('/v1/pipelines/default').expect(200);
    expect(deal.body).toEqual({ pipelineId: 'default', objectType: 'deal', name: 'Sales Pipeline', stages: HUBSPOT_DEAL_STAGES, revision: 0 });

    const ticket = await t.http().get('/v1/pipelines/support').expect(200);
    expect(ticket.body).toMatchObject({ pipelineId: 'support', objectType: 'ticket', revision: 0 });
    expect(ticket.body.stages.map((s: { id: string; closed: string | null }) => [s.id, s.closed])).toEqual([
      ['new', null],
      ['waiting-on-contact', null],
      ['waiting-on-us', null],
      ['closed', 'won'],
    ]);

    const [created, ...rest] = await streamOf('default');
    expect(rest).toEqual([]);
    expect(created.type).toBe('PipelineCreated');
    expect(created.metadata).toMatchObject({ actor: 'system', source: 'system', causationId: null });

    const list = await t.http().get('/v1/pipelines').expect(200);
    expect(list.body.items.map((p: { pipelineId: string }) => p.pipelineId)).toEqual(expect.arrayContaining(['default', 'support']));
  });

  it('does not create the defaults again on a restart', async () => {
    await t.app.get(DefaultPipelines).onApplicationBootstrap();
    expect(await streamOf('default')).toHaveLength(1);
    expect(await streamOf('support')).toHaveLength(1);
  });

  it('creates each default once when two processes start at the same moment', async () => {
    const database = await createTestDatabase();
    const runtime = await openRuntime(loadConfig({}), ALL_PROJECTIONS, { database });
    try {
      const starts = [1, 2].map(() => new DefaultPipelines(new CommandExecutor(runtime.eventStore, eventCatalog)));
      await Promise.all(starts.map((start) => start.onApplicationBootstrap()));
      // Counted in the table: readers of the log lag behind transactions still open elsewhere on the server.
      const { rows } = await database.pool.query<{ stream_name: string; event_type: string }>(
        `SELECT stream_name, event_type FROM tally_events WHERE category = 'pipeline' ORDER BY stream_name`,
      );
      expect(rows.map((r) => [r.stream_name, r.event_type])).toEqual([
        ['pipeline-default', 'PipelineCreated'],
        ['pipeline-support', 'PipelineCreated'],
      ]);
    } finally {
      await runtime.close();
    }
  });

  it('creates a pipeline under a new id, then renames it, adds, reorders and archives stages with stable ids', async () => {
    const created = await t.http().post('/v1/pipelines').send(enterprise).expect(201);
    expect(created.body).toMatchObject({ revision: 0, events: ['PipelineCreated'] });
    const id: string = created.body.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const renamed = await t.http().patch(`/v1/pipelines/${id}`).send({ name: 'Enterprise sales' }).expect(200);
    expect(renamed.body).toMatchObject({ id, revision: 1, events: ['PipelineRenamed'] });
    // Renaming to the same name changes nothing and appends nothing.
    const same = await t.http().patch(`/v1/pipelines/${id}`).send({ name: 'Enterprise sales' }).expect(200);
    expect(same.body).toMatchObject({ revision: 1, events: [], position: null });

    const added = await t.http()
      .post(`/v1/pipelines/${id}/stages`)
      .send({ stage: { id: 'security-review', label: 'Security review', probability: 0.7 }, position: 2 })
      .expect(201);
    expect(added.body).toMatchObject({ revision: 2, events: ['PipelineStageAdded'] });
    expect(await stageIds(id)).toEqual(['discovery', 'pilot', 'security-review', 'won', 'lost']);

    await t.http()
      .put(`/v1/pipelines/${id}/stage-order`)
      .send({ stageIds: ['discovery', 'security-review', 'pilot', 'won', 'lost'] })
      .expect(200);
    expect(await stageIds(id)).toEqual(['discovery', 'security-review', 'pilot', 'won', 'lost']);

    const updated = await t.http().patch(`/v1/pipelines/${id}/stages/pilot`).send({ label: 'Paid pilot', probability: 0.55 }).expect(200);
    expect(updated.body.events).toEqual(['PipelineStageRenamed', 'PipelineStageProbabilityChanged']);

    const archived = await t.http().delete(`/v1/pipelines/${id}/stages/security-review`).expect(200);
    expect(archived.body.events).toEqual(['PipelineStageArchived']);

    const pipeline = await t.http().get(`/v1/pipelines/${id}`).expect(200);
    expect(pipeline.body).toMatchObject({ name: 'Enterprise sales', revision: 6 });
    expect(pipeline.body.stages.map((s: { id: string; archived: boolean }) => [s.id, s.archived])).toEqual([
      ['discovery', false],
      ['pilot', false],
      ['won', false],
      ['lost', false],
      ['security-review', true],
    ]);
    expect(pipeline.body.stages[1]).toMatchObject({ id: 'pilot', label: 'Paid pilot', probability: 0.55 });

    // An archived id stays taken forever.
    const reused = await t.http()
      .post(`/v1/pipelines/${id}/stages`)
      .send({ stage: { id: 'security-review', label: 'Again', probability: 0.7 } })
      .expect(422);
    expect(reused.body.rule).toBe('duplicate-stage-id');

    expect((await streamOf(id)).map((e) => e.type)).toEqual([
      'PipelineCreated',
      'PipelineRenamed',
      'PipelineStageAdded',
      'PipelineStagesReordered',
      'PipelineStageRenamed',
      'PipelineStageProbabilityChanged',
      'PipelineStageArchived',
    ]);
    const list = await t.http().get('/v1/pipelines').expect(200);
    expect(list.body.items.find((p: { pipelineId: string }) => p.pipelineId === id)).toEqual(pipeline.body);
  });

  it('answers 422 naming the rule for pipelines and stages that break one, and appends nothing', async () => {
    const before = await committedCount(t.db.pool, 'pipeline');
    const rule = async (request: Promise<{ status: number; body: { rule?: string } }>) => {
      const response = await request;
      expect(response.status).toBe(422);
      return response.body.rule;
    };
    const withoutLost = { ...enterprise, stages: enterprise.stages.filter((s) => s.closed !== 'lost') };
    expect(await rule(t.http().post('/v1/pipelines').send(withoutLost))).toBe('deal-pipeline-needs-won-and-lost-stage');
    const twice = { ...enterprise, stages: [...enterprise.stages, enterprise.stages[0]] };
    expect(await rule(t.http().post('/v1/pipelines').send(twice))).toBe('duplicate-stage-id');
    const lostTicket = { objectType: 'ticket', name: 'Support 2', stages: [{ id: 'open', label: 'Open', probability: 0 }, { id: 'gone', label: 'Gone', probability: 0, closed: 'lost' }] };
    expect(await rule(t.http().post('/v1/pipelines').send(lostTicket))).toBe('ticket-stage-cannot-be-lost');
    expect(await rule(t.http().post('/v1/pipelines').send({ ...enterprise, stages: [] }))).toBe('pipeline-needs-stage');

    expect(await rule(t.http().delete('/v1/pipelines/default/stages/closedlost'))).toBe('last-lost-stage');
    expect(await rule(t.http().put('/v1/pipelines/default/stage-order').send({ stageIds: ['closedwon', 'closedlost'] }))).toBe(
      'stage-ids-not-a-permutation',
    );
    expect(await rule(t.http().patch('/v1/pipelines/default/stages/closedwon').send({ probability: 0.5 }))).toBe('closed-stage-probability');
    // Label and probability apply together or not at all: the valid label is not kept.
    expect(await rule(t.http().patch('/v1/pipelines/default/stages/closedwon').send({ label: 'Won!', probability: 0.5 }))).toBe(
      'closed-stage-probability',
    );
    expect(await rule(t.http().patch('/v1/pipelines/default/stages/nope').send({ label: 'Nope' }))).toBe('stage-not-in-pipeline');
    expect(await rule(t.http().post('/v1/pipelines/default/stages').send({ stage: { id: 'late', label: 'Late', probability: 0.5 }, position: 99 }))).toBe(
      'invalid-stage-position',
    );

    expect(await committedCount(t.db.pool, 'pipeline')).toBe(before);
  });

  it('answers 400 naming the field for malformed input, 404 for an unknown pipeline', async () => {
    const bad = await t.http()
      .post('/v1/pipelines')
      .send({ objectType: 'lead', name: '', stages: [{ id: 'has space', label: 'X', probability: 2, extra: true }], color: 'red' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['objectType', 'name', 'stages.0.id', 'stages.0.probability', 'stages.0.extra', 'color']),
    );
    const badId = await t.http().get('/v1/pipelines/not%20an%20id').expect(400);
    expect(badId.body.fields).toEqual([{ field: 'id', reason: expect.any(String) }]);
    await t.http().get(`/v1/pipelines/${'x'.repeat(65)}`).expect(400);
    const empty = await t.http().patch('/v1/pipelines/default/stages/closedwon').send({}).expect(400);
    expect(empty.body.error).toBe('VALIDATION_FAILED');

    await t.http().get('/v1/pipelines/no-such-pipeline').expect(404);
    await t.http().patch('/v1/pipelines/no-such-pipeline').send({ name: 'X' }).expect(404);
    expect(await streamOf('no-such-pipeline')).toEqual([]);
  });

  it('answers 409 when If-Match names a revision the pipeline has moved past', async () => {
    const { body } = await t.http().post('/v1/pipelines').send({ ...enterprise, name: 'Mid-market' }).expect(201);
    await t.http().patch(`/v1/pipelines/${body.id}`).set('If-Match', '0').send({ name: 'Mid-market EMEA' }).expect(200);
    const conflict = await t.http().patch(`/v1/pipelines/${body.id}`).set('If-Match', '0').send({ name: 'Mid-market US' }).expect(409);
    expect(conflict.body).toMatchObject({ error: 'CONCURRENCY_CONFLICT', expectedRevision: 0, actualRevision: 1 });
  });
});
