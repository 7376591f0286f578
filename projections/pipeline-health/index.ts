// The pipeline-health read model: its name, projection and queries.
export { PIPELINE_HEALTH } from './pipeline-health.tables.js';
export { pipelineHealthProjection } from './pipeline-health.persistence.js';
export * from './pipeline-health.queries.js';
