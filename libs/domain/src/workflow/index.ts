export * from './workflow.commands.js';
export * from './workflow.decider.js';
export * from './workflow.events.js';
export * from './workflow-run.decider.js';
