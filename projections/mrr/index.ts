// The recurring-revenue read model: its name, projection and queries.
export { MRR } from './mrr.tables.js';
export { mrrProjection } from './mrr.persistence.js';
export * from './mrr.queries.js';
