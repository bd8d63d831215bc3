import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { reshape, iota } from '../lax/shape.js';
import { sort as laxSort } from '../lax/sort.js';
import { asArray } from './convert.js';
import { reductionAxes } from './reduce-axis.js';

/** `x` and the axis to sort along; `null` flattens `x` first, as numpy does. */
function sortAxis(where: string, x: Array, axis: number | null): [Array, number] {
  if (axis === null) return [reshape(x, [x.size]), 0];
  return [x, reductionAxes(where, x, axis)[0]!];
}

/**
 * `jnp.sort`: `x` sorted ascending along `axis` (default the last; `null` sorts the flattened
 * array). Stable; NaN sorts last and `-0` ties with `0`.
 *
 * @example
 * ```ts
 * ax.sort(ax.array([[3, NaN, 1], [2, 0, 5]])); // [[1, 3, NaN], [0, 2, 5]]
 * ax.sort(ax.array([[3, 1], [2, 0]]), 0);      // [[2, 0], [3, 1]]
 * ```
 */
export const sort = op((x: ArrayLike, axis: number | null = -1): Array => {
  const [operand, dimension] = sortAxis('sort', asArray(x), axis);
  return laxSort([operand], dimension)[0]!;
});

/**
 * `jnp.argsort`: the int32 indices that sort `x` along `axis` (default the last; `null` for the
 * flattened array). Stable, so equal elements keep their order; NaN sorts last.
 *
 * @example
 * ```ts
 * ax.argsort(ax.array([3, 1, 2, 1])); // [1, 3, 2, 0]
 * ```
 */
export const argsort = op((x: ArrayLike, axis: number | null = -1): Array => {
  const [operand, dimension] = sortAxis('argsort', asArray(x), axis);
  const positions = iota('int32', operand.shape, dimension);
  return laxSort([operand, positions], dimension, 1)[1]!;
});
