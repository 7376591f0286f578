export * from './runtime.js';
export * from './data-dir-lock.js';
export * from './run-until-signal.js';
export * from './metrics.js';
export * from './logging.js';
