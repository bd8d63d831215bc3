import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { ShapeError } from '../errors.js';
import { constantLike } from '../lax/constant.js';
import { and, cast, max as maximum, min as minimum, or } from '../lax/elementwise.js';
import {
  argmax as laxArgmax,
  argmin as laxArgmin,
  cumsum as laxCumsum,
  reduceAnd,
  reduceMax,
  reduceMin,
  reduceOr,
  reduceProd,
  reduceSum,
} from '../lax/reductions.js';
import { reshape } from '../lax/shape.js';
import { asArray } from './convert.js';
import { reductionAxes, withKeptDims, type Axis, type ReduceOptions } from './reduce-axis.js';

export type { Axis, ReduceOptions } from './reduce-axis.js';

/** Options of {@link max} and {@link min}. */
export interface ExtremumOptions extends ReduceOptions {
  /** A value every reduction includes (cast to the input's dtype); the result of an empty one. */
  readonly initial?: number | boolean;
}

/** bool counts as int32 where numpy sums or multiplies it. */
function asCounts(x: Array): Array {
  return x.dtype === 'bool' ? cast(x, 'int32') : x;
}

/**
 * `jnp.sum`: the sum over `axis` (all axes when omitted or null). bool sums as int32; integers
 * wrap; an empty sum is 0.
 *
 * @example
 * ```ts
 * ax.sum(ax.array([[1, 2], [3, 4]]));                      // 10
 * ax.sum(ax.array([[1, 2], [3, 4]]), -1);                  // [3, 7]
 * ax.sum(ax.array([[1, 2], [3, 4]]), 0, { keepdims: true }); // [[4, 6]]
 * ```
 */
export const sum = op((x: ArrayLike, axis?: Axis, options: ReduceOptions = {}): Array => {
  const a = asArray(x);
  const axes = reductionAxes('sum', a, axis);
  return withKeptDims(a, axes, reduceSum(asCounts(a), axes), options.keepdims);
});

/**
 * `jnp.prod`: the product over `axis` (all axes when omitted or null). bool multiplies as int32;
 * integers wrap; an empty product is 1.
 *
 * @example
 * ```ts
 * ax.prod(ax.array([[1, 2], [3, 4]]), 1); // [2, 12]
 * ```
 */
export const prod = op((x: ArrayLike, axis?: Axis, options: ReduceOptions = {}): Array => {
  const a = asArray(x);
  const axes = reductionAxes('prod', a, axis);
  return withKeptDims(a, axes, reduceProd(asCounts(a), axes), options.keepdims);
});

function extremum(
  where: 'max' | 'min',
  x: ArrayLike,
  axis: Axis | undefined,
  options: ExtremumOptions,
): Array {
  const a = asArray(x);
  const axes = reductionAxes(where, a, axis);
  const { initial } = options;
  const empty = axes.find((i) => a.shape[i] === 0);
  if (empty !== undefined && initial === undefined) {
    throw new ShapeError(
      `${where}: axis ${empty} of ${a.aval.describe()} is empty, and the reduction has no identity; pass options.initial`,
    );
  }
  const isMax = where === 'max';
  // For bool, max is "any" and min is "all".
  const bool = a.dtype === 'bool';
  let result = bool ? (isMax ? reduceOr : reduceAnd)(a, axes) : (isMax ? reduceMax : reduceMin)(a, axes);
  if (initial !== undefined) {
    const init = constantLike(result, initial);
    result = bool ? (isMax ? or : and)(result, init) : (isMax ? maximum : minimum)(result, init);
  }
  return withKeptDims(a, axes, result, options.keepdims);
}

/**
 * `jnp.max`: the maximum over `axis` (all axes when omitted or null). NaN propagates; bool gives
 * "any". An empty reduction is an error unless `initial` is given, as in JAX.
 *
 * @example
 * ```ts
 * ax.max(ax.array([[1, 5], [3, 2]]), 0);         // [3, 5]
 * ax.max(ax.zeros([0]), null, { initial: -1 });  // -1
 * ```
 */
export const max = op((x: ArrayLike, axis?: Axis, options: ExtremumOptions = {}): Array =>
  extremum('max', x, axis, options),
);

/**
 * `jnp.amax`: the same as {@link max}.
 *
 * @example
 * ```ts
 * ax.amax(ax.array([1, 3, 2])); // 3
 * ```
 */
export const amax = max;

/**
 * `jnp.min`: the minimum over `axis` (all axes when omitted or null). NaN propagates; bool gives
 * "all". An empty reduction is an error unless `initial` is given, as in JAX.
 *
 * @example
 * ```ts
 * ax.min(ax.array([[1, 5], [3, 2]]), 1); // [1, 2]
 * ```
 */
export const min = op((x: ArrayLike, axis?: Axis, options: ExtremumOptions = {}): Array =>
  extremum('min', x, axis, options),
);

/**
 * `jnp.amin`: the same as {@link min}.
 *
 * @example
 * ```ts
 * ax.amin(ax.array([1, 3, 2])); // 1
 * ```
 */
export const amin = min;

/**
 * `jnp.all`: whether every element over `axis` is truthy (non-zero; NaN is truthy). True when empty.
 *
 * @example
 * ```ts
 * ax.all(ax.array([[1, 0], [2, 3]]), 1); // [false, true]
 * ```
 */
export const all = op((x: ArrayLike, axis?: Axis, options: ReduceOptions = {}): Array => {
  const a = asArray(x);
  const axes = reductionAxes('all', a, axis);
  return withKeptDims(a, axes, reduceAnd(cast(a, 'bool'), axes), options.keepdims);
});

/**
 * `jnp.any`: whether some element over `axis` is truthy (non-zero; NaN is truthy). False when empty.
 *
 * @example
 * ```ts
 * ax.any(ax.array([[1, 0], [0, 0]]), 1); // [true, false]
 * ```
 */
export const any = op((x: ArrayLike, axis?: Axis, options: ReduceOptions = {}): Array => {
  const a = asArray(x);
  const axes = reductionAxes('any', a, axis);
  return withKeptDims(a, axes, reduceOr(cast(a, 'bool'), axes), options.keepdims);
});

/** `x` and the one axis `axis` names; `null` or omitted flattens `x` first, as numpy does. */
function alongAxis(where: string, x: Array, axis: number | null | undefined): [Array, number] {
  if (axis === undefined || axis === null) return [reshape(x, [x.size]), 0];
  return [x, reductionAxes(where, x, axis)[0]!];
}

function argExtremum(
  where: 'argmax' | 'argmin',
  x: ArrayLike,
  axis: number | null | undefined,
  options: ReduceOptions,
): Array {
  const a = asArray(x);
  const [operand, resolved] = alongAxis(where, a, axis);
  const arg = where === 'argmax' ? laxArgmax : laxArgmin;
  const result = arg(asCounts(operand), resolved);
  if (!options.keepdims) return result;
  const axes = axis === undefined || axis === null ? [...globalThis.Array(a.ndim).keys()] : [resolved];
  return withKeptDims(a, axes, result, true);
}

/**
 * `jnp.argmax`: the int32 index of the first maximum along `axis` (of the flattened array when
 * omitted or null); the first NaN counts as the maximum. An empty axis is an error.
 *
 * @example
 * ```ts
 * ax.argmax(ax.array([[1, 7, 7], [4, 2, 0]]), 1); // [1, 0]
 * ax.argmax(ax.array([[1, 7], [9, 2]]));          // 2
 * ```
 */
export const argmax = op((x: ArrayLike, axis?: number | null, options: ReduceOptions = {}): Array =>
  argExtremum('argmax', x, axis, options),
);

/**
 * `jnp.argmin`: the int32 index of the first minimum along `axis` (of the flattened array when
 * omitted or null); the first NaN counts as the minimum. An empty axis is an error.
 *
 * @example
 * ```ts
 * ax.argmin(ax.array([3, 1, 1])); // 1
 * ```
 */
export const argmin = op((x: ArrayLike, axis?: number | null, options: ReduceOptions = {}): Array =>
  argExtremum('argmin', x, axis, options),
);

/**
 * `jnp.cumsum`: running sums along `axis` (of the flattened array when omitted or null). bool
 * sums as int32; integers wrap.
 *
 * @example
 * ```ts
 * ax.cumsum(ax.array([[1, 2], [3, 4]]), 1); // [[1, 3], [3, 7]]
 * ax.cumsum(ax.array([[1, 2], [3, 4]]));    // [1, 3, 6, 10]
 * ```
 */
export const cumsum = op((x: ArrayLike, axis?: number | null): Array => {
  const [operand, resolved] = alongAxis('cumsum', asArray(x), axis);
  return laxCumsum(asCounts(operand), resolved);
});
