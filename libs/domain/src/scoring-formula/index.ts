export * from './scoring-formula.commands.js';
export * from './scoring-formula.decider.js';
export * from './scoring-formula.events.js';
