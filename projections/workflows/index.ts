// The workflows read model: its name, projection, queries and the read model the application's use cases take.
export { WORKFLOWS_PROJECTION, WORKFLOWS_TABLES } from './workflows.tables.js';
export { workflowsProjection } from './workflows.persistence.js';
export { workflowsReadModel } from './workflows.read-model.js';
export * from './workflows.queries.js';
