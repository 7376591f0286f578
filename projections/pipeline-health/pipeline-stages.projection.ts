// The pipelines and their stages as rows, shared by the pipeline read models: the domain's own pipeline evolve
// keeps the stage order, so a projection never re-derives what PipelineStageAdded or a reorder means.
import type { RecordedEvent } from '#event-store';
import { pipelineDecider, type Pipeline, type PipelineEvent, type PipelineObjectType, type StageOutcome } from '#domain/pipeline';

export const PIPELINE_EVENT_TYPES = [
  'PipelineCreated',
  'PipelineRenamed',
  'PipelineStageAdded',
  'PipelineStageRenamed',
  'PipelineStageProbabilityChanged',
  'PipelineStagesReordered',
  'PipelineStageArchived',
] as const satisfies readonly PipelineEvent['type'][];

export type PipelineRow = Readonly<{ pipelineId: string; objectType: PipelineObjectType; name: string }>;

export type StageRow = Readonly<{
  pipelineId: string;
  stageId: string;
  label: string;
  probability: number;
  /** Display order: the non-archived stages first, archived ones after them. */
  sortOrder: number;
  closed: StageOutcome | null;
  stuckAfterDays: number | null;
  archived: boolean;
}>;

// One spelling of every instant (UTC, milliseconds), so stored times compare and page exactly.
export const instant = (iso: string): string => new Date(iso).toISOString();

export const isPipelineEvent = (event: Pick<RecordedEvent, 'type'>): boolean =>
  (PIPELINE_EVENT_TYPES as readonly string[]).includes(event.type);

export const asPipelineEvent = (event: RecordedEvent): PipelineEvent => ({ type: event.type, data: event.data }) as PipelineEvent;

export const pipelineIdOf = (event: RecordedEvent): string => asPipelineEvent(event).data.pipelineId;

export const pipelineRowOf = (pipeline: Pipeline): PipelineRow => ({
  pipelineId: pipeline.pipelineId,
  objectType: pipeline.objectType,
  name: pipeline.name,
});

// The schema does not keep a pipeline's stage ids apart (the decider does, an import may not): the first stage of
// an id is its row, so a later one of the same id never makes one write touch a row twice.
export const stageRowsOf = (pipeline: Pipeline): StageRow[] =>
  pipeline.stages.flatMap((stage, sortOrder) => (pipeline.stages.findIndex((s) => s.id === stage.id) !== sortOrder ? [] : [{
    pipelineId: pipeline.pipelineId,
    stageId: stage.id,
    label: stage.label,
    probability: stage.probability,
    sortOrder,
    closed: stage.closed,
    stuckAfterDays: stage.stuckAfterDays,
    archived: stage.archived,
  }]));

/** The pipeline back from its rows; stages in any order. */
export const pipelineFromRows = (row: PipelineRow, stages: readonly StageRow[]): Pipeline => ({
  ...row,
  stages: [...stages]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map(({ stageId, label, probability, closed, stuckAfterDays, archived }) => ({ id: stageId, label, probability, closed, stuckAfterDays, archived })),
});

/** Applies one pipeline event to the known pipelines; returns the pipeline it changed, if any. */
export const evolvePipelines = (pipelines: Map<string, Pipeline>, event: RecordedEvent): Pipeline | null => {
  const pipelineEvent = asPipelineEvent(event);
  const { pipelineId } = pipelineEvent.data;
  const before = pipelines.get(pipelineId) ?? null;
  const after = pipelineDecider.evolve(before, pipelineEvent);
  if (after === null || after === before) return null;
  pipelines.set(pipelineId, after);
  return after;
};

/** What a pipeline read model holds for a batch: the pipelines and its own row per deal. */
export type PipelinesAndDeals<D> = Readonly<{
  pipelines: ReadonlyMap<string, Pipeline>;
  deals: ReadonlyMap<string, D>;
}>;

/** A batch applied: the new state and the pipelines and deals it changed, each once, in first-touched order. */
export type PipelinesAndDealsChanges<D> = Readonly<{
  state: PipelinesAndDeals<D>;
  changedPipelines: readonly Pipeline[];
  changedDeals: readonly D[];
}>;

/**
 * Applies a batch in order: pipeline events to the pipelines, any other event to the deals through `evolveDeal`,
 * which answers the deal it changed, or undefined when the event changes none.
 */
export const reducePipelinesAndDeals = <D>(
  state: PipelinesAndDeals<D>,
  events: readonly RecordedEvent[],
  evolveDeal: (deals: ReadonlyMap<string, D>, event: RecordedEvent) => Readonly<{ dealId: string; deal: D }> | undefined,
): PipelinesAndDealsChanges<D> => {
  const pipelines = new Map(state.pipelines);
  const deals = new Map(state.deals);
  const changedPipelineIds = new Set<string>();
  const changedDealIds = new Set<string>();
  for (const event of events) {
    if (isPipelineEvent(event)) {
      const changed = evolvePipelines(pipelines, event);
      if (changed) changedPipelineIds.add(changed.pipelineId);
    } else {
      const changed = evolveDeal(deals, event);
      if (!changed) continue;
      deals.set(changed.dealId, changed.deal);
      changedDealIds.add(changed.dealId);
    }
  }
  return {
    state: { pipelines, deals },
    changedPipelines: [...changedPipelineIds].map((id) => pipelines.get(id)!),
    changedDeals: [...changedDealIds].map((id) => deals.get(id)!),
  };
};
