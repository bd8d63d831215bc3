import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import * as lax from '../lax/elementwise.js';
import { promoteOperands } from './convert.js';

/** A numpy-style comparison: promote, broadcast, then compare with `compare`. */
function comparison(
  where: string,
  compare: (a: Array, b: Array) => Array,
): (x: ArrayLike, y: ArrayLike) => Array {
  return op((x: ArrayLike, y: ArrayLike): Array => {
    const [a, b] = promoteOperands(where, [x, y]);
    return compare(a!, b!);
  });
}

/**
 * `jnp.equal`: `x == y` as bool, broadcasting and promoting; NaN equals nothing.
 *
 * @example
 * ```ts
 * ax.equal(ax.array([1, 2, NaN]), 2); // [false, true, false]
 * ```
 */
export const equal = comparison('equal', lax.eq);

/**
 * `jnp.not_equal`: `x != y` as bool, broadcasting and promoting; true wherever NaN is involved.
 *
 * @example
 * ```ts
 * ax.notEqual(ax.array([1, 2, NaN]), 2); // [true, false, true]
 * ```
 */
export const notEqual = comparison('notEqual', lax.ne);

/**
 * `jnp.less`: `x < y` as bool, broadcasting and promoting; false wherever NaN is involved.
 *
 * @example
 * ```ts
 * ax.less(ax.array([1, 2, 3]), 2); // [true, false, false]
 * ```
 */
export const less = comparison('less', lax.lt);

/**
 * `jnp.less_equal`: `x <= y` as bool, broadcasting and promoting; false wherever NaN is involved.
 *
 * @example
 * ```ts
 * ax.lessEqual(ax.array([1, 2, 3]), 2); // [true, true, false]
 * ```
 */
export const lessEqual = comparison('lessEqual', lax.le);

/**
 * `jnp.greater`: `x > y` as bool, broadcasting and promoting; false wherever NaN is involved.
 *
 * @example
 * ```ts
 * ax.greater(ax.array([1, 2, 3]), 2); // [false, false, true]
 * ```
 */
export const greater = comparison('greater', lax.gt);

/**
 * `jnp.greater_equal`: `x >= y` as bool, broadcasting and promoting; false wherever NaN is involved.
 *
 * @example
 * ```ts
 * ax.greaterEqual(ax.array([1, 2, 3]), 2); // [false, true, true]
 * ```
 */
export const greaterEqual = comparison('greaterEqual', lax.ge);
