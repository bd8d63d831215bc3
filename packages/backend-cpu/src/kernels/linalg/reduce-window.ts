import {
  allocTyped,
  type DType,
  type Kernel,
  type ReduceWindowParams,
  stridesOf,
  type TypedArray,
} from '@addax/core';
import { WindowTaps } from './window-taps.js';

/** The identity of max, which padding and holes hold: -Infinity or the integer dtype's minimum. */
export function lowest(dtype: DType): number {
  return dtype === 'float32' ? -Infinity : dtype === 'int32' ? -(2 ** 31) : 0;
}

/**
 * A window reduction as the plain loop over output elements and their window positions. Sums of
 * float32 run in float64 and round once; integer sums wrap; max propagates NaN.
 */
function reduceWindow(kind: 'sum' | 'max'): Kernel<ReduceWindowParams, TypedArray> {
  return ([x], p, [out]) => {
    const { shape, dtype } = x!;
    const strides = stridesOf(shape);
    const taps = new WindowTaps(
      shape.map((size, a) => ({
        size,
        stride: strides[a]!,
        window: p.windowDimensions[a]!,
        windowStride: p.windowStrides[a]!,
        padLow: p.padding[a]![0],
        baseDilation: p.baseDilation[a]!,
        windowDilation: p.windowDilation[a]!,
        outSize: out!.shape[a]!,
      })),
    );
    const src = x!.buffer;
    const result = allocTyped(dtype, out!.size);
    // One loop per reduction rather than one loop calling a combine function, so each stays
    // monomorphic in the hot path. Padding and holes (offset -1) are skipped: they hold the identity.
    if (kind === 'max') {
      const init = lowest(dtype);
      for (let position = 0; position < result.length; position++, taps.advance()) {
        const offsets = taps.current;
        let acc = init;
        for (let k = 0; k < offsets.length; k++) {
          // Math.max propagates NaN and orders -0 below +0, as lax.max does.
          if (offsets[k]! >= 0) acc = Math.max(acc, src[offsets[k]!]!);
        }
        result[position] = acc;
      }
    } else {
      // Integer sums are exact in float64 up to 2^53 (windows of up to 2^21 elements), so wrapping
      // once at the end equals wrapping at every step.
      const wrap = dtype !== 'float32';
      for (let position = 0; position < result.length; position++, taps.advance()) {
        const offsets = taps.current;
        let acc = 0;
        for (let k = 0; k < offsets.length; k++) if (offsets[k]! >= 0) acc += src[offsets[k]!]!;
        result[position] = wrap ? acc | 0 : acc;
      }
    }
    return [result];
  };
}

/** The reduceWindowSum kernel: padding and holes count 0. */
export const reduceWindowSumKernel = reduceWindow('sum');
/**
 * reduceWindowMax as the plain loop, padding and holes counting -Infinity (int32: -2^31, uint32:
 * 0): the reference the separable kernel is tested against.
 */
export const reduceWindowMaxReference = reduceWindow('max');
