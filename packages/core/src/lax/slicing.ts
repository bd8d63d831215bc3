import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { full, scalar, zeros } from '../creation.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams, ScatterParams } from '../primitives/params.js';
import { formatShape, normalizeAxis } from '../shape.js';
import { cast, lt, select } from './elementwise.js';
import { gather, scatterAdd } from './gather.js';
import { broadcastInDim, iota, reshape } from './shape.js';

export const sliceP = definePrimitive<PrimitiveParams['slice']>({
  name: 'slice',
  abstractEval: ([x], { startIndices, limitIndices, strides }) => {
    const where = 'slice';
    const of = `of ${x!.describe()}`;
    for (const [name, v] of [
      ['startIndices', startIndices],
      ['limitIndices', limitIndices],
      ['strides', strides],
    ] as const) {
      if (v.length !== x!.ndim || v.some((e) => !Number.isInteger(e))) {
        throw new ParameterError(`${where}: ${name} ${formatShape(v)} must give one integer per axis ${of}`);
      }
    }
    const shape = x!.shape.map((d, a) => {
      const start = startIndices[a]!;
      const limit = limitIndices[a]!;
      if (!(start >= 0 && start <= limit && limit <= d)) {
        throw new ParameterError(
          `${where}: startIndices ${formatShape(startIndices)} and limitIndices ${formatShape(limitIndices)} ` +
            `must satisfy 0 <= start <= limit <= size on every axis ${of} (axis ${a}: ${start}, ${limit}, size ${d})`,
        );
      }
      if (strides[a]! < 1)
        throw new ParameterError(`${where}: strides ${formatShape(strides)} must be positive`);
      return Math.ceil((limit - start) / strides[a]!);
    });
    return [new ShapeDtype(shape, x!.dtype)];
  },
});

/**
 * `lax.slice`: the elements from `startIndices` (inclusive) to `limitIndices` (exclusive) on each
 * axis, every `strides`-th one (default 1).
 *
 * @example
 * ```ts
 * ax.lax.slice(ax.arange(10), [1], [8], [3]); // [1, 4, 7]
 * ```
 */
export function slice(
  x: Array,
  startIndices: readonly number[],
  limitIndices: readonly number[],
  strides?: readonly number[],
): Array {
  return bind1(sliceP, [x], {
    startIndices: [...startIndices],
    limitIndices: [...limitIndices],
    strides: strides ? [...strides] : x.shape.map(() => 1),
  });
}

export const padP = definePrimitive<PrimitiveParams['pad']>({
  name: 'pad',
  abstractEval: ([x, padValue], { config }) => {
    const where = 'pad';
    if (padValue!.ndim !== 0) {
      throw new ShapeError(`${where}: the padding value must be a scalar, got ${padValue!.describe()}`);
    }
    if (padValue!.dtype !== x!.dtype) {
      throw new DTypeError(
        `${where}: the padding value ${padValue!.describe()} must have the dtype of the operand ${x!.describe()}`,
      );
    }
    const text = `[${config.map((c) => formatShape(c)).join(', ')}]`;
    if (config.length !== x!.ndim) {
      throw new ParameterError(
        `${where}: config ${text} must give [low, high, interior] for each axis of ${x!.describe()}`,
      );
    }
    const shape = config.map(([lo, hi, interior], a) => {
      if (![lo, hi, interior].every(Number.isInteger) || interior < 0) {
        throw new ParameterError(`${where}: config ${text} axis ${a} must be integers with interior >= 0`);
      }
      const d = x!.shape[a]!;
      const size = lo + hi + d + Math.max(d - 1, 0) * interior;
      if (size < 0) {
        throw new ShapeError(
          `${where}: config ${text} crops axis ${a} of ${x!.describe()} to a negative size ${size}`,
        );
      }
      return size;
    });
    return [new ShapeDtype(shape, x!.dtype)];
  },
});

/**
 * `lax.pad`: per axis, `low` and `high` copies of the scalar `padValue` before and after the
 * elements and `interior` between each pair of them. Negative `low`/`high` remove elements.
 *
 * @example
 * ```ts
 * ax.lax.pad(ax.array([1, 2, 3]), ax.scalar(0), [[1, -1, 1]]); // [0, 1, 0, 2, 0]
 * ```
 */
export function pad(
  x: Array,
  padValue: Array,
  config: readonly (readonly [number, number, number])[],
): Array {
  return bind1(padP, [x, padValue], {
    config: config.map(([lo, hi, interior]) => [lo, hi, interior] as const),
  });
}

export const concatenateP = definePrimitive<PrimitiveParams['concatenate']>({
  name: 'concatenate',
  params: ({ dimension }, xs) => {
    if (xs.length === 0) throw new ParameterError('concatenate: needs at least one operand');
    return { dimension: normalizeAxis(dimension, xs[0]!.ndim, 'concatenate', 'dimension') };
  },
  abstractEval: (xs, { dimension }) => {
    const where = 'concatenate';
    const first = xs[0]!;
    const shapes = xs.map((x) => x.describe()).join(', ');
    if (xs.some((x) => x.dtype !== first.dtype)) {
      throw new DTypeError(`${where}: operands must share one dtype, got ${shapes}`);
    }
    if (!(dimension >= 0 && dimension < first.ndim)) {
      throw new ParameterError(`${where}: dimension ${dimension} is not an axis of ${first.describe()}`);
    }
    const fits = (x: ShapeDtype): boolean =>
      x.ndim === first.ndim && x.shape.every((d, a) => a === dimension || d === first.shape[a]);
    if (!xs.every(fits)) {
      throw new ShapeError(
        `${where}: operands must have equal shapes except on dimension ${dimension}, got ${shapes}`,
      );
    }
    const total = xs.reduce((n, x) => n + x.shape[dimension]!, 0);
    return [
      new ShapeDtype(
        first.shape.map((d, a) => (a === dimension ? total : d)),
        first.dtype,
      ),
    ];
  },
  // Each operand is padded with zeros to the full length and picked out by a position mask;
  // select (not add) keeps -0 and NaN as they are.
  decompose: (xs, { dimension }) => {
    const first = xs[0]!;
    const total = xs.reduce((n, x) => n + x.shape[dimension]!, 0);
    const shape = first.shape.map((d, a) => (a === dimension ? total : d));
    const zero = scalar(0, first.dtype);
    const ends: number[] = [];
    const padded = xs.map((x) => {
      const start = ends.at(-1) ?? 0;
      const n = x.shape[dimension]!;
      ends.push(start + n);
      return pad(
        x,
        zero,
        x.shape.map((_, a) => (a === dimension ? [start, total - start - n, 0] : [0, 0, 0])),
      );
    });
    const positions = iota('int32', [total], 0);
    let out = padded.at(-1)!;
    for (let k = xs.length - 2; k >= 0; k--) {
      const before = lt(positions, full([total], ends[k]!, 'int32'));
      out = select(broadcastInDim(before, shape, [dimension]), padded[k]!, out);
    }
    return [out];
  },
});

/**
 * `lax.concatenate`: the operands joined along `dimension` (negative counts from the end); they
 * share a dtype and all other dimensions.
 *
 * @example
 * ```ts
 * ax.lax.concatenate([ax.zeros([2, 1]), ax.ones([2, 2])], 1).shape; // [2, 3]
 * ```
 */
export function concatenate(xs: readonly Array[], dimension: number): Array {
  return bind1(concatenateP, xs, { dimension });
}

/** Start operands of a dynamic slice or update: one int32 scalar per axis of `x`. */
function checkStarts(where: string, x: ShapeDtype, starts: readonly ShapeDtype[]): void {
  if (starts.length !== x.ndim) {
    throw new ParameterError(
      `${where}: got ${starts.length} start indices for the ${x.ndim} axes of ${x.describe()}`,
    );
  }
  starts.forEach((s, i) => {
    if (s.dtype !== 'int32' || s.ndim !== 0) {
      throw new DTypeError(`${where}: start index ${i} must be an int32 scalar, got ${s.describe()}`);
    }
  });
}

/** The start operands as one int32 vector, the index operand of a gather or scatter. */
function startVector(starts: readonly Array[]): Array {
  return concatenate(
    starts.map((s) => reshape(s, [1])),
    0,
  );
}

export const dynamicSliceP = definePrimitive<PrimitiveParams['dynamicSlice']>({
  name: 'dynamicSlice',
  abstractEval: ([x, ...starts], { sliceSizes }) => {
    const where = 'dynamicSlice';
    checkStarts(where, x!, starts);
    if (
      sliceSizes.length !== x!.ndim ||
      sliceSizes.some((s, a) => !Number.isInteger(s) || s < 0 || s > x!.shape[a]!)
    ) {
      throw new ParameterError(
        `${where}: sliceSizes ${formatShape(sliceSizes)} must give a size in [0, dim] for every axis of ${x!.describe()}`,
      );
    }
    return [new ShapeDtype(sliceSizes, x!.dtype)];
  },
  // gather's clip mode clamps a start into [0, dim - size], as dynamicSlice does.
  decompose: ([x, ...starts], { sliceSizes }) => {
    if (x!.ndim === 0) return [x!];
    const axes = x!.shape.map((_, a) => a);
    return [
      gather(x!, startVector(starts), {
        offsetDims: axes,
        collapsedSliceDims: [],
        startIndexMap: axes,
        sliceSizes,
        mode: 'clip',
      }),
    ];
  },
});

function startOperands(starts: readonly (Array | number)[]): Array[] {
  return starts.map((s) => (typeof s === 'number' ? scalar(s, 'int32') : s));
}

/**
 * `lax.dynamicSlice`: the slice of `sliceSizes` starting at `starts` (int32 scalars or JS
 * integers, one per axis), each start clamped into `[0, dim - size]` as in XLA.
 *
 * @example
 * ```ts
 * ax.lax.dynamicSlice(ax.arange(5), [ax.scalar(4, 'int32')], [2]); // [3, 4] (start clamped to 3)
 * ```
 */
export function dynamicSlice(
  x: Array,
  starts: readonly (Array | number)[],
  sliceSizes: readonly number[],
): Array {
  return bind1(dynamicSliceP, [x, ...startOperands(starts)], { sliceSizes: [...sliceSizes] });
}

export const dynamicUpdateSliceP = definePrimitive<PrimitiveParams['dynamicUpdateSlice']>({
  name: 'dynamicUpdateSlice',
  abstractEval: ([x, update, ...starts]) => {
    const where = 'dynamicUpdateSlice';
    if (update!.dtype !== x!.dtype) {
      throw new DTypeError(
        `${where}: update ${update!.describe()} must have the dtype of the operand ${x!.describe()}`,
      );
    }
    if (update!.ndim !== x!.ndim || update!.shape.some((d, a) => d > x!.shape[a]!)) {
      throw new ShapeError(
        `${where}: update ${update!.describe()} must have the rank of the operand ${x!.describe()} and fit inside it`,
      );
    }
    checkStarts(where, x!, starts);
    return [x!];
  },
  // scatterAdd's clip mode clamps the window start as dynamicUpdateSlice does.
  decompose: ([x, update, ...starts]) => {
    if (x!.ndim === 0) return [update!];
    const axes = x!.shape.map((_, a) => a);
    return [
      writeWindows(x!, startVector(starts), update!, {
        updateWindowDims: axes,
        insertedWindowDims: [],
        scatterDimsToOperandDims: axes,
        mode: 'clip',
      }),
    ];
  },
});

/**
 * `x` with the windows of `updates` written over it where a scatter with `dims` would add them: a
 * scatter that replaces, for windows that do not overlap. dynamicUpdateSlice's decomposition, and
 * its batch rule with batched starts (one window per batch element).
 */
export function writeWindows(x: Array, indices: Array, updates: Array, dims: ScatterParams): Array {
  // Adding to -0 leaves every float (-0 and NaN included) as it is, so the windows are copied
  // exactly; a scatter of ones marks which elements they cover.
  const covered = cast(
    scatterAdd(zeros(x.shape, 'int32'), indices, full(updates.shape, 1, 'int32'), dims),
    'bool',
  );
  const placed =
    x.dtype === 'bool'
      ? cast(scatterAdd(zeros(x.shape, 'int32'), indices, cast(updates, 'int32'), dims), 'bool')
      : scatterAdd(full(x.shape, x.dtype === 'float32' ? -0 : 0, x.dtype), indices, updates, dims);
  return select(covered, placed, x);
}

/**
 * `lax.dynamicUpdateSlice`: `x` with `update` written at `starts` (int32 scalars or JS integers,
 * one per axis), each start clamped into `[0, dim - updateSize]` as in XLA.
 *
 * @example
 * ```ts
 * ax.lax.dynamicUpdateSlice(ax.zeros([4]), ax.ones([2]), [1]); // [0, 1, 1, 0]
 * ```
 */
export function dynamicUpdateSlice(x: Array, update: Array, starts: readonly (Array | number)[]): Array {
  return bind1(dynamicUpdateSliceP, [x, update, ...startOperands(starts)], {});
}
