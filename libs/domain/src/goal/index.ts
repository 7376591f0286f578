export * from './goal.commands.js';
export * from './goal.decider.js';
export * from './goal.events.js';
export * from './goal-period.js';
