import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import type { DType } from '../dtype.js';
import { DTypeError, ParameterError, ShapeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { GatherMode, GatherParams, PrimitiveParams, ScatterParams } from '../primitives/params.js';
import { formatShape } from '../shape.js';
import { reshape } from './shape.js';

const INDEX_DTYPES: readonly DType[] = ['int32', 'uint32'];
const SCATTER_DTYPES: readonly DType[] = ['float32', 'int32', 'uint32'];
const MODES: readonly GatherMode[] = ['clip', 'fill'];

/** Checks that `axes` are strictly increasing integers in `[0, bound)`, naming the parameter. */
function checkSortedAxes(
  where: string,
  param: string,
  axes: readonly number[],
  bound: number,
  of: string,
): void {
  axes.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 0 || a >= bound || (i > 0 && a <= axes[i - 1]!)) {
      throw new ParameterError(
        `${where}: ${param} ${formatShape(axes)} must be strictly increasing axes of ${of} (in [0, ${bound}))`,
      );
    }
  });
}

/** Checks that `axes` are distinct integers in `[0, bound)`, naming the parameter. */
function checkDistinctAxes(
  where: string,
  param: string,
  axes: readonly number[],
  bound: number,
  of: string,
): void {
  const valid =
    new Set(axes).size === axes.length && axes.every((a) => Number.isInteger(a) && a >= 0 && a < bound);
  if (!valid) {
    throw new ParameterError(
      `${where}: ${param} ${formatShape(axes)} must be distinct axes of ${of} (in [0, ${bound}))`,
    );
  }
}

/** The index operand: int32 or uint32, its last axis holding the index vectors. */
function checkIndices(where: string, indices: ShapeDtype, map: readonly number[], mapName: string): void {
  if (!INDEX_DTYPES.includes(indices.dtype)) {
    throw new DTypeError(`${where}: indices ${indices.describe()} must have dtype int32 or uint32`);
  }
  if (indices.ndim === 0) {
    throw new ShapeError(
      `${where}: indices ${indices.describe()} need at least one axis; the last holds the index vectors`,
    );
  }
  if (indices.shape.at(-1) !== map.length) {
    throw new ParameterError(
      `${where}: ${mapName} ${formatShape(map)} must have one entry per element of an index vector ` +
        `(the last axis of indices ${indices.describe()})`,
    );
  }
}

function checkMode(where: string, mode: GatherMode): void {
  if (!MODES.includes(mode)) {
    throw new ParameterError(`${where}: mode ${JSON.stringify(mode)} must be one of ${MODES.join(', ')}`);
  }
}

const FILL_RANGE: Partial<Record<DType, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  bool: [0, 1],
};

/**
 * The value `gather` returns for out-of-range slices in `fill` mode when none is given, as in JAX:
 * NaN for float32, the most negative int32, the largest uint32, and true for bool.
 */
export function defaultFillValue(dtype: DType): number {
  return { float32: NaN, int32: -(2 ** 31), uint32: 2 ** 32 - 1, bool: 1 }[dtype];
}

function gatherEval([operand, indices]: readonly ShapeDtype[], params: GatherParams): ShapeDtype[] {
  const where = 'gather';
  const x = operand!;
  const idx = indices!;
  const { offsetDims, collapsedSliceDims, startIndexMap, sliceSizes, mode, fillValue } = params;
  const of = `the operand ${x.describe()}`;
  checkMode(where, mode);
  checkIndices(where, idx, startIndexMap, 'startIndexMap');
  checkDistinctAxes(where, 'startIndexMap', startIndexMap, x.ndim, of);
  if (
    sliceSizes.length !== x.ndim ||
    sliceSizes.some((s, a) => !Number.isInteger(s) || s < 0 || s > x.shape[a]!)
  ) {
    throw new ParameterError(
      `${where}: sliceSizes ${formatShape(sliceSizes)} must give a size in [0, dim] for every axis of ${of}`,
    );
  }
  checkSortedAxes(where, 'collapsedSliceDims', collapsedSliceDims, x.ndim, of);
  for (const c of collapsedSliceDims) {
    if (sliceSizes[c] !== 1) {
      throw new ParameterError(
        `${where}: collapsedSliceDims ${formatShape(collapsedSliceDims)} may only collapse axes of slice size 1, ` +
          `but sliceSizes[${c}] is ${sliceSizes[c]}`,
      );
    }
  }
  const offsetSizes = sliceSizes.filter((_, a) => !collapsedSliceDims.includes(a));
  if (offsetDims.length !== offsetSizes.length) {
    throw new ParameterError(
      `${where}: offsetDims ${formatShape(offsetDims)} must have one entry per axis of ${of} ` +
        `not in collapsedSliceDims ${formatShape(collapsedSliceDims)}`,
    );
  }
  const batchSizes = idx.shape.slice(0, -1);
  const outRank = batchSizes.length + offsetSizes.length;
  checkSortedAxes(where, 'offsetDims', offsetDims, outRank, `the rank-${outRank} output`);
  const range = FILL_RANGE[x.dtype];
  if (
    mode === 'fill' &&
    range &&
    !(Number.isInteger(fillValue) && fillValue >= range[0] && fillValue <= range[1])
  ) {
    throw new ParameterError(`${where}: fillValue ${fillValue} does not fit the dtype of ${of}`);
  }
  const shape: number[] = [];
  let b = 0;
  let o = 0;
  for (let d = 0; d < outRank; d++) shape.push(offsetDims.includes(d) ? offsetSizes[o++]! : batchSizes[b++]!);
  return [new ShapeDtype(shape, x.dtype)];
}

export const gatherP = definePrimitive<PrimitiveParams['gather']>({
  name: 'gather',
  abstractEval: gatherEval,
});

/** {@link gather}'s parameters; `mode` defaults to `fill`, `fillValue` to {@link defaultFillValue}. */
export type GatherOptions = Omit<GatherParams, 'mode' | 'fillValue'> & {
  mode?: GatherMode;
  fillValue?: number;
};

/**
 * `lax.gather`, XLA's general gather with the index vectors on the last axis of `indices`. Each
 * index vector gives the start, along the operand axes `startIndexMap`, of a slice of `sliceSizes`;
 * the slice's axes not in `collapsedSliceDims` become the output axes `offsetDims`, and the other
 * output axes run over the index vectors. A slice that does not fit is clamped into range (`clip`)
 * or returned as `fillValue` (`fill`, the default, as in JAX).
 *
 * @example
 * ```ts
 * // Rows 2 and 0 of a [3, 2] matrix.
 * const x = ax.array([[1, 2], [3, 4], [5, 6]]);
 * ax.lax.gather(x, ax.array([[2], [0]], 'int32'), {
 *   offsetDims: [1], collapsedSliceDims: [0], startIndexMap: [0], sliceSizes: [1, 2],
 * }); // [[5, 6], [1, 2]]
 * ```
 */
export function gather(x: Array, indices: Array, options: GatherOptions): Array {
  return bind1(gatherP, [x, indices], {
    offsetDims: [...options.offsetDims],
    collapsedSliceDims: [...options.collapsedSliceDims],
    startIndexMap: [...options.startIndexMap],
    sliceSizes: [...options.sliceSizes],
    mode: options.mode ?? 'fill',
    fillValue: options.fillValue ?? defaultFillValue(x.dtype),
  });
}

/**
 * `x` indexed along `axis` by the integer array `indices` (non-negative; out-of-range ones follow
 * `mode`): the output's shape is `x`'s with `axis` replaced by `indices`' shape. numpy's `take`
 * without its index normalisation; used by decompositions and the numpy-style API.
 */
export function gatherAxis(
  x: Array,
  indices: Array,
  axis: number,
  mode: GatherMode,
  fillValue?: number,
): Array {
  const k = indices.ndim;
  const offsetDims = x.shape.map((_, a) => (a < axis ? a : a + k - 1)).filter((_, a) => a !== axis);
  return gather(x, reshape(indices, [...indices.shape, 1]), {
    offsetDims,
    collapsedSliceDims: [axis],
    startIndexMap: [axis],
    sliceSizes: x.shape.map((d, a) => (a === axis ? 1 : d)),
    mode,
    ...(fillValue === undefined ? {} : { fillValue }),
  });
}

function scatterEval(
  [operand, indices, updates]: readonly ShapeDtype[],
  params: ScatterParams,
): ShapeDtype[] {
  const where = 'scatterAdd';
  const x = operand!;
  const idx = indices!;
  const u = updates!;
  const { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode } = params;
  const of = `the operand ${x.describe()}`;
  checkMode(where, mode);
  if (!SCATTER_DTYPES.includes(x.dtype) || u.dtype !== x.dtype) {
    throw new DTypeError(
      `${where}: operand ${x.describe()} and updates ${u.describe()} must share one of the dtypes ${SCATTER_DTYPES.join(', ')}`,
    );
  }
  checkIndices(where, idx, scatterDimsToOperandDims, 'scatterDimsToOperandDims');
  checkDistinctAxes(where, 'scatterDimsToOperandDims', scatterDimsToOperandDims, x.ndim, of);
  checkSortedAxes(where, 'insertedWindowDims', insertedWindowDims, x.ndim, of);
  checkSortedAxes(where, 'updateWindowDims', updateWindowDims, u.ndim, `the updates ${u.describe()}`);
  const windowAxes = x.shape.map((_, a) => a).filter((a) => !insertedWindowDims.includes(a));
  if (updateWindowDims.length !== windowAxes.length) {
    throw new ParameterError(
      `${where}: updateWindowDims ${formatShape(updateWindowDims)} must have one entry per axis of ${of} ` +
        `not in insertedWindowDims ${formatShape(insertedWindowDims)}`,
    );
  }
  const batchSizes = idx.shape.slice(0, -1);
  const updateBatch = u.shape.filter((_, a) => !updateWindowDims.includes(a));
  if (formatShape(updateBatch) !== formatShape(batchSizes)) {
    throw new ShapeError(
      `${where}: the scatter axes of updates ${u.describe()} (those not in updateWindowDims ${formatShape(updateWindowDims)}) ` +
        `must match the index batch shape ${formatShape(batchSizes)} of indices ${idx.describe()}`,
    );
  }
  updateWindowDims.forEach((d, k) => {
    const a = windowAxes[k]!;
    if (u.shape[d]! > x.shape[a]!) {
      throw new ShapeError(
        `${where}: updates ${u.describe()} axis ${d} (a window of size ${u.shape[d]}) is larger than axis ${a} of ${of}`,
      );
    }
  });
  return [x];
}

export const scatterAddP = definePrimitive<PrimitiveParams['scatterAdd']>({
  name: 'scatterAdd',
  abstractEval: scatterEval,
});

/** {@link scatterAdd}'s parameters; `mode` defaults to `fill` (out-of-range windows are dropped). */
export type ScatterOptions = Omit<ScatterParams, 'mode'> & { mode?: GatherMode };

/**
 * `lax.scatterAdd`, XLA's general scatter with addition, index vectors on the last axis of
 * `indices`. Each index vector gives the start, along operand axes `scatterDimsToOperandDims`, of a
 * window whose axes are the `updateWindowDims` of `updates` (operand axes in `insertedWindowDims`
 * have size 1 and no update axis); the window is added to the operand, duplicates accumulating. A
 * window that does not fit is clamped into range (`clip`) or dropped (`fill`, the default).
 *
 * @example
 * ```ts
 * // Adds 1 at index 1 twice and 5 at index 3.
 * ax.lax.scatterAdd(ax.zeros([4]), ax.array([[1], [1], [3]], 'int32'), ax.array([1, 1, 5]), {
 *   updateWindowDims: [], insertedWindowDims: [0], scatterDimsToOperandDims: [0],
 * }); // [0, 2, 0, 5]
 * ```
 */
export function scatterAdd(x: Array, indices: Array, updates: Array, options: ScatterOptions): Array {
  return bind1(scatterAddP, [x, indices, updates], {
    updateWindowDims: [...options.updateWindowDims],
    insertedWindowDims: [...options.insertedWindowDims],
    scatterDimsToOperandDims: [...options.scatterDimsToOperandDims],
    mode: options.mode ?? 'fill',
  });
}
