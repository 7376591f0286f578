import { CancelledError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { InvalidAppend } from '../errors.js';
import type { NewEvent } from '../event-store.port.js';
import { position, START } from '../position.js';
import {
  appendSizeOf,
  assertAppendable,
  fromCurrentRevision,
  fromResolvedEvent,
  isTransientError,
  judgeBatch,
  narrowsEvents,
  splitBySize,
  toEventData,
  toExpectedRevision,
  toReadPosition,
  toServerFilter,
  UnmappableEvent,
  type EventStoreDBRecordedEvent,
} from './eventstoredb-mapping.js';

const newEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  id: '0b6a1c0e-8c1f-4a4e-9d57-3f1f6c2f5a10',
  type: 'DealStageChanged',
  data: { dealId: 'deal-1', stage: 'won', amounts: [1, 2.5], note: 'Zoë 😀' },
  metadata: {
    occurredAt: '2019-03-01T08:30:00.000Z',
    actor: 'owner:42',
    correlationId: 'c0a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a7b',
    causationId: null,
    schemaVersion: 2,
    source: 'import',
  },
  ...overrides,
});

// What the client hands back for a stored JSON event: data and metadata parsed from the JSON it sent.
const stored = (event: NewEvent, overrides: Partial<EventStoreDBRecordedEvent> = {}): EventStoreDBRecordedEvent => {
  const sent = toEventData(event);
  return {
    streamId: 'deal-1',
    id: sent.id,
    type: sent.type,
    revision: 3n,
    created: new Date('2026-02-03T04:05:06.789Z'),
    isJson: true,
    data: JSON.parse(JSON.stringify(sent.data)),
    metadata: JSON.parse(JSON.stringify(sent.metadata)),
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  };
};

describe('EventStoreDB mapping', () => {
  describe('appending', () => {
    it('sends a JSON event with our id, type, data, and metadata without recordedAt', () => {
      const event = newEvent();
      const sent = toEventData(event);

      expect(sent).toMatchObject({ id: event.id, type: 'DealStageChanged', contentType: 'application/json' });
      expect(sent.data).toEqual(event.data);
      expect(sent.metadata).toEqual(event.metadata);
      expect(sent.metadata).not.toHaveProperty('recordedAt');
    });

    it('sends absent data as JSON null', () => {
      expect(toEventData(newEvent({ data: undefined })).data).toBeNull();
    });

    it('maps every expected revision to the client', () => {
      expect(toExpectedRevision('any')).toBe('any');
      expect(toExpectedRevision('no_stream')).toBe('no_stream');
      expect(toExpectedRevision('stream_exists')).toBe('stream_exists');
      expect(toExpectedRevision(7)).toBe(7n);
    });

    it('reports the actual revision of a refused append as a number or no_stream', () => {
      expect(fromCurrentRevision(4n)).toBe(4);
      expect(fromCurrentRevision('no_stream')).toBe('no_stream');
      expect(fromCurrentRevision(-1n)).toBe('no_stream');
    });

    it('refuses what the PostgreSQL adapter refuses, before any call', () => {
      const event = newEvent();
      expect(() => assertAppendable('', [event], 'any')).toThrow(InvalidAppend);
      expect(() => assertAppendable('deal-1', [], 'any')).toThrow(InvalidAppend);
      expect(() => assertAppendable('deal-1', [newEvent({ id: 'not-a-uuid' })], 'any')).toThrow(InvalidAppend);
      expect(() => assertAppendable('deal-1', [event, event], 'any')).toThrow(/appears twice/);
      expect(() => assertAppendable('deal-1', [newEvent({ type: '' })], 'any')).toThrow(InvalidAppend);
      expect(() => assertAppendable('deal-1', [event], -1)).toThrow(/not a revision/);
      expect(() => assertAppendable('deal-1', [event], 1.5)).toThrow(/not a revision/);
      expect(() => assertAppendable('deal-1', [event], 0)).not.toThrow();
    });
  });

  describe('reading', () => {
    it('round-trips an appended event into our envelope, recordedAt from the server time', () => {
      const event = newEvent();
      const recorded = fromResolvedEvent({ event: stored(event) });

      expect(recorded).toEqual({
        id: event.id,
        type: event.type,
        streamName: 'deal-1',
        revision: 3,
        position: position(4096n),
        data: event.data,
        metadata: { ...event.metadata, recordedAt: '2026-02-03T04:05:06.789Z' },
      });
    });

    it('keeps commit and prepare apart when the server gives two', () => {
      const recorded = fromResolvedEvent({ event: stored(newEvent(), { position: { commit: 900n, prepare: 880n } }) });
      expect(recorded?.position).toEqual({ commit: 900n, prepare: 880n });
    });

    it('skips system events and dangling links', () => {
      const event = newEvent();
      expect(fromResolvedEvent({ event: stored(event, { type: '$metadata' }) })).toBeNull();
      expect(fromResolvedEvent({ event: stored(event, { streamId: '$stats-127.0.0.1:2113' }) })).toBeNull();
      expect(fromResolvedEvent({})).toBeNull();
    });

    it('applies the whole filter: category, exact type, type prefix', () => {
      const event = newEvent();
      const deal = { event: stored(event, { streamId: 'deal-9', type: 'DealCreated' }) };
      const dealer = { event: stored(event, { streamId: 'dealer-9', type: 'DealCreated' }) };
      const viewed = { event: stored(event, { streamId: 'contact-1', type: 'PageViewed' }) };
      const viewedTwice = { event: stored(event, { streamId: 'contact-1', type: 'PageViewedTwice' }) };

      expect(fromResolvedEvent(deal, { streamCategories: ['deal'] })).not.toBeNull();
      expect(fromResolvedEvent(dealer, { streamCategories: ['deal'] })).toBeNull();
      const typed = { eventTypes: ['PageViewed'], eventTypePrefixes: ['Deal'] };
      expect(fromResolvedEvent(viewed, typed)).not.toBeNull();
      expect(fromResolvedEvent(viewedTwice, typed)).toBeNull();
      expect(fromResolvedEvent(deal, typed)).not.toBeNull();
    });

    it('refuses to guess at events Tally cannot read', () => {
      const event = newEvent();
      expect(() => fromResolvedEvent({ event: stored(event, { isJson: false }) })).toThrow(UnmappableEvent);
      expect(() => fromResolvedEvent({ event: stored(event, { metadata: { $correlationId: 'x' } }) })).toThrow(
        /not a Tally envelope/,
      );
      expect(() => fromResolvedEvent({ event: stored(event, { position: undefined }) })).toThrow(/no \$all position/);
      const unknown = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
      expect(() => fromResolvedEvent({ event: stored(event, { position: unknown }) })).toThrow(UnmappableEvent);
    });
  });

  describe('positions and filters', () => {
    it('starts reads at the start for an omitted position or our START sentinel, else exactly where asked', () => {
      expect(toReadPosition()).toBe('start');
      expect(toReadPosition(START)).toBe('start');
      expect(toReadPosition({ commit: 512n, prepare: 480n })).toEqual({ commit: 512n, prepare: 480n });
    });

    it('filters a subscription on stream name by bare category, which the re-check narrows', () => {
      expect(toServerFilter({ streamCategories: ['deal', 'contact'], eventTypes: ['DealCreated'] })).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['deal', 'contact'],
      });
    });

    it('filters a subscription on event type by exact types and prefixes', () => {
      expect(toServerFilter({ eventTypes: ['PageViewed'], eventTypePrefixes: ['Deal'] })).toMatchObject({
        filterOn: 'eventType',
        prefixes: ['PageViewed', 'Deal'],
      });
    });

    it('without a filter, still keeps system events on the server', () => {
      const filter = toServerFilter({ streamCategories: [] });
      expect(filter).toMatchObject({ filterOn: 'eventType' });
      expect('regex' in filter && new RegExp(filter.regex).test('$statsCollected')).toBe(false);
      expect('regex' in filter && new RegExp(filter.regex).test('DealCreated')).toBe(true);
    });
  });
  describe('idempotency and sizes', () => {
    const at = (revision: number) => ({ revision, position: position(BigInt(revision) * 100n) });

    it('sends ids lower-case, as the server answers them', () => {
      expect(toEventData(newEvent({ id: '0B6A1C0E-8C1F-4A4E-9D57-3F1F6C2F5A10' })).id).toBe(
        '0b6a1c0e-8c1f-4a4e-9d57-3f1f6c2f5a10',
      );
    });

    it('judges a batch new, stored (answering its last event) or partly stored (naming ids in batch order)', () => {
      expect(judgeBatch(['a', 'b'], new Map())).toEqual({ kind: 'new' });
      expect(judgeBatch(['a', 'b'], new Map([['b', at(7)], ['a', at(6)]]))).toEqual({
        kind: 'stored',
        revision: 7,
        position: position(700n),
      });
      expect(judgeBatch(['a', 'b', 'c'], new Map([['c', at(3)], ['a', at(1)]]))).toEqual({
        kind: 'partly_stored',
        storedIds: ['a', 'c'],
      });
    });

    it('counts an event as the server does: data and metadata bytes, the type twice', () => {
      const event = newEvent({ type: 'Note', data: { text: 'é' } });
      const sent = toEventData(event);
      expect(appendSizeOf(event)).toBe(
        Buffer.byteLength(JSON.stringify(sent.data)) + Buffer.byteLength(JSON.stringify(sent.metadata)) + 8,
      );
    });

    it('cuts a run into consecutive parts that fit, a too-large event alone', () => {
      const events = [10, 10, 10, 500, 10].map((n, i) => newEvent({ id: `0b6a1c0e-8c1f-4a4e-9d57-3f1f6c2f5a1${i}`, data: 'x'.repeat(n) }));
      const one = appendSizeOf(events[0]);
      const parts = splitBySize(events, one * 2);
      expect(parts.map((part) => part.length)).toEqual([2, 1, 1, 1]);
      expect(parts.flat()).toEqual(events);
      expect(splitBySize(events, 1_000_000)).toEqual([events]);
    });

    it('resubscribes after transient failures only', () => {
      expect(isTransientError(new UnavailableError())).toBe(true);
      expect(isTransientError(new CancelledError())).toBe(true);
      expect(isTransientError(new WrongExpectedVersionError(undefined, { streamName: 's', current: 1n, expected: 0n }))).toBe(false);
      expect(isTransientError(new Error('boom'))).toBe(false);
    });

    it('lets the server filter only when a filter narrows something', () => {
      expect(narrowsEvents()).toBe(false);
      expect(narrowsEvents({ streamCategories: [], eventTypes: [] })).toBe(false);
      expect(narrowsEvents({ eventTypePrefixes: ['Deal'] })).toBe(true);
    });
  });
});
