// The survey results read model: its name, projection and queries.
export { SURVEY_RESULTS } from './survey-results.tables.js';
export { surveyResultsProjection } from './survey-results.persistence.js';
export * from './survey-results.queries.js';
