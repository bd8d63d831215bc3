import type { Array, ArrayLike } from '../../array.js';
import { full } from '../../creation.js';
import { op } from '../../eager.js';
import { DTypeError, ParameterError, ShapeError } from '../../errors.js';
import { cast } from '../../lax/elementwise.js';
import { reduceWindowMax, reduceWindowSum } from '../../lax/linalg.js';
import { divide } from '../arithmetic.js';
import { asArray } from '../convert.js';
import { resolvePadding, type WindowPadding } from './padding.js';

/** The full-rank window of a pooling: 1 on the batch axes and the feature axis. */
interface PoolWindow {
  readonly windowDimensions: number[];
  readonly windowStrides: number[];
  readonly padding: [number, number][];
}

/**
 * Checks a pooling's arguments and lays its spatial window over `x` `[...batch, ...spatial,
 * features]` (flax's layout: the window covers the axes just before the last).
 */
function poolWindow(
  where: string,
  x: Array,
  windowShape: readonly number[],
  strides: readonly number[] | undefined,
  padding: WindowPadding,
): PoolWindow {
  const n = windowShape.length;
  const positive = (v: readonly number[]): boolean => v.every((d) => Number.isInteger(d) && d >= 1);
  if (!positive(windowShape)) {
    throw new ParameterError(`${where}: windowShape [${windowShape.join(', ')}] must hold positive integers`);
  }
  const s = strides ?? windowShape.map(() => 1);
  if (s.length !== n || !positive(s)) {
    throw new ParameterError(
      `${where}: strides [${s.join(', ')}] must be ${n} positive integers, one per window axis`,
    );
  }
  if (x.ndim < n + 1) {
    throw new ShapeError(
      `${where}: input ${x.aval.describe()} needs at least ${n + 1} axes ([...batch, ...spatial, features]) for a ${n}-d window`,
    );
  }
  if (x.dtype === 'bool')
    throw new DTypeError(`${where}: input ${x.aval.describe()} is bool; pool a numeric array`);
  const lead = x.ndim - n - 1;
  const spatial = x.shape.slice(lead, lead + n);
  const pads = resolvePadding(where, padding, spatial, windowShape, s);
  const ones = (k: number): number[] => globalThis.Array.from({ length: k }, () => 1);
  const zeros = (k: number): [number, number][] => globalThis.Array.from({ length: k }, () => [0, 0]);
  return {
    windowDimensions: [...ones(lead), ...windowShape, 1],
    windowStrides: [...ones(lead), ...s, 1],
    padding: [...zeros(lead), ...pads, [0, 0]],
  };
}

/** A pooling that is one windowed reduction of `x`, with nothing done before or after it. */
function windowPool(where: string, reduce: (x: Array, window: PoolWindow) => Array) {
  return op(
    (
      x: ArrayLike,
      windowShape: readonly number[],
      strides?: readonly number[],
      padding: WindowPadding = 'VALID',
    ): Array => {
      const a = asArray(x);
      return reduce(a, poolWindow(where, a, windowShape, strides, padding));
    },
  );
}

/**
 * flax's `max_pool`: the maximum over each window of the axes before the last (`x` is `[...batch,
 * ...spatial, features]`). `strides` default to 1; padding (`'VALID'` by default) counts as
 * -Infinity, so it never wins.
 *
 * @example
 * ```ts
 * ax.maxPool(ax.ones([8, 28, 28, 16]), [2, 2], [2, 2]).shape; // [8, 14, 14, 16]
 * ```
 */
export const maxPool = windowPool('maxPool', reduceWindowMax);

/**
 * The sum over each window of the axes before the last, padding counting 0 (see {@link maxPool}).
 *
 * @example
 * ```ts
 * ax.sumPool(ax.ones([1, 4, 1]), [2], [2]); // [[[2], [2]]]
 * ```
 */
export const sumPool = windowPool('sumPool', reduceWindowSum);

/**
 * flax's `avg_pool`: the float32 mean over each window of the axes before the last (see
 * {@link maxPool}). With `countIncludePad` (the default, as flax) padding counts as zeros in the
 * mean, so every window divides by the full window size; without it, only the elements of `x` in
 * the window count.
 *
 * @example
 * ```ts
 * ax.avgPool(ax.array([[[1], [2], [3]]]), [2], [1], 'SAME'); // [[[1.5], [2.5], [1.5]]]
 * ax.avgPool(ax.array([[[1], [2], [3]]]), [2], [1], 'SAME', false); // [[[1.5], [2.5], [3]]]
 * ```
 */
export const avgPool = op(
  (
    x: ArrayLike,
    windowShape: readonly number[],
    strides?: readonly number[],
    padding: WindowPadding = 'VALID',
    countIncludePad = true,
  ): Array => {
    const a = asArray(x);
    const window = poolWindow('avgPool', a, windowShape, strides, padding);
    const sums = reduceWindowSum(cast(a, 'float32'), window);
    if (countIncludePad)
      return divide(
        sums,
        windowShape.reduce((p, d) => p * d, 1),
      );
    const lead = a.ndim - windowShape.length - 1;
    const spatialOnes = full(
      a.shape.map((d, i) => (i < lead || i === a.ndim - 1 ? 1 : d)),
      1,
    );
    return divide(sums, reduceWindowSum(spatialOnes, window));
  },
);
