export * from './elementwise.js';
export * from './shape.js';
export * from './reductions.js';
export * from './linalg.js';
