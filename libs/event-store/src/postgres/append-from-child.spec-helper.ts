// Another process that appends: append-listener.int.spec.ts runs this as a child (node + the TypeScript hooks),
// so a wake-up is proved across a real process boundary. Arguments: the database URL and the stream to append to.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore } from './postgres-event-store.js';

const [url, streamName] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 1 });
const store = new PostgresEventStore(pool);
const result = await store.appendToStream(streamName, [
  {
    id: randomUUID(),
    type: 'ChildProcessAppended',
    data: { pid: process.pid },
    metadata: {
      occurredAt: new Date().toISOString(),
      actor: 'test',
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
      source: 'test',
    },
  },
]);
process.stdout.write(`appended ${result.position.commit} from pid ${process.pid}\n`);
// The append answered before its NOTIFY went out: closing the store sends it before the pool goes.
await store.close();
await pool.end();
