// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { pipelineEventDefinitions, type PipelineEvent } from './pipeline.events.js';

type Examples = { [Type in PipelineEvent['type']]: Extract<PipelineEvent, { type: Type }>['data'] };

const pipelineId = 'default';
const stage = { id: 'contractsent', label: 'Contract Sent', probability: 0.9, closed: null, stuckAfterDays: 30 };
const examples: Examples = {
  PipelineCreated: {
    pipelineId,
    objectType: 'deal',
    name: 'Sales Pipeline',
    stages: [stage, { id: 'closedwon', label: 'Closed Won', probability: 1, closed: 'won', stuckAfterDays: null }],
  },
  PipelineRenamed: { pipelineId, previous: 'Sales Pipeline', name: 'New Business' },
  PipelineStageAdded: { pipelineId, stage, position: 4 },
  PipelineStageRenamed: { pipelineId, stageId: 'contractsent', previous: 'Contract Sent', label: 'Contract out' },
  PipelineStageProbabilityChanged: { pipelineId, stageId: 'contractsent', previous: 0.9, probability: 0.85 },
  PipelineStagesReordered: { pipelineId, previous: ['a', 'b'], stageIds: ['b', 'a'] },
  PipelineStageArchived: { pipelineId, stageId: 'contractsent' },
};

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });

describe('pipeline event definitions', () => {
  it('define every pipeline event type exactly once', () => {
    expect(pipelineEventDefinitions.map((definition) => definition.type).sort()).toEqual(Object.keys(examples).sort());
  });

  it.each(pipelineEventDefinitions.map((definition) => [definition.type, definition] as const))('%s: example matches schema and snapshot', (type, definition) => {
    const example = examples[type as PipelineEvent['type']];
    const validate = ajv.compile(definition.schema);
    const valid = validate(example);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect({ type, schemaVersion: definition.schemaVersion, schema: definition.schema, example }).toMatchSnapshot();
  });

  it('rejects data with an unknown property', () => {
    const definition = pipelineEventDefinitions.find((candidate) => candidate.type === 'PipelineStageArchived');
    expect(ajv.validate(definition?.schema ?? {}, { ...examples.PipelineStageArchived, extra: 1 })).toBe(false);
  });
});
