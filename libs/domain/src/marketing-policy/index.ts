export * from './marketing-policy.commands.js';
export * from './marketing-policy.decider.js';
export * from './marketing-policy.events.js';
