import {
  allocTyped,
  sizeOf,
  type DType,
  type KernelArg,
  type ReduceWindowParams,
  type ShapeDtype,
  type TypedArray,
} from '@addax/core';
import { lowest } from './reduce-window.js';
import { axisTaps, type TapAxis } from './window-taps.js';

/** Whether the window along this axis reads each element once, in place: the pass would copy. */
function isIdentity(axis: TapAxis): boolean {
  return (
    axis.window === 1 &&
    axis.windowStride === 1 &&
    axis.padLow === 0 &&
    axis.baseDilation === 1 &&
    axis.outSize === axis.size
  );
}

/**
 * The 1-D window max along axis `a` of `src` (of `shape`): for each output position, the max of the
 * lines of its window taps, row by row over the contiguous axes after `a`.
 */
function maxAlong(
  src: TypedArray,
  shape: readonly number[],
  a: number,
  axis: TapAxis,
  dtype: DType,
): TypedArray {
  const outer = sizeOf(shape.slice(0, a));
  const inner = sizeOf(shape.slice(a + 1));
  const m = axis.outSize;
  const k = axis.window;
  const taps = axisTaps(axis);
  const dst = allocTyped(dtype, outer * m * inner).fill(lowest(dtype));
  for (let o = 0; o < outer; o++) {
    const srcBase = o * axis.size * inner;
    for (let j = 0; j < m; j++) {
      const row = (o * m + j) * inner;
      for (let w = 0; w < k; w++) {
        const t = taps[j * k + w]!;
        if (t < 0) continue;
        const from = srcBase + t * inner;
        for (let i = 0; i < inner; i++) dst[row + i] = Math.max(dst[row + i]!, src[from + i]!);
      }
    }
  }
  return dst;
}

/**
 * reduceWindowMax as one 1-D pass per axis whose window does more than copy (max is associative
 * and commutative, NaN and signed zeros included, so the passes give exactly the max over the
 * whole window, as {@link reduceWindowMaxReference} computes it). Each pass runs over contiguous
 * rows; padding and holes are skipped, as they hold the identity.
 *
 * @example
 * ```ts
 * reduceWindowMaxSeparable(x, params, out); // equals reduceWindowMaxReference(x, params, out)
 * ```
 */
export function reduceWindowMaxSeparable(
  x: KernelArg<TypedArray>,
  p: ReduceWindowParams,
  out: ShapeDtype,
): TypedArray {
  const shape = [...x.shape];
  let buffer = x.buffer;
  shape.forEach((size, a) => {
    const axis: TapAxis = {
      size,
      stride: 1,
      window: p.windowDimensions[a]!,
      windowStride: p.windowStrides[a]!,
      padLow: p.padding[a]![0],
      baseDilation: p.baseDilation[a]!,
      windowDilation: p.windowDilation[a]!,
      outSize: out.shape[a]!,
    };
    if (isIdentity(axis)) return;
    buffer = maxAlong(buffer, shape, a, axis, x.dtype);
    shape[a] = axis.outSize;
  });
  return buffer === x.buffer ? buffer.slice() : buffer;
}
