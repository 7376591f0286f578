// Injection tokens for what the composition root (libs/runtime) hands to Nest.
export const RUNTIME = Symbol('RUNTIME');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const DATABASE = Symbol('DATABASE');
export const READ_MODELS = Symbol('READ_MODELS');
export const API_KEYS = Symbol('API_KEYS');
export const AUTH_MODE = Symbol('AUTH_MODE');
export const RATE_LIMIT = Symbol('RATE_LIMIT');
export const FORM_RATE_LIMIT = Symbol('FORM_RATE_LIMIT');
/** Destroys a contact's data key on erasure (#22): the crypto-shredding key store. */
export const DATA_KEY_SHREDDER = Symbol('DATA_KEY_SHREDDER');
