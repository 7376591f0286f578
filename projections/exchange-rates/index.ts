// The exchange-rates read model: its name, projection, queries, and the rate book other read models convert with.
export { EXCHANGE_RATES } from './exchange-rates.tables.js';
export { exchangeRatesProjection } from './exchange-rates.persistence.js';
export * from './exchange-rates.conversion.js';
export * from './exchange-rates.queries.js';
