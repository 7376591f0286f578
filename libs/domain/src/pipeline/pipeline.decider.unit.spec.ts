import { fold } from '../shared/index.js';
import { DeciderSpecification } from '../shared/decider-specification.js';
import type { PipelineCommand, PipelineStageInput } from './pipeline.commands.js';
import {
  activeStages,
  defaultDealPipeline,
  defaultTicketPipeline,
  firstOpenStage,
  pipelineDecider,
  requirePipeline,
  stageOf,
} from './pipeline.decider.js';
import { pipelineStream, type PipelineCreated, type PipelineEvent, type PipelineStageData } from './pipeline.events.js';

const given = DeciderSpecification.for(pipelineDecider);
const metadata = { now: '2024-03-15T10:00:00.000Z' };
const pipelineId = 'sales';

const open = (id: string, probability: number, stuckAfterDays: number | null = null): PipelineStageData => ({
  id,
  label: id.toUpperCase(),
  probability,
  closed: null,
  stuckAfterDays,
});
const won: PipelineStageData = { id: 'won', label: 'Won', probability: 1, closed: 'won', stuckAfterDays: null };
const lost: PipelineStageData = { id: 'lost', label: 'Lost', probability: 0, closed: 'lost', stuckAfterDays: null };

const created: PipelineCreated = {
  type: 'PipelineCreated',
  data: { pipelineId, objectType: 'deal', name: 'Sales', stages: [open('lead', 0.1, 7), open('demo', 0.5), won, lost] },
};
const ticketCreated: PipelineCreated = {
  type: 'PipelineCreated',
  data: {
    pipelineId: 'support',
    objectType: 'ticket',
    name: 'Support',
    stages: [open('new', 0), { id: 'closed', label: 'Closed', probability: 1, closed: 'won', stuckAfterDays: null }],
  },
};
const archived = (stageId: string): PipelineEvent => ({ type: 'PipelineStageArchived', data: { pipelineId, stageId } });

const create = (overrides: Partial<Extract<PipelineCommand, { type: 'CreatePipeline' }>['data']> = {}): PipelineCommand => ({
  type: 'CreatePipeline',
  data: {
    pipelineId,
    objectType: 'deal',
    name: 'Sales',
    stages: [
      { id: 'lead', label: 'LEAD', probability: 0.1, stuckAfterDays: 7 },
      { id: 'demo', label: 'DEMO', probability: 0.5 },
      { id: 'won', label: 'Won', probability: 1, closed: 'won' },
      { id: 'lost', label: 'Lost', probability: 0, closed: 'lost' },
    ],
    ...overrides,
  },
  metadata,
});
const createWithStages = (stages: readonly PipelineStageInput[], objectType: 'deal' | 'ticket' = 'deal') => create({ stages, objectType });
const wonInput: PipelineStageInput = { id: 'won', label: 'Won', probability: 1, closed: 'won' };
const lostInput: PipelineStageInput = { id: 'lost', label: 'Lost', probability: 0, closed: 'lost' };
const leadInput: PipelineStageInput = { id: 'lead', label: 'Lead', probability: 0.1 };

describe('pipeline decider', () => {
  it('names the stream after the pipeline id', () => {
    expect(pipelineStream('sales')).toBe('pipeline-sales');
  });

  describe('CreatePipeline', () => {
    it('creates a deal pipeline, filling absent closed and stuckAfterDays with null', () => {
      given([]).when(create()).then([created]);
    });

    it('trims the name and stage labels', () => {
      given([])
        .when(create({ name: '  Sales ', stages: [{ ...leadInput, label: ' LEAD ', stuckAfterDays: 7 }, { id: 'demo', label: 'DEMO', probability: 0.5 }, wonInput, lostInput] }))
        .then([created]);
    });

    it('creates a ticket pipeline whose closed stage is marked won', () => {
      given([])
        .when(
          create({
            pipelineId: 'support',
            objectType: 'ticket',
            name: 'Support',
            stages: [
              { id: 'new', label: 'NEW', probability: 0 },
              { id: 'closed', label: 'Closed', probability: 1, closed: 'won' },
            ],
          }),
        )
        .then([ticketCreated]);
    });

    it('lets a ticket pipeline give its closed stage any probability', () => {
      const events = pipelineDecider.decide(
        createWithStages([leadInput, { id: 'closed', label: 'Closed', probability: 0.3, closed: 'won' }], 'ticket'),
        null,
      );
      expect(events).toHaveLength(1);
    });

    it('creates the default deal pipeline with HubSpot stage ids in order', () => {
      const [event] = pipelineDecider.decide({ type: 'CreatePipeline', data: defaultDealPipeline, metadata }, null);
      expect(event?.type === 'PipelineCreated' && event.data.stages.map((stage) => [stage.id, stage.probability, stage.closed])).toEqual([
        ['appointmentscheduled', 0.2, null],
        ['qualifiedtobuy', 0.4, null],
        ['presentationscheduled', 0.6, null],
        ['decisionmakerboughtin', 0.8, null],
        ['contractsent', 0.9, null],
        ['closedwon', 1, 'won'],
        ['closedlost', 0, 'lost'],
      ]);
      expect(event?.data.pipelineId).toBe('default');
    });

    it('creates the default ticket pipeline', () => {
      const [event] = pipelineDecider.decide({ type: 'CreatePipeline', data: defaultTicketPipeline, metadata }, null);
      expect(event?.type === 'PipelineCreated' && [event.data.pipelineId, event.data.stages.map((stage) => [stage.id, stage.closed])]).toEqual([
        'support',
        [
          ['new', null],
          ['waiting-on-contact', null],
          ['waiting-on-us', null],
          ['closed', 'won'],
        ],
      ]);
    });

    it('rejects creating a pipeline twice', () => {
      given([created]).when(create()).thenThrows('ALREADY_EXISTS');
    });

    it('rejects an unknown object type', () => {
      given([]).when(create({ objectType: 'company' as 'deal' })).thenThrows('RULE_VIOLATED', 'invalid-object-type');
    });

    it('rejects a blank name', () => {
      given([]).when(create({ name: '  ' })).thenThrows('RULE_VIOLATED', 'pipeline-name-required');
    });

    it('rejects a pipeline without stages', () => {
      given([]).when(createWithStages([])).thenThrows('RULE_VIOLATED', 'pipeline-needs-stage');
    });

    it('rejects a stage id outside the safe alphabet', () => {
      given([]).when(createWithStages([{ ...leadInput, id: 'lead stage' }, wonInput, lostInput])).thenThrows('RULE_VIOLATED', 'invalid-stage-id');
    });

    it('rejects a blank stage label', () => {
      given([]).when(createWithStages([{ ...leadInput, label: '' }, wonInput, lostInput])).thenThrows('RULE_VIOLATED', 'stage-label-required');
    });

    it.each([-0.1, 1.5, Number.NaN])('rejects probability %p', (probability) => {
      given([]).when(createWithStages([{ ...leadInput, probability }, wonInput, lostInput])).thenThrows('RULE_VIOLATED', 'invalid-probability');
    });

    it('rejects a closed value other than won or lost', () => {
      given([])
        .when(createWithStages([leadInput, { ...wonInput, closed: 'done' as 'won' }, lostInput]))
        .thenThrows('RULE_VIOLATED', 'invalid-stage-outcome');
    });

    it('rejects a lost stage in a ticket pipeline', () => {
      given([]).when(createWithStages([leadInput, wonInput, lostInput], 'ticket')).thenThrows('RULE_VIOLATED', 'ticket-stage-cannot-be-lost');
    });

    it.each([0, 2.5, -3])('rejects stuckAfterDays %p', (stuckAfterDays) => {
      given([]).when(createWithStages([{ ...leadInput, stuckAfterDays }, wonInput, lostInput])).thenThrows('RULE_VIOLATED', 'invalid-stuck-after-days');
    });

    it('rejects stuckAfterDays on a closed stage', () => {
      given([]).when(createWithStages([leadInput, { ...wonInput, stuckAfterDays: 5 }, lostInput])).thenThrows('RULE_VIOLATED', 'closed-stage-cannot-be-stuck');
    });

    it('rejects a won deal stage below probability 1', () => {
      given([]).when(createWithStages([leadInput, { ...wonInput, probability: 0.9 }, lostInput])).thenThrows('RULE_VIOLATED', 'closed-stage-probability');
    });

    it('rejects a lost deal stage above probability 0', () => {
      given([]).when(createWithStages([leadInput, wonInput, { ...lostInput, probability: 0.1 }])).thenThrows('RULE_VIOLATED', 'closed-stage-probability');
    });

    it('rejects duplicate stage ids', () => {
      given([]).when(createWithStages([leadInput, { ...leadInput, label: 'Again' }, wonInput, lostInput])).thenThrows('RULE_VIOLATED', 'duplicate-stage-id');
    });

    it('rejects a pipeline without an open stage', () => {
      given([]).when(createWithStages([wonInput, lostInput])).thenThrows('RULE_VIOLATED', 'pipeline-needs-open-stage');
    });

    it('rejects a deal pipeline without a won stage', () => {
      given([]).when(createWithStages([leadInput, lostInput])).thenThrows('RULE_VIOLATED', 'deal-pipeline-needs-won-and-lost-stage');
    });

    it('rejects a deal pipeline without a lost stage', () => {
      given([]).when(createWithStages([leadInput, wonInput])).thenThrows('RULE_VIOLATED', 'deal-pipeline-needs-won-and-lost-stage');
    });

    it('rejects a ticket pipeline without a closed stage', () => {
      given([]).when(createWithStages([leadInput], 'ticket')).thenThrows('RULE_VIOLATED', 'ticket-pipeline-needs-closed-stage');
    });
  });

  describe('RenamePipeline', () => {
    const rename = (name: string): PipelineCommand => ({ type: 'RenamePipeline', data: { pipelineId, name }, metadata });

    it('renames, carrying the previous name', () => {
      given([created]).when(rename('New business')).then([{ type: 'PipelineRenamed', data: { pipelineId, previous: 'Sales', name: 'New business' } }]);
    });

    it('records nothing when the name is unchanged', () => {
      given([created]).when(rename(' Sales ')).then([]);
    });

    it('rejects an unknown pipeline', () => {
      given([]).when(rename('New business')).thenThrows('NOT_FOUND');
    });

    it('rejects a blank name', () => {
      given([created]).when(rename('')).thenThrows('RULE_VIOLATED', 'pipeline-name-required');
    });
  });

  describe('AddPipelineStage', () => {
    const add = (stage: PipelineStageInput, position?: number): PipelineCommand => ({
      type: 'AddPipelineStage',
      data: { pipelineId, stage, ...(position === undefined ? {} : { position }) },
      metadata,
    });
    const proposal: PipelineStageInput = { id: 'proposal', label: 'Proposal', probability: 0.7, stuckAfterDays: 10 };
    const proposalData: PipelineStageData = { ...proposal, closed: null, stuckAfterDays: 10 };

    it('inserts a stage at a position among the non-archived stages', () => {
      given([created]).when(add(proposal, 2)).then([{ type: 'PipelineStageAdded', data: { pipelineId, stage: proposalData, position: 2 } }]);
    });

    it('appends when no position is given', () => {
      given([created, archived('demo')])
        .when(add(proposal))
        .then([{ type: 'PipelineStageAdded', data: { pipelineId, stage: proposalData, position: 3 } }]);
    });

    it('shows the added stage at its position, archived stages last', () => {
      const state = fold(pipelineDecider, [
        created,
        archived('demo'),
        { type: 'PipelineStageAdded', data: { pipelineId, stage: proposalData, position: 1 } },
      ]);
      expect(state?.stages.map((stage) => stage.id)).toEqual(['lead', 'proposal', 'won', 'lost', 'demo']);
    });

    it('rejects an unknown pipeline', () => {
      given([]).when(add(proposal)).thenThrows('NOT_FOUND');
    });

    it('rejects an id already used, even by an archived stage', () => {
      given([created, archived('demo')]).when(add({ ...proposal, id: 'demo' })).thenThrows('RULE_VIOLATED', 'duplicate-stage-id');
    });

    it.each([-1, 5, 1.5])('rejects position %p', (position) => {
      given([created]).when(add(proposal, position)).thenThrows('RULE_VIOLATED', 'invalid-stage-position');
    });

    it('validates the stage like creation does', () => {
      given([created]).when(add({ id: 'won-again', label: 'Won again', probability: 0.5, closed: 'won' })).thenThrows('RULE_VIOLATED', 'closed-stage-probability');
    });
  });

  describe('RenamePipelineStage', () => {
    const renameStage = (stageId: string, label: string): PipelineCommand => ({
      type: 'RenamePipelineStage',
      data: { pipelineId, stageId, label },
      metadata,
    });

    it('renames a stage, keeping its id', () => {
      given([created])
        .when(renameStage('demo', 'Demo given'))
        .then([{ type: 'PipelineStageRenamed', data: { pipelineId, stageId: 'demo', previous: 'DEMO', label: 'Demo given' } }]);
    });

    it('records nothing when the label is unchanged', () => {
      given([created]).when(renameStage('demo', 'DEMO')).then([]);
    });

    it('rejects an unknown stage', () => {
      given([created]).when(renameStage('nope', 'Nope')).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects an archived stage', () => {
      given([created, archived('demo')]).when(renameStage('demo', 'Demo given')).thenThrows('RULE_VIOLATED', 'stage-archived');
    });

    it('rejects a blank label', () => {
      given([created]).when(renameStage('demo', ' ')).thenThrows('RULE_VIOLATED', 'stage-label-required');
    });
  });

  describe('ChangeStageProbability', () => {
    const change = (stageId: string, probability: number, id = pipelineId): PipelineCommand => ({
      type: 'ChangeStageProbability',
      data: { pipelineId: id, stageId, probability },
      metadata,
    });

    it('changes the probability, carrying the previous one', () => {
      given([created])
        .when(change('demo', 0.6))
        .then([{ type: 'PipelineStageProbabilityChanged', data: { pipelineId, stageId: 'demo', previous: 0.5, probability: 0.6 } }]);
    });

    it('records nothing when the probability is unchanged', () => {
      given([created]).when(change('demo', 0.5)).then([]);
    });

    it('rejects a probability outside 0..1', () => {
      given([created]).when(change('demo', 1.2)).thenThrows('RULE_VIOLATED', 'invalid-probability');
    });

    it('rejects moving a won deal stage off probability 1', () => {
      given([created]).when(change('won', 0.9)).thenThrows('RULE_VIOLATED', 'closed-stage-probability');
    });

    it('lets a ticket pipeline change its closed stage probability', () => {
      given([ticketCreated])
        .when(change('closed', 0.5, 'support'))
        .then([{ type: 'PipelineStageProbabilityChanged', data: { pipelineId: 'support', stageId: 'closed', previous: 1, probability: 0.5 } }]);
    });

    it('rejects an unknown stage', () => {
      given([created]).when(change('nope', 0.5)).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });
  });

  describe('ReorderPipelineStages', () => {
    const reorder = (stageIds: readonly string[]): PipelineCommand => ({ type: 'ReorderPipelineStages', data: { pipelineId, stageIds }, metadata });

    it('reorders the non-archived stages, carrying the previous order', () => {
      given([created, archived('lost')])
        .when(reorder(['demo', 'lead', 'won']))
        .then([{ type: 'PipelineStagesReordered', data: { pipelineId, previous: ['lead', 'demo', 'won'], stageIds: ['demo', 'lead', 'won'] } }]);
    });

    it('keeps the new order in state with archived stages last', () => {
      const state = fold(pipelineDecider, [
        created,
        archived('demo'),
        { type: 'PipelineStagesReordered', data: { pipelineId, previous: ['lead', 'won', 'lost'], stageIds: ['won', 'lead', 'lost'] } },
      ]);
      expect(state?.stages.map((stage) => [stage.id, stage.archived])).toEqual([
        ['won', false],
        ['lead', false],
        ['lost', false],
        ['demo', true],
      ]);
    });

    it('records nothing when the order is unchanged', () => {
      given([created]).when(reorder(['lead', 'demo', 'won', 'lost'])).then([]);
    });

    it.each<[string, readonly PipelineEvent[], readonly string[]]>([
      ['a missing stage', [created], ['lead', 'demo', 'won']],
      ['an unknown stage', [created], ['lead', 'demo', 'won', 'nope']],
      ['a repeated stage', [created], ['lead', 'lead', 'won', 'lost']],
      ['an archived stage', [created, archived('demo')], ['lead', 'demo', 'won', 'lost']],
    ])('rejects a list with %s', (_description, history, stageIds) => {
      given(history).when(reorder(stageIds)).thenThrows('RULE_VIOLATED', 'stage-ids-not-a-permutation');
    });
  });

  describe('ArchivePipelineStage', () => {
    const archive = (stageId: string, id = pipelineId): PipelineCommand => ({ type: 'ArchivePipelineStage', data: { pipelineId: id, stageId }, metadata });
    const extraWon: PipelineEvent = {
      type: 'PipelineStageAdded',
      data: { pipelineId, stage: { ...won, id: 'won-renewal', label: 'Won renewal' }, position: 3 },
    };

    it('archives a stage', () => {
      given([created]).when(archive('demo')).then([archived('demo')]);
    });

    it('keeps an archived stage findable but out of the active stages', () => {
      const state = fold(pipelineDecider, [created, archived('lead')]);
      expect(stageOf(state, 'lead')?.archived).toBe(true);
      expect(activeStages(requirePipeline(state, pipelineId)).map((stage) => stage.id)).toEqual(['demo', 'won', 'lost']);
      expect(firstOpenStage(requirePipeline(state, pipelineId))?.id).toBe('demo');
    });

    it('archives a won stage while another won stage remains', () => {
      given([created, extraWon]).when(archive('won')).then([archived('won')]);
    });

    it('records nothing when the stage is already archived', () => {
      given([created, archived('demo')]).when(archive('demo')).then([]);
    });

    it('rejects an unknown stage', () => {
      given([created]).when(archive('nope')).thenThrows('RULE_VIOLATED', 'stage-not-in-pipeline');
    });

    it('rejects archiving the last open stage', () => {
      given([created, archived('lead')]).when(archive('demo')).thenThrows('RULE_VIOLATED', 'last-open-stage');
    });

    it('rejects archiving the last won stage', () => {
      given([created]).when(archive('won')).thenThrows('RULE_VIOLATED', 'last-won-stage');
    });

    it('rejects archiving the last lost stage', () => {
      given([created]).when(archive('lost')).thenThrows('RULE_VIOLATED', 'last-lost-stage');
    });

    it('rejects archiving the last closed stage of a ticket pipeline', () => {
      given([ticketCreated]).when(archive('closed', 'support')).thenThrows('RULE_VIOLATED', 'last-closed-stage');
    });

    it('rejects an unknown pipeline', () => {
      given([]).when(archive('demo')).thenThrows('NOT_FOUND');
    });
  });

  describe('lookups', () => {
    it('finds nothing in a pipeline that does not exist', () => {
      expect(stageOf(null, 'lead')).toBeUndefined();
      expect(() => requirePipeline(null, 'sales')).toThrow('pipeline sales does not exist');
    });
  });
});
