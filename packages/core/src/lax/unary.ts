export * from './unary-sign.js';
export * from './unary-rounding.js';
export * from './unary-logical.js';
export * from './unary-exponential.js';
export * from './unary-power.js';
export * from './unary-trigonometric.js';
export * from './unary-erf.js';
