import type { PipelineStageData } from '#domain/pipeline';
import { reduceTickets, type TicketPipeline, type TicketRow, type TicketsEvent } from './tickets.projection.js';

type Timed = Readonly<{ event: TicketsEvent; occurredAt: string }>;
const at = (occurredAt: string, event: TicketsEvent): Timed => ({ event, occurredAt });

const created = (ticketId = 't-1', stageId = 'new'): TicketsEvent => ({
  type: 'TicketCreated',
  data: {
    ticketId,
    subject: 'Printer on fire',
    pipelineId: 'support',
    stageId,
    priority: 'high',
    ownerId: 'ada',
    contactIds: [],
    companyIds: [],
    dealIds: [],
    properties: {},
  },
});
const moved = (fromStageId: string, toStageId: string, ticketId = 't-1'): TicketsEvent => ({
  type: 'TicketStageChanged',
  data: { ticketId, pipelineId: 'support', fromStageId, toStageId },
});
const closed = (ownerId: string | null, ticketId = 't-1'): TicketsEvent => ({
  type: 'TicketClosed',
  data: { ticketId, pipelineId: 'support', stageId: 'done', ownerId },
});
const reopened = (stageId: string): TicketsEvent => ({ type: 'TicketReopened', data: { ticketId: 't-1', pipelineId: 'support', stageId } });

const reduce = (events: readonly Timed[], tickets: readonly TicketRow[] = [], pipelines: readonly TicketPipeline[] = []) =>
  reduceTickets({ tickets: new Map(tickets.map((t) => [t.ticketId, t])), pipelines: new Map(pipelines.map((p) => [p.pipelineId, p])) }, events);

const stage = (id: string, label: string, closedAs: 'won' | null = null): PipelineStageData => ({
  id,
  label,
  probability: 0,
  closed: closedAs,
  stuckAfterDays: null,
});
const supportCreated: TicketsEvent = {
  type: 'PipelineCreated',
  data: { pipelineId: 'support', objectType: 'ticket', name: 'Support', stages: [stage('new', 'New'), stage('waiting', 'Waiting'), stage('done', 'Done', 'won')] },
};

const openTicket: TicketRow = {
  ticketId: 't-1',
  pipelineId: 'support',
  stageId: 'new',
  priority: 'high',
  ownerId: 'ada',
  status: 'open',
  createdAt: '2026-01-10T09:00:00.000Z',
  closedAt: null,
  enteredStageAt: '2026-01-10T09:00:00.000Z',
};

describe('tickets projection', () => {
  it('opens a ticket in its first stage, at the business time of its creation', () => {
    expect(reduce([at('2026-01-10T10:00:00.000+01:00', created())]).tickets).toEqual([openTicket]);
  });

  it('restarts the stage clock on each stage change and keeps the creation time', () => {
    expect(reduce([at('2026-01-10T09:00:00.000Z', created()), at('2026-01-12T09:00:00.000Z', moved('new', 'waiting'))]).tickets).toEqual([
      { ...openTicket, stageId: 'waiting', enteredStageAt: '2026-01-12T09:00:00.000Z' },
    ]);
  });

  it('closes, reopens and closes again, continuing from the row stored by an earlier batch', () => {
    const first = reduce([at('2026-01-13T09:00:00.000Z', moved('new', 'done')), at('2026-01-13T09:00:00.000Z', closed('ada'))], [openTicket]);
    const closedTicket = { ...openTicket, stageId: 'done', status: 'closed', closedAt: '2026-01-13T09:00:00.000Z', enteredStageAt: '2026-01-13T09:00:00.000Z' };
    expect(first.tickets).toEqual([closedTicket]);

    const reopenedThenClosed = reduce(
      [
        at('2026-01-14T09:00:00.000Z', moved('done', 'waiting')),
        at('2026-01-14T09:00:00.000Z', reopened('waiting')),
      ],
      first.tickets,
    );
    expect(reopenedThenClosed.tickets).toEqual([
      { ...closedTicket, stageId: 'waiting', status: 'open', closedAt: null, enteredStageAt: '2026-01-14T09:00:00.000Z' },
    ]);

    const closedAgain = reduce(
      [at('2026-01-20T09:00:00.000Z', moved('waiting', 'done')), at('2026-01-20T09:00:00.000Z', closed('bob'))],
      reopenedThenClosed.tickets,
    );
    expect(closedAgain.tickets).toEqual([
      { ...closedTicket, closedAt: '2026-01-20T09:00:00.000Z', enteredStageAt: '2026-01-20T09:00:00.000Z' },
    ]);
  });

  it('closes a ticket created straight into a closed stage without a second stage entry', () => {
    expect(reduce([at('2026-01-10T09:00:00.000Z', created('t-1', 'done')), at('2026-01-10T09:00:00.000Z', closed(null))]).tickets).toEqual([
      { ...openTicket, stageId: 'done', status: 'closed', closedAt: '2026-01-10T09:00:00.000Z' },
    ]);
  });

  it('follows owner and priority changes, including unassignment', () => {
    expect(
      reduce(
        [
          at('2026-01-11T09:00:00.000Z', { type: 'TicketOwnerAssigned', data: { ticketId: 't-1', previous: 'ada', ownerId: 'bob' } }),
          at('2026-01-11T10:00:00.000Z', { type: 'TicketPriorityChanged', data: { ticketId: 't-1', previous: 'high', priority: 'urgent' } }),
          at('2026-01-11T11:00:00.000Z', { type: 'TicketOwnerAssigned', data: { ticketId: 't-1', previous: 'bob', ownerId: null } }),
        ],
        [openTicket],
      ).tickets,
    ).toEqual([{ ...openTicket, ownerId: null, priority: 'urgent' }]);
  });

  it('keeps every ticket of a batch apart and writes only the ones that changed', () => {
    const result = reduce(
      [at('2026-01-10T09:00:00.000Z', created('t-2')), at('2026-01-11T09:00:00.000Z', closed('ada', 't-2')), at('2026-01-11T09:00:00.000Z', created('t-3'))],
      [openTicket],
    );
    expect(result.tickets.map((t) => [t.ticketId, t.status])).toEqual([
      ['t-2', 'closed'],
      ['t-3', 'open'],
    ]);
  });

  it('ignores events for a ticket it never saw created, and a repeated creation', () => {
    expect(reduce([at('2026-01-11T09:00:00.000Z', closed('ada', 't-9'))]).tickets).toEqual([]);
    expect(reduce([at('2026-02-01T09:00:00.000Z', created())], [openTicket]).tickets).toEqual([]);
  });

  it('keeps ticket pipelines with stage labels in display order, archived stages last', () => {
    const { pipelines } = reduce([
      at('2026-01-01T00:00:00.000Z', supportCreated),
      at('2026-01-02T00:00:00.000Z', { type: 'PipelineRenamed', data: { pipelineId: 'support', previous: 'Support', name: 'Customer support' } }),
      at('2026-01-03T00:00:00.000Z', { type: 'PipelineStageAdded', data: { pipelineId: 'support', stage: stage('triage', 'Triage'), position: 1 } }),
      at('2026-01-04T00:00:00.000Z', { type: 'PipelineStageRenamed', data: { pipelineId: 'support', stageId: 'waiting', previous: 'Waiting', label: 'Waiting on customer' } }),
      at('2026-01-05T00:00:00.000Z', { type: 'PipelineStageArchived', data: { pipelineId: 'support', stageId: 'new' } }),
      at('2026-01-06T00:00:00.000Z', {
        type: 'PipelineStagesReordered',
        data: { pipelineId: 'support', previous: ['triage', 'waiting', 'done'], stageIds: ['waiting', 'triage', 'done'] },
      }),
    ]);
    expect(pipelines).toEqual([
      {
        pipelineId: 'support',
        name: 'Customer support',
        stages: [
          { stageId: 'waiting', label: 'Waiting on customer', closed: false, archived: false },
          { stageId: 'triage', label: 'Triage', closed: false, archived: false },
          { stageId: 'done', label: 'Done', closed: true, archived: false },
          { stageId: 'new', label: 'New', closed: false, archived: true },
        ],
      },
    ]);
  });

  it('leaves deal pipelines out', () => {
    const dealPipeline: TicketsEvent = { ...supportCreated, data: { ...supportCreated.data, pipelineId: 'sales', objectType: 'deal' } } as TicketsEvent;
    expect(
      reduce([
        at('2026-01-01T00:00:00.000Z', dealPipeline),
        at('2026-01-02T00:00:00.000Z', { type: 'PipelineRenamed', data: { pipelineId: 'sales', previous: 'Support', name: 'Sales' } }),
      ]).pipelines,
    ).toEqual([]);
  });
});
