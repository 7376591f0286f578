export * from './projection-operations.commands.js';
export * from './projection-operations.decider.js';
export * from './projection-operations.events.js';
