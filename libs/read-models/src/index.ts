export * from './data-source.js';
export * from './cursor.js';
export * from './entities.js';
