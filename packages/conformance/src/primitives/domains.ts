import type { DType } from '@addax/core';
import type { Domain } from '../arbitraries/values.js';

/**
 * float32 values for sums: large enough to round, small enough that reordering a sum cannot
 * overflow, with the special values mixed in.
 */
export const SUMMABLE: Domain = {
  min: -(2 ** 20),
  max: 2 ** 20,
  edges: [0, -0, 1, -1, 0.5, 2 ** -149, Infinity, -Infinity, NaN],
};

/**
 * float32 values for products: magnitudes in [0.5, 2] (so reordering a product of up to 64
 * factors can neither overflow nor underflow), signs, zeros and special values from the edges.
 */
export const MULTIPLIABLE: Domain = {
  min: 0.5,
  max: 2,
  edges: [0, -0, 1, -1, -0.5, -1.5, -2, Infinity, -Infinity, NaN],
};

/** float32 values that tie often (small integers, both zeros), with NaN and infinities: for ordering. */
export const TIES: Domain = { min: -2, max: 2, edges: [0, -0, 1, -1, Infinity, -Infinity, NaN] };

/** Values of `dtype` that tie often: {@link TIES} for float32, small integers otherwise. */
export function tiesFor(dtype: DType): Domain {
  return { float32: TIES, int32: { min: -2, max: 2 }, uint32: { min: 0, max: 2 }, bool: {} }[dtype];
}
