// The snippets list read model: its name, table, projection and query.
export { SNIPPETS, SNIPPETS_TABLES } from './snippets.tables.js';
export { snippetsProjection } from './snippets.persistence.js';
export * from './snippets.queries.js';
