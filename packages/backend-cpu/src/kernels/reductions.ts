import {
  allocTyped,
  type ArgReduceParams,
  type AxesParams,
  type DType,
  type Kernel,
  type KernelArg,
  type KernelsFor,
  stridesOf,
  type TypedArray,
} from '@addax/core';
import { forEachLane, lanesOf } from './lanes.js';

type Combine = (acc: number, value: number) => number;

/**
 * Folds every element of `x` into the output element it reduces to (the reduced axes dropped),
 * starting from `init`. The accumulator is float64, so float32 sums and products round once at
 * the end; integer `combine`s wrap themselves at each step.
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

/** A reduction kernel: `combine` (chosen by operand dtype) folded from `init`. */
function reduction(
  init: Record<DType, number>,
  combine: Record<DType, Combine>,
): Kernel<AxesParams, TypedArray> {
  return ([x], { axes }, [out]) => {
    const acc = fold(x!, axes, out!.size, init[x!.dtype], combine[x!.dtype]);
    const result = allocTyped(out!.dtype, acc.length);
    for (let i = 0; i < acc.length; i++) result[i] = acc[i]!;
    return [result];
  };
}

const add: Record<DType, Combine> = {
  float32: (a, v) => a + v,
  int32: (a, v) => (a + v) | 0,
  uint32: (a, v) => (a + v) >>> 0,
  bool: (a, v) => a + v,
};

const multiply: Record<DType, Combine> = {
  float32: (a, v) => a * v,
  int32: (a, v) => Math.imul(a, v),
  uint32: (a, v) => Math.imul(a, v) >>> 0,
  bool: (a, v) => a * v,
};

// Math.max and Math.min propagate NaN and order -0 below +0.
const same = (fn: Combine): Record<DType, Combine> => ({ float32: fn, int32: fn, uint32: fn, bool: fn });

const ZERO: Record<DType, number> = { float32: 0, int32: 0, uint32: 0, bool: 0 };
const ONE: Record<DType, number> = { float32: 1, int32: 1, uint32: 1, bool: 1 };
const LOWEST: Record<DType, number> = { float32: -Infinity, int32: -(2 ** 31), uint32: 0, bool: 0 };
const HIGHEST: Record<DType, number> = {
  float32: Infinity,
  int32: 2 ** 31 - 1,
  uint32: 2 ** 32 - 1,
  bool: 1,
};

/**
 * argmax (`better` is `>`) or argmin (`<`) along one axis: the first NaN if there is one, else
 * the first position no later element beats.
 */
function argReduce(better: (a: number, b: number) => boolean): Kernel<ArgReduceParams, TypedArray> {
  return ([x], { axis }, [out]) => {
    const src = x!.buffer;
    const lanes = lanesOf(x!.shape, axis);
    const result = allocTyped(out!.dtype, out!.size);
    let o = 0;
    forEachLane(lanes, (start, stride) => {
      let best = 0;
      let bestValue = src[start]!;
      for (let k = 1; k < lanes.n && !Number.isNaN(bestValue); k++) {
        const v = src[start + k * stride]!;
        if (Number.isNaN(v) || better(v, bestValue)) {
          best = k;
          bestValue = v;
        }
      }
      result[o++] = best;
    });
    return [result];
  };
}

export const reductionKernels: KernelsFor<
  | 'reduceSum'
  | 'reduceMax'
  | 'reduceMin'
  | 'reduceProd'
  | 'reduceAnd'
  | 'reduceOr'
  | 'argmax'
  | 'argmin'
  | 'cumsum',
  TypedArray
> = {
  reduceSum: reduction(ZERO, add),
  reduceMax: reduction(LOWEST, same(Math.max)),
  reduceMin: reduction(HIGHEST, same(Math.min)),
  reduceProd: reduction(ONE, multiply),
  reduceAnd: reduction(
    ONE,
    same((a, v) => a & v),
  ),
  reduceOr: reduction(
    ZERO,
    same((a, v) => a | v),
  ),
  argmax: argReduce((a, b) => a > b),
  argmin: argReduce((a, b) => a < b),

  // Floats accumulate in float64 from -0 (so a leading -0 stays -0, as in numpy) and each output
  // rounds once; integers wrap at each step.
  cumsum: ([x], { axis, reverse }, [out]) => {
    const src = x!.buffer;
    const lanes = lanesOf(x!.shape, axis);
    const result = allocTyped(out!.dtype, src.length);
    const combine = add[x!.dtype];
    forEachLane(lanes, (start, stride) => {
      let acc = x!.dtype === 'float32' ? -0 : 0;
      for (let step = 0; step < lanes.n; step++) {
        const at = start + (reverse ? lanes.n - 1 - step : step) * stride;
        acc = combine(acc, src[at]!);
        result[at] = acc;
      }
    });
    return [result];
  },
};
