// The default lifecycle workflows exist once however many processes start at the same moment, and a restart leaves
// alone what a user did to them (a paused default stays paused).
import { CommandExecutor, createWorkflowEngine, randomIds, type RequestContext } from '#application';
import { DEFAULT_WORKFLOWS, DefaultWorkflows, defaultWorkflowId } from '#api/workflows/default-workflows.bootstrap';
import { loadConfig } from '#config';
import { eventCatalog } from '#domain/catalog';
import { ALL_PROJECTIONS } from '#projections';
import { leadScoreReadModel } from '#projections/lead-score';
import { workflowsReadModel } from '#projections/workflows';
import { openRuntime, type Runtime } from '#runtime';
import { createTestDatabase, type TestDatabase } from '#test/support/test-database';

describe('default workflows', () => {
  let database: TestDatabase;
  let runtime: Runtime;

  beforeAll(async () => {
    database = await createTestDatabase();
    runtime = await openRuntime(loadConfig({}), ALL_PROJECTIONS, { database });
  });
  afterAll(() => runtime.close());

  /** One process's start: its own executor and engine over the shared store. */
  const start = () => {
    const executor = new CommandExecutor(runtime.eventStore, eventCatalog);
    const engine = createWorkflowEngine({
      store: runtime.eventStore,
      executor,
      pool: database.pool,
      leadScores: leadScoreReadModel(database.pool),
      workflowsReadModel: workflowsReadModel(database.pool),
      clock: () => new Date(),
    });
    return { engine, bootstrap: new DefaultWorkflows(executor, engine) };
  };
  // Counted in the table: readers of the log lag behind transactions still open elsewhere on the server.
  const eventsOf = async () =>
    (
      await database.pool.query<{ stream_name: string; event_type: string }>(
        `SELECT stream_name, event_type FROM tally_events WHERE category = 'workflow' ORDER BY stream_name, revision`,
      )
    ).rows.map((row) => [row.stream_name, row.event_type]);

  it('creates and activates each default once when three processes start at the same moment', async () => {
    await Promise.all([start(), start(), start()].map(({ bootstrap }) => bootstrap.onApplicationBootstrap()));
    const expected = DEFAULT_WORKFLOWS.flatMap(({ key }) => [
      [`workflow-${defaultWorkflowId(key)}`, 'WorkflowCreated'],
      [`workflow-${defaultWorkflowId(key)}`, 'WorkflowActivated'],
    ]).sort((a, b) => a[0].localeCompare(b[0]));
    expect(await eventsOf()).toEqual(expected);
  });

  it('leaves a default that was paused paused on the next start', async () => {
    const { engine, bootstrap } = start();
    const mql = defaultWorkflowId('lifecycle-mql');
    const context: RequestContext = { actor: 'key:spec', correlationId: 'c', causationId: null, now: new Date().toISOString(), source: 'api', ids: randomIds() };
    await engine.definitions.pause(mql, { reason: 'we score by hand' }, context);
    await bootstrap.onApplicationBootstrap();
    expect((await engine.definitions.get(mql)).status).toBe('paused');
    expect((await eventsOf()).filter(([stream]) => stream === `workflow-${mql}`).map(([, type]) => type)).toEqual(['WorkflowCreated', 'WorkflowActivated', 'WorkflowPaused']);
  });
});
