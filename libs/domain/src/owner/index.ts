export * from './owner.commands.js';
export * from './owner.decider.js';
export * from './owner.events.js';
