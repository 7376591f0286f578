import { randomUUID } from 'node:crypto';
import type { ContactCreated } from '#domain/contact';
import type { DealCreated } from '#domain/deal';
import type { EngagementLogged } from '#domain/engagement';
import { position, type NewEvent, type RecordedEvent } from '#event-store';

export const newEvent = (type: string, data: unknown = {}, overrides: Partial<NewEvent['metadata']> = {}): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    occurredAt: '2026-01-15T10:00:00.000Z',
    actor: 'test',
    correlationId: randomUUID(),
    causationId: null,
    schemaVersion: 1,
    source: 'test',
    ...overrides,
  },
});

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

/**
 * Every event committed to a category, counted in the table itself. Readers of the log only see events below the
 * oldest running transaction (see README), so "nothing was appended" is checked here, not through readAll.
 */
export const committedCount = async (pool: Pick<import('pg').Pool, 'query'>, category: string): Promise<number> => {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tally_events WHERE category = $1', [category]);
  return rows[0].n;
};

/**
 * The position of the last event committed, read from the table itself. The store's head is the last *visible* one:
 * while any transaction of this database that began writing earlier is open (a projector's batch, say), it sits
 * below appends already committed. A spec that waits for "everything appended so far" waits for this position.
 */
export const lastCommitted = async (pool: Pick<import('pg').Pool, 'query'>): Promise<string | null> => {
  const { rows } = await pool.query<{ position: string | null }>('SELECT max(position)::text AS position FROM tally_events');
  return rows[0].position;
};

/**
 * A log under construction: each call records the next event with the id, revision and position the store hands out
 * in append order (positions `step` apart); the event is in its contact's stream unless one is named.
 */
export const recordedLog = (step = 1) => {
  let next = 0;
  return (type: string, data: Record<string, unknown>, occurredAt: string, streamName = `contact-${String(data.contactId)}`): RecordedEvent => {
    next += 1;
    return {
      id: `event-${next}`,
      type,
      streamName,
      revision: next - 1,
      position: position(BigInt(next * step)),
      data,
      metadata: { occurredAt, recordedAt: occurredAt, actor: 'test', correlationId: 'c', causationId: null, schemaVersion: 1, source: 'test' },
    };
  };
};

// The records most specs start from, complete as their writers store them; a spec overrides what it is about.
export const contactCreatedData = (contactId: string, data: Partial<ContactCreated['data']> = {}): ContactCreated['data'] => ({
  contactId,
  email: `${contactId}@example.com`,
  firstName: null,
  lastName: null,
  phone: null,
  jobTitle: null,
  country: null,
  companyId: null,
  ownerId: null,
  properties: {},
  source: 'form',
  marketingStatus: 'marketing',
  lifecycleStage: 'lead',
  ...data,
});

export const dealCreatedData = (dealId: string, data: Partial<DealCreated['data']> = {}): DealCreated['data'] => ({
  dealId,
  name: `Deal ${dealId}`,
  pipelineId: 'sales',
  stageId: 'lead',
  amount: '1000.00',
  currency: 'EUR',
  revenueType: 'one-off',
  billingPeriod: null,
  contractTermMonths: 12,
  closeDate: '2026-03-31',
  ownerId: null,
  contactIds: [],
  companyId: null,
  companyIds: [],
  properties: {},
  renewsDealId: null,
  ...data,
});

export const engagementLoggedData = (engagementId: string, data: Partial<EngagementLogged['data']> = {}): EngagementLogged['data'] => ({
  engagementId,
  kind: 'call',
  ownerId: 'o-1',
  subject: null,
  body: null,
  durationMinutes: null,
  outcome: null,
  dueAt: null,
  priority: null,
  contactIds: [],
  companyIds: [],
  dealIds: [],
  ticketIds: [],
  ...data,
});
