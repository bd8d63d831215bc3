import type { KernelsFor, TypedArray } from '@addax/core';
import { sameForAll } from './elementwise.js';

/**
 * lt and eq (every other comparison decomposes into them; a comparison with NaN is false) and
 * select. Booleans are stored as 0 and 1.
 */
export const comparisonKernels: KernelsFor<'lt' | 'eq' | 'select', TypedArray> = {
  lt: sameForAll((a, b) => (a < b ? 1 : 0)),
  eq: sameForAll((a, b) => (a === b ? 1 : 0)),
  select: sameForAll((pred, onTrue, onFalse) => (pred ? onTrue! : onFalse!)),
};
