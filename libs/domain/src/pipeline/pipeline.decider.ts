// Pipelines: the ordered stages deals and tickets move through. Stage ids are stable forever (records and stored
// events point at them), so stages are archived, never removed, and an id is never reused.
import { alreadyExists, assertNever, notFound, requiredText, ruleViolated, type Decider } from '../shared/index.js';
import type { CreatePipeline, PipelineCommand, PipelineStageInput } from './pipeline.commands.js';
import type { PipelineEvent, PipelineObjectType, PipelineStageData } from './pipeline.events.js';

export type PipelineStage = PipelineStageData & Readonly<{ archived: boolean }>;

export type Pipeline = Readonly<{
  pipelineId: string;
  objectType: PipelineObjectType;
  name: string;
  /** Non-archived stages in display order; archived stages follow them. */
  stages: readonly PipelineStage[];
}>;

/** null until PipelineCreated. */
export type PipelineState = Pipeline | null;

export const stageOf = (pipeline: PipelineState, stageId: string): PipelineStage | undefined =>
  pipeline?.stages.find((stage) => stage.id === stageId);

export const activeStages = (pipeline: Pipeline): readonly PipelineStage[] => pipeline.stages.filter((stage) => !stage.archived);

export const firstOpenStage = (pipeline: Pipeline): PipelineStage | undefined =>
  activeStages(pipeline).find((stage) => stage.closed === null);

/** For handlers that look a pipeline up before deciding on a deal or ticket. */
export const requirePipeline = (pipeline: PipelineState, pipelineId: string): Pipeline => {
  if (pipeline === null) throw notFound('pipeline', pipelineId);
  return pipeline;
};

/**
 * The stage a deal or ticket of pipeline `pipelineId` may enter: a stage of that very pipeline, not archived.
 * Throws RULE_VIOLATED 'stage-not-in-pipeline' otherwise.
 */
export const requireEnterableStage = (pipeline: Pipeline, pipelineId: string, stageId: string): PipelineStage => {
  const stage = pipeline.pipelineId === pipelineId ? stageOf(pipeline, stageId) : undefined;
  if (stage === undefined || stage.archived)
    throw ruleViolated('stage-not-in-pipeline', `stage ${stageId} is not an active stage of pipeline ${pipelineId}`, { pipelineId, stageId });
  return stage;
};

/** A new deal or ticket goes only into a pipeline made for its kind. */
export const requirePipelineFor = (pipeline: Pipeline, objectType: PipelineObjectType): void => {
  if (pipeline.objectType !== objectType)
    throw ruleViolated(`not-a-${objectType}-pipeline`, `pipeline ${pipeline.pipelineId} is a ${pipeline.objectType} pipeline`, { pipelineId: pipeline.pipelineId });
};

/** The stage a new deal or ticket starts in: the one asked for, else the pipeline's first open stage. */
export const startingStage = (pipeline: Pipeline, stageId: string | undefined): PipelineStage => {
  const stage = stageId === undefined ? firstOpenStage(pipeline) : requireEnterableStage(pipeline, pipeline.pipelineId, stageId);
  // A valid pipeline always keeps an open stage; this guards a hand-built one.
  if (stage === undefined) throw ruleViolated('stage-not-in-pipeline', `pipeline ${pipeline.pipelineId} has no open stage`);
  return stage;
};

export const DEFAULT_DEAL_PIPELINE_ID = 'default';
export const DEFAULT_TICKET_PIPELINE_ID = 'support';

// HubSpot's default sales pipeline: same stage ids, so imported HubSpot deals land in the matching stage.
export const defaultDealPipeline: CreatePipeline['data'] = {
  pipelineId: DEFAULT_DEAL_PIPELINE_ID,
  objectType: 'deal',
  name: 'Sales Pipeline',
  stages: [
    { id: 'appointmentscheduled', label: 'Appointment Scheduled', probability: 0.2, stuckAfterDays: 14 },
    { id: 'qualifiedtobuy', label: 'Qualified To Buy', probability: 0.4, stuckAfterDays: 21 },
    { id: 'presentationscheduled', label: 'Presentation Scheduled', probability: 0.6, stuckAfterDays: 21 },
    { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In', probability: 0.8, stuckAfterDays: 30 },
    { id: 'contractsent', label: 'Contract Sent', probability: 0.9, stuckAfterDays: 30 },
    { id: 'closedwon', label: 'Closed Won', probability: 1, closed: 'won' },
    { id: 'closedlost', label: 'Closed Lost', probability: 0, closed: 'lost' },
  ],
};

export const defaultTicketPipeline: CreatePipeline['data'] = {
  pipelineId: DEFAULT_TICKET_PIPELINE_ID,
  objectType: 'ticket',
  name: 'Support Pipeline',
  stages: [
    { id: 'new', label: 'New', probability: 0 },
    { id: 'waiting-on-contact', label: 'Waiting on contact', probability: 0 },
    { id: 'waiting-on-us', label: 'Waiting on us', probability: 0 },
    { id: 'closed', label: 'Closed', probability: 1, closed: 'won' },
  ],
};

// Stage ids show up in URLs and imports: keep them to a safe alphabet.
const STAGE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

const isProbability = (value: number): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;

const assertClosedStageProbability = (objectType: PipelineObjectType, stage: PipelineStageData, probability: number): void => {
  // Forecasts weight by probability: a won deal counts in full, a lost one not at all. Tickets have no such meaning.
  if (objectType !== 'deal' || stage.closed === null) return;
  const required = stage.closed === 'won' ? 1 : 0;
  if (probability !== required)
    throw ruleViolated('closed-stage-probability', `a ${stage.closed} stage has probability ${required}`, { stageId: stage.id });
};

const toStageData = (objectType: PipelineObjectType, input: PipelineStageInput): PipelineStageData => {
  if (typeof input.id !== 'string' || !STAGE_ID.test(input.id))
    throw ruleViolated('invalid-stage-id', 'a stage id is 1-100 letters, digits, - or _', { stageId: input.id });
  const label = requiredText(input.label, 'stage-label-required', 'a stage label');
  if (!isProbability(input.probability))
    throw ruleViolated('invalid-probability', 'a probability is a number from 0 to 1', { stageId: input.id });
  const closed = input.closed ?? null;
  if (closed !== null && closed !== 'won' && closed !== 'lost')
    throw ruleViolated('invalid-stage-outcome', "closed is 'won' or 'lost'", { stageId: input.id });
  if (objectType === 'ticket' && closed === 'lost')
    throw ruleViolated('ticket-stage-cannot-be-lost', "ticket pipelines mark closed stages with closed: 'won'", { stageId: input.id });
  const stuckAfterDays = input.stuckAfterDays ?? null;
  if (stuckAfterDays !== null && !(Number.isInteger(stuckAfterDays) && stuckAfterDays > 0))
    throw ruleViolated('invalid-stuck-after-days', 'stuckAfterDays is a whole number of days above 0', { stageId: input.id });
  // Only open records can be stuck.
  if (stuckAfterDays !== null && closed !== null)
    throw ruleViolated('closed-stage-cannot-be-stuck', 'a closed stage has no stuckAfterDays', { stageId: input.id });
  const stage: PipelineStageData = { id: input.id, label, probability: input.probability, closed, stuckAfterDays };
  assertClosedStageProbability(objectType, stage, stage.probability);
  return stage;
};

// Every pipeline needs somewhere to start and somewhere to finish; `archive` names the rule after the stage kept.
const assertStageCoverage = (objectType: PipelineObjectType, stages: readonly PipelineStageData[], when: 'create' | 'archive'): void => {
  const archiving = when === 'archive';
  if (!stages.some((stage) => stage.closed === null))
    throw ruleViolated(archiving ? 'last-open-stage' : 'pipeline-needs-open-stage', 'a pipeline needs an open stage');
  if (objectType === 'ticket') {
    if (!stages.some((stage) => stage.closed === 'won'))
      throw ruleViolated(archiving ? 'last-closed-stage' : 'ticket-pipeline-needs-closed-stage', 'a ticket pipeline needs a closed stage');
    return;
  }
  if (!stages.some((stage) => stage.closed === 'won'))
    throw ruleViolated(archiving ? 'last-won-stage' : 'deal-pipeline-needs-won-and-lost-stage', 'a deal pipeline needs a won stage');
  if (!stages.some((stage) => stage.closed === 'lost'))
    throw ruleViolated(archiving ? 'last-lost-stage' : 'deal-pipeline-needs-won-and-lost-stage', 'a deal pipeline needs a lost stage');
};

const requireActiveStage = (pipeline: Pipeline, stageId: string): PipelineStage => {
  const stage = stageOf(pipeline, stageId);
  if (stage === undefined) throw ruleViolated('stage-not-in-pipeline', `stage ${stageId} is not in this pipeline`, { stageId });
  if (stage.archived) throw ruleViolated('stage-archived', `stage ${stageId} is archived`, { stageId });
  return stage;
};

const decide = (command: PipelineCommand, state: PipelineState): readonly PipelineEvent[] => {
  switch (command.type) {
    case 'CreatePipeline': {
      const { pipelineId, objectType } = command.data;
      if (state !== null) throw alreadyExists('pipeline', { pipelineId });
      if (objectType !== 'deal' && objectType !== 'ticket')
        throw ruleViolated('invalid-object-type', "a pipeline is for 'deal' or 'ticket'");
      const name = requiredText(command.data.name, 'pipeline-name-required', 'a pipeline name');
      if (command.data.stages.length === 0) throw ruleViolated('pipeline-needs-stage', 'a pipeline needs at least one stage');
      const stages = command.data.stages.map((input) => toStageData(objectType, input));
      const duplicate = stages.find((stage, index) => stages.findIndex((other) => other.id === stage.id) !== index);
      if (duplicate) throw ruleViolated('duplicate-stage-id', `stage id ${duplicate.id} appears twice`, { stageId: duplicate.id });
      assertStageCoverage(objectType, stages, 'create');
      return [{ type: 'PipelineCreated', data: { pipelineId, objectType, name, stages } }];
    }
    case 'RenamePipeline': {
      const pipeline = requirePipeline(state, command.data.pipelineId);
      const name = requiredText(command.data.name, 'pipeline-name-required', 'a pipeline name');
      if (name === pipeline.name) return [];
      return [{ type: 'PipelineRenamed', data: { pipelineId: pipeline.pipelineId, previous: pipeline.name, name } }];
    }
    case 'AddPipelineStage': {
      const pipeline = requirePipeline(state, command.data.pipelineId);
      const stage = toStageData(pipeline.objectType, command.data.stage);
      // Archived ids stay taken: old events and records still point at them.
      if (stageOf(pipeline, stage.id) !== undefined)
        throw ruleViolated('duplicate-stage-id', `stage id ${stage.id} is taken`, { stageId: stage.id });
      const activeCount = activeStages(pipeline).length;
      const position = command.data.position ?? activeCount;
      if (!Number.isInteger(position) || position < 0 || position > activeCount)
        throw ruleViolated('invalid-stage-position', `position is a whole number from 0 to ${activeCount}`);
      return [{ type: 'PipelineStageAdded', data: { pipelineId: pipeline.pipelineId, stage, position } }];
    }
    case 'RenamePipelineStage': {
      const pipeline = requirePipeline(state, command.data.pipelineId);
      const stage = requireActiveStage(pipeline, command.data.stageId);
      const label = requiredText(command.data.label, 'stage-label-required', 'a stage label');
      if (label === stage.label) return [];
      return [{ type: 'PipelineStageRenamed', data: { pipelineId: pipeline.pipelineId, stageId: stage.id, previous: stage.label, label } }];
    }
    case 'ChangeStageProbability': {
      const pipeline = requirePipeline(state, command.data.pipelineId);
      const stage = requireActiveStage(pipeline, command.data.stageId);
      const { probability } = command.data;
      if (!isProbability(probability)) throw ruleViolated('invalid-probability', 'a probability is a number from 0 to 1', { stageId: stage.id });
      assertClosedStageProbability(pipeline.objectType, stage, probability);
      if (probability === stage.probability) return [];
      return [
        {
          type: 'PipelineStageProbabilityChanged',
          data: { pipelineId: pipeline.pipelineId, stageId: stage.id, previous: stage.probability, probability },
        },
      ];
    }
    case 'ReorderPipelineStages': {
      const pipeline = requirePipeline(state, command.data.pipelineId);
      const previous = activeStages(pipeline).map((stage) => stage.id);
      const { stageIds } = command.data;
      const isPermutation = stageIds.length === previous.length && new Set(stageIds).size === stageIds.length && stageIds.every((stageId) => previous.includes(stageId));
      if (!isPermutation)
        throw ruleViolated('stage-ids-not-a-permutation', 'stageIds must list every non-archived stage exactly once', { expected: previous });
      if (stageIds.every((stageId, index) => stageId === previous[index])) return [];
      return [{ type: 'PipelineStagesReordered', data: { pipelineId: pipeline.pipelineId, previous, stageIds: [...stageIds] } }];
    }
    case 'ArchivePipelineStage': {
      const pipeline = requirePipeline(state, command.data.pipelineId);
      const stage = stageOf(pipeline, command.data.stageId);
      if (stage === undefined)
        throw ruleViolated('stage-not-in-pipeline', `stage ${command.data.stageId} is not in this pipeline`, { stageId: command.data.stageId });
      if (stage.archived) return [];
      assertStageCoverage(
        pipeline.objectType,
        activeStages(pipeline).filter((other) => other.id !== stage.id),
        'archive',
      );
      return [{ type: 'PipelineStageArchived', data: { pipelineId: pipeline.pipelineId, stageId: stage.id } }];
    }
    default:
      return assertNever(command);
  }
};

const withStages = (pipeline: Pipeline, active: readonly PipelineStage[]): Pipeline => ({
  ...pipeline,
  stages: [...active, ...pipeline.stages.filter((stage) => stage.archived)],
});

const evolve = (state: PipelineState, event: PipelineEvent): PipelineState => {
  if (event.type === 'PipelineCreated') {
    const { pipelineId, objectType, name, stages } = event.data;
    return { pipelineId, objectType, name, stages: stages.map((stage) => ({ ...stage, archived: false })) };
  }
  if (state === null) return state;
  switch (event.type) {
    case 'PipelineRenamed':
      return { ...state, name: event.data.name };
    case 'PipelineStageAdded': {
      const active = activeStages(state);
      const { stage, position } = event.data;
      return withStages(state, [...active.slice(0, position), { ...stage, archived: false }, ...active.slice(position)]);
    }
    case 'PipelineStageRenamed':
      return {
        ...state,
        stages: state.stages.map((stage) => (stage.id === event.data.stageId ? { ...stage, label: event.data.label } : stage)),
      };
    case 'PipelineStageProbabilityChanged':
      return {
        ...state,
        stages: state.stages.map((stage) => (stage.id === event.data.stageId ? { ...stage, probability: event.data.probability } : stage)),
      };
    case 'PipelineStagesReordered': {
      const byId = new Map(state.stages.map((stage) => [stage.id, stage]));
      return withStages(
        state,
        event.data.stageIds.flatMap((stageId) => byId.get(stageId) ?? []),
      );
    }
    case 'PipelineStageArchived': {
      const stages = state.stages.map((stage) => (stage.id === event.data.stageId ? { ...stage, archived: true } : stage));
      return withStages({ ...state, stages }, stages.filter((stage) => !stage.archived));
    }
    default:
      return assertNever(event);
  }
};

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  decide,
  evolve,
  initialState: () => null,
};
