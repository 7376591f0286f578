// The event catalog: every event type with its schema versions, and the validator built from it.
export * from './event-catalog.js';
export * from './event-validator.js';
