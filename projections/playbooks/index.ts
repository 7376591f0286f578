// The playbooks list read model: its name, table, projection and query.
export { PLAYBOOKS, PLAYBOOKS_TABLES } from './playbooks.tables.js';
export { playbooksProjection } from './playbooks.persistence.js';
export * from './playbooks.queries.js';
