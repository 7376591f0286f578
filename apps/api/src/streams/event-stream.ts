// Writes a subscription to one HTTP response as Server-Sent Events. The next event is pulled only once the socket
// has taken the previous one (res.write() true, or 'drain'), so a slow client slows its own reads and the server
// holds at most one socket buffer and one store page per connection.
import type { Response } from 'express';
import type { EventSubscription, RecordedEvent } from '../../../../libs/event-store/src/index.js';
import { toEnvelope } from '../../../../libs/webhooks/src/index.js';
import type { StreamSettings } from './stream-settings.js';

const singleLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

export const sseFrame = (event: RecordedEvent): string => {
  const envelope = toEnvelope(event);
  // JSON.stringify escapes newlines, so the envelope is one `data:` line.
  return `id: ${envelope.position}\nevent: ${singleLine(envelope.type)}\ndata: ${JSON.stringify(envelope)}\n\n`;
};

type DrainOutcome = 'drained' | 'closed' | 'stalled';

export class EventStream {
  private closed = false;
  private readonly closeWaiters = new Set<() => void>();

  constructor(
    private readonly res: Response,
    private readonly subscription: EventSubscription,
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
      if (!this.closed && !res.writableNeedDrain) res.write(': heartbeat\n\n');
    }, this.settings.heartbeatMs);
    try {
      for await (const event of this.subscription) {
        if (this.closed) break;
        if (res.write(sseFrame(event))) continue;
        const outcome = await this.drained();
        if (outcome === 'closed') break;
        if (outcome === 'stalled') {
          this.cut(`the client read nothing for ${this.settings.stallTimeoutMs} ms`);
          break;
        }
      }
    } catch (error) {
      this.onError(error);
      // The client reconnects with Last-Event-ID and loses nothing.
      this.cut('the server could not read the event log; reconnect to continue');
    } finally {
      clearInterval(heartbeat);
      await this.subscription.close();
      if (!res.writableEnded) res.end();
    }
  }

  /** Ends the stream from the server's side (shutdown). */
  async close(reason: string): Promise<void> {
    this.cut(reason);
    await this.subscription.close();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const wake of this.closeWaiters) wake();
    this.closeWaiters.clear();
    // Wakes a subscription waiting for new events, so the loop ends at once.
    void this.subscription.close();
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
