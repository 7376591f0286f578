// Personal data in an immutable log: per-contact data keys, field encryption above the event-store port, redaction
// once a key is destroyed (crypto-shredding).
export * from './personal-data.js';
export * from './field-crypto.js';
export * from './event-sealing.js';
export * from './master-key.js';
export * from './data-key-store.js';
export * from './encrypting-event-store.js';
export * from './clear-history.js';
