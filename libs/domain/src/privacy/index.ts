export * from './privacy.events.js';
