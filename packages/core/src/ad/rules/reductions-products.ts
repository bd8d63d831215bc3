import type { Array } from '../../array.js';
import { full } from '../../creation.js';
import { mul } from '../../lax/arithmetic.js';
import { inversePermutation } from '../../lax/linalg/window.js';
import { pad, reshape, transpose } from '../../lax/shape.js';
import { sizeOf } from '../../shape.js';

/** The operand axes a reduction over `axes` keeps, in order. */
export function keptAxes(ndim: number, axes: readonly number[]): number[] {
  return [...globalThis.Array(ndim).keys()].filter((a) => !axes.includes(a));
}

/**
 * Along the last axis of the rank-2 `rows`, the product of the elements strictly before each one
 * (after it when `reverse`), 1 for the first. Hillis-Steele doubling: `acc` starts as the
 * neighbour and, after the step with shift `s`, holds the product of the `2s` neighbours, so
 * `log2(n)` steps of whole-array multiplies suffice.
 */
function exclusiveProducts(rows: Array, reverse: boolean): Array {
  const n = rows.shape[1]!;
  const one = full([], 1, rows.dtype);
  const shift = (y: Array, s: number): Array => pad(y, one, [[0, 0, 0], reverse ? [-s, s, 0] : [s, -s, 0]]);
  let acc = shift(rows, 1);
  for (let s = 1; s < n; s *= 2) acc = mul(acc, shift(acc, s));
  return acc;
}

/**
 * For each element of `x`, the product of the other elements of its reduction over `axes` (the
 * derivative of the product with respect to that element), made from products before and after
 * it, as JAX's `reduce_prod` jvp once was. Unlike `prod / x` it is exact where `x` has zeros. The
 * reduced axes must not be empty.
 *
 * @example
 * ```ts
 * productCofactors(ax.array([2, 0, 3]), [0]); // [0, 6, 0]
 * ```
 */
export function productCofactors(x: Array, axes: readonly number[]): Array {
  const perm = [...keptAxes(x.ndim, axes), ...axes];
  const permuted = transpose(x, perm);
  const n = sizeOf(axes.map((a) => x.shape[a]!));
  const rows = reshape(permuted, [x.size / n, n]);
  const cofactors = mul(exclusiveProducts(rows, false), exclusiveProducts(rows, true));
  return transpose(reshape(cofactors, permuted.shape), inversePermutation(perm));
}
