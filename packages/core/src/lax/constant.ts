import type { Array } from '../array.js';
import { full } from '../creation.js';

/**
 * An array of `x`'s shape and dtype filled with `value`, for the constants decompositions need.
 *
 * @example
 * ```ts
 * constantLike(x, -1); // -1 in x's shape and dtype
 * ```
 */
export function constantLike(x: Array, value: number | boolean): Array {
  return full(x.shape, value, x.dtype);
}

/**
 * `x`'s shape and dtype with every bit set: -1 for int32, 2^32 - 1 for uint32, true for bool.
 * `xor` with it is bitwise not.
 *
 * @example
 * ```ts
 * xor(x, allOnesLike(x)); // ~x
 * ```
 */
export function allOnesLike(x: Array): Array {
  return constantLike(x, x.dtype === 'uint32' ? 0xffffffff : x.dtype === 'bool' ? true : -1);
}
