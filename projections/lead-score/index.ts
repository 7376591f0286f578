// The lead-score read model: its name, projection, queries and the read model the application's use cases take.
export { LEAD_SCORE_PROJECTION } from './lead-score.tables.js';
export { leadScoreProjection } from './lead-score.persistence.js';
export { leadScoreReadModel } from './lead-score.read-model.js';
export * from './lead-score.queries.js';
export * from './lead-score-builds.queries.js';
