// The crash window of an idempotent command, made deterministic: a first api runs over a store that, once the
// command's append has committed, never returns (as if the process died there: nothing after the append runs, the
// answer is never stored). That api is then shut and its state discarded; a second api over the same database
// takes the client's re-send. A real SIGKILL would land at a random point; this lands exactly in the window.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '#api/app';
import { CommandExecutor, UpcastingEventStore, randomIds } from '#application';
import { loadConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { contactStream } from '#domain/contact';
import { dealDecider, dealStream } from '#domain/deal';
import { uniqueValueStream } from '#domain/unique-value';
import { formatPosition, type AppendOptions, type EventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { openRuntime, type Runtime } from '#runtime';
import { collect } from '#test/support/events';
import { createTestDatabase, type TestDatabase } from '#test/support/test-database';
import { ALL_PROJECTIONS } from '#projections';

type Api = Readonly<{ app: NestExpressApplication; runtime: Runtime }>;

/** What the test does to the next append on a stream: lose a race first, then die after the commit, or fail. */
type Fault = Readonly<{
  /** The stream, or the start of its name (`contact-` for any contact). */
  stream: string;
  /** Another writer's command, committed just before the first attempt's append (which then loses the race). */
  raceWith?: (inner: EventStore) => Promise<unknown>;
  /** After this many appends to the stream have committed, the process "dies": the append never returns. */
  dieAfterCommits?: number;
  /** The append to the stream fails as a database error would, writing nothing. */
  fail?: boolean;
}>;

/** Wraps a store with faults armed by the test; everything else passes through. */
class FaultyStore implements EventStore {
  private fault: Fault | undefined;
  private commits = 0;
  private died: () => void = () => undefined;

  constructor(private readonly inner: EventStore) {}

  /** Arms `fault`; resolves when the process "died" (only for dieAfterCommits). */
  arm(fault: Fault): Promise<void> {
    this.fault = fault;
    this.commits = 0;
    return new Promise((resolve) => (this.died = resolve));
  }

  async appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions) {
    const fault = this.fault;
    if (!fault || !streamName.startsWith(fault.stream)) return this.inner.appendToStream(streamName, events, options);
    if (fault.fail) {
      this.fault = undefined;
      throw new Error('unsupported Unicode escape sequence');
    }
    if (fault.raceWith) {
      this.fault = { ...fault, raceWith: undefined };
      await fault.raceWith(this.inner);
    }
    const result = await this.inner.appendToStream(streamName, events, options);
    if (++this.commits === fault.dieAfterCommits) {
      this.fault = undefined;
      this.died();
      return new Promise<never>(() => undefined);
    }
    return result;
  }

  readStream: EventStore['readStream'] = (streamName, options) => this.inner.readStream(streamName, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}

describe('idempotency and unique-value claims across crashes and failed appends', () => {
  const pepper = randomBytes(32);
  let db: TestDatabase;
  let secret: string;

  const open = async (wrap?: (store: EventStore) => EventStore): Promise<Api> => {
    const runtime = await openRuntime(loadConfig({ TALLY_RATE_LIMIT: '1000000' }), ALL_PROJECTIONS, { database: db, engine: { pollIntervalMs: 20 }, authPepper: pepper });
    const served = wrap ? { ...runtime, eventStore: new UpcastingEventStore(wrap(runtime.eventStore.inner), eventCatalog) } : runtime;
    const app = await createApp(served, { logger: false });
    await app.init();
    return { app, runtime };
  };
  const openFaulty = async (): Promise<Api & { faulty: FaultyStore }> => {
    let faulty: FaultyStore | undefined;
    const api = await open((store) => (faulty = new FaultyStore(store)));
    return { ...api, faulty: faulty! };
  };
  const as = (api: Api) => request.agent(api.app.getHttpServer()).set('Authorization', `Bearer ${secret}`);
  let streamOf: (stream: string) => Promise<RecordedEvent[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const setup = await open();
    secret = (await setup.runtime.apiKeys.create('crash test', 'super-admin', 'test')).secret;
    streamOf = (stream) => collect(setup.runtime.eventStore.readStream(stream));
    await setup.app.close();
  });
  afterAll(async () => {
    await db.close();
  });

  /** Sends a request to `api` and, once the process "died", drops the connection and shuts the api: a crash. */
  const crashDuring = async (api: Api, died: Promise<void>, send: (base: string) => Promise<Response>): Promise<void> => {
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const sent = send(`http://127.0.0.1:${port}`).then(
      () => 'answered',
      () => 'dropped',
    );
    await died;
    api.app.getHttpServer().closeAllConnections();
    expect(await sent).toBe('dropped');
    await api.app.close();
  };

  it('does not move a deal back when a command whose first attempt lost a race is sent again', async () => {
    const first = await openFaulty();
    const created = await as(first).post('/v1/deals').send({ name: 'Acme', amount: 1200, currency: 'USD', closeDate: '2026-06-30' }).expect(201);
    const dealId: string = created.body.id;
    const stream = dealStream(dealId);
    const move = { stageId: 'qualifiedtobuy' };
    const headers = { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'move-acme-1' };

    // Someone renames the deal just before the move's first append, so the executor retries; the retry commits and
    // then the process dies before the answer is stored.
    const rename = (inner: EventStore) =>
      new CommandExecutor(inner, eventCatalog).execute(stream, dealDecider, { type: 'RenameDeal', data: { dealId, name: 'Acme Corp' }, metadata: { now: new Date().toISOString() } }, {
        actor: 'key:other',
        correlationId: randomUUID(),
        causationId: null,
        now: new Date().toISOString(),
        source: 'test',
        ids: randomIds(),
      });
    const died = first.faulty.arm({ stream, raceWith: rename, dieAfterCommits: 1 });
    await crashDuring(first, died, (base) => fetch(`${base}/v1/deals/${dealId}/stage`, { method: 'PUT', headers, body: JSON.stringify(move) }));
    expect((await streamOf(stream)).map((e) => e.type)).toEqual(['DealCreated', 'DealRenamed', 'DealStageChanged']);

    // The restarted api: the deal moves on, then the client's re-send of the first move arrives.
    const second = await open();
    try {
      await as(second).put(`/v1/deals/${dealId}/stage`).send({ stageId: 'presentationscheduled' }).expect(200);
      const resent = await as(second).put(`/v1/deals/${dealId}/stage`).set('Idempotency-Key', 'move-acme-1').send(move).expect(200);

      const events = await streamOf(stream);
      const stage = (data: unknown) => (data as { toStageId?: string }).toStageId;
      expect(events.map((e) => [e.type, stage(e.data)])).toEqual([
        ['DealCreated', undefined],
        ['DealRenamed', undefined],
        ['DealStageChanged', 'qualifiedtobuy'],
        ['DealStageChanged', 'presentationscheduled'],
      ]);
      // The answer the client never got, rebuilt from the stored move (no stored answer existed to replay).
      expect(resent.headers['idempotent-replayed']).toBeUndefined();
      expect(resent.body).toEqual({ id: dealId, revision: 2, position: expect.any(String), events: ['DealStageChanged'] });
      expect(resent.body.position).toBe(formatPosition(events[2].position));
    } finally {
      await second.app.close();
    }
  });

  it('treats one key sent on two routes as two commands, never a replay of the other', async () => {
    const api = await open();
    try {
      const dealId: string = (await as(api).post('/v1/deals').send({ name: 'Initech', amount: 500, currency: 'USD' }).expect(201)).body.id;
      await as(api).patch(`/v1/deals/${dealId}`).set('Idempotency-Key', 'initech-1').send({ amount: 700 }).expect(200);
      const moved = await as(api).put(`/v1/deals/${dealId}/stage`).set('Idempotency-Key', 'initech-1').send({ stageId: 'qualifiedtobuy' }).expect(200);
      expect(moved.body.events).toEqual(['DealStageChanged']);
      expect((await streamOf(dealStream(dealId))).map((e) => e.type)).toEqual(['DealCreated', 'DealAmountChanged', 'DealStageChanged']);
    } finally {
      await api.app.close();
    }
  });

  describe('claims', () => {
    const holderOf = async (kind: 'contact-email' | 'company-domain', value: string): Promise<string | null> => {
      const events = await streamOf(uniqueValueStream(kind, value));
      const last = events.at(-1);
      return last?.type === 'UniqueValueClaimed' ? (last.data as { ownerId: string }).ownerId : null;
    };

    it('gives an email back when the create fails after the claim, so the next create of it succeeds', async () => {
      const api = await openFaulty();
      try {
        void api.faulty.arm({ stream: 'contact-', fail: true });
        await as(api).post('/v1/contacts').send({ email: 'orphan@example.com', source: 'api' }).expect(500);
        expect(await holderOf('contact-email', 'orphan@example.com')).toBeNull();

        const created = await as(api).post('/v1/contacts').send({ email: 'Orphan@example.com', source: 'api' }).expect(201);
        expect(await holderOf('contact-email', 'orphan@example.com')).toBe(created.body.id);
      } finally {
        await api.app.close();
      }
    });

    it('gives a domain back when the company create fails after the claim', async () => {
      const api = await openFaulty();
      try {
        void api.faulty.arm({ stream: 'company-', fail: true });
        await as(api).post('/v1/companies').send({ name: 'Globex', domain: 'globex.example' }).expect(500);
        const created = await as(api).post('/v1/companies').send({ name: 'Globex', domain: 'globex.example' }).expect(201);
        expect(await holderOf('company-domain', 'globex.example')).toBe(created.body.id);
      } finally {
        await api.app.close();
      }
    });

    it('claims again on a re-send whose first try failed and gave the email back', async () => {
      const api = await openFaulty();
      try {
        void api.faulty.arm({ stream: 'contact-', fail: true });
        await as(api).post('/v1/contacts').set('Idempotency-Key', 'hopper-1').send({ email: 'hopper@example.com', source: 'api' }).expect(500);
        const created = await as(api).post('/v1/contacts').set('Idempotency-Key', 'hopper-1').send({ email: 'hopper@example.com', source: 'api' }).expect(201);
        expect(await holderOf('contact-email', 'hopper@example.com')).toBe(created.body.id);
        await as(api).post('/v1/contacts').send({ email: 'hopper@example.com', source: 'api' }).expect(409);
      } finally {
        await api.app.close();
      }
    });

    it('leaves no claim behind when a re-sent create finds its contact has since changed email', async () => {
      const first = await openFaulty();
      const died = first.faulty.arm({ stream: 'contact-', dieAfterCommits: 1 });
      const headers = { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'kay-1' };
      const body = JSON.stringify({ email: 'kay@example.com', source: 'api' });
      await crashDuring(first, died, (base) => fetch(`${base}/v1/contacts`, { method: 'POST', headers, body }));
      const kay = (await holderOf('contact-email', 'kay@example.com'))!;
      expect((await streamOf(contactStream(kay))).map((e) => e.type)).toEqual(['ContactCreated']);

      const second = await open();
      try {
        await as(second).patch(`/v1/contacts/${kay}`).send({ email: 'kay@elsewhere.example' }).expect(200);
        const resent = await as(second).post('/v1/contacts').set('Idempotency-Key', 'kay-1').send({ email: 'kay@example.com', source: 'api' }).expect(201);
        expect(resent.body).toMatchObject({ id: kay, revision: 0, events: ['ContactCreated'] });
        expect(await holderOf('contact-email', 'kay@example.com')).toBeNull();
        expect(await holderOf('contact-email', 'kay@elsewhere.example')).toBe(kay);
        await as(second).post('/v1/contacts').send({ email: 'kay@example.com', source: 'api' }).expect(201);
      } finally {
        await second.app.close();
      }
    });
  });
});
