export * from './property-definition.commands.js';
export * from './property-definition.decider.js';
export * from './property-definition.events.js';
export * from './property-values.js';
