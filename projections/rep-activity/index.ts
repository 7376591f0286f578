// The rep-activity read model: its name, projection and queries.
export { REP_ACTIVITY } from './rep-activity.tables.js';
export { repActivityProjection } from './rep-activity.persistence.js';
export * from './rep-activity.queries.js';
