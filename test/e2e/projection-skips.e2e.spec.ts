import { randomBytes, randomUUID } from 'node:crypto';
import type { BuildStatus } from '#projection-engine';
import { collect, dealCreatedData, newEvent } from '#test/support/events';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const deal = (dealId: string) => newEvent('DealCreated', dealCreatedData(dealId, { name: 'Deal', pipelineId: 'p', stageId: 's', amount: '10.00' }));

describe('skipping the event a projection build is parked on', () => {
  const t = useTestApp();

  const builds = async (): Promise<BuildStatus[]> => (await t.http().get('/v1/projections/pipeline-health').expect(200)).body.data;
  const parkedBuild = (version?: number) =>
    eventually(async () => {
      const build = (await builds()).find((b) => b.parked && (version === undefined || b.version === version));
      expect(build).toBeDefined();
      return build!;
    }, 20_000);

  it('records who skipped which event, when and why, goes on, and a rebuild decides for itself', async () => {
    // A deal id longer than any index entry PostgreSQL can hold (random, so it does not compress): the schema allows
    // it, the tables cannot (a raw import).
    const poison = deal(randomBytes(4_000).toString('base64'));
    await t.runtime.eventStore.appendToStream(`deal-${randomUUID()}`, [poison]);
    const after = randomUUID();
    await t.runtime.eventStore.appendToStream(`deal-${after}`, [deal(after)]);
    const parked = await parkedBuild();
    expect(parked.parked).toMatchObject({ eventId: poison.id, type: 'DealCreated' });

    const reason = 'deal id longer than an index entry; fixed at the edge';
    await (await t.as('marketing')).post('/v1/projections/pipeline-health/skips').send({ eventId: poison.id, reason }).expect(403);
    await t.http().post('/v1/projections/no-such-thing/skips').send({ eventId: poison.id, reason }).expect(404);
    const wrong = await t.http().post('/v1/projections/pipeline-health/skips').send({ eventId: randomUUID(), reason }).expect(409);
    expect(wrong.body.message).toContain(poison.id);
    await t.http().post('/v1/projections/pipeline-health/skips').send({ eventId: poison.id, reason: '  ' }).expect(400);

    const skipped = await t.http().post('/v1/projections/pipeline-health/skips').send({ eventId: poison.id, reason }).expect(201);
    expect(skipped.body).toMatchObject({ version: parked.version, parked: null });
    expect(skipped.body.skipped).toEqual([
      { eventId: poison.id, position: parked.parked!.position, reason, skippedBy: expect.any(String), skippedAt: expect.any(String) },
    ]);

    await eventually(async () => {
      const { rows } = await t.db.pool.query('SELECT 1 FROM pipeline_health_deals WHERE deal_id = $1', [after]);
      expect(rows).toHaveLength(1);
    }, 20_000);
    const listed = (await t.http().get('/v1/projections').expect(200)).body.data as BuildStatus[];
    const build = listed.find((b) => b.name === 'pipeline-health' && b.version === parked.version)!;
    expect(build.status).not.toBe('parked');
    expect(build.skipped.map((s) => s.eventId)).toEqual([poison.id]);
    // The decision is in the log, like any other.
    const [recorded] = await collect(t.runtime.eventStore.readStream('projection-pipeline-health'));
    expect(recorded).toMatchObject({ type: 'ProjectionEventSkipped', data: { buildVersion: parked.version, eventId: poison.id, reason } });
    // Skipped once: a second request finds no build parked on it.
    await t.http().post('/v1/projections/pipeline-health/skips').send({ eventId: poison.id, reason }).expect(409);

    // A rebuild reads the event afresh with its own code: it parks again until that code can hold it, or is told.
    const rebuilt = (await t.http().post('/v1/projections/pipeline-health/rebuilds').send({ dryRun: true }).expect(202)).body.version as number;
    expect((await parkedBuild(rebuilt)).parked!.eventId).toBe(poison.id);
    await t.http().post('/v1/projections/pipeline-health/skips').send({ eventId: poison.id, reason }).expect(201);
    await eventually(async () => expect((await builds()).find((b) => b.version === rebuilt)!.parked).toBeNull(), 20_000);
  });
});
