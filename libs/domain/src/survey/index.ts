export * from './survey.commands.js';
export * from './survey.decider.js';
export * from './survey.events.js';
