// Stored shapes are permanent: each example must satisfy its JSON Schema, and the snapshot makes a change visible.
import { eventSchemaAjv as ajv, specifyEventDefinitions, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { pipelineEventDefinitions, type PipelineEvent } from './pipeline.events.js';

const pipelineId = 'default';
const stage = { id: 'contractsent', label: 'Contract Sent', probability: 0.9, closed: null, stuckAfterDays: 30 };
const examples: StoredExamples<PipelineEvent> = {
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


specifyEventDefinitions('pipeline', pipelineEventDefinitions, examples, () => {
  it('rejects data with an unknown property', () => {
    const definition = pipelineEventDefinitions.find((candidate) => candidate.type === 'PipelineStageArchived');
    expect(ajv.validate(definition?.schema ?? {}, { ...examples.PipelineStageArchived, extra: 1 })).toBe(false);
  });
});
