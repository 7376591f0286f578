export * from './snippet.commands.js';
export * from './snippet.decider.js';
export * from './snippet.events.js';
export * from './snippet-template.js';
