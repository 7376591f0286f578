import { inStream, pipelineCreated, useProjectionSpec, type SpecEvent } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { ticketListProjection } from './ticket-list.persistence.js';

const day = (n: number) => `2026-02-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const event = (type: string, occurredAt: string, data: Readonly<Record<string, unknown>>): SpecEvent => ({ type, data, metadata: { occurredAt } });
const SUPPORT = inStream('pipeline-support', pipelineCreated('support', 'ticket', [['new'], ['waiting'], ['done', 'won']]));
const created = (ticketId: string, data: Readonly<Record<string, unknown>> = {}) =>
  inStream(
    `ticket-${ticketId}`,
    event('TicketCreated', day(2), {
      ticketId, subject: `Ticket ${ticketId}`, pipelineId: 'support', stageId: 'new', priority: 'high', ownerId: 'ada',
      contactIds: [], companyIds: [], dealIds: [], properties: {}, ...data,
    }),
  );

const TICKETS = `SELECT ticket_id, subject, subject_key, pipeline_id, stage_id, priority, priority_rank::int AS priority_rank, status, owner_id,
                        properties, created_at, search_text FROM ticket_list ORDER BY ticket_id`;

const row = (ticketId: string, fields: Readonly<Record<string, unknown>> = {}) => ({
  ticket_id: ticketId,
  subject: `Ticket ${ticketId}`,
  subject_key: `ticket ${ticketId}`,
  pipeline_id: 'support',
  stage_id: 'new',
  priority: 'high',
  priority_rank: 3,
  status: 'open',
  owner_id: 'ada',
  properties: {},
  created_at: new Date(day(2)),
  search_text: `ticket ${ticketId}`,
  ...fields,
});

describe('ticket list persistence', () => {
  const spec = useProjectionSpec(ticketListProjection);

  it('stores a ticket with its priority rank, properties and what it is searched and sorted by', async () => {
    await spec
      .given([...SUPPORT, ...created('t1', { subject: 'サクセス Printer', priority: 'urgent', properties: { queue: 'HW' } })])
      .then(TICKETS, [
        row('t1', { subject: 'サクセス Printer', subject_key: 'サクセス printer', priority: 'urgent', priority_rank: 4, properties: { queue: 'HW' }, search_text: 'サクセス printer hw' }),
      ]);
  });

  it('follows a ticket closed and reopened over several batches, with owner and priority changes', async () => {
    await spec
      .given([...SUPPORT, ...created('t1')])
      .when(
        inStream(
          'ticket-t1',
          event('TicketStageChanged', day(3), { ticketId: 't1', pipelineId: 'support', fromStageId: 'new', toStageId: 'done' }),
          event('TicketClosed', day(3), { ticketId: 't1', pipelineId: 'support', stageId: 'done', ownerId: 'ada' }),
        ),
      )
      .when(
        inStream(
          'ticket-t1',
          event('TicketStageChanged', day(4), { ticketId: 't1', pipelineId: 'support', fromStageId: 'done', toStageId: 'waiting' }),
          event('TicketReopened', day(4), { ticketId: 't1', pipelineId: 'support', stageId: 'waiting' }),
          event('TicketOwnerAssigned', day(4), { ticketId: 't1', previous: 'ada', ownerId: null }),
          event('TicketPriorityChanged', day(4), { ticketId: 't1', previous: 'high', priority: 'low' }),
        ),
      )
      .then(TICKETS, [row('t1', { stage_id: 'waiting', owner_id: null, priority: 'low', priority_rank: 1 })]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given([...SUPPORT, ...created('t1')])
      .when(inStream('ticket-t1', event('TicketPropertiesChanged', day(3), { ticketId: 't1', changes: [{ property: 'queue', previous: null, value: 'HW' }] })), {
        times: 2,
      })
      .then(TICKETS, [row('t1', { properties: { queue: 'HW' }, search_text: 'ticket t1 hw' })]);
  });
});

describe('ticket list rebuild', () => {
  const bed = useRebuildBed(ticketListProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...SUPPORT,
      ...created('t1', { properties: { queue: 'HW', seat: 3 } }),
      ...created('t2', { priority: 'low' }),
      ...inStream('pipeline-support', event('PipelineStageRenamed', day(3), { pipelineId: 'support', stageId: 'new', previous: 'new', label: 'New' })),
      ...inStream(
        'ticket-t2',
        event('TicketStageChanged', day(4), { ticketId: 't2', pipelineId: 'support', fromStageId: 'new', toStageId: 'done' }),
        event('TicketClosed', day(4), { ticketId: 't2', pipelineId: 'support', stageId: 'done', ownerId: 'ada' }),
      ),
      ...inStream('ticket-t1', event('TicketPriorityChanged', day(5), { ticketId: 't1', previous: 'high', priority: 'urgent' })),
      ...inStream(
        'property-definitions-ticket',
        event('PropertyDefined', day(6), { objectType: 'ticket', name: 'queue', label: 'Queue', type: 'enum', options: [{ value: 'HW', label: 'Hardware' }], unique: false }),
      ),
    ];
    const { live, rebuilt } = await bed.compare(history, {
      ticket_list: 'ticket_id',
      ticket_list_pipelines: 'pipeline_id',
      ticket_list_stages: 'pipeline_id, stage_id',
      ticket_list_properties: 'name',
    });
    expect(live.ticket_list).toHaveLength(2);
    expect(live.ticket_list_properties).toHaveLength(1);
    expect(rebuilt).toEqual(live);
  });
});
