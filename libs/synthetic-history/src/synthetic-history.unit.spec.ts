import { createHash } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { eventCatalog } from '#domain/catalog';
import { addEventSchemaFormats } from '#domain/shared';
import type { EventStore, NewEvent } from '#event-store';
import { appendHistory, generateHistory, historyToNdjson, type StreamBatch, type SyntheticHistoryOptions } from './synthetic-history.js';

const UNTIL = '2026-01-01';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const ndjsonHash = (options: SyntheticHistoryOptions): string => {
  const hash = createHash('sha256');
  for (const line of historyToNdjson(options)) hash.update(line).update('\n');
  return hash.digest('hex');
};

type Data = Readonly<Record<string, unknown>>;
const dataOf = (event: NewEvent): Data => event.data as Data;
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : typeof value === 'string' ? [value] : []);

// The records an event points at: per event type, the field naming each and the event type that creates it.
type Reference = readonly [creator: string, field: string];
const CONTACT: readonly Reference[] = [['ContactCreated', 'contactId']];
const REFERENCES: Readonly<Record<string, readonly Reference[]>> = {
  ContactCreated: [['CompanyCreated', 'companyId'], ['OwnerCreated', 'ownerId']],
  ContactOwnerAssigned: [['OwnerCreated', 'ownerId']],
  ContactAssociatedWithCompany: [['CompanyCreated', 'companyId']],
  PageViewed: CONTACT,
  FormSubmitted: CONTACT,
  MarketingEmailDelivered: CONTACT,
  MarketingEmailOpened: CONTACT,
  MarketingEmailClicked: CONTACT,
  MarketingEmailBounced: CONTACT,
  DealContactAssociated: CONTACT,
  DealCreated: [['PipelineCreated', 'pipelineId'], ['OwnerCreated', 'ownerId'], ['ContactCreated', 'contactIds'], ['CompanyCreated', 'companyId']],
  TicketCreated: [['PipelineCreated', 'pipelineId'], ['OwnerCreated', 'ownerId'], ['ContactCreated', 'contactId'], ['DealCreated', 'dealId']],
  EngagementLogged: [
    ['OwnerCreated', 'ownerId'],
    ['ContactCreated', 'contactIds'],
    ['CompanyCreated', 'companyIds'],
    ['DealCreated', 'dealIds'],
    ['TicketCreated', 'ticketIds'],
  ],
};
const referencesOf = (event: NewEvent): [creator: string, id: string][] =>
  (REFERENCES[event.type] ?? []).flatMap(([creator, field]) => ids(dataOf(event)[field]).map((id): [string, string] => [creator, id]));

const createdId = (event: NewEvent): string | undefined => {
  const data = dataOf(event);
  const key = { ContactCreated: 'contactId', CompanyCreated: 'companyId', OwnerCreated: 'ownerId', PipelineCreated: 'pipelineId', DealCreated: 'dealId', TicketCreated: 'ticketId' }[event.type];
  return key === undefined ? undefined : (data[key] as string);
};

describe('generateHistory', () => {
  it('gives the same NDJSON for the same options and a different one for another seed', () => {
    const options = { contacts: 300, seed: 1, until: UNTIL };
    const first = ndjsonHash(options);
    expect(ndjsonHash(options)).toBe(first);
    expect(ndjsonHash({ ...options, seed: 2 })).not.toBe(first);
  });

  it('runs up to its until date: the same seed and date give the same file, another date another', () => {
    const options = { contacts: 200, seed: 'anchor', until: '2026-12-05' };
    expect(ndjsonHash(options)).toBe(ndjsonHash({ ...options }));
    expect(ndjsonHash({ ...options, until: '2026-12-06' })).not.toBe(ndjsonHash(options));
    const times = [...generateHistory(options)].flatMap((batch) => batch.events.map((event) => Date.parse(event.metadata.occurredAt)));
    const until = Date.parse(options.until);
    const week = 7 * 86_400_000;
    expect(Math.max(...times)).toBeLessThanOrEqual(until);
    expect(Math.min(...times)).toBe(until - 365 * 86_400_000);
    // The days just before it are as busy as any: a demo seeded today opens on this week's numbers.
    expect(times.filter((at) => at > until - week).length).toBeGreaterThan(times.length / 60);
  });

  it('refuses an until that is no ISO date or instant with its offset', () => {
    expect(() => [...generateHistory({ contacts: 1, seed: 1, until: '05/12/2026' })]).toThrow('until 05/12/2026 is not an ISO date (2025-12-31) or instant');
    expect(() => [...generateHistory({ contacts: 1, seed: 1, until: '2026-12-05T10:00:00' })]).toThrow(/is not an ISO date/);
  });

  it('writes an import file without what Tally writes itself (the claims an import derives, the default pipelines), with the property definitions', () => {
    const options = { contacts: 20, seed: 'file', until: UNTIL };
    const batches = [...generateHistory(options)];
    const ownStreams = batches.map((batch) => batch.streamName).filter((name) => /^(unique|pipeline)-/.test(name));
    const lines = [...historyToNdjson(options)].map((line) => JSON.parse(line) as { streamName: string; event: NewEvent });
    expect(ownStreams.length).toBe(2 + 20 + 3);
    expect(new Set(lines.map((line) => line.streamName).filter((name) => name.startsWith('property-definitions-')))).toEqual(
      new Set(batches.map((batch) => batch.streamName).filter((name) => name.startsWith('property-definitions-'))),
    );
    expect(lines.some((line) => line.streamName.startsWith('property-definitions-'))).toBe(true);
    expect(lines.filter((line) => ownStreams.includes(line.streamName))).toEqual([]);
    const kept = batches.filter((batch) => !ownStreams.includes(batch.streamName));
    expect(lines).toEqual(kept.flatMap((batch) => batch.events.map((event) => ({ streamName: batch.streamName, event }))));
  });

  describe('validity', () => {
    const options = { contacts: 800, seed: 'validity', until: UNTIL, days: 365 };
    const batches: StreamBatch[] = [...generateHistory(options)];
    const events = batches.flatMap((batch) => batch.events);

    it('starts with the default deal and ticket pipelines', () => {
      expect(batches.slice(0, 2).map((batch) => batch.streamName)).toEqual(['pipeline-default', 'pipeline-support']);
    });

    it('defines every custom property a contact carries before the first contact', () => {
      const defined = events.filter((event) => event.type === 'PropertyDefined').map((event) => (event.data as { name: string }).name);
      const firstContact = batches.findIndex((batch) => batch.streamName.startsWith('contact-'));
      const definitions = batches.findIndex((batch) => batch.streamName === 'property-definitions-contact');
      expect(definitions).toBeGreaterThan(-1);
      expect(definitions).toBeLessThan(firstContact);
      const carried = new Set(
        events.filter((event) => event.type === 'ContactCreated').flatMap((event) => Object.keys((event.data as { properties: object }).properties)),
      );
      expect([...carried].filter((name) => !defined.includes(name))).toEqual([]);
      expect(carried.size).toBeGreaterThan(0);
    });

    it('uses only catalogued event types, each at its current schema version, with valid data', () => {
      // Strict: a format the schemas name but this Ajv does not know would otherwise be skipped with a warning.
      const ajv = addEventSchemaFormats(new Ajv2020({ allowUnionTypes: true, strict: true }));
      const validators = new Map<string, ValidateFunction>();
      const invalid: string[] = [];
      for (const event of events) {
        if (!eventCatalog.has(event.type)) {
          invalid.push(`${event.type}: not in the catalog`);
          continue;
        }
        if (event.metadata.schemaVersion !== eventCatalog.schemaVersionOf(event.type)) invalid.push(`${event.type}: schema version`);
        let validate = validators.get(event.type);
        if (validate === undefined) {
          validate = ajv.compile(eventCatalog.definition(event.type).schema);
          validators.set(event.type, validate);
        }
        if (!validate(event.data)) invalid.push(`${event.type}: ${ajv.errorsText(validate.errors)}`);
      }
      expect(invalid).toEqual([]);
    });

    it('stamps every event with a unique v4 id and seed metadata within the simulated year', () => {
      const end = Date.parse(UNTIL);
      const start = end - 365 * 86_400_000;
      expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      const malformed = events.filter((event) => {
        const at = Date.parse(event.metadata.occurredAt);
        const { correlationId, source, causationId } = event.metadata;
        return !UUID_V4.test(event.id) || !UUID_V4.test(correlationId) || source !== 'seed' || causationId !== null || !(at >= start && at <= end);
      });
      expect(malformed).toEqual([]);
      expect(new Set(events.map((event) => event.metadata.actor.split(':')[0]))).toEqual(
        new Set(['system', 'import', 'forms', 'tracking', 'email-provider', 'owner', 'workflow', 'integration', 'api', 'conversation', 'support-inbox']),
      );
    });

    it('brings each stream whole in one batch, its events in time order', () => {
      expect(new Set(batches.map((batch) => batch.streamName)).size).toBe(batches.length);
      const unordered = batches.filter((batch) =>
        batch.events.some((event, i) => i > 0 && event.metadata.occurredAt < batch.events[i - 1].metadata.occurredAt),
      );
      expect(unordered.map((batch) => batch.streamName)).toEqual([]);
    });

    it('creates every record before anything points at it, in the log and in time', () => {
      const created = new Map<string, string>();
      const dangling: string[] = [];
      for (const event of events) {
        for (const [creator, id] of referencesOf(event)) {
          const createdAt = created.get(`${creator}:${id}`);
          if (createdAt === undefined || createdAt > event.metadata.occurredAt) dangling.push(`${event.type} -> ${creator} ${id}`);
        }
        const id = createdId(event);
        if (id !== undefined) created.set(`${event.type}:${id}`, event.metadata.occurredAt);
      }
      expect(dangling).toEqual([]);
    });
  });

  describe('shape on 2000 contacts', () => {
    const contacts = 2000;
    const events: NewEvent[] = [...generateHistory({ contacts, seed: 42, until: UNTIL })].flatMap((batch) => batch.events);
    const ofType = (type: string) => events.filter((event) => event.type === type).map(dataOf);

    it('has about ten events per contact', () => {
      const perContact = events.length / contacts;
      expect(perContact).toBeGreaterThan(7);
      expect(perContact).toBeLessThan(14);
    });

    it('has owners in teams, companies for about one in eight contacts, and contacts from forms and imports', () => {
      const teams = ofType('OwnerCreated').map((owner) => owner.team);
      expect(teams.filter((team) => team === 'Marketing')).toHaveLength(2);
      expect(teams.filter((team) => team === 'Customer Support')).toHaveLength(2);
      expect(teams.filter((team) => typeof team === 'string' && team.startsWith('Sales')).length).toBe(5);
      expect(ofType('CompanyCreated')).toHaveLength(250);
      const created = ofType('ContactCreated');
      const share = (predicate: (contact: Data) => boolean) => created.filter(predicate).length / created.length;
      expect(share((contact) => contact.source === 'form' || contact.source === 'import')).toBeGreaterThan(0.7);
      expect(share((contact) => /\b(vp|director|head)\b/i.test(String(contact.jobTitle)))).toBeGreaterThan(0.08);
      expect(share((contact) => String(contact.jobTitle).includes('Student'))).toBeGreaterThan(0.02);
      // The default policy: form fills are marketing contacts, everything else is not.
      expect(created.every((contact) => (contact.marketingStatus === 'marketing') === (contact.source === 'form'))).toBe(true);
    });

    it('has heavy-tailed page views with some on /pricing', () => {
      const views = new Map<string, number>();
      for (const view of ofType('PageViewed')) views.set(view.contactId as string, (views.get(view.contactId as string) ?? 0) + 1);
      const counts = [...views.values()].sort((a, b) => a - b);
      const median = counts[Math.floor(counts.length / 2)];
      expect(median).toBeLessThanOrEqual(5);
      expect(counts[counts.length - 1]).toBeGreaterThan(20 * median);
      expect(ofType('PageViewed').some((view) => String(view.url).includes('/pricing'))).toBe(true);
    });

    it('sends marketing email that gets opened, clicked and sometimes unsubscribed', () => {
      expect(ofType('MarketingEmailDelivered').length).toBeGreaterThan(ofType('MarketingEmailOpened').length);
      expect(ofType('MarketingEmailOpened').length).toBeGreaterThan(ofType('MarketingEmailClicked').length);
      expect(ofType('MarketingEmailClicked').length).toBeGreaterThan(0);
      expect(ofType('MarketingEmailUnsubscribed').length).toBeGreaterThan(0);
      expect(new Set(ofType('FormSubmitted').map((form) => form.formId))).toEqual(new Set(['newsletter', 'ebook', 'webinar', 'contact', 'demo']));
    });

    it('has about one deal per ten contacts, won and lost with reasons, mostly in USD', () => {
      // New business: renewals come on top of it.
      const deals = ofType('DealCreated').filter((deal) => deal.renewsDealId === null);
      expect(deals.length / contacts).toBeGreaterThan(0.06);
      expect(deals.length / contacts).toBeLessThan(0.14);
      expect(ofType('DealWon').length).toBeGreaterThan(10);
      expect(ofType('DealLost').length).toBeGreaterThan(10);
      expect(ofType('DealLost').every((lost) => typeof lost.reason === 'string')).toBe(true);
      expect(ofType('DealReopened').length).toBeGreaterThan(0);
      const currencies = deals.map((deal) => deal.currency);
      expect(currencies.filter((currency) => currency === 'USD').length / deals.length).toBeGreaterThan(0.5);
      expect(new Set(currencies)).toEqual(new Set(['USD', 'EUR', 'GBP']));
    });

    it('has exact string amounts, recurring deals with terms, and renewals of won recurring deals, some lost (churn)', () => {
      const deals = ofType('DealCreated');
      expect(deals.every((deal) => typeof deal.amount === 'string' && /^\d+\.\d{2}$/.test(deal.amount as string))).toBe(true);
      const recurring = deals.filter((deal) => deal.revenueType === 'recurring');
      expect(recurring.length / deals.length).toBeGreaterThan(0.5);
      expect(new Set(recurring.map((deal) => deal.billingPeriod))).toEqual(new Set(['month', 'year']));
      expect(new Set(recurring.map((deal) => deal.contractTermMonths))).toEqual(new Set([1, 12, 24, 36]));
      expect(deals.filter((deal) => deal.revenueType === 'one-off').every((deal) => deal.billingPeriod === null)).toBe(true);
      const byId = new Map(deals.map((deal) => [deal.dealId as string, deal]));
      const won = new Set(ofType('DealWon').map((deal) => deal.dealId as string));
      const renewals = deals.filter((deal) => deal.renewsDealId !== null);
      expect(renewals.length).toBeGreaterThan(5);
      expect(renewals.every((deal) => deal.revenueType === 'recurring' && won.has(deal.renewsDealId as string))).toBe(true);
      expect(renewals.every((deal) => byId.get(deal.renewsDealId as string)?.revenueType === 'recurring')).toBe(true);
      expect(renewals.some((deal) => won.has(deal.dealId as string))).toBe(true);
      expect(ofType('DealLost').some((lost) => byId.get(lost.dealId as string)?.renewsDealId !== null)).toBe(true);
    });

    it('has tickets that close and engagements of every kind, some tasks completed', () => {
      expect(ofType('TicketClosed').length).toBeGreaterThan(0);
      expect(new Set(ofType('EngagementLogged').map((engagement) => engagement.kind))).toEqual(new Set(['email', 'call', 'meeting', 'note', 'task']));
      expect(ofType('TaskCompleted').length).toBeGreaterThan(0);
    });

    it('plants the truth: deals of contacts who asked for a demo win far more often', () => {
      const demoContacts = new Set(ofType('FormSubmitted').filter((form) => form.formId === 'demo').map((form) => form.contactId as string));
      const contactsOfDeal = new Map<string, string[]>();
      const outcome = new Map<string, 'won' | 'lost'>();
      for (const event of events) {
        const data = dataOf(event);
        const dealId = data.dealId as string;
        if (event.type === 'DealCreated') contactsOfDeal.set(dealId, [...ids(data.contactIds)]);
        if (event.type === 'DealContactAssociated') contactsOfDeal.get(dealId)?.push(data.contactId as string);
        if (event.type === 'DealWon') outcome.set(dealId, 'won');
        if (event.type === 'DealLost') outcome.set(dealId, 'lost');
        if (event.type === 'DealReopened') outcome.delete(dealId);
      }
      const winRate = (withDemo: boolean) => {
        const closed = [...outcome].filter(([dealId]) => (contactsOfDeal.get(dealId) ?? []).some((id) => demoContacts.has(id)) === withDemo);
        return closed.filter(([, result]) => result === 'won').length / closed.length;
      };
      expect(winRate(true)).toBeGreaterThan(2 * winRate(false));
      expect(winRate(true) - winRate(false)).toBeGreaterThan(0.2);
    });
  });
});

describe('appendHistory', () => {
  it('appends every batch to its stream with expectedRevision any and reports the counts', async () => {
    const appended: { streamName: string; count: number; expectedRevision: unknown }[] = [];
    const store: Pick<EventStore, 'appendToStream'> = {
      appendToStream: async (streamName, batch, appendOptions) => {
        appended.push({ streamName, count: batch.length, expectedRevision: appendOptions?.expectedRevision });
        return { nextRevision: batch.length - 1, position: { commit: 0n, prepare: 0n } };
      },
    };
    const options = { contacts: 50, seed: 3, until: UNTIL };
    const progress: number[] = [];
    const result = await appendHistory(store, options, ({ events }) => progress.push(events));
    const expected = [...generateHistory(options)];
    expect(appended).toEqual(expected.map((batch) => ({ streamName: batch.streamName, count: batch.events.length, expectedRevision: 'any' })));
    expect(result).toEqual({ events: expected.reduce((sum, batch) => sum + batch.events.length, 0), streams: expected.length });
    expect(progress[progress.length - 1]).toBe(result.events);
  });
});
