export * from './deal.commands.js';
export * from './deal.decider.js';
export * from './deal.events.js';
export * from './deal.revenue.js';
