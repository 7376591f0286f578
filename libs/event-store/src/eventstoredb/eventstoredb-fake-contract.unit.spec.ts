// The shared contract, here on the adapter over the real client and an in-memory server (no EventStoreDB runs
// here); test/contract/eventstoredb-event-store.int.spec.ts runs it against a live server.
import { eventStoreContract } from '#test/contract/event-store.contract';
import { EventStoreDBEventStore } from './eventstoredb-event-store.js';
import { FakeEventStoreDB } from './fake-eventstoredb.spec-helper.js';

eventStoreContract('EventStoreDB adapter over a fake server', async () => {
  const store = new EventStoreDBEventStore(new FakeEventStoreDB().client(), { ownsClient: true });
  return { store, close: () => store.close() };
});
