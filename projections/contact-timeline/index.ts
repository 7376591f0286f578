// The contact-timeline read model: its name, projection and queries.
export { CONTACT_TIMELINE_PROJECTION } from './contact-timeline.tables.js';
export { contactTimelineProjection } from './contact-timeline.persistence.js';
export { TIMELINE_EVENT_TYPES } from './contact-timeline.projection.js';
export * from './contact-timeline.queries.js';
