import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { constantLike } from '../lax/constant.js';
import { add, cast, div, select, sub } from '../lax/elementwise.js';
import { reduceMax, reduceSum } from '../lax/reductions.js';
import { broadcastInDim } from '../lax/shape.js';
import { stopGradient } from '../lax/stop-gradient.js';
import { exp, isFinite, log } from '../lax/unary.js';
import { asArray } from './convert.js';
import { reductionAxes, withKeptDims, type Axis, type ReduceOptions } from './reduce-axis.js';

/** `x` as float32 and the axes `axis` names, with a function spreading a reduction back over `x`. */
function prepare(
  where: string,
  x: ArrayLike,
  axis: Axis | undefined,
): { a: Array; axes: number[]; spread: (r: Array) => Array } {
  const input = asArray(x);
  const a = input.dtype === 'float32' ? input : cast(input, 'float32');
  const axes = reductionAxes(where, a, axis);
  const kept = [...globalThis.Array(a.ndim).keys()].filter((i) => !axes.includes(i));
  return { a, axes, spread: (r) => broadcastInDim(r, a.shape, kept) };
}

/**
 * `jax.nn.logsumexp`: `log(sum(exp(x)))` over `axis` (all axes when omitted or null), computed
 * stably by shifting by the maximum. A row of all -Infinity (or an empty one) gives -Infinity,
 * +Infinity in a row gives +Infinity, and NaN propagates, as in JAX.
 *
 * @example
 * ```ts
 * ax.logsumexp(ax.array([0, 0]));                 // log(2) = 0.6931472
 * ax.logsumexp(ax.array([-Infinity, -Infinity])); // -Infinity
 * ```
 */
export const logsumexp = op((x: ArrayLike, axis?: Axis, options: ReduceOptions = {}): Array => {
  const { a, axes, spread } = prepare('logsumexp', x, axis);
  // The shift does not change the value, so (as in JAX) no gradient flows through it.
  const amax = stopGradient(reduceMax(a, axes));
  // An infinite (or NaN) maximum cannot be subtracted; shifting by 0 leaves exp and log to give
  // the limits JAX gives.
  const shift = select(isFinite(amax), amax, constantLike(amax, 0));
  const total = reduceSum(exp(sub(a, spread(shift))), axes);
  return withKeptDims(a, axes, add(log(total), shift), options.keepdims);
});

/**
 * `jax.nn.softmax`: `exp(x) / sum(exp(x))` over `axis` (default the last), shifted by the maximum
 * for stability. A row of all -Infinity gives NaN, as in JAX.
 *
 * @example
 * ```ts
 * ax.softmax(ax.array([[0, 0], [0, Math.log(3)]])); // [[0.5, 0.5], [0.25, 0.75]]
 * ```
 */
export const softmax = op((x: ArrayLike, axis: Axis = -1): Array => {
  const { a, axes, spread } = prepare('softmax', x, axis);
  const unnormalized = exp(sub(a, spread(reduceMax(a, axes))));
  return div(unnormalized, spread(reduceSum(unnormalized, axes)));
});

/**
 * `jax.nn.log_softmax`: `x - logsumexp(x)` over `axis` (default the last), computed stably.
 * -Infinity entries stay -Infinity; a row of all -Infinity gives NaN, as in JAX.
 *
 * @example
 * ```ts
 * ax.logSoftmax(ax.array([0, 0])); // [-0.6931472, -0.6931472]
 * ```
 */
export const logSoftmax = op((x: ArrayLike, axis: Axis = -1): Array => {
  const { a, axes, spread } = prepare('logSoftmax', x, axis);
  const shifted = sub(a, spread(reduceMax(a, axes)));
  return sub(shifted, spread(log(reduceSum(exp(shifted), axes))));
});
