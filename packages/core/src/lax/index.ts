export * from './elementwise.js';
export * from './shape.js';
