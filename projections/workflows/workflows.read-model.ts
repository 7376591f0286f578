// The workflows read model as the application's workflow use cases ask for it (their WorkflowsReadModel port).
import type { WorkflowsReadModel } from '#application';
import type { ReadSource } from '#read-models';
import { dueTimers, listWorkflows, workflowById, workflowRuns } from './workflows.queries.js';

/**
 * `views` serves the routes (the api's read-model connection); `timers` serves the timer service's polling, every
 * fraction of a second, so that it never takes a connection a request waits for. The CLI passes its pool for both.
 */
export const workflowsReadModel = (views: ReadSource, timers: ReadSource = views): WorkflowsReadModel => ({
  listWorkflows: () => listWorkflows(views),
  workflowById: (workflowId) => workflowById(views, workflowId),
  runsOf: (workflowId, query) => workflowRuns(views, workflowId, query),
  dueTimers: (nowIso, limit) => dueTimers(timers, nowIso, limit),
});
