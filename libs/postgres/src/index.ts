export * from './database.js';
export * from './lease.js';
