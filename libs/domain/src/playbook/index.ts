export * from './playbook.commands.js';
export * from './playbook.decider.js';
export * from './playbook.events.js';
