export * from './prng.js';
export * from './synthetic-history.js';
export * from './seed-store.js';
