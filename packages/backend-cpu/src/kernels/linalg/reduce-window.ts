import { stridesOf, type DType, type Kernel, type ReduceWindowParams, type TypedArray } from '@addax/core';
import { output } from '../../backend.js';
import { WindowTaps } from './window-taps.js';

/** What padding and holes count as: the identity of the reduction. */
function initOf(kind: 'sum' | 'max', dtype: DType): number {
  if (kind === 'sum') return 0;
  return dtype === 'float32' ? -Infinity : dtype === 'int32' ? -(2 ** 31) : 0;
}

function combiner(kind: 'sum' | 'max', dtype: DType): (acc: number, v: number) => number {
  // Math.max propagates NaN and orders -0 below +0, as lax.max does.
  if (kind === 'max') return Math.max;
  return dtype === 'float32' ? (acc, v) => acc + v : (acc, v) => (acc + v) | 0;
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
    const init = initOf(kind, dtype);
    const combine = combiner(kind, dtype);
    const src = x!.buffer;
    const result = output(dtype, out!.size);
    taps.forEachPosition((position, offsets) => {
      let acc = init;
      for (let k = 0; k < offsets.length; k++) {
        acc = combine(acc, offsets[k]! < 0 ? init : src[offsets[k]!]!);
      }
      result[position] = acc;
    });
    return [result];
  };
}

/** The reduceWindowSum kernel: padding and holes count 0. */
export const reduceWindowSumKernel = reduceWindow('sum');
/** The reduceWindowMax kernel: padding and holes count -Infinity (int32: -2^31, uint32: 0). */
export const reduceWindowMaxKernel = reduceWindow('max');
