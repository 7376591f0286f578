export * from './projection.js';
export * from './projection-engine.js';
export * from './batches.js';
