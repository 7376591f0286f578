// The rep-activity read model: its name, projection and queries.
export { REP_ACTIVITY } from './rep-activity.tables.js';
export { repActivityProjection } from './rep-activity.persistence.js';
export * from './rep-activity.queries.js';
// The pure reducer, for the naive projector the replay benchmark compares against.
export { activityIncrements, REP_ACTIVITY_EVENT_TYPES, type RepActivityEvent } from './rep-activity.projection.js';
