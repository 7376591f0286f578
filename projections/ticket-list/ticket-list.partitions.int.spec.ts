// The tickets list split into partitions by ticket: tickets of every partition, each changed over the whole log, and
// the pipelines and property definitions (no ticket's: partition 0 keeps them) give the rows of the build in one
// piece.
import type { NewEvent, PostgresEventStore } from '#event-store';
import { partitionOf } from '#projection-engine';
import { newEvent } from '#test/support/events';
import { openTestStore, type TestDatabase } from '#test/support/test-database';
import { appendCrossPartitionHistory, buildWholeAndSplit, expectEverySplitEqualsWhole, SPLITS } from '../partitioned-build.spec-helper.js';
import { ticketListProjection } from './ticket-list.persistence.js';

const TICKETS = Array.from({ length: 24 }, (_, i) => `tk-${String(i).padStart(2, '0')}`);
const day = (n: number) => ({ occurredAt: new Date(Date.UTC(2026, 3, 3 + n, 9)).toISOString() });

// The synthetic history has no won deal at this size, so no ticket: these are opened on its support pipeline and
// changed round by round, each round's events of a ticket side by side in the log, the rounds far apart.
const rounds: readonly ((ticketId: string, i: number) => readonly NewEvent[])[] = [
  (ticketId) => [
    newEvent('TicketCreated', {
      ticketId, subject: `Printer ${ticketId}`, pipelineId: 'support', stageId: 'new', priority: 'medium', ownerId: null,
      contactIds: [], companyIds: [], dealIds: [], properties: {},
    }, day(0)),
    newEvent('TicketOwnerAssigned', { ticketId, previous: null, ownerId: 'agent-inbox' }, day(0)),
  ],
  (ticketId, i) =>
    i % 2 === 0
      ? [newEvent('TicketStageChanged', { ticketId, pipelineId: 'support', fromStageId: 'new', toStageId: 'waiting-on-us' }, day(1))]
      : [newEvent('TicketPriorityChanged', { ticketId, previous: 'medium', priority: 'urgent' }, day(1))],
  (ticketId, i) =>
    i % 3 === 0
      ? [
          newEvent('TicketStageChanged', { ticketId, pipelineId: 'support', fromStageId: i % 2 === 0 ? 'waiting-on-us' : 'new', toStageId: 'closed' }, day(2)),
          newEvent('TicketClosed', { ticketId, pipelineId: 'support', stageId: 'closed', ownerId: null }, day(2)),
        ]
      : [newEvent('TicketOwnerAssigned', { ticketId, previous: 'agent-inbox', ownerId: `agent-${i % 4}` }, day(2))],
  (ticketId, i) => [
    ...(i % 6 === 0
      ? [
          newEvent('TicketStageChanged', { ticketId, pipelineId: 'support', fromStageId: 'closed', toStageId: 'waiting-on-contact' }, day(3)),
          newEvent('TicketReopened', { ticketId, pipelineId: 'support', stageId: 'waiting-on-contact' }, day(3)),
        ]
      : []),
    newEvent('TicketPropertiesChanged', { ticketId, changes: [{ property: 'queue', previous: null, value: `queue-${i % 3}` }] }, day(3)),
  ],
];

const appendTickets = async (store: PostgresEventStore): Promise<void> => {
  for (const [round, events] of rounds.entries()) {
    if (round === 3) {
      await store.appendToStream('property-definitions-ticket', [
        newEvent('PropertyDefined', { objectType: 'ticket', name: 'queue', label: 'Queue', type: 'string', options: [], unique: false }, day(3)),
      ]);
    }
    for (const [i, ticketId] of TICKETS.entries()) await store.appendToStream(`ticket-${ticketId}`, events(ticketId, i));
  }
};

describe('tickets list split into partitions', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, store, close } = await openTestStore()));
  afterAll(() => close());

  it('equals the build in one piece in 2 and 3 partitions, table for table and row for row', async () => {
    await appendCrossPartitionHistory(db, store, 40);
    await appendTickets(store);
    const tables = await buildWholeAndSplit(db, store, ticketListProjection, (await store.headPosition())!);
    const whole = (base: string) => tables.find((t) => t.base === base)!.whole;
    const tickets = whole('ticket_list');
    // Tickets in every partition of every split, each changed to its last event; the pipeline and definition once.
    for (const { partitions } of SPLITS) expect(new Set(TICKETS.map((id) => partitionOf(id, partitions))).size).toBe(partitions);
    expect(tickets).toHaveLength(TICKETS.length);
    expect(tickets.every((row) => row.includes('"properties":{"queue":"queue-'))).toBe(true);
    expect(tickets.filter((row) => row.includes('"status":"closed"'))).toHaveLength(4);
    expect(tickets.filter((row) => row.includes('"stage_id":"waiting-on-contact","priority":"medium","priority_rank":"2","status":"open"'))).toHaveLength(4);
    expect(whole('ticket_list_stages').filter((row) => row.includes('"pipeline_id":"support"'))).toHaveLength(4);
    expect(whole('ticket_list_properties')).toHaveLength(1);
    expectEverySplitEqualsWhole(tables);
  }, 300_000);
});
