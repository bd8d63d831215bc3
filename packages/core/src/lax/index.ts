export * from './elementwise.js';
export * from './shape.js';
export * from './reductions.js';
export * from './sort.js';
export * from './linalg.js';
export * from './random.js';
export * from './unary.js';
export * from './stop-gradient.js';
