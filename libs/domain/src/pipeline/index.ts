export * from './pipeline.commands.js';
export * from './pipeline.decider.js';
export * from './pipeline.events.js';
