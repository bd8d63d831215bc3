import { allocTyped, type DType, type Kernel, type KernelsFor, type TypedArray } from '@addax/core';
import { forEachIndex, stridesOf } from './positions.js';

/**
 * A reduction over `axes`: each operand element folds into the output element its kept axes
 * name, starting from `init`. The accumulator is float64: a float32 sum rounds once, at the end,
 * and integer sums stay exact (below 2^53) until storing wraps them modulo 2^32.
 */
function reduction(
  init: (dtype: DType) => number,
  combine: (acc: number, v: number) => number,
): Kernel<{ readonly axes: readonly number[] }, TypedArray> {
  return ([x], { axes }, [out]) => {
    const acc = new Float64Array(out!.size).fill(init(x!.dtype));
    const outStrides = stridesOf(out!.shape);
    const kept = x!.shape.map((_, a) => a).filter((a) => !axes.includes(a));
    forEachIndex(x!.shape, (index, i) => {
      let o = 0;
      kept.forEach((a, k) => (o += index[a]! * outStrides[k]!));
      acc[o] = combine(acc[o]!, x!.buffer[i]!);
    });
    const result = allocTyped(out!.dtype, out!.size);
    result.set(acc);
    return [result];
  };
}

/** The smallest value of each dtype: the maximum of nothing. */
const LOWEST: Record<DType, number> = { float32: -Infinity, int32: -(2 ** 31), uint32: 0, bool: 0 };

/** reduceSum and reduceMax; every other reduction decomposes into them. */
export const reductionKernels: KernelsFor<'reduceSum' | 'reduceMax', TypedArray> = {
  reduceSum: reduction(
    () => 0,
    (acc, v) => acc + v,
  ),
  // Math.max propagates NaN and ranks +0 above -0.
  reduceMax: reduction((dtype) => LOWEST[dtype], Math.max),
};
