import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { ParameterError } from '../errors.js';
import { constantLike } from '../lax/constant.js';
import { cast, div, mul, sub } from '../lax/elementwise.js';
import { reduceSum } from '../lax/reductions.js';
import { broadcastInDim } from '../lax/shape.js';
import { sqrt } from '../lax/unary.js';
import { sizeOf } from '../shape.js';
import { asArray } from './convert.js';
import { reductionAxes, withKeptDims, type Axis, type ReduceOptions } from './reduce-axis.js';

/** Options of {@link var} and {@link std}. */
export interface VarianceOptions extends ReduceOptions {
  /** Delta degrees of freedom: the sum of squares is divided by `n - ddof`. Default 0. */
  readonly ddof?: number;
}

function asFloat(x: Array): Array {
  return x.dtype === 'float32' ? x : cast(x, 'float32');
}

/** The float32 mean of `x` over `axes` (already resolved), the reduced axes dropped. */
function meanOver(x: Array, axes: readonly number[]): Array {
  const total = reduceSum(asFloat(x), axes);
  return div(total, constantLike(total, sizeOf(axes.map((i) => x.shape[i]!))));
}

/**
 * `jnp.mean`: the arithmetic mean over `axis` (all axes when omitted or null), in float32 for
 * every input dtype. The mean of nothing is NaN.
 *
 * @example
 * ```ts
 * ax.mean(ax.array([[1, 2], [3, 5]], 'int32'), 1); // [1.5, 4] float32
 * ```
 */
export const mean = op((x: ArrayLike, axis?: Axis, options: ReduceOptions = {}): Array => {
  const a = asArray(x);
  const axes = reductionAxes('mean', a, axis);
  return withKeptDims(a, axes, meanOver(a, axes), options.keepdims);
});

function varianceOf(where: string, x: ArrayLike, axis: Axis | undefined, options: VarianceOptions): Array {
  const a = asArray(x);
  const axes = reductionAxes(where, a, axis);
  const ddof = options.ddof ?? 0;
  if (!Number.isFinite(ddof)) throw new ParameterError(`${where}: ddof must be a finite number, got ${ddof}`);
  const f = asFloat(a);
  const kept = [...globalThis.Array(a.ndim).keys()].filter((i) => !axes.includes(i));
  const centered = sub(f, broadcastInDim(meanOver(f, axes), f.shape, kept));
  const squares = reduceSum(mul(centered, centered), axes);
  // As in JAX, n - ddof is not clamped at 0: ddof >= n gives NaN or a non-positive divisor.
  const n = sizeOf(axes.map((i) => a.shape[i]!));
  return withKeptDims(a, axes, div(squares, constantLike(squares, n - ddof)), options.keepdims);
}

/**
 * `jnp.var`: the variance over `axis` (all axes when omitted or null), the mean squared deviation
 * divided by `n - ddof`, in float32.
 *
 * @example
 * ```ts
 * ax.var(ax.array([1, 2, 3, 4]));              // 1.25
 * ax.var(ax.array([1, 2, 3, 4]), 0, { ddof: 1 }); // 1.6666666
 * ```
 */
const variance = op((x: ArrayLike, axis?: Axis, options: VarianceOptions = {}): Array =>
  varianceOf('var', x, axis, options),
);

/**
 * `jnp.std`: the square root of {@link var}.
 *
 * @example
 * ```ts
 * ax.std(ax.array([1, 3])); // 1
 * ```
 */
export const std = op((x: ArrayLike, axis?: Axis, options: VarianceOptions = {}): Array =>
  sqrt(varianceOf('std', x, axis, options)),
);

// `var` is a reserved word, so the binding has another name; it is exported as `var` all the same.
export { variance as var };
