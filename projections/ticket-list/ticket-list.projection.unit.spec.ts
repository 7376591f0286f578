import { recordedLog } from '#test/support/events';
import { reduceTicketList, ticketSearchText, type TicketListRow } from './ticket-list.projection.js';

const T0 = '2026-01-10T09:00:00.000Z';

const openTicket: TicketListRow = {
  ticketId: 't-1',
  subject: 'Printer on fire',
  pipelineId: 'support',
  stageId: 'new',
  priority: 'high',
  status: 'open',
  ownerId: 'ada',
  properties: { queue: 'hardware' },
  createdAt: T0,
};

const created = (ticketId: string, data: Record<string, unknown> = {}) => ({
  ticketId,
  subject: 'Printer on fire',
  pipelineId: 'support',
  stageId: 'new',
  priority: 'high',
  ownerId: 'ada',
  contactIds: ['c-1'],
  companyIds: [],
  dealIds: [],
  properties: { queue: 'hardware' },
  ...data,
});

const reduce = (events: ReturnType<ReturnType<typeof recordedLog>>[], tickets: readonly TicketListRow[] = []) =>
  reduceTicketList({ tickets: new Map(tickets.map((t) => [t.ticketId, t])), pipelines: new Map() }, events);

describe('ticket list projection', () => {
  it('lists a new ticket open, with its properties, at the business time of its creation', () => {
    const log = recordedLog();
    expect(reduce([log('TicketCreated', created('t-1'), '2026-01-10T10:00:00.000+01:00', 'ticket-t-1')]).changedTickets).toEqual([openTicket]);
  });

  it('follows stage, close, reopen, owner, priority and property changes, from the row an earlier batch stored', () => {
    const log = recordedLog();
    const at = (type: string, data: Record<string, unknown>) => log(type, { ticketId: 't-1', ...data }, T0, 'ticket-t-1');
    const closed = reduce(
      [
        at('TicketStageChanged', { pipelineId: 'support', fromStageId: 'new', toStageId: 'done' }),
        at('TicketClosed', { pipelineId: 'support', stageId: 'done', ownerId: 'ada' }),
        at('TicketOwnerAssigned', { previous: 'ada', ownerId: 'bob' }),
        at('TicketPriorityChanged', { previous: 'high', priority: 'urgent' }),
        at('TicketPropertiesChanged', { changes: [{ property: 'queue', previous: 'hardware', value: 'facilities' }] }),
      ],
      [openTicket],
    ).changedTickets;
    expect(closed).toEqual([{ ...openTicket, stageId: 'done', status: 'closed', ownerId: 'bob', priority: 'urgent', properties: { queue: 'facilities' } }]);
    const reopened = reduce([at('TicketReopened', { pipelineId: 'support', stageId: 'waiting' })], closed).changedTickets;
    expect(reopened).toEqual([{ ...closed[0], stageId: 'waiting', status: 'open' }]);
  });

  it('ignores events of a ticket it never saw created, and a repeated creation', () => {
    const log = recordedLog();
    expect(reduce([log('TicketPriorityChanged', { ticketId: 't-9', previous: 'low', priority: 'high' }, T0, 'ticket-t-9')]).changedTickets).toEqual([]);
    expect(reduce([log('TicketCreated', created('t-1', { subject: 'Other' }), T0, 'ticket-t-1')], [openTicket]).changedTickets).toEqual([]);
  });

  it('searches the subject and the text and number property values by property name, case-folded', () => {
    expect(ticketSearchText({ subject: 'サクセス Printer', properties: { zone: 'B', seat: 12, vip: false } })).toBe('サクセス printer 12 b');
  });
});
