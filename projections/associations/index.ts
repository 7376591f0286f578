// The associations read model: its name, projection and queries.
export { ASSOCIATIONS, ASSOCIATIONS_TABLES } from './associations.tables.js';
export { associationsProjection } from './associations.persistence.js';
export * from './associations.queries.js';
