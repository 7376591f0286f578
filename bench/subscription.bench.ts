// Latency from append (through the store port, as a command handler does) to delivery on the SSE endpoint
// GET /v1/streams/all, one event at a time, on PGlite and the PostgreSQL server.
// Usage: npm run bench:subscription [-- --events 300 --runs 3]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { freshDatabase, loadAverage, median, percentile, printTable, startBenchApp, writeResults, type Target } from './bench-support.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    events: { type: 'string', default: '300' },
    targets: { type: 'string', default: 'pglite,postgres' },
  },
});
const runs = Number(values.runs);
const count = Number(values.events);

const measure = async (target: Target): Promise<number[]> => {
  const app = await startBenchApp(await freshDatabase(target));
  const abort = new AbortController();
  try {
    const response = await fetch(`${app.baseUrl}/v1/streams/all`, {
      headers: { authorization: `Bearer ${app.apiKey}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`SSE: ${response.status}`);
    const waiting = new Map<string, (at: bigint) => void>();
    const reader = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body!) {
        const at = process.hrtime.bigint();
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data:'));
          if (!data) continue;
          const { id } = JSON.parse(data.slice(5)) as { id: string };
          waiting.get(id)?.(at);
        }
      }
    })().catch(() => undefined);
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const delivered = new Promise<bigint>((resolve) => waiting.set(id, resolve));
      const started = process.hrtime.bigint();
      await app.runtime.eventStore.appendToStream(`activity-${randomUUID()}`, [
        {
          id,
          type: 'PageViewed',
          data: { contactId: randomUUID(), url: 'https://example.com/pricing', title: 'Pricing', referrer: null },
          metadata: { occurredAt: '2026-01-01T00:00:00.000Z', actor: 'bench', correlationId: id, causationId: null, schemaVersion: 1, source: 'bench' },
        },
      ]);
      latencies.push(Number((await delivered) - started) / 1e6);
      waiting.delete(id);
      // Paced like commands arriving, not a burst.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    abort.abort();
    await reader;
    return latencies;
  } finally {
    abort.abort();
    await app.close();
  }
};

const rows: Record<string, string | number>[] = [];
const loads: string[] = [];
for (const target of values.targets!.split(',') as Target[]) {
  const samples: number[][] = [];
  for (let run = 0; run < runs; run++) {
    loads.push(loadAverage());
    samples.push(await measure(target));
  }
  rows.push({
    target,
    events: count,
    'p50 ms': median(samples.map((s) => percentile(s, 50))).toFixed(1),
    'p99 ms': median(samples.map((s) => percentile(s, 99))).toFixed(1),
    'max ms': Math.max(...samples.map((s) => Math.max(...s))).toFixed(1),
    'p99 runs': samples.map((s) => percentile(s, 99).toFixed(1)).join(' / '),
  });
}
printTable(rows);
console.log(`load averages: ${loads.join(' | ')}`);
console.log(`results: ${await writeResults('subscription', { runs, count, rows, loadAverages: loads })}`);
