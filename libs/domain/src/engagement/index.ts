export * from './engagement.commands.js';
export * from './engagement.decider.js';
export * from './engagement.events.js';
export * from './engagement-playbook-run.js';
