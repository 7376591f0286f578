export * from './ticket.commands.js';
export * from './ticket.decider.js';
export * from './ticket.events.js';
