// The search read model: its name, projection and queries.
export { SEARCH_PROJECTION } from './search.tables.js';
export { searchProjection } from './search.persistence.js';
export { SEARCH_OBJECT_TYPES, type SearchObjectType } from './search.projection.js';
export * from './search.queries.js';
