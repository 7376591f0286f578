export * from './command-executor.js';
export * from './request-context.js';
