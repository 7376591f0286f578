// The record-timeline read model: its name, projection and queries.
export { RECORD_TIMELINE_PROJECTION } from './record-timeline.tables.js';
export { recordTimelineProjection } from './record-timeline.persistence.js';
export { RECORD_TIMELINE_EVENT_TYPES } from './record-timeline.entries.js';
export * from './record-timeline.queries.js';
