export * from './form.commands.js';
export * from './form.decider.js';
export * from './form.events.js';
export * from './form-submission.js';
