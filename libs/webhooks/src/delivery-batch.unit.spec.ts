import { position, type RecordedEvent } from '#event-store';
import { isDeliverableUrl, isEventTypePattern, subscriptionFilter, takeBatch } from './delivery-batch.js';

const event = (n: number, data: unknown = { n }): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'DealCreated',
  streamName: `deal-${n}`,
  revision: 0,
  position: position(BigInt(n * 10)),
  data,
  metadata: {
    occurredAt: '2026-01-15T10:00:00.000Z',
    recordedAt: '2026-01-15T10:00:01.000Z',
    actor: 'test',
    correlationId: 'c',
    causationId: null,
    schemaVersion: 1,
    source: 'test',
  },
});

const events = (count: number, data?: unknown) => Array.from({ length: count }, (_, i) => event(i + 1, data));

describe('delivery batches', () => {
  it('takes up to maxEvents, in log order, as the body {subscriptionId, events: [envelopes]}', () => {
    const batch = takeBatch('sub-1', events(250), { maxEvents: 100, maxBytes: 10_000_000 });
    expect(batch.events).toHaveLength(100);
    const body = JSON.parse(batch.body);
    expect(body.subscriptionId).toBe('sub-1');
    expect(body.events.map((e: { position: string }) => e.position)).toEqual(events(100).map((e) => e.position.commit.toString()));
    expect(body.events[0]).toEqual({
      id: event(1).id,
      type: 'DealCreated',
      stream: 'deal-1',
      revision: 0,
      position: '10',
      occurredAt: '2026-01-15T10:00:00.000Z',
      data: { n: 1 },
      metadata: event(1).metadata,
    });
  });

  it('stops before the event that would take the body past maxBytes', () => {
    const big = { text: 'x'.repeat(1_000) };
    const batch = takeBatch('sub-1', events(50, big), { maxEvents: 100, maxBytes: 5_000 });
    expect(Buffer.byteLength(batch.body)).toBeLessThanOrEqual(5_000);
    expect(batch.events.length).toBeGreaterThan(1);
    const oneMore = takeBatch('sub-1', events(batch.events.length + 1, big), { maxEvents: 100, maxBytes: 1_000_000 });
    expect(Buffer.byteLength(oneMore.body)).toBeGreaterThan(5_000);
    expect(JSON.parse(batch.body).events).toHaveLength(batch.events.length);
  });

  it('still sends an event larger than maxBytes, alone, rather than skip it', () => {
    const batch = takeBatch('sub-1', events(3, { text: 'x'.repeat(10_000) }), { maxEvents: 100, maxBytes: 1_000 });
    expect(batch.events.map((e) => e.id)).toEqual([event(1).id]);
  });

  it('turns event-type patterns into a store filter: exact types, prefixes ending in *, or * for all', () => {
    expect(subscriptionFilter(['DealCreated', 'Ticket*'])).toEqual({ eventTypes: ['DealCreated'], eventTypePrefixes: ['Ticket'] });
    expect(subscriptionFilter(['*', 'DealCreated'])).toEqual({});
    expect(['DealCreated', 'Deal*', '*'].every(isEventTypePattern)).toBe(true);
    expect(['', 'Deal**', '*Deal', 'deal-1', 'Deal Created'].some(isEventTypePattern)).toBe(false);
  });

  it('delivers to http and https URLs only', () => {
    expect(isDeliverableUrl('https://example.com/hooks')).toBe(true);
    expect(isDeliverableUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(['file:///etc/passwd', 'ftp://example.com', 'data:text/plain,x', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.com/'].some(isDeliverableUrl)).toBe(false);
  });
});
