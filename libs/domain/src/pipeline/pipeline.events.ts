// Pipeline events: the stages deals and tickets move through. Names and shapes are permanent once stored.
import { defineEvent, type DomainEvent, type EventDefinition, type JsonSchema, dataSchema, strictObject, idSchema as id, textSchema as text } from '../shared/index.js';

export const pipelineStream = (pipelineId: string): string => `pipeline-${pipelineId}`;

export type PipelineObjectType = 'deal' | 'ticket';

// Ticket pipelines mark their closed stage(s) with 'won': closed means resolved, there is no lost ticket.
export type StageOutcome = 'won' | 'lost';

export type PipelineStageData = Readonly<{
  id: string;
  label: string;
  probability: number;
  closed: StageOutcome | null;
  stuckAfterDays: number | null;
}>;

export type PipelineCreated = DomainEvent<
  'PipelineCreated',
  Readonly<{ pipelineId: string; objectType: PipelineObjectType; name: string; stages: readonly PipelineStageData[] }>
>;
export type PipelineRenamed = DomainEvent<'PipelineRenamed', Readonly<{ pipelineId: string; previous: string; name: string }>>;
/** position: index among the non-archived stages after insertion. */
export type PipelineStageAdded = DomainEvent<
  'PipelineStageAdded',
  Readonly<{ pipelineId: string; stage: PipelineStageData; position: number }>
>;
export type PipelineStageRenamed = DomainEvent<
  'PipelineStageRenamed',
  Readonly<{ pipelineId: string; stageId: string; previous: string; label: string }>
>;
export type PipelineStageProbabilityChanged = DomainEvent<
  'PipelineStageProbabilityChanged',
  Readonly<{ pipelineId: string; stageId: string; previous: number; probability: number }>
>;
/** previous and stageIds list the non-archived stages in display order. */
export type PipelineStagesReordered = DomainEvent<
  'PipelineStagesReordered',
  Readonly<{ pipelineId: string; previous: readonly string[]; stageIds: readonly string[] }>
>;
export type PipelineStageArchived = DomainEvent<'PipelineStageArchived', Readonly<{ pipelineId: string; stageId: string }>>;

export type PipelineEvent =
  | PipelineCreated
  | PipelineRenamed
  | PipelineStageAdded
  | PipelineStageRenamed
  | PipelineStageProbabilityChanged
  | PipelineStagesReordered
  | PipelineStageArchived;

const probability: JsonSchema = { type: 'number', minimum: 0, maximum: 1 };
const stageIds: JsonSchema = { type: 'array', items: id, uniqueItems: true };

const stageSchema = strictObject({
  id,
  label: text,
  probability,
  closed: { enum: ['won', 'lost', null] },
  stuckAfterDays: { type: ['integer', 'null'], minimum: 1 },
});

export const pipelineEventDefinitions: readonly EventDefinition[] = [
  defineEvent({
    type: 'PipelineCreated',
    schemaVersion: 1,
    description: 'A deal or ticket pipeline was created with its stages in display order.',
    schema: dataSchema({
      pipelineId: id,
      objectType: { enum: ['deal', 'ticket'] },
      name: text,
      stages: { type: 'array', minItems: 1, items: stageSchema },
    }),
  }),
  defineEvent({
    type: 'PipelineRenamed',
    schemaVersion: 1,
    description: 'A pipeline got a new name.',
    schema: dataSchema({ pipelineId: id, previous: text, name: text }),
  }),
  defineEvent({
    type: 'PipelineStageAdded',
    schemaVersion: 1,
    description: 'A stage was inserted at a position among the non-archived stages.',
    schema: dataSchema({ pipelineId: id, stage: stageSchema, position: { type: 'integer', minimum: 0 } }),
  }),
  defineEvent({
    type: 'PipelineStageRenamed',
    schemaVersion: 1,
    description: 'A stage got a new label; its id stays.',
    schema: dataSchema({ pipelineId: id, stageId: id, previous: text, label: text }),
  }),
  defineEvent({
    type: 'PipelineStageProbabilityChanged',
    schemaVersion: 1,
    description: 'The win probability of a stage changed (forecasts weight open deals by it).',
    schema: dataSchema({ pipelineId: id, stageId: id, previous: probability, probability }),
  }),
  defineEvent({
    type: 'PipelineStagesReordered',
    schemaVersion: 1,
    description: 'The non-archived stages got a new display order.',
    schema: dataSchema({ pipelineId: id, previous: stageIds, stageIds }),
  }),
  defineEvent({
    type: 'PipelineStageArchived',
    schemaVersion: 1,
    description: 'A stage was archived: no new records enter it; records already in it keep it.',
    schema: dataSchema({ pipelineId: id, stageId: id }),
  }),
];
