import type { Command } from '../shared/index.js';
import type { PipelineObjectType, StageOutcome } from './pipeline.events.js';

export type PipelineStageInput = Readonly<{
  id: string;
  label: string;
  probability: number;
  closed?: StageOutcome;
  /** Integer > 0: a record in this stage longer than this is stuck. */
  stuckAfterDays?: number;
}>;

export type CreatePipeline = Command<
  'CreatePipeline',
  Readonly<{ pipelineId: string; objectType: PipelineObjectType; name: string; stages: readonly PipelineStageInput[] }>
>;
export type RenamePipeline = Command<'RenamePipeline', Readonly<{ pipelineId: string; name: string }>>;
/** position: index among the non-archived stages; omitted appends at the end. */
export type AddPipelineStage = Command<
  'AddPipelineStage',
  Readonly<{ pipelineId: string; stage: PipelineStageInput; position?: number }>
>;
export type RenamePipelineStage = Command<'RenamePipelineStage', Readonly<{ pipelineId: string; stageId: string; label: string }>>;
export type ChangeStageProbability = Command<
  'ChangeStageProbability',
  Readonly<{ pipelineId: string; stageId: string; probability: number }>
>;
/** stageIds: a permutation of the non-archived stage ids. */
export type ReorderPipelineStages = Command<'ReorderPipelineStages', Readonly<{ pipelineId: string; stageIds: readonly string[] }>>;
export type ArchivePipelineStage = Command<'ArchivePipelineStage', Readonly<{ pipelineId: string; stageId: string }>>;

export type PipelineCommand =
  | CreatePipeline
  | RenamePipeline
  | AddPipelineStage
  | RenamePipelineStage
  | ChangeStageProbability
  | ReorderPipelineStages
  | ArchivePipelineStage;
