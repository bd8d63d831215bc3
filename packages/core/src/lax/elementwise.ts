// The binary elementwise family, one file per kind; other families import it all from here.
export * from './elementwise-eval.js';
export * from './arithmetic.js';
export * from './bitwise.js';
export * from './comparison.js';
export * from './conversion.js';
