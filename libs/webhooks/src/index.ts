export * from './backoff.js';
export * from './delivery-batch.js';
export * from './event-envelope.js';
export * from './outbound.js';
export * from './webhook-signature.js';
export * from './webhook-subscriptions.js';
export * from './webhook-worker.js';
