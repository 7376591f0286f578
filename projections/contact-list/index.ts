// The contacts list read model: its name, projection and queries.
export { CONTACT_LIST } from './contact-list.tables.js';
export { contactListProjection } from './contact-list.persistence.js';
export * from './contact-list.queries.js';
