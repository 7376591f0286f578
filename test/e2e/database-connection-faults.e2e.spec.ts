// An operator (or a failover) terminates Tally's database connections while commands flow: the process lives,
// every command answered 2xx is in the log, every failure is a 503 the client can retry, and projections and
// subscriptions resume by themselves. Needs real backends to terminate, so it runs on the PostgreSQL server only.
// An uncaught exception (an 'error' event on a checked-out pg client with no listener) fails the test: jest
// reports it against the running test, as it would have killed a real api process.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore, type RecordedEvent } from '#event-store';
import { ProjectionEngine, type ProjectionDefinition } from '#projection-engine';
import { collect, newEvent } from '#test/support/events';
import { startTestApp, type TestApp } from '#test/support/test-app';
import { createTestDatabase, eventually, serverUrl } from '#test/support/test-database';

const WORKERS = 6;
const ROUNDS = 24;
const ROUND_MS = 250;
/** A request that takes longer than this counts as hung. */
const REQUEST_TIMEOUT_MS = 10_000;
const OPEN_STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'];

type Acknowledged = Readonly<{ dealId: string; revision: number; type: 'DealCreated' | 'DealStageChanged'; stageId: string }>;
type Answer = Readonly<{ status: number; body: { id?: string; revision?: number; events?: string[]; error?: string }; retryAfter?: string }>;

(serverUrl() ? describe : describe.skip)('terminating Tally database connections under load (server only)', () => {
  let t: TestApp;
  let admin: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    // The admin connection is to this spec's own database: it terminates only this database's backends.
    admin = new pg.Client({ connectionString: t.db.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  const send = async (request: PromiseLike<{ status: number; body: unknown; headers: Record<string, string> }>): Promise<Answer> => {
    try {
      const response = await request;
      return { status: response.status, body: response.body as Answer['body'], retryAfter: response.headers['retry-after'] };
    } catch (error) {
      // supertest's timeout: the request hung.
      return { status: 0, body: { error: (error as Error).message } };
    }
  };

  it('lives through repeated pg_terminate_backend rounds, loses no acknowledged command and catches up', async () => {
    const acknowledged: Acknowledged[] = [];
    const answers: Answer[] = [];
    let stop = false;

    const worker = async () => {
      while (!stop) {
        const created = await send(
          t.http()
            .post('/v1/deals')
            .timeout(REQUEST_TIMEOUT_MS)
            .send({ name: 'Fault-tolerant deal', amount: 1200, currency: 'USD', closeDate: '2026-03-31', ownerId: randomUUID() }),
        );
        answers.push(created);
        if (created.status !== 201) continue;
        const dealId = created.body.id!;
        acknowledged.push({ dealId, revision: created.body.revision!, type: 'DealCreated', stageId: OPEN_STAGES[0] });
        for (const stageId of OPEN_STAGES.slice(1)) {
          if (stop) break;
          const moved = await send(t.http().put(`/v1/deals/${dealId}/stage`).timeout(REQUEST_TIMEOUT_MS).send({ stageId }));
          answers.push(moved);
          if (moved.status === 200 && moved.body.events?.includes('DealStageChanged')) {
            acknowledged.push({ dealId, revision: moved.body.revision!, type: 'DealStageChanged', stageId });
          }
        }
      }
    };

    // A subscriber tails the deals from the start through every fault.
    const seen = new Map<string, RecordedEvent>();
    const subscription = t.runtime.eventStore.subscribeToAll({ filter: { streamCategories: ['deal'] } });
    let subscriptionFailure: unknown = null;
    const tail = (async () => {
      for await (const event of subscription) seen.set(`${event.streamName}@${event.revision}`, event);
    })().catch((error: unknown) => (subscriptionFailure = error));

    const load = Array.from({ length: WORKERS }, () => worker());
    let terminated = 0;
    let roundsWithVictims = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await new Promise((resolve) => setTimeout(resolve, ROUND_MS));
      const { rows } = await admin.query<{ terminated: boolean }>(
        `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const victims = rows.filter((row) => row.terminated).length;
      terminated += victims;
      if (victims > 0) roundsWithVictims++;
    }
    stop = true;
    await Promise.all(load);

    // Every failure was a retryable 503 naming the cause; nothing hung, nothing was a 500.
    const failures = answers.filter((answer) => answer.status >= 300);
    expect(failures.filter((answer) => answer.status !== 503)).toEqual([]);
    for (const failure of failures) {
      expect(failure.body.error).toBe('DATABASE_UNAVAILABLE');
      expect(failure.retryAfter).toBeDefined();
    }

    // The pool recovered: the next command goes through at once.
    await t.http().post('/v1/deals').send({ name: 'After the faults', amount: 1, currency: 'USD', closeDate: '2026-03-31' }).expect(201);

    // No acknowledged command was lost.
    const dealIds = [...new Set(acknowledged.map((a) => a.dealId))];
    const streams = new Map<string, RecordedEvent[]>();
    for (const dealId of dealIds) streams.set(dealId, await collect(t.runtime.eventStore.readStream(`deal-${dealId}`)));
    const lost = acknowledged.filter(({ dealId, revision, type, stageId }) => {
      const event = streams.get(dealId)?.[revision];
      const data = event?.data as { stageId?: string; toStageId?: string } | undefined;
      return event?.type !== type || (data?.toStageId ?? data?.stageId) !== stageId;
    });
    expect(lost).toEqual([]);

    // The subscription and every projection resume by themselves: no build parked on a connection error.
    await eventually(
      async () => {
        expect(subscriptionFailure).toBeNull();
        for (const { dealId, revision } of acknowledged) expect(seen.has(`deal-${dealId}@${revision}`)).toBe(true);
        const builds = await t.runtime.projections.status();
        expect(builds.filter((build) => build.parked)).toEqual([]);
        expect(builds.filter((build) => build.state === 'active' && build.lagEvents !== 0)).toEqual([]);
      },
      15_000,
      100,
    );
    // The read model agrees with the log for every deal the load touched.
    for (const dealId of dealIds) {
      const events = streams.get(dealId)!;
      const last = events.filter((e) => e.type === 'DealStageChanged').pop();
      const stageId = last ? (last.data as { toStageId: string }).toStageId : OPEN_STAGES[0];
      const view = await t.http().get(`/v1/deals/${dealId}`).expect(200);
      expect(view.body).toMatchObject({ dealId, stageId });
    }
    await subscription.close();
    await tail;

    expect(roundsWithVictims).toBeGreaterThanOrEqual(20);
    expect(acknowledged.length).toBeGreaterThan(0);
    process.stdout.write(
      `connection faults: ${terminated} backends terminated in ${roundsWithVictims} of ${ROUNDS} rounds; ` +
        `${acknowledged.length} commands acknowledged, ${failures.length} answered 503, none lost\n`,
    );
  }, 60_000);

  it('retries a projection batch whose connection was terminated instead of parking the build on it', async () => {
    const db = await createTestDatabase('postgres', 4);
    let terminations = 0;
    const definition: ProjectionDefinition = {
      name: 'terminated-counter',
      codeVersion: 1,
      filter: { streamCategories: ['counted'] },
      tables: ['terminated_counts'],
      createTables: ({ table }) => `CREATE TABLE ${table('terminated_counts')} (n int)`,
      apply: async (events, { tx, table }) => {
        // The first two attempts lose their connection mid-batch: the whole batch, then (old code) the single event.
        if (terminations < 2) {
          terminations++;
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }
        await tx.query(`INSERT INTO ${table('terminated_counts')} SELECT 1 FROM generate_series(1, $1)`, [events.length]);
      },
    };
    await PostgresEventStore.migrate(db.pool);
    await ProjectionEngine.migrate(db.pool);
    const store = new PostgresEventStore(db.pool);
    const engine = new ProjectionEngine(store, db.pool, [definition], { pollIntervalMs: 10, logger: () => undefined });
    try {
      await store.appendToStream('counted-1', [newEvent('Seen'), newEvent('Seen'), newEvent('Seen')]);
      await engine.start();
      await eventually(async () => {
        const { rows } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM terminated_counts');
        expect(rows[0].n).toBe('3');
      });
      expect(terminations).toBe(2);
      const [status] = await engine.status('terminated-counter');
      expect(status.parked).toBeNull();
    } finally {
      await engine.stop();
      await store.close();
      await db.close();
    }
  });
});
