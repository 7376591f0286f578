// Runs only against a live server: EVENTSTORE_URL=esdb://localhost:2113?tls=false (README: "Running the contract
// suite against EventStoreDB" starts one).
// Without it jest reports every test here as skipped. The server's log is shared between runs, so the contract
// works on fresh streams and from the head position rather than on an empty log.
import { EventStoreDBClient } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { EventStoreDBEventStore } from '#event-store/eventstoredb';
import { collect, newEvent } from '#test/support/events';
import { eventStoreContract } from './event-store.contract.js';

const url = process.env.EVENTSTORE_URL;

const open = async () => {
  if (!url) throw new Error('EVENTSTORE_URL is not set');
  const store = EventStoreDBEventStore.fromConnectionString(url);
  return { store, close: () => store.close() };
};

(url ? describe : describe.skip)('EventStoreDB adapter', () => {
  eventStoreContract('EventStoreDB adapter', open);

  describe('what other EventStoreDB clients see', () => {
    let store: EventStoreDBEventStore;
    let client: EventStoreDBClient;

    beforeAll(async () => {
      store = (await open()).store;
      client = EventStoreDBClient.connectionString(url ?? '');
    });
    afterAll(async () => {
      await store?.close();
      await client?.dispose();
    });

    it('stores data and our metadata as JSON under our event id and type', async () => {
      const stream = `contact-${randomUUID()}`;
      const event = newEvent('ContactCreated', { email: 'ada@example.com' }, { actor: 'owner:7' });
      await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });

      const raw = (await collect(client.readStream(stream))).map((resolved) => resolved.event);
      expect(raw).toHaveLength(1);
      expect(raw[0]).toMatchObject({ id: event.id, type: 'ContactCreated', isJson: true, data: event.data });
      expect(raw[0]?.metadata).toEqual(event.metadata);
    });
  });
});
