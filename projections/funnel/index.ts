// The funnel read model: its name, projection, math and queries.
export { FUNNEL } from './funnel.tables.js';
export { funnelProjection } from './funnel.persistence.js';
export * from './funnel.report.js';
export * from './funnel.queries.js';
