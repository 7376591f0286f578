export * from './api-keys.js';
export * from './roles.js';
