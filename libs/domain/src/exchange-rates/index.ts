export * from './exchange-rates.commands.js';
export * from './exchange-rates.decider.js';
export * from './exchange-rates.events.js';
export * from './exchange-rates.rules.js';
