// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ticketEventDefinitions, type TicketEvent } from './ticket.events.js';

type Examples = { [Type in TicketEvent['type']]: Extract<TicketEvent, { type: Type }>['data'] };

const ticketId = '6f1d3a52-8c44-4f7b-a0b1-3e9d5c2f7a20';
const pipelineId = 'support';
const examples: Examples = {
  TicketCreated: { ticketId, subject: 'Cannot log in', pipelineId, stageId: 'new', priority: 'high', ownerId: 'o-1', contactId: 'c-1', dealId: null },
  TicketStageChanged: { ticketId, pipelineId, fromStageId: 'new', toStageId: 'closed' },
  TicketClosed: { ticketId, pipelineId, stageId: 'closed', ownerId: 'o-1' },
  TicketReopened: { ticketId, pipelineId, stageId: 'waiting-on-us' },
  TicketOwnerAssigned: { ticketId, previous: 'o-1', ownerId: null },
  TicketPriorityChanged: { ticketId, previous: 'high', priority: 'urgent' },
};

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
const schemaOf = (type: TicketEvent['type']) => ticketEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

describe('ticket event definitions', () => {
  it('define every ticket event type exactly once', () => {
    expect(ticketEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(ticketEventDefinitions.map((definition) => [definition.type, definition] as const))('%s: example matches schema and snapshot', (type, definition) => {
    const example = examples[type as TicketEvent['type']];
    const validate = ajv.compile(definition.schema);
    const valid = validate(example);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect({ type, schemaVersion: definition.schemaVersion, schema: definition.schema, example }).toMatchSnapshot();
  });

  it('rejects data with an unknown property or priority', () => {
    expect(ajv.validate(schemaOf('TicketReopened'), { ...examples.TicketReopened, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('TicketPriorityChanged'), { ...examples.TicketPriorityChanged, priority: 'p1' })).toBe(false);
  });
});
