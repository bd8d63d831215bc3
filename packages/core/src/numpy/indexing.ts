import { Array, type ArrayLike, type Nested } from '../array.js';
import { array, full, zeros } from '../creation.js';
import { op } from '../eager.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { add, cast, eq, lt, select } from '../lax/elementwise.js';
import { gather, gatherAxis } from '../lax/gather.js';
import type { DType } from '../dtype.js';
import type { GatherMode } from '../primitives/params.js';
import { broadcastInDim, concatenate, iota, reshape } from '../lax/shape.js';
import { broadcastShapes, normalizeAxis, sizeOf } from '../shape.js';
import { asArray, broadcastTo } from './convert.js';

/** Options of {@link take} and {@link takeAlongAxis}. */
export interface TakeOptions {
  /**
   * Out-of-range indices: `fill` (the default, as in JAX) gives `fillValue`; `clip` clamps them
   * into range. In `fill` mode negative indices count from the end first, as in numpy.
   */
  readonly mode?: GatherMode;
  /** Default: NaN for float32, the most negative int32, the largest uint32, true for bool. */
  readonly fillValue?: number;
}

/** Indices given as an integer array, a JS integer or nested JS integers, as an int32/uint32 array. */
function indexArray(where: string, indices: Array | number | Nested<number>): Array {
  if (!(indices instanceof Array)) return array(indices, 'int32');
  if (indices.dtype !== 'int32' && indices.dtype !== 'uint32') {
    throw new DTypeError(`${where}: indices ${indices.aval.describe()} must be int32 or uint32`);
  }
  return indices;
}

/** Negative signed indices moved up by the axis size `n` (numpy's `-1` is the last element). */
function wrapNegative(indices: Array, n: number, mode: GatherMode): Array {
  if (mode !== 'fill' || indices.dtype !== 'int32') return indices;
  const negative = lt(indices, zeros(indices.shape, 'int32'));
  return select(negative, add(indices, full(indices.shape, n, 'int32')), indices);
}

/**
 * `jnp.take`: elements of `x` at `indices` along `axis` (of the flattened `x` when omitted); the
 * result has `x`'s shape with that axis replaced by `indices`' shape. As in JAX (and unlike numpy,
 * which raises), an index outside `[-n, n)` gives `fillValue` (NaN for float32) by default, or is
 * clamped with `mode: 'clip'`.
 *
 * @example
 * ```ts
 * const x = ax.array([[1, 2, 3], [4, 5, 6]]);
 * ax.take(x, [2, 0]);                // [3, 1]
 * ax.take(x, [2, -1], 1);            // [[3, 3], [6, 6]]
 * ax.take(x, [2], 0);                // [[NaN, NaN, NaN]]
 * ax.take(x, [2], 0, { mode: 'clip' }); // [[4, 5, 6]]
 * ```
 */
export const take = op(
  (
    x: ArrayLike,
    indices: Array | number | Nested<number>,
    axis?: number | null,
    options: TakeOptions = {},
  ): Array => {
    const where = 'take';
    const input = asArray(x);
    const idx = indexArray(where, indices);
    const a = axis === undefined || axis === null ? reshape(input, [input.size]) : input;
    const at = axis === undefined || axis === null ? 0 : normalizeAxis(axis, a.ndim, where);
    const mode = options.mode ?? 'fill';
    const n = a.shape[at]!;
    if (n === 0) {
      if (idx.size !== 0) {
        throw new ShapeError(
          `${where}: cannot take indices ${idx.aval.describe()} from the empty axis ${at} of ${a.aval.describe()}`,
        );
      }
      return zeros([...a.shape.slice(0, at), ...idx.shape, ...a.shape.slice(at + 1)], a.dtype);
    }
    return gatherAxis(a, wrapNegative(idx, n, mode), at, mode, options.fillValue);
  },
);

/**
 * `jnp.take_along_axis`: `x` indexed along `axis` (default -1; `null` for the flattened `x` and 1-D
 * indices) by `indices` of the same rank, the other axes broadcasting against each other. Out-of-
 * range indices behave as in {@link take}.
 *
 * @example
 * ```ts
 * const x = ax.array([[10, 30, 20], [60, 40, 50]]);
 * ax.takeAlongAxis(x, [[1], [0]], 1); // [[30], [60]]
 * ```
 */
export const takeAlongAxis = op(
  (
    x: ArrayLike,
    indices: Array | Nested<number>,
    axis: number | null = -1,
    options: TakeOptions = {},
  ): Array => {
    const where = 'takeAlongAxis';
    const input = asArray(x);
    const idx = indexArray(where, indices);
    if (axis === null && idx.ndim !== 1) {
      throw new ShapeError(`${where}: with axis null the indices must be 1-D, got ${idx.aval.describe()}`);
    }
    const a = axis === null ? reshape(input, [input.size]) : input;
    if (idx.ndim !== a.ndim) {
      throw new ShapeError(
        `${where}: indices ${idx.aval.describe()} must have the rank of ${a.aval.describe()}`,
      );
    }
    const at = axis === null ? 0 : normalizeAxis(axis, a.ndim, where);
    const shape = broadcastShapes(
      where,
      idx.shape,
      a.shape.map((d, i) => (i === at ? 1 : d)),
    );
    const n = a.shape[at]!;
    if (n === 0 || sizeOf(shape) === 0) return zeros(shape, a.dtype);
    const mode = options.mode ?? 'fill';
    // One coordinate per axis of `x` at every output position: the indices along `axis`, the
    // position itself along the others (0 where `x` is broadcast).
    const coordinates = a.shape.map((d, i) => {
      const c =
        i === at
          ? broadcastTo(wrapNegative(idx, n, mode), shape)
          : d === 1
            ? zeros(shape, idx.dtype)
            : iota(idx.dtype, shape, i);
      return reshape(c, [...shape, 1]);
    });
    const axes = a.shape.map((_, i) => i);
    return gather(a, concatenate(coordinates, shape.length), {
      offsetDims: [],
      collapsedSliceDims: axes,
      startIndexMap: axes,
      sliceSizes: axes.map(() => 1),
      mode,
      ...(options.fillValue === undefined ? {} : { fillValue: options.fillValue }),
    });
  },
);

/** Options of {@link oneHot}. */
export interface OneHotOptions {
  /** The result's dtype; default float32. */
  readonly dtype?: DType;
  /** Where the class axis goes in the result; default -1 (last). */
  readonly axis?: number;
}

/**
 * `jax.nn.one_hot`: for each element of `x`, a vector of `numClasses` with 1 at the element's value
 * and 0 elsewhere. A value that is not one of `0..numClasses-1` (negative, too large, fractional,
 * NaN) gives all zeros.
 *
 * @example
 * ```ts
 * ax.oneHot(ax.array([0, 2, 5], 'int32'), 3); // [[1, 0, 0], [0, 0, 1], [0, 0, 0]]
 * ```
 */
export const oneHot = op((x: ArrayLike, numClasses: number, options: OneHotOptions = {}): Array => {
  const where = 'oneHot';
  if (!Number.isInteger(numClasses) || numClasses < 0) {
    throw new ParameterError(`${where}: numClasses must be a non-negative integer, got ${numClasses}`);
  }
  const input = asArray(x);
  const a = input.dtype === 'bool' ? cast(input, 'int32') : input;
  const at = normalizeAxis(options.axis ?? -1, a.ndim + 1, where);
  const shape = [...a.shape.slice(0, at), numClasses, ...a.shape.slice(at)];
  const values = broadcastInDim(
    a,
    shape,
    a.shape.map((_, i) => (i < at ? i : i + 1)),
  );
  const hot = eq(values, iota(a.dtype, shape, at));
  return cast(hot, options.dtype ?? 'float32');
});
