import { stridesOf, type DType, type KernelArg, type KernelsFor, type TypedArray } from '@addax/core';
import { output } from '../backend.js';

type Combine = (acc: number, value: number) => number;

/**
 * Folds every element of `x` into the output element it reduces to (the reduced axes dropped),
 * starting from `init`. The accumulator is float64, so float32 sums round once at the end;
 * integer `combine`s wrap themselves at each step.
 */
function fold(
  x: KernelArg<TypedArray>,
  axes: readonly number[],
  outSize: number,
  init: number,
  combine: Combine,
): Float64Array {
  const acc = new Float64Array(outSize).fill(init);
  const { shape } = x;
  const outStrides = stridesOf(shape.filter((_, i) => !axes.includes(i)));
  // Stride of each operand axis into the output: 0 along reduced axes.
  let k = 0;
  const strides = shape.map((_, i) => (axes.includes(i) ? 0 : outStrides[k++]!));
  const index = shape.map(() => 0);
  const src = x.buffer;
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    acc[o] = combine(acc[o]!, src[i]!);
    for (let a = shape.length - 1; a >= 0; a--) {
      o += strides[a]!;
      if (++index[a]! < shape[a]!) break;
      o -= strides[a]! * shape[a]!;
      index[a] = 0;
    }
  }
  return acc;
}

function reduced(dtype: DType, acc: Float64Array): TypedArray {
  const result = output(dtype, acc.length);
  for (let i = 0; i < acc.length; i++) result[i] = acc[i]!;
  return result;
}

const SUM: Record<DType, Combine> = {
  float32: (a, v) => a + v,
  int32: (a, v) => (a + v) | 0,
  uint32: (a, v) => (a + v) >>> 0,
  bool: (a, v) => a + v,
};

const LOWEST: Record<DType, number> = { float32: -Infinity, int32: -(2 ** 31), uint32: 0, bool: 0 };

export const reductionKernels: KernelsFor<'reduceSum' | 'reduceMax', TypedArray> = {
  reduceSum: ([x], { axes }, [out]) => [reduced(out!.dtype, fold(x!, axes, out!.size, 0, SUM[x!.dtype]))],

  // Math.max propagates NaN and orders -0 below +0.
  reduceMax: ([x], { axes }, [out]) => [
    reduced(out!.dtype, fold(x!, axes, out!.size, LOWEST[x!.dtype], Math.max)),
  ],
};
