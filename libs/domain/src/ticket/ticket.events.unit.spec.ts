// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { ticketCreatedV1ToV2, ticketEventDefinitions, type TicketEvent } from './ticket.events.js';

const ticketId = '6f1d3a52-8c44-4f7b-a0b1-3e9d5c2f7a20';
const pipelineId = 'support';
const examples: StoredExamples<TicketEvent> = {
  TicketCreated: {
    ticketId,
    subject: 'Cannot log in',
    pipelineId,
    stageId: 'new',
    priority: 'high',
    ownerId: 'o-1',
    contactIds: ['c-1', 'c-2'],
    companyIds: ['co-1'],
    dealIds: ['d-1'],
    properties: { sla: 'gold', seats: 3, escalated: false },
  },
  TicketStageChanged: { ticketId, pipelineId, fromStageId: 'new', toStageId: 'closed' },
  TicketClosed: { ticketId, pipelineId, stageId: 'closed', ownerId: 'o-1' },
  TicketReopened: { ticketId, pipelineId, stageId: 'waiting-on-us' },
  TicketOwnerAssigned: { ticketId, previous: 'o-1', ownerId: null },
  TicketPriorityChanged: { ticketId, previous: 'high', priority: 'urgent' },
  TicketPropertiesChanged: {
    ticketId,
    changes: [
      { property: 'sla', previous: 'gold', value: 'silver' },
      { property: 'escalated', previous: false, value: null },
    ],
  },
};

const schemaOf = (type: TicketEvent['type']) => ticketEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

specifyEventDefinitions('ticket', ticketEventDefinitions, examples, () => {
  it('rejects data with an unknown property or priority', () => {
    expect(ajv.validate(schemaOf('TicketReopened'), { ...examples.TicketReopened, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('TicketPriorityChanged'), { ...examples.TicketPriorityChanged, priority: 'p1' })).toBe(false);
  });

  it("rejects a custom property named like a built-in field, or v1's contactId", () => {
    expect(ajv.validate(schemaOf('TicketCreated'), { ...examples.TicketCreated, properties: { contactId: 'c-1' } })).toBe(false);
    expect(ajv.validate(schemaOf('TicketCreated'), { ...examples.TicketCreated, contactId: 'c-1' })).toBe(false);
    const changed = { ticketId, changes: [{ property: 'priority', previous: 'low', value: 'high' }] };
    expect(ajv.validate(schemaOf('TicketPropertiesChanged'), changed)).toBe(false);
  });
});

describe('TicketCreated v1 -> v2 upcaster', () => {
  const { contactIds: _contactIds, companyIds: _companyIds, dealIds: _dealIds, properties: _properties, ...common } = examples.TicketCreated;

  it('is the registered upcaster from version 1', () => {
    expect(ticketEventDefinitions.find((definition) => definition.type === 'TicketCreated')?.upcasters).toEqual([ticketCreatedV1ToV2]);
    expect(ticketCreatedV1ToV2.fromVersion).toBe(1);
  });

  it('lifts the stored v1 shape: its contact and deal become one-item lists, no company, no custom properties', () => {
    const storedV1 = { ...common, contactId: 'c-1', dealId: 'd-1' };
    const upcast = ticketCreatedV1ToV2.upcast(storedV1);
    expect({ storedV1, upcast }).toMatchSnapshot();
    expect(upcast).toEqual({ ...common, contactIds: ['c-1'], companyIds: [], dealIds: ['d-1'], properties: {} });
    expect(ajv.validate(schemaOf('TicketCreated'), upcast)).toBe(true);
  });

  it('turns a null contact or deal into an empty list', () => {
    const upcast = ticketCreatedV1ToV2.upcast({ ...common, contactId: null, dealId: null });
    expect(upcast).toEqual({ ...common, contactIds: [], companyIds: [], dealIds: [], properties: {} });
    expect(ajv.validate(schemaOf('TicketCreated'), upcast)).toBe(true);
  });
});
