// A delivery loop that found nothing idles for its poll interval; poke() (called for an append in this process, or
// for another process's append announced by NOTIFY, see #runtime appendsElsewhere) makes it look at once.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { newEvent } from '#test/support/events';
import { eventually, openTestStore, type TestStore } from '#test/support/test-database';
import { Leases } from '#postgres';
import { createOutboundFetch } from './outbound.js';
import { WebhookSubscriptions } from './webhook-subscriptions.js';
import { WebhookWorker } from './webhook-worker.js';

/** Longer than the spec: only a poke can make the worker look again. */
const POLL_MS = 600_000;

describe('webhook worker wake-up', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await openTestStore();
    await WebhookSubscriptions.migrate(opened.db.pool);
    await Leases.migrate(opened.db.pool);
  });
  afterAll(() => opened.close());

  it('an idle subscription delivers an append as soon as the worker is poked', async () => {
    const { store, db } = opened;
    const received: string[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: { id: string }[] }).events.map((e) => e.id));
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const worker = new WebhookWorker(store, db.pool, { pollIntervalMs: POLL_MS, fetch: createOutboundFetch('allow') });
    try {
      // Something in the log already, so the idle loop records that it looked up to the head.
      await store.appendToStream(`wakehook-${randomUUID()}`, [newEvent('WakeHookIgnored')]);
      const subscriptions = new WebhookSubscriptions(db.pool);
      const { id } = await subscriptions.create({ id: randomUUID(), url, eventTypes: ['WakeHookNoted'], secret: 'a-secret-of-the-wake-spec', position: null });
      await worker.start();
      const head = await store.headPosition();
      await eventually(async () => expect((await subscriptions.get(id))?.position).toBe(head!.commit.toString()));

      const event = newEvent('WakeHookNoted');
      await store.appendToStream(`wakehook-${randomUUID()}`, [event]);
      worker.poke();
      await eventually(() => expect(received).toEqual([event.id]), 20_000);
    } finally {
      await worker.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
