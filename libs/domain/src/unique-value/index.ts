export * from './unique-value.commands.js';
export * from './unique-value.decider.js';
export * from './unique-value.events.js';
