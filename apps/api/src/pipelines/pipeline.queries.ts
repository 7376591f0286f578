// Pipelines are few and small: reads fold their streams directly rather than keep a read model.
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '#application';
import {
  pipelineDecider,
  pipelineStream,
  requirePipeline,
  type Pipeline,
  type PipelineEvent,
  type PipelineState,
} from '#domain/pipeline';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../tokens.js';
import type { PipelineView } from './pipelines.dto.js';

const toView = (pipeline: Pipeline, revision: number): PipelineView => ({
  pipelineId: pipeline.pipelineId,
  objectType: pipeline.objectType,
  name: pipeline.name,
  stages: pipeline.stages.map((stage) => ({ ...stage })),
  revision,
});

export class GetPipeline extends Query<PipelineView> {
  constructor(readonly pipelineId: string) {
    super();
  }
}

@QueryHandler(GetPipeline)
export class GetPipelineHandler implements IQueryHandler<GetPipeline> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  async execute({ pipelineId }: GetPipeline): Promise<PipelineView> {
    const { state, revision } = await this.executor.load(pipelineStream(pipelineId), pipelineDecider);
    return toView(requirePipeline(state, pipelineId), revision);
  }
}

/** Every pipeline, in the order they were created. */
export class ListPipelines extends Query<PipelineView[]> {}

@QueryHandler(ListPipelines)
export class ListPipelinesHandler implements IQueryHandler<ListPipelines> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<PipelineView[]> {
    const folded = new Map<string, { state: PipelineState; revision: number }>();
    for await (const event of this.store.readAll({ filter: { streamCategories: ['pipeline'] } })) {
      const current = folded.get(event.streamName) ?? { state: pipelineDecider.initialState(), revision: -1 };
      const state = pipelineDecider.evolve(current.state, { type: event.type, data: event.data } as PipelineEvent);
      folded.set(event.streamName, { state, revision: event.revision });
    }
    return [...folded.values()].flatMap(({ state, revision }) => (state === null ? [] : [toView(state, revision)]));
  }
}
