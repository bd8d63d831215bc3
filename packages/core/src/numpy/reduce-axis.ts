import type { Array } from '../array.js';
import { canonicalAxes, canonicalAxis } from '../lax/reduce-axes.js';
import { reshape } from '../lax/shape.js';

/**
 * The `axis` argument of numpy-style reductions: one axis, several, or `null`/omitted for all of
 * them. Negative axes count from the end.
 */
export type Axis = number | readonly number[] | null;

/** Options every numpy-style reduction takes. */
export interface ReduceOptions {
  /** Keep each reduced axis as size 1, so the result broadcasts against the input. Default false. */
  readonly keepdims?: boolean;
}

/**
 * The axes `axis` names in `x`, sorted and non-negative; a ParameterError naming `where` for an
 * axis out of range or repeated.
 *
 * @example
 * ```ts
 * reductionAxes('sum', ax.zeros([2, 3]), -1); // [1]
 * reductionAxes('sum', ax.zeros([2, 3]));     // [0, 1]
 * ```
 */
export function reductionAxes(where: string, x: Array, axis: Axis | undefined): number[] {
  if (axis === undefined || axis === null) return [...globalThis.Array(x.ndim).keys()];
  if (typeof axis === 'number') return [canonicalAxis(where, axis, x.aval)];
  return canonicalAxes(where, axis, x.aval, 'axis');
}

/**
 * `result` (the reduction of `x` over `axes`) with the reduced axes put back as size 1 when
 * `keepdims` is set.
 *
 * @example
 * ```ts
 * withKeptDims(x, [1], lax.reduceSum(x, [1]), true); // shape [2, 1] for x of shape [2, 3]
 * ```
 */
export function withKeptDims(x: Array, axes: readonly number[], result: Array, keepdims = false): Array {
  if (!keepdims) return result;
  return reshape(
    result,
    x.shape.map((d, i) => (axes.includes(i) ? 1 : d)),
  );
}
