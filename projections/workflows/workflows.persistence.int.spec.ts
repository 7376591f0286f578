import { inStream, useProjectionSpec } from '../projection-spec.spec-helper.js';
import { useRebuildBed } from '../rebuild-equals-live.spec-helper.js';
import { workflowsProjection } from './workflows.persistence.js';
import { activated, created, delay, enrolled, event, finished, hash, definition, runId, run, acted, W } from './workflows.spec-helper.js';

const RUNS = `SELECT run_id, record_id, status, outcome, waiting_step_id, due_at, finished_at, step_count FROM workflow_runs ORDER BY run_id`;

describe('workflows persistence', () => {
  const spec = useProjectionSpec(workflowsProjection);

  it('stores the workflow with its status and who changed it last', async () => {
    await spec
      .given(inStream(`workflow-${W}`, created))
      .when(inStream(`workflow-${W}`, activated))
      .then(`SELECT workflow_id, name, version, status, definition, definition_hash, updated_at, actor FROM workflows`, [
        { workflow_id: W, name: 'Demo request handoff', version: 1, status: 'active', definition, definition_hash: hash('a'), updated_at: new Date('2026-01-10T09:05:00.000Z'), actor: 'user:bob' },
      ]);
  });

  it('stores runs and their steps across batches, a waiting run with when it is due', async () => {
    await spec
      .given([...inStream(`workflow-${W}`, created), ...run(1, enrolled(1), acted(1, 'handoff'))])
      .when([...run(1, finished(1)), ...run(2, enrolled(2), delay(2, '2026-01-13T09:00:00.000Z'))])
      .then(RUNS, [
        { run_id: runId(1), record_id: 'c-1', status: 'finished', outcome: 'completed', waiting_step_id: null, due_at: null, finished_at: new Date('2026-01-11T09:30:00.000Z'), step_count: 1 },
        { run_id: runId(2), record_id: 'c-2', status: 'waiting', outcome: null, waiting_step_id: 'wait', due_at: new Date('2026-01-13T09:00:00.000Z'), finished_at: null, step_count: 0 },
      ]);
  });

  it('gives the same rows when a batch is applied again after a lost checkpoint', async () => {
    await spec
      .given(inStream(`workflow-${W}`, created))
      .when(run(1, enrolled(1), acted(1, 'handoff'), acted(1, 'notify')), { times: 2 })
      .then(`SELECT run_id, ordinal, step_id FROM workflow_run_steps ORDER BY run_id, ordinal`, [
        { run_id: runId(1), ordinal: 0, step_id: 'handoff' },
        { run_id: runId(1), ordinal: 1, step_id: 'notify' },
      ]);
  });
});

describe('workflows rebuild', () => {
  const bed = useRebuildBed(workflowsProjection);

  it('equals the live build row for row', async () => {
    const history = [
      ...inStream(`workflow-${W}`, created, activated),
      ...run(1, enrolled(1), acted(1, 'handoff')),
      ...run(2, enrolled(2), delay(2, '2026-01-13T09:00:00.000Z')),
      ...run(1, finished(1)),
      ...inStream(`workflow-${W}`, event('WorkflowPaused', '2026-01-12T09:00:00.000Z', { workflowId: W, version: 1, reason: 'freeze' })),
    ];
    const { live, rebuilt } = await bed.compare(history, { workflows: 'workflow_id', workflow_runs: 'run_id', workflow_run_steps: 'run_id, ordinal' });
    expect(live.workflow_runs).toHaveLength(2);
    expect(live.workflow_run_steps).toHaveLength(1);
    expect(rebuilt).toEqual(live);
  });
});
