// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { addEventSchemaFormats } from '../shared/schema-formats.js';
import { engagementEventDefinitions, type EngagementEvent } from './engagement.events.js';

type Examples = { [Type in EngagementEvent['type']]: Extract<EngagementEvent, { type: Type }>['data'] };

const engagementId = '9a4c7e10-2b3d-4c5e-8f60-7a1b2c3d4e5f';
const examples: Examples = {
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

const ajv = addEventSchemaFormats(new Ajv2020({ strict: true, allowUnionTypes: true }));
const schemaOf = (type: EngagementEvent['type']) => engagementEventDefinitions.find((definition) => definition.type === type)?.schema ?? {};

describe('engagement event definitions', () => {
  it('define every engagement event type exactly once', () => {
    expect(engagementEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(engagementEventDefinitions.map((definition) => [definition.type, definition] as const))('%s: example matches schema and snapshot', (type, definition) => {
    const example = examples[type as EngagementEvent['type']];
    const validate = ajv.compile(definition.schema);
    const valid = validate(example);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect({ type, schemaVersion: definition.schemaVersion, schema: definition.schema, example }).toMatchSnapshot();
  });

  it('accepts a call with duration and outcome', () => {
    const call = { ...examples.EngagementLogged, kind: 'call', subject: null, durationMinutes: 25, outcome: 'connected', dueAt: null };
    expect(ajv.validate(schemaOf('EngagementLogged'), call)).toBe(true);
  });

  it('rejects data with an unknown property or a due time that is not UTC', () => {
    expect(ajv.validate(schemaOf('TaskCompleted'), { ...examples.TaskCompleted, extra: 1 })).toBe(false);
    expect(ajv.validate(schemaOf('EngagementLogged'), { ...examples.EngagementLogged, dueAt: '2024-03-20T10:00:00+01:00' })).toBe(false);
  });
});
