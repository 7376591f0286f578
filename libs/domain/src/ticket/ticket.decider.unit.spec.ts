import type { CommandMetadata } from '../shared/index.js';
import { DeciderSpecification } from '../shared/decider-specification.js';
import { defaultDealPipeline, defaultTicketPipeline, type Pipeline } from '../pipeline/index.js';
import { pipelineOf } from '../pipeline/pipeline.spec-helper.js';
import type { CreateTicket, TicketCommand } from './ticket.commands.js';
import { ticketDecider } from './ticket.decider.js';
import { ticketStream, type TicketCreated, type TicketEvent, type TicketPriority } from './ticket.events.js';

const given = DeciderSpecification.for(ticketDecider);
const metadata: CommandMetadata = { now: '2024-03-15T10:00:00.000Z' };
const ticketId = 't-1';
const pipelineId = 'support';

// The default support pipeline plus a second closed stage, to move between closed stages.
const pipeline = pipelineOf(defaultTicketPipeline, {
  type: 'PipelineStageAdded',
  data: { pipelineId, stage: { id: 'duplicate', label: 'Duplicate', probability: 1, closed: 'won', stuckAfterDays: null }, position: 4 },
});
const pipelineWithArchivedStage = pipelineOf(defaultTicketPipeline, { type: 'PipelineStageArchived', data: { pipelineId, stageId: 'waiting-on-us' } });
const dealPipeline = pipelineOf(defaultDealPipeline);

const created: TicketCreated = {
  type: 'TicketCreated',
  data: {
    ticketId,
    subject: 'Cannot log in',
    pipelineId,
    stageId: 'new',
    priority: 'high',
    ownerId: 'o-1',
    contactIds: ['c-1'],
    companyIds: [],
    dealIds: [],
    properties: {},
  },
};
const stageChanged = (fromStageId: string, toStageId: string): TicketEvent => ({
  type: 'TicketStageChanged',
  data: { ticketId, pipelineId, fromStageId, toStageId },
});
const closed: TicketEvent = { type: 'TicketClosed', data: { ticketId, pipelineId, stageId: 'closed', ownerId: 'o-1' } };

const create = (overrides: Partial<CreateTicket['data']> = {}): TicketCommand => ({
  type: 'CreateTicket',
  data: { ticketId, subject: 'Cannot log in', pipeline, priority: 'high', ownerId: 'o-1', contactIds: ['c-1'], ...overrides },
  metadata,
});
const move = (stageId: string, onPipeline: Pipeline = pipeline): TicketCommand => ({
  type: 'MoveTicketToStage',
  data: { ticketId, stageId, pipeline: onPipeline },
  metadata,
});

describe('ticket decider', () => {
  it('names the stream after the ticket id', () => {
    expect(ticketStream('t-1')).toBe('ticket-t-1');
  });

  it.each([
    ['MoveTicketToStage', { ticketId, stageId: 'closed', pipeline }],
    ['AssignTicketOwner', { ticketId, ownerId: 'o-2' }],
    ['ChangeTicketPriority', { ticketId, priority: 'urgent' }],
    ['ChangeTicketProperties', { ticketId, properties: { sla: 'gold' } }],
  ] as const)('%s: rejects an unknown ticket', (type, data) => {
    given([]).when({ type, data, metadata } as TicketCommand).thenThrows('NOT_FOUND');
  });

  describe('CreateTicket', () => {
    it('opens a ticket in the first open stage', () => {
      given([]).when(create()).then([created]);
    });

    it('keeps the given stage and deal, trims the subject and fills absent ids with null or none', () => {
      given([])
        .when({
          type: 'CreateTicket',
          data: { ticketId, subject: ' Invoice wrong ', pipeline, stageId: 'waiting-on-us', priority: 'low', dealIds: ['d-1'] },
          metadata,
        })
        .then([
          {
            type: 'TicketCreated',
            data: {
              ticketId,
              subject: 'Invoice wrong',
              pipelineId,
              stageId: 'waiting-on-us',
              priority: 'low',
              ownerId: null,
              contactIds: [],
              companyIds: [],
              dealIds: ['d-1'],
              properties: {},
            },
          },
        ]);
    });

    it('records every contact, company and deal once, and the custom properties with a value', () => {
      given([])
        .when(
          create({
            contactIds: ['c-1', 'c-2', 'c-1'],
            companyIds: ['co-1', 'co-1'],
            dealIds: ['d-1', 'd-2'],
            properties: { sla: 'gold', seats: 3, escalated: false, region: null },
          }),
        )
        .then([
          {
            ...created,
            data: {
              ...created.data,
              contactIds: ['c-1', 'c-2'],
              companyIds: ['co-1'],
              dealIds: ['d-1', 'd-2'],
              properties: { sla: 'gold', seats: 3, escalated: false },
            },
          },
        ]);
    });

    it.each(['subject', 'contactId', 'dealIds', 'status'])('rejects a custom property named like the built-in field %s', (name) => {
      given([]).when(create({ properties: { [name]: 'x' } })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });

    it('records the close when created in a closed stage', () => {
      given([])
        .when(create({ stageId: 'closed' }))
        .then([{ ...created, data: { ...created.data, stageId: 'closed' } }, closed]);
    });

    it('rejects creating a ticket twice', () => {
      given([created]).when(create()).thenThrows('ALREADY_EXISTS');
    });

    it('rejects a deal pipeline', () => {
      given([]).when(create({ pipeline: dealPipeline })).thenThrows('RULE_VIOLATED', 'not-a-ticket-pipeline');
    });

    it('rejects a blank subject', () => {
      given([]).when(create({ subject: '  ' })).thenThrows('RULE_VIOLATED', 'ticket-subject-required');
    });

    it('rejects a stage outside the pipeline', () => {
      given([]).when(create({ stageId: 'nope' })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects an archived stage', () => {
      given([]).when(create({ pipeline: pipelineWithArchivedStage, stageId: 'waiting-on-us' })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects an unknown priority', () => {
      given([]).when(create({ priority: 'critical' as TicketPriority })).thenThrows('RULE_VIOLATED', 'invalid-priority');
    });
  });

  describe('MoveTicketToStage', () => {
    it('moves an open ticket to another open stage', () => {
      given([created]).when(move('waiting-on-contact')).then([stageChanged('new', 'waiting-on-contact')]);
    });

    it('closes the ticket when it enters a closed stage, naming the owner at that moment', () => {
      given([created, { type: 'TicketOwnerAssigned', data: { ticketId, previous: 'o-1', ownerId: 'o-2' } }])
        .when(move('closed'))
        .then([stageChanged('new', 'closed'), { type: 'TicketClosed', data: { ticketId, pipelineId, stageId: 'closed', ownerId: 'o-2' } }]);
    });

    it('reopens the ticket when it leaves a closed stage', () => {
      given([created, stageChanged('new', 'closed'), closed])
        .when(move('waiting-on-us'))
        .then([stageChanged('closed', 'waiting-on-us'), { type: 'TicketReopened', data: { ticketId, pipelineId, stageId: 'waiting-on-us' } }]);
    });

    it('closes again after a reopen', () => {
      given([created, stageChanged('new', 'closed'), closed, stageChanged('closed', 'new'), { type: 'TicketReopened', data: { ticketId, pipelineId, stageId: 'new' } }])
        .when(move('closed'))
        .then([stageChanged('new', 'closed'), closed]);
    });

    it('records only the stage change between two closed stages', () => {
      given([created, stageChanged('new', 'closed'), closed]).when(move('duplicate')).then([stageChanged('closed', 'duplicate')]);
    });

    it('records nothing when the ticket is already in the stage', () => {
      given([created]).when(move('new')).then([]);
    });

    it('rejects a stage outside the pipeline', () => {
      given([created]).when(move('nope')).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects an archived stage', () => {
      given([created]).when(move('waiting-on-us', pipelineWithArchivedStage)).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it("rejects a stage of a pipeline other than the ticket's", () => {
      given([created]).when(move('closed', { ...pipeline, pipelineId: 'billing' })).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });
  });

  describe('AssignTicketOwner', () => {
    const assign = (ownerId: string | null): TicketCommand => ({ type: 'AssignTicketOwner', data: { ticketId, ownerId }, metadata });

    it('assigns another owner, carrying the previous one', () => {
      given([created]).when(assign('o-2')).then([{ type: 'TicketOwnerAssigned', data: { ticketId, previous: 'o-1', ownerId: 'o-2' } }]);
    });

    it('unassigns with null', () => {
      given([created]).when(assign(null)).then([{ type: 'TicketOwnerAssigned', data: { ticketId, previous: 'o-1', ownerId: null } }]);
    });

    it('records nothing when the owner is unchanged', () => {
      given([created]).when(assign('o-1')).then([]);
    });
  });

  describe('ChangeTicketPriority', () => {
    const change = (priority: TicketPriority): TicketCommand => ({ type: 'ChangeTicketPriority', data: { ticketId, priority }, metadata });

    it('changes the priority, carrying the previous one', () => {
      given([created]).when(change('urgent')).then([{ type: 'TicketPriorityChanged', data: { ticketId, previous: 'high', priority: 'urgent' } }]);
    });

    it('records nothing when the priority is unchanged', () => {
      given([created]).when(change('high')).then([]);
    });

    it('rejects an unknown priority', () => {
      given([created]).when(change('p1' as TicketPriority)).thenThrows('RULE_VIOLATED', 'invalid-priority');
    });
  });

  describe('ChangeTicketProperties', () => {
    const change = (properties: Readonly<Record<string, string | number | boolean | null>>): TicketCommand => ({
      type: 'ChangeTicketProperties',
      data: { ticketId, properties },
      metadata,
    });
    const withProperties: TicketCreated = { ...created, data: { ...created.data, properties: { sla: 'gold', seats: 3 } } };

    it('records only the values that changed, each with the one before it', () => {
      given([withProperties])
        .when(change({ sla: 'silver', seats: 3, escalated: true, region: null }))
        .then([
          {
            type: 'TicketPropertiesChanged',
            data: {
              ticketId,
              changes: [
                { property: 'sla', previous: 'gold', value: 'silver' },
                { property: 'escalated', previous: null, value: true },
              ],
            },
          },
        ]);
    });

    it('clears a value with null and knows it is gone afterwards', () => {
      const cleared: TicketEvent = { type: 'TicketPropertiesChanged', data: { ticketId, changes: [{ property: 'seats', previous: 3, value: null }] } };
      given([withProperties]).when(change({ seats: null })).then([cleared]);
      given([withProperties, cleared]).when(change({ seats: null })).then([]);
      given([withProperties, cleared])
        .when(change({ seats: 4 }))
        .then([{ type: 'TicketPropertiesChanged', data: { ticketId, changes: [{ property: 'seats', previous: null, value: 4 }] } }]);
    });

    it('records nothing when no value changed', () => {
      given([withProperties]).when(change({ sla: 'gold', region: null })).then([]);
    });

    it('rejects a built-in field', () => {
      given([withProperties]).when(change({ priority: 'low' })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });
  });
});
