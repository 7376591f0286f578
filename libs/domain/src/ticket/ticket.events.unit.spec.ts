// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { ticketEventDefinitions, type TicketEvent } from './ticket.events.js';

const ticketId = '6f1d3a52-8c44-4f7b-a0b1-3e9d5c2f7a20';
const pipelineId = 'support';
const examples: StoredExamples<TicketEvent> = {
  TicketCreated: { ticketId, subject: 'Cannot log in', pipelineId, stageId: 'new', priority: 'high', ownerId: 'o-1', contactId: 'c-1', dealId: null },
  TicketStageChanged: { ticketId, pipelineId, fromStageId: 'new', toStageId: 'closed' },
  TicketClosed: { ticketId, pipelineId, stageId: 'closed', ownerId: 'o-1' },
  TicketReopened: { ticketId, pipelineId, stageId: 'waiting-on-us' },
  TicketOwnerAssigned: { ticketId, previous: 'o-1', ownerId: null },
  TicketPriorityChanged: { ticketId, previous: 'high', priority: 'urgent' },
};

const schemaOf = (type: TicketEvent['type']) => ticketEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

specifyEventDefinitions('ticket', ticketEventDefinitions, examples, () => {
  it('rejects data with an unknown property or priority', () => {
    expect(ajv.validate(schemaOf('TicketReopened'), { ...examples.TicketReopened, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('TicketPriorityChanged'), { ...examples.TicketPriorityChanged, priority: 'p1' })).toBe(false);
  });
});
