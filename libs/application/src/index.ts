export * from './command-executor.js';
export * from './request-context.js';
export * from './upcasting-event-store.js';
export * from './import/ndjson-import.js';
