export * from './prng.js';
export * from './synthetic-history.js';
