// The cost of crypto-shredding (issue #22): append and replay (readAll) events/s and CPU µs per event, plain
// PostgresEventStore against the EncryptingEventStore over it, back to back in one run, each side on its own fresh
// in-memory PGlite (so CPU per event includes the database's work).
// Usage: npm run bench:encryption [-- --contacts 2000 --rounds 3]
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PostgresEventStore, type EventStore, type NewEvent } from '#event-store';
import { openDatabase } from '#postgres';
import { DataKeyStore, EncryptingEventStore, LocalMasterKey, MasterKeyRing } from '#privacy';

const { values } = parseArgs({ options: { contacts: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' } } });
const contacts = Number(values.contacts);
const rounds = Number(values.rounds);

const metadata = (schemaVersion: number): NewEvent['metadata'] => ({
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: 'bench',
  correlationId: randomUUID(),
  causationId: null,
  schemaVersion,
  source: 'bench',
});

/** Per contact: its creation, two form submissions, two page views (no personal data: the common case in replay). */
const historyOf = (contactId: string, i: number): NewEvent[] => [
  {
    id: randomUUID(),
    type: 'ContactCreated',
    data: { contactId, email: `person${i}@example.com`, firstName: `First${i}`, lastName: `Last${i}`, phone: `+1 555 ${String(i).padStart(4, '0')}`, jobTitle: 'Engineer', country: 'US', companyId: null, ownerId: null, properties: {}, source: 'import', marketingStatus: 'marketing', lifecycleStage: 'lead' },
    metadata: metadata(2),
  },
  ...[1, 2].map((n) => ({ id: randomUUID(), type: 'FormSubmitted', data: { contactId, formId: 'demo', fields: { email: `person${i}@example.com`, message: `request ${n}` }, pageUrl: null }, metadata: metadata(2) })),
  ...[1, 2].map((n) => ({ id: randomUUID(), type: 'PageViewed', data: { contactId, url: `https://example.com/p${n}`, title: null, referrer: null }, metadata: metadata(1) })),
];

type Sample = { appendPerS: number; appendCpuUs: number; replayPerS: number; replayCpuUs: number };

const measure = async (encrypted: boolean): Promise<Sample> => {
  const db = await openDatabase({ kind: 'embedded', dataDir: null });
  try {
    await PostgresEventStore.migrate(db.pool);
    await DataKeyStore.migrate(db.pool);
    const raw = new PostgresEventStore(db.pool);
    const store: EventStore = encrypted ? new EncryptingEventStore(raw, new DataKeyStore(db.pool, new MasterKeyRing(new LocalMasterKey(randomBytes(32))))) : raw;
    const histories = Array.from({ length: contacts }, (_, i) => historyOf(randomUUID(), i));
    const events = histories.reduce((n, h) => n + h.length, 0);
    let cpu = process.cpuUsage();
    let started = process.hrtime.bigint();
    // One append per contact stream: the command path (the import path batches many streams).
    for (const history of histories) {
      const contactId = (history[0].data as { contactId: string }).contactId;
      await store.appendToStream(`contact-${contactId}`, history);
    }
    const appendS = Number(process.hrtime.bigint() - started) / 1e9;
    const appendCpu = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    started = process.hrtime.bigint();
    let read = 0;
    for await (const _event of store.readAll()) read++;
    const replayS = Number(process.hrtime.bigint() - started) / 1e9;
    const replayCpu = process.cpuUsage(cpu);
    if (read !== events) throw new Error(`read ${read} of ${events} events`);
    return {
      appendPerS: events / appendS,
      appendCpuUs: (appendCpu.user + appendCpu.system) / events,
      replayPerS: events / replayS,
      replayCpuUs: (replayCpu.user + replayCpu.system) / events,
    };
  } finally {
    await db.close();
  }
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { plain: [] as Sample[], encrypted: [] as Sample[] };
for (let round = 0; round < rounds; round++) {
  // Alternated so load from other processes falls on both sides alike.
  results.plain.push(await measure(false));
  results.encrypted.push(await measure(true));
}
console.log(`${contacts} contacts, ${contacts * 5} events (40% with personal fields), ${rounds} rounds, median; CPU includes in-process PGlite`);
console.log('side        append ev/s  append CPU µs/ev  replay ev/s  replay CPU µs/ev');
for (const [side, samples] of Object.entries(results)) {
  const m = (key: keyof Sample) => median(samples.map((s) => s[key]));
  console.log(
    `${side.padEnd(10)}  ${m('appendPerS').toFixed(0).padStart(11)}  ${m('appendCpuUs').toFixed(1).padStart(16)}  ${m('replayPerS').toFixed(0).padStart(11)}  ${m('replayCpuUs').toFixed(1).padStart(16)}`,
  );
}
