// The tickets read model: its name, projection and queries.
export { TICKETS } from './tickets.tables.js';
export { ticketsProjection } from './tickets.persistence.js';
export * from './tickets.queries.js';
