// The tickets list read model (what a person finds a ticket in; `tickets` is the report): its name, tables,
// projection and queries.
export { TICKET_LIST, TICKET_LIST_TABLES } from './ticket-list.tables.js';
export { ticketListProjection } from './ticket-list.persistence.js';
export * from './ticket-list.queries.js';
