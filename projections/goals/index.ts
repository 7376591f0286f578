// The goals read model: its name, projection and queries.
export { GOALS } from './goals.tables.js';
export { goalsProjection } from './goals.persistence.js';
export * from './goals.queries.js';
