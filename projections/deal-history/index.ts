// Deal history: every deal's versions in valid time, and what is read from them as of any date (pipeline health,
// the forecast of a month, its accuracy), with the drill-down to deals and events.
export { DEAL_HISTORY, DEAL_HISTORY_TABLES } from './deal-history.tables.js';
export { dealHistoryProjection } from './deal-history.persistence.js';
export * from './deal-history.forecast.js';
export * from './deal-history.queries.js';
