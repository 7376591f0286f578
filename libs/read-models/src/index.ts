export * from './data-source.js';
export * from './cursor.js';
export * from './prepared-query.js';
export * from './active-position.js';
export * from './day-range.js';
