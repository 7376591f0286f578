// The lead-score read model: its name, projection (and the formula a build runs) and queries.
export { LEAD_SCORE_PROJECTION } from './lead-score.tables.js';
export { formulaOf, leadScoreProjection } from './lead-score.persistence.js';
export * from './lead-score.queries.js';
export * from './lead-score-builds.queries.js';
