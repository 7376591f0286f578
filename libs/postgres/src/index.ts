export * from './database.js';
export * from './lease.js';
export * from './abortable-wait.js';
