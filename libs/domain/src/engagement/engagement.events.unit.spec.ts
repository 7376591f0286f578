// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { engagementEventDefinitions, engagementLoggedV1ToV2, type EngagementEvent } from './engagement.events.js';

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
    priority: 'high',
    contactIds: ['c-1'],
    companyIds: [],
    dealIds: ['d-1'],
    ticketIds: [],
  },
  EngagementUpdated: {
    engagementId,
    changes: [
      { field: 'subject', previous: 'Send proposal', value: 'Send the signed proposal' },
      { field: 'priority', previous: 'high', value: null },
    ],
  },
  TaskRescheduled: { engagementId, previous: '2024-03-20T09:00:00.000Z', dueAt: '2024-03-22T09:00:00.000Z' },
  TaskCompleted: { engagementId, ownerId: 'o-1', completedBy: 'o-2' },
  TaskReopened: { engagementId, ownerId: 'o-1' },
};

const schemaOf = (type: EngagementEvent['type']) => engagementEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

specifyEventDefinitions('engagement', engagementEventDefinitions, examples, () => {
  it('accepts a call with duration and outcome', () => {
    const call = { ...examples.EngagementLogged, kind: 'call', subject: null, durationMinutes: 25, outcome: 'connected', dueAt: null, priority: null };
    expect(ajv.validate(schemaOf('EngagementLogged'), call)).toBe(true);
  });

  it('rejects data with an unknown property, a due time that is not UTC or an unknown priority', () => {
    expect(ajv.validate(schemaOf('TaskCompleted'), { ...examples.TaskCompleted, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('EngagementLogged'), { ...examples.EngagementLogged, dueAt: '2024-03-20T10:00:00+01:00' })).toBe(false);
    expect(ajv.validate(schemaOf('TaskRescheduled'), { ...examples.TaskRescheduled, dueAt: '2024-03-22T10:00:00+01:00' })).toBe(false);
    expect(ajv.validate(schemaOf('EngagementLogged'), { ...examples.EngagementLogged, priority: 'urgent' })).toBe(false);
  });

  it('rejects an update naming a field engagements do not have, a value of the wrong type, or no change', () => {
    const validUpdate = (changes: unknown) => ajv.validate(schemaOf('EngagementUpdated'), { engagementId, changes });
    expect(validUpdate([{ field: 'durationMinutes', previous: null, value: 30 }])).toBe(true);
    expect(validUpdate([{ field: 'dueAt', previous: null, value: '2024-03-22T09:00:00.000Z' }])).toBe(false);
    expect(validUpdate([{ field: 'durationMinutes', previous: null, value: '30' }])).toBe(false);
    expect(validUpdate([])).toBe(false);
  });

  it('reads a stored v1 EngagementLogged as v2 without a priority', () => {
    const { priority, ...storedV1 } = examples.EngagementLogged;
    expect(priority).toBe('high');
    expect(engagementLoggedV1ToV2.fromVersion).toBe(1);
    const upcast = engagementLoggedV1ToV2.upcast(storedV1);
    expect(upcast).toEqual({ ...storedV1, priority: null });
    expect(ajv.validate(schemaOf('EngagementLogged'), upcast)).toBe(true);
    expect(engagementEventDefinitions.find((definition) => definition.type === 'EngagementLogged')?.upcasters).toEqual([engagementLoggedV1ToV2]);
  });
});
