// The stage-duration read model: its name, projection and queries.
export { STAGE_DURATION } from './stage-duration.tables.js';
export { stageDurationProjection } from './stage-duration.persistence.js';
export * from './stage-duration.queries.js';
