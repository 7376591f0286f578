import type { ContactSource, MarketingStatus } from '#domain/marketing-policy';
import { contactCreatedData } from '#test/support/events';
import {
  reduceMarketingContacts,
  type ContactStatus,
  type MarketingContactEvent,
  type TimedContactEvent,
} from './marketing-contacts.projection.js';

const created = (contactId: string, marketingStatus: MarketingStatus, source: ContactSource = 'form'): MarketingContactEvent => ({
  type: 'ContactCreated',
  data: contactCreatedData(contactId, { source, marketingStatus }),
});
const statusChanged = (contactId: string, previous: MarketingStatus, status: MarketingStatus, reason: string): MarketingContactEvent => ({
  type: 'ContactMarketingStatusChanged',
  data: { contactId, previous, status, reason },
});
const merged = (contactId: string, mergedInto: string): MarketingContactEvent => ({
  type: 'ContactMerged',
  data: { contactId, mergedInto, email: `${contactId}@example.com` },
});

const at = (id: string, occurredAt: string, event: MarketingContactEvent): TimedContactEvent => ({ id, event, occurredAt });
const reduce = (events: readonly TimedContactEvent[], loaded: readonly ContactStatus[] = []) =>
  reduceMarketingContacts(new Map(loaded.map((c) => [c.contactId, c])), events);

describe('marketing contacts projection', () => {
  it('starts each contact with the status it was created with, the source as the reason', () => {
    expect(
      reduce([
        at('e1', '2026-01-01T09:00:00.000Z', created('ann', 'marketing', 'form')),
        at('e2', '2026-01-01T10:00:00.000+01:00', created('ben', 'non-marketing', 'import')),
      ]),
    ).toEqual({
      changes: [
        { eventId: 'e1', contactId: 'ann', effectiveAt: '2026-01-01T09:00:00.000Z', status: 'marketing', previous: null, reason: 'created:form', validTo: null },
        { eventId: 'e2', contactId: 'ben', effectiveAt: '2026-01-01T09:00:00.000Z', status: 'non-marketing', previous: null, reason: 'created:import', validTo: null },
      ],
      closed: new Map(),
      current: [
        { contactId: 'ann', status: 'marketing', merged: false, effectiveAt: '2026-01-01T09:00:00.000Z', eventId: 'e1' },
        { contactId: 'ben', status: 'non-marketing', merged: false, effectiveAt: '2026-01-01T09:00:00.000Z', eventId: 'e2' },
      ],
    });
  });

  it('records each status change with its reason and closes the change it replaces, within a batch', () => {
    const { changes, current } = reduce([
      at('e1', '2026-01-01T09:00:00.000Z', created('ben', 'non-marketing', 'import')),
      at('e2', '2026-01-05T09:00:00.000Z', statusChanged('ben', 'non-marketing', 'marketing', 'opted in at webinar')),
    ]);
    expect(changes.map((c) => [c.eventId, c.previous, c.status, c.reason, c.validTo])).toEqual([
      ['e1', null, 'non-marketing', 'created:import', '2026-01-05T09:00:00.000Z'],
      ['e2', 'non-marketing', 'marketing', 'opted in at webinar', null],
    ]);
    expect(current).toEqual([{ contactId: 'ben', status: 'marketing', merged: false, effectiveAt: '2026-01-05T09:00:00.000Z', eventId: 'e2' }]);
  });

  it('turns an unsubscribe into a change to non-marketing, closing the row an earlier batch stored', () => {
    const ann: ContactStatus = { contactId: 'ann', status: 'marketing', merged: false, effectiveAt: '2026-01-01T09:00:00.000Z', eventId: 'e1' };
    // The decider records MarketingEmailUnsubscribed, then this status change (only when the contact was marketing).
    const result = reduce([at('e7', '2026-02-03T08:00:00.000Z', statusChanged('ann', 'marketing', 'non-marketing', 'unsubscribed'))], [ann]);
    expect(result).toEqual({
      changes: [
        { eventId: 'e7', contactId: 'ann', effectiveAt: '2026-02-03T08:00:00.000Z', status: 'non-marketing', previous: 'marketing', reason: 'unsubscribed', validTo: null },
      ],
      closed: new Map([['e1', '2026-02-03T08:00:00.000Z']]),
      current: [{ contactId: 'ann', status: 'non-marketing', merged: false, effectiveAt: '2026-02-03T08:00:00.000Z', eventId: 'e7' }],
    });
  });

  it('stops counting a merged marketing duplicate from its merge and ignores anything after it', () => {
    const { changes, current } = reduce([
      at('e1', '2026-01-01T09:00:00.000Z', created('dup', 'marketing')),
      at('e2', '2026-01-10T09:00:00.000Z', merged('dup', 'ann')),
      at('e3', '2026-01-11T09:00:00.000Z', statusChanged('dup', 'non-marketing', 'marketing', 'late event')),
    ]);
    expect(changes.map((c) => [c.eventId, c.previous, c.status, c.reason, c.validTo])).toEqual([
      ['e1', null, 'marketing', 'created:form', '2026-01-10T09:00:00.000Z'],
      ['e2', 'marketing', 'non-marketing', 'merged', null],
    ]);
    expect(current).toEqual([{ contactId: 'dup', status: 'non-marketing', merged: true, effectiveAt: '2026-01-10T09:00:00.000Z', eventId: 'e2' }]);
  });

  it('records no status change for merging a non-marketing duplicate, but still freezes it', () => {
    const dup: ContactStatus = { contactId: 'dup', status: 'non-marketing', merged: false, effectiveAt: '2026-01-01T09:00:00.000Z', eventId: 'e1' };
    const result = reduce(
      [
        at('e2', '2026-01-10T09:00:00.000Z', merged('dup', 'ann')),
        at('e3', '2026-01-11T09:00:00.000Z', statusChanged('dup', 'non-marketing', 'marketing', 'late event')),
      ],
      [dup],
    );
    expect(result).toEqual({ changes: [], closed: new Map(), current: [{ ...dup, merged: true }] });
  });

  it('ignores a change to the status a contact already has, a second creation, and contacts it never saw', () => {
    const ann: ContactStatus = { contactId: 'ann', status: 'marketing', merged: false, effectiveAt: '2026-01-01T09:00:00.000Z', eventId: 'e1' };
    expect(
      reduce(
        [
          at('e2', '2026-01-02T09:00:00.000Z', statusChanged('ann', 'marketing', 'marketing', 'again')),
          at('e3', '2026-01-03T09:00:00.000Z', created('ann', 'non-marketing')),
          at('e4', '2026-01-03T09:00:00.000Z', statusChanged('ghost', 'non-marketing', 'marketing', 'no such contact')),
        ],
        [ann],
      ),
    ).toEqual({ changes: [], closed: new Map(), current: [] });
  });
});
