// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { engagementEventDefinitions, type EngagementEvent } from './engagement.events.js';

const engagementId = '9a4c7e10-2b3d-4c5e-8f60-7a1b2c3d4e5f';
const examples: StoredExamples<EngagementEvent> = {
  EngagementLogged: {
    engagementId,
    kind: 'task',
    ownerId: 'o-1',
    subject: 'Send proposal',
    body: null,
    durationMinutes: null,
    outcome: null,
    dueAt: '2024-03-20T09:00:00.000Z',
    contactIds: ['c-1'],
    companyIds: [],
    dealIds: ['d-1'],
    ticketIds: [],
  },
  TaskCompleted: { engagementId, ownerId: 'o-1', completedBy: 'o-2' },
};

const schemaOf = (type: EngagementEvent['type']) => engagementEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

specifyEventDefinitions('engagement', engagementEventDefinitions, examples, () => {
  it('accepts a call with duration and outcome', () => {
    const call = { ...examples.EngagementLogged, kind: 'call', subject: null, durationMinutes: 25, outcome: 'connected', dueAt: null };
    expect(ajv.validate(schemaOf('EngagementLogged'), call)).toBe(true);
  });

  it('rejects data with an unknown property or a due time that is not UTC', () => {
    expect(ajv.validate(schemaOf('TaskCompleted'), { ...examples.TaskCompleted, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('EngagementLogged'), { ...examples.EngagementLogged, dueAt: '2024-03-20T10:00:00+01:00' })).toBe(false);
  });
});
