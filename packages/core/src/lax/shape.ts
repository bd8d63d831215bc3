import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { checkDType, type DType } from '../dtype.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import {
  checkShape,
  formatShape,
  normalizeAxes,
  normalizeAxis,
  shapeEqual,
  sizeOf,
  type Shape,
} from '../shape.js';
import { arange } from '../creation.js';
import { gatherAxis } from './gather.js';

// The family's other primitives live in files of their own; callers import them all from here.
export {
  gather,
  gatherP,
  scatterAdd,
  scatterAddP,
  type GatherOptions,
  type ScatterOptions,
} from './gather.js';
export {
  concatenate,
  concatenateP,
  dynamicSlice,
  dynamicSliceP,
  dynamicUpdateSlice,
  dynamicUpdateSliceP,
  pad,
  padP,
  slice,
  sliceP,
} from './slicing.js';

export const reshapeP = definePrimitive<PrimitiveParams['reshape']>({
  name: 'reshape',
  abstractEval: ([x], { newSizes }) => {
    checkShape(newSizes, 'reshape');
    if (sizeOf(newSizes) !== x!.size) {
      throw new ShapeError(
        `reshape: cannot reshape ${x!.describe()} (${x!.size} elements) into shape ${formatShape(newSizes)}`,
      );
    }
    return [new ShapeDtype(newSizes, x!.dtype)];
  },
});

/**
 * `lax.reshape`: the same elements in row-major order under a new shape of equal size.
 *
 * @example
 * ```ts
 * ax.lax.reshape(ax.arange(6), [2, 3]); // [[0, 1, 2], [3, 4, 5]]
 * ```
 */
export function reshape(x: Array, newSizes: Shape): Array {
  // As jax.lax.reshape, a reshape to the same shape is the operand itself: no equation, no copy.
  if (shapeEqual(x.shape, newSizes)) return x;
  return bind1(reshapeP, [x], { newSizes: [...newSizes] });
}

export const broadcastInDimP = definePrimitive<PrimitiveParams['broadcastInDim']>({
  name: 'broadcastInDim',
  abstractEval: ([x], { shape, broadcastDimensions }) => {
    const where = 'broadcastInDim';
    checkShape(shape, where);
    if (broadcastDimensions.length !== x!.ndim) {
      throw new ParameterError(
        `${where}: broadcastDimensions ${formatShape(broadcastDimensions)} must have one entry per operand axis (${x!.describe()})`,
      );
    }
    broadcastDimensions.forEach((d, i) => {
      const prev = i === 0 ? -1 : broadcastDimensions[i - 1]!;
      if (!Number.isInteger(d) || d <= prev || d >= shape.length) {
        throw new ParameterError(
          `${where}: broadcastDimensions ${formatShape(broadcastDimensions)} must be strictly increasing axes of the output shape ${formatShape(shape)}`,
        );
      }
      const size = x!.shape[i]!;
      if (size !== 1 && size !== shape[d]) {
        throw new ShapeError(
          `${where}: operand ${x!.describe()} axis ${i} (size ${size}) cannot broadcast to output axis ${d} of shape ${formatShape(shape)}`,
        );
      }
    });
    return [new ShapeDtype(shape, x!.dtype)];
  },
});

/**
 * `lax.broadcastInDim`: operand axis `i` becomes output axis `broadcastDimensions[i]` (size 1 or
 * equal); the other output axes repeat the operand.
 *
 * @example
 * ```ts
 * ax.lax.broadcastInDim(ax.array([1, 2]), [3, 2], [1]); // three rows of [1, 2]
 * ```
 */
export function broadcastInDim(x: Array, shape: Shape, broadcastDimensions: readonly number[]): Array {
  if (shapeEqual(x.shape, shape) && broadcastDimensions.every((d, i) => d === i)) return x;
  return bind1(broadcastInDimP, [x], { shape: [...shape], broadcastDimensions: [...broadcastDimensions] });
}

export const transposeP = definePrimitive<PrimitiveParams['transpose']>({
  name: 'transpose',
  abstractEval: ([x], { permutation }) => {
    const seen = new Set(permutation);
    const valid =
      permutation.length === x!.ndim &&
      seen.size === x!.ndim &&
      permutation.every((p) => Number.isInteger(p) && p >= 0 && p < x!.ndim);
    if (!valid) {
      throw new ParameterError(
        `transpose: permutation ${formatShape(permutation)} is not a permutation of the ${x!.ndim} axes of ${x!.describe()}`,
      );
    }
    return [
      new ShapeDtype(
        permutation.map((p) => x!.shape[p]!),
        x!.dtype,
      ),
    ];
  },
});

/**
 * `lax.transpose`: output axis `i` is operand axis `permutation[i]`.
 *
 * @example
 * ```ts
 * ax.lax.transpose(ax.zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 * ```
 */
export function transpose(x: Array, permutation: readonly number[]): Array {
  if (permutation.length === x.ndim && permutation.every((p, i) => p === i)) return x;
  return bind1(transposeP, [x], { permutation: [...permutation] });
}

export const revP = definePrimitive<PrimitiveParams['rev']>({
  name: 'rev',
  params: ({ dimensions }, [x]) => ({ dimensions: normalizeAxes(dimensions, x!.ndim, 'rev', 'dimensions') }),
  abstractEval: ([x]) => [x!],
  // Each reversed axis is a gather of that axis at the constant indices n-1, n-2, ..., 0.
  decompose: ([x], { dimensions }) => {
    let out = x!;
    for (const d of dimensions) {
      const n = out.shape[d]!;
      if (n > 1) out = gatherAxis(out, arange(n - 1, -1, -1), d, 'clip');
    }
    return [out];
  },
});

/**
 * `lax.rev`: reverses the order of elements along each of `dimensions` (negative axes count from
 * the end).
 *
 * @example
 * ```ts
 * ax.lax.rev(ax.array([[1, 2], [3, 4]]), [1]); // [[2, 1], [4, 3]]
 * ```
 */
export function rev(x: Array, dimensions: readonly number[]): Array {
  return bind1(revP, [x], { dimensions: [...dimensions] });
}

const IOTA_DTYPES: readonly DType[] = ['float32', 'int32', 'uint32'];

export const iotaP = definePrimitive<PrimitiveParams['iota']>({
  name: 'iota',
  params: ({ dtype, shape, dimension }) => ({
    dtype: checkDType(dtype, 'iota'),
    shape: [...checkShape(shape, 'iota')],
    dimension: normalizeAxis(dimension, shape.length, 'iota', 'dimension'),
  }),
  abstractEval: (_, { dtype, shape, dimension }) => {
    if (!IOTA_DTYPES.includes(dtype)) {
      throw new DTypeError(`iota: dtype ${dtype} is not supported; iota accepts ${IOTA_DTYPES.join(', ')}`);
    }
    if (!Number.isInteger(dimension) || dimension < 0 || dimension >= shape.length) {
      throw new ParameterError(`iota: dimension ${dimension} is not an axis of shape ${formatShape(shape)}`);
    }
    return [new ShapeDtype(shape, dtype)];
  },
});

/**
 * `lax.broadcastedIota`: an array of `shape` whose elements count 0, 1, 2, ... along `dimension`
 * and repeat along the other axes.
 *
 * @example
 * ```ts
 * ax.lax.iota('int32', [2, 3], 1); // [[0, 1, 2], [0, 1, 2]]
 * ```
 */
export function iota(dtype: DType, shape: Shape, dimension: number): Array {
  return bind1(iotaP, [], { dtype, shape: [...shape], dimension });
}
