export * from './association-changes.js';
export * from './association.commands.js';
export * from './association.decider.js';
export * from './association.events.js';
export * from './association-rows.js';
