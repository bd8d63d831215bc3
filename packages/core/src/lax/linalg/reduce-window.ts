import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { full, scalar } from '../../creation.js';
import type { DType } from '../../dtype.js';
import { DTypeError } from '../../errors.js';
import { bind1 } from '../../interpreters.js';
import { definePrimitive, type Primitive } from '../../primitive.js';
import type { ReduceWindowParams } from '../../primitives/params.js';
import { sizeOf } from '../../shape.js';
import { add, max } from '../elementwise.js';
import { pad, slice } from '../shape.js';
import { LINALG_DTYPES } from './dot-general.js';
import { boxPoints, checkIntList, checkPadding, windowOutputSize } from './window.js';

/**
 * The value padding and base-dilation holes contribute to a window reduction: its identity, 0 for
 * a sum, and for a max -Infinity or the integer dtype's minimum.
 *
 * @example
 * ```ts
 * reduceWindowInit('max', 'int32'); // -2147483648
 * ```
 */
export function reduceWindowInit(kind: 'sum' | 'max', dtype: DType): number {
  if (kind === 'sum') return 0;
  return dtype === 'float32' ? -Infinity : dtype === 'int32' ? -(2 ** 31) : 0;
}

function rule(
  name: string,
): (raw: ReduceWindowParams, operands: readonly ShapeDtype[]) => ReduceWindowParams {
  return (raw, [x]) => {
    const n = x!.ndim;
    return {
      windowDimensions: checkIntList(name, 'windowDimensions', raw.windowDimensions, n, 1),
      windowStrides: checkIntList(name, 'windowStrides', raw.windowStrides, n, 1),
      padding: checkPadding(name, raw.padding, n),
      baseDilation: checkIntList(name, 'baseDilation', raw.baseDilation, n, 1),
      windowDilation: checkIntList(name, 'windowDilation', raw.windowDilation, n, 1),
    };
  };
}

/**
 * The output shape of a window reduction of `x` (checking its dtype): per axis, the number of
 * window positions.
 *
 * @example
 * ```ts
 * reduceWindowShape('reduceWindowMax', new ShapeDtype([4, 4], 'float32'), params); // e.g. [2, 2]
 * ```
 */
export function reduceWindowShape(name: string, x: ShapeDtype, p: ReduceWindowParams): number[] {
  if (!LINALG_DTYPES.includes(x.dtype)) {
    throw new DTypeError(
      `${name}: operand ${x.describe()} has dtype ${x.dtype}; ${name} accepts ${LINALG_DTYPES.join(', ')}`,
    );
  }
  return x.shape.map((size, i) =>
    windowOutputSize({
      size,
      window: p.windowDimensions[i]!,
      stride: p.windowStrides[i]!,
      padding: p.padding[i]!,
      baseDilation: p.baseDilation[i]!,
      windowDilation: p.windowDilation[i]!,
    }),
  );
}

/**
 * A window reduction without its kernel: the operand padded with the reduction's identity (base
 * dilation as interior padding), one strided slice per window offset, combined elementwise.
 */
function decomposeWith(
  name: string,
  kind: 'sum' | 'max',
): (operands: readonly Array[], p: ReduceWindowParams) => Array[] {
  return ([x], p) => {
    const outShape = reduceWindowShape(name, x!.aval, p);
    const init = reduceWindowInit(kind, x!.dtype);
    if (sizeOf(outShape) === 0) return [full(outShape, init, x!.dtype)];
    const padded = pad(
      x!,
      scalar(init, x!.dtype),
      p.padding.map(([lo, hi], i) => [lo, hi, p.baseDilation[i]! - 1] as [number, number, number]),
    );
    const combine = kind === 'sum' ? add : max;
    let acc: Array | undefined;
    for (const offset of boxPoints(p.windowDimensions)) {
      const start = offset.map((k, i) => k * p.windowDilation[i]!);
      const limit = start.map((b, i) => b + (outShape[i]! - 1) * p.windowStrides[i]! + 1);
      const part = slice(padded, start, limit, p.windowStrides);
      acc = acc === undefined ? part : combine(acc, part);
    }
    return [acc!];
  };
}

function defineReduceWindow(
  name: 'reduceWindowSum' | 'reduceWindowMax',
  kind: 'sum' | 'max',
): Primitive<ReduceWindowParams> {
  return definePrimitive<ReduceWindowParams>({
    name,
    params: rule(name),
    abstractEval: ([x], p) => [new ShapeDtype(reduceWindowShape(name, x!, p), x!.dtype)],
    decompose: decomposeWith(name, kind),
  });
}

export const reduceWindowSumP = defineReduceWindow('reduceWindowSum', 'sum');
export const reduceWindowMaxP = defineReduceWindow('reduceWindowMax', 'max');

/** Parameters of {@link reduceWindowSum} and {@link reduceWindowMax}: one entry per operand axis. */
export interface ReduceWindowOptions {
  readonly windowDimensions: readonly number[];
  /** Default 1 per axis. */
  readonly windowStrides?: readonly number[];
  /** `[low, high]` per axis; default no padding. */
  readonly padding?: readonly (readonly [number, number])[];
  /** Default 1 per axis (no holes in the operand). */
  readonly baseDilation?: readonly number[];
  /** Default 1 per axis (a dense window). */
  readonly windowDilation?: readonly number[];
}

function canonicalOptions(x: Array, o: ReduceWindowOptions): ReduceWindowParams {
  const ones = x.shape.map(() => 1);
  return {
    windowDimensions: [...o.windowDimensions],
    windowStrides: [...(o.windowStrides ?? ones)],
    padding: (o.padding ?? x.shape.map(() => [0, 0] as const)).map(([lo, hi]) => [lo, hi] as const),
    baseDilation: [...(o.baseDilation ?? ones)],
    windowDilation: [...(o.windowDilation ?? ones)],
  };
}

/**
 * `lax.reduce_window` with addition: the sum of each window of `x`, padding and base-dilation holes
 * counting 0. Integers wrap.
 *
 * @example
 * ```ts
 * ax.lax.reduceWindowSum(ax.array([1, 2, 3, 4]), { windowDimensions: [2], windowStrides: [2] }); // [3, 7]
 * ```
 */
export function reduceWindowSum(x: Array, options: ReduceWindowOptions): Array {
  return bind1(reduceWindowSumP, [x], canonicalOptions(x, options));
}

/**
 * `lax.reduce_window` with max: the maximum of each window of `x`. Padding and base-dilation holes
 * count as -Infinity (int32: -2^31, uint32: 0); NaN propagates.
 *
 * @example
 * ```ts
 * ax.lax.reduceWindowMax(ax.array([1, 5, 3, 4]), { windowDimensions: [2], windowStrides: [2] }); // [5, 4]
 * ```
 */
export function reduceWindowMax(x: Array, options: ReduceWindowOptions): Array {
  return bind1(reduceWindowMaxP, [x], canonicalOptions(x, options));
}
