// The family's functions live in files of their own under ./linalg; the index re-exports them here.
export { conv, convGeneralDilated, type ConvGeneralDilatedOptions } from './linalg/conv.js';
export type { ConvLayout } from './linalg/dimension-numbers.js';
export { einsum } from './linalg/einsum.js';
export type { WindowPadding } from './linalg/padding.js';
export { avgPool, maxPool, sumPool } from './linalg/pooling.js';
export { dot, inner, matmul, outer, tensordot, vdot, type TensordotAxes } from './linalg/products.js';
