import { fold } from '../shared/index.js';
import type { CreatePipeline } from './pipeline.commands.js';
import { pipelineDecider, requirePipeline, type Pipeline } from './pipeline.decider.js';
import type { PipelineEvent } from './pipeline.events.js';

/** The pipeline `definition` creates, changed by `later` events: what a deal or ticket command is decided against. */
export const pipelineOf = (definition: CreatePipeline['data'], ...later: readonly PipelineEvent[]): Pipeline => {
  const creation = pipelineDecider.decide({ type: 'CreatePipeline', data: definition, metadata: { now: '2024-03-15T10:00:00.000Z' } }, null);
  return requirePipeline(fold(pipelineDecider, [...creation, ...later]), definition.pipelineId);
};
