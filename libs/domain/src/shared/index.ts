export * from './decider.js';
export * from './errors.js';
export * from './event-definition.js';
export * from './json-numbers.js';
export * from './money.js';
export * from './text.js';
export * from './time.js';
export * from './schema-formats.js';
