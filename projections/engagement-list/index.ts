// The engagements list read model: its name, projection and queries (the engagements list and the task queue).
export { ENGAGEMENT_LIST } from './engagement-list.tables.js';
export { engagementListProjection } from './engagement-list.persistence.js';
export type { EngagementListRow, TaskStatus } from './engagement-list.projection.js';
export * from './engagement-list.queries.js';
