export * from './contact-activity.commands.js';
export * from './contact-activity.decider.js';
export * from './contact-activity.events.js';
export * from './contact.commands.js';
export * from './contact.decider.js';
export * from './contact.events.js';
export * from './email-address.js';
