// Writes the log to one HTTP response as Server-Sent Events. The connection reads the store a small page at a time
// (about READ_AHEAD_BYTES of frames) and the next event goes out only once the socket has taken the previous one
// (res.write() true, or 'drain'): a client that stops reading holds at most one small page and one socket buffer.
// Caught up, it waits on the api's one LogTail for the next append and reads it from there.
import type { Response } from 'express';
import type { EventFilter, EventStore, Position, RecordedEvent } from '#event-store';
import { toEnvelope } from '#webhooks';
import type { LogTail } from './log-tail.js';
import type { StreamSettings } from './stream-settings.js';

const singleLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

export const sseFrame = (event: RecordedEvent): string => {
  const envelope = toEnvelope(event);
  // JSON.stringify escapes newlines, so the envelope is one `data:` line.
  return `id: ${envelope.position}\nevent: ${singleLine(envelope.type)}\ndata: ${JSON.stringify(envelope)}\n\n`;
};

/**
 * Frame characters (bytes, for ASCII JSON) one page of the store aims at: what a stalled connection holds besides its
 * socket buffer.
 */
export const READ_AHEAD_BYTES = 64 * 1024;
const MAX_PAGE = 1_000;

/** The next page's size in events, from the frame length of the last page (small events, longer pages). */
export const nextPageSize = (frameBytes: number, events: number, current: number): number =>
  events === 0 ? current : Math.max(1, Math.min(MAX_PAGE, Math.floor(READ_AHEAD_BYTES / Math.max(1, frameBytes / events))));

type DrainOutcome = 'drained' | 'closed' | 'stalled';

export type StreamSource = Readonly<{
  store: EventStore;
  tail: LogTail;
  filter: EventFilter;
  /** Exclusive; undefined: from the start of the log. */
  from: Position | undefined;
}>;

export class EventStream {
  private closed = false;
  private readonly closing = new AbortController();
  private readonly closeWaiters = new Set<() => void>();

  constructor(
    private readonly res: Response,
    private readonly source: StreamSource,
    private readonly settings: StreamSettings,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Streams until the client leaves, the server closes it, or the client stops reading; never throws. */
  async run(): Promise<void> {
    const { res } = this;
    res.once('close', () => this.markClosed());
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.write(': connected\n\n');
    const heartbeat = setInterval(() => {
      // A full socket is not idle: a heartbeat there would only add to what the client has not read.
      if (!this.closed && !res.writableEnded && !res.writableNeedDrain) res.write(': heartbeat\n\n');
    }, this.settings.heartbeatMs);
    try {
      await this.pump();
    } catch (error) {
      this.onError(error);
      // The client reconnects with Last-Event-ID and loses nothing.
      this.cut('the server could not read the event log; reconnect to continue');
    } finally {
      clearInterval(heartbeat);
      if (!res.writableEnded) res.end();
    }
  }

  /** Ends the stream from the server's side (shutdown). */
  close(reason: string): void {
    this.cut(reason);
    this.markClosed();
  }

  private async pump(): Promise<void> {
    const { store, tail, filter } = this.source;
    let after = this.source.from;
    let pageSize = 16;
    while (!this.closed) {
      const mark = tail.mark();
      // A stream that has caught up takes the newest events from the tail; one further behind reads the store.
      let page = tail.readAfter(after, filter, pageSize);
      if (page === null) {
        page = [];
        for await (const event of store.readAll({ fromPosition: after, maxCount: pageSize, filter })) page.push(event);
      }
      let frameBytes = 0;
      for (const event of page) {
        if (this.closed) return;
        const frame = sseFrame(event);
        frameBytes += frame.length;
        after = event.position;
        if (this.res.write(frame)) continue;
        const outcome = await this.drained();
        if (outcome === 'closed') return;
        if (outcome === 'stalled') {
          this.cut(`the client read nothing for ${this.settings.stallTimeoutMs} ms`);
          return;
        }
      }
      const caughtUp = page.length < pageSize;
      pageSize = nextPageSize(frameBytes, page.length, pageSize);
      // Looks again after a heartbeat's time even without a wake-up, in case the tail cannot read the log.
      if (caughtUp) await tail.wait(mark, this.settings.heartbeatMs, this.closing.signal);
    }
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.closeWaiters) wake();
    this.closeWaiters.clear();
    // Wakes a stream waiting for new events, so the loop ends at once.
    this.closing.abort();
  }

  private drained(): Promise<DrainOutcome> {
    if (this.closed) return Promise.resolve('closed');
    return new Promise((resolve) => {
      const finish = (outcome: DrainOutcome) => {
        clearTimeout(timer);
        this.res.off('drain', onDrain);
        this.closeWaiters.delete(onClose);
        resolve(outcome);
      };
      const onDrain = () => finish('drained');
      const onClose = () => finish('closed');
      const timer = setTimeout(() => finish('stalled'), this.settings.stallTimeoutMs);
      this.res.once('drain', onDrain);
      this.closeWaiters.add(onClose);
    });
  }

  /** A last comment giving the reason, then the end; a client that still does not read is dropped shortly after. */
  private cut(reason: string): void {
    const { res } = this;
    if (res.writableEnded || this.closed) return;
    res.end(`: closing: ${singleLine(reason)}\n\n`);
    const drop = setTimeout(() => res.destroy(), Math.min(this.settings.stallTimeoutMs, 5_000));
    drop.unref();
    res.once('close', () => clearTimeout(drop));
  }
}
