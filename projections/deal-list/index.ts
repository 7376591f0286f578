// The deals list read model: its name, tables, projection and queries.
export { DEAL_LIST, DEAL_LIST_TABLES } from './deal-list.tables.js';
export { dealListProjection } from './deal-list.persistence.js';
export * from './deal-list.queries.js';
