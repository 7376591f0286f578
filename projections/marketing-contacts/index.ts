// The marketing-contacts read model: its name, projection and queries.
export { MARKETING_CONTACTS } from './marketing-contacts.tables.js';
export { marketingContactsProjection } from './marketing-contacts.persistence.js';
export * from './marketing-contacts.queries.js';
