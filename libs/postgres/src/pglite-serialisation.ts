// PGlite runs one session; @electric-sql/pglite-socket (0.2.17) shares it between connections and keeps a
// transaction to its connection, but between transactions it interleaves connections message by message. The
// extended query protocol (Parse, Bind, Execute, Sync) then mixes two clients' statements and portals ("portal
// does not exist", another query's rows). This replaces the queue's scheduler on our server instance so that a
// connection also keeps the session from its first message of a query to its Sync (or a simple Query), and so
// that a failed message no longer stalls the queue. Pinned to the library version; test/… specs cover it.
import type { PGlite } from '@electric-sql/pglite';

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  db: PGlite;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

// A message that leaves the session free for another connection: the end of a query, or a startup packet (whose
// first byte is the high byte of its length, 0).
const endsUnit = (message: Uint8Array): boolean =>
  message[0] === SYNC || message[0] === SIMPLE_QUERY || message[0] === TERMINATE || message[0] === 0;

export const serialiseByConnection = (server: unknown): void => {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== 'function') {
    throw new Error('@electric-sql/pglite-socket changed: the connection serialisation patch no longer applies');
  }
  let midQuery = false;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.lastHandlerId;
        const locked = owner !== null && (midQuery || this.db.isInTransaction());
        const index = locked ? this.queue.findIndex((m) => m.handlerId === owner) : 0;
        if (index === -1) break; // the owner's next message will restart the queue
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          midQuery = false;
          this.lastHandlerId = item.handlerId;
          item.reject(error);
          continue;
        }
        midQuery = !endsUnit(item.message);
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async function (this: QueryQueue, handlerId: number) {
    // A connection that went away mid-query must not keep the session.
    if (this.lastHandlerId === handlerId && midQuery && !this.db.isInTransaction()) {
      midQuery = false;
      this.lastHandlerId = null;
      await this.processQueue();
      return;
    }
    await clear(handlerId);
  };
};
