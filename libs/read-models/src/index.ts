import type { InvalidCursor } from './cursor.js';
import type { InvalidDayRange } from './day-range.js';
export * from './data-source.js';
export * from './cursor.js';
export * from './prepared-query.js';
export * from './active-position.js';
export * from './day-range.js';
export * from './csv.js';
export * from './record-list-query.js';

/** The errors of a read model's query; a new one joins this union, and the api's statusOf needs a status for it. */
export type ReadModelErrorCode = InvalidCursor['code'] | InvalidDayRange['code'];
