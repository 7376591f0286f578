import { inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { ticketsProjection } from './tickets.persistence.js';

const day = (n: number, hour = 9) => `2026-02-${String(n).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const created = (ticketId: string, occurredAt: string): SpecEvent =>
  event('TicketCreated', occurredAt, {
    ticketId,
    subject: 'Printer on fire',
    pipelineId: 'support',
    stageId: 'new',
    priority: 'high',
    ownerId: 'rep',
    contactIds: [],
    companyIds: [],
    dealIds: [],
    properties: {},
  });
const SUPPORT = inStream('pipeline-support', pipelineCreated('support', 'ticket', [['new'], ['doing'], ['done', 'won']]));
// t1 moved to the closing stage and closed on day 3.
const closeT1 = [
  event('TicketStageChanged', day(3), { ticketId: 't1', pipelineId: 'support', fromStageId: 'new', toStageId: 'done' }),
  event('TicketClosed', day(3), { ticketId: 't1', pipelineId: 'support', stageId: 'done', ownerId: 'rep' }),
];
const TICKETS = `SELECT ticket_id, stage_id, priority, owner_id, status, created_at, closed_at, entered_stage_at FROM tickets ORDER BY ticket_id`;

describe('tickets persistence', () => {
  const spec = useProjectionSpec(ticketsProjection);

  it('shows a closed ticket as closed, with its close time, in the stage that closed it', async () => {
    await spec
      .given([...SUPPORT, ...inStream('ticket-t1', created('t1', day(2)))])
      .when(inStream('ticket-t1', ...closeT1))
      .then(TICKETS, [
        { ticket_id: 't1', stage_id: 'done', priority: 'high', owner_id: 'rep', status: 'closed', created_at: new Date(day(2)), closed_at: new Date(day(3)), entered_stage_at: new Date(day(3)) },
      ]);
  });

  it('shows a reopened ticket open again, without a close time, in the stage it went back to', async () => {
    await spec
      .given([
        ...SUPPORT,
        ...inStream('ticket-t1', created('t1', day(2)), ...closeT1),
      ])
      .when(
        inStream(
          'ticket-t1',
          event('TicketStageChanged', day(5), { ticketId: 't1', pipelineId: 'support', fromStageId: 'done', toStageId: 'doing' }),
          event('TicketReopened', day(5), { ticketId: 't1', pipelineId: 'support', stageId: 'doing' }),
        ),
      )
      .then(TICKETS, [
        { ticket_id: 't1', stage_id: 'doing', priority: 'high', owner_id: 'rep', status: 'open', created_at: new Date(day(2)), closed_at: null, entered_stage_at: new Date(day(5)) },
      ]);
  });

  it('keeps the latest owner and priority of each ticket', async () => {
    await spec
      .given([...SUPPORT, ...inStream('ticket-t1', created('t1', day(2))), ...inStream('ticket-t2', created('t2', day(2, 10)))])
      .when([
        ...inStream('ticket-t1', event('TicketOwnerAssigned', day(4), { ticketId: 't1', previous: 'rep', ownerId: null })),
        ...inStream('ticket-t2', event('TicketPriorityChanged', day(4), { ticketId: 't2', previous: 'high', priority: 'low' })),
      ])
      .then(`SELECT ticket_id, owner_id, priority FROM tickets ORDER BY ticket_id`, [
        { ticket_id: 't1', owner_id: null, priority: 'high' },
        { ticket_id: 't2', owner_id: 'rep', priority: 'low' },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SUPPORT, ...inStream('ticket-t1', created('t1', day(2)))])
      .when(inStream('ticket-t1', ...closeT1), { times: 2 })
      .then(TICKETS, [
        { ticket_id: 't1', stage_id: 'done', priority: 'high', owner_id: 'rep', status: 'closed', created_at: new Date(day(2)), closed_at: new Date(day(3)), entered_stage_at: new Date(day(3)) },
      ]);
  });
});
