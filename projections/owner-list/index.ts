// The owners list read model: its name, tables (other lists join `owner_list` for an owner's name), projection and
// queries.
export { OWNER_LIST, OWNER_LIST_TABLES } from './owner-list.tables.js';
export { ownerListProjection } from './owner-list.persistence.js';
export * from './owner-list.queries.js';
