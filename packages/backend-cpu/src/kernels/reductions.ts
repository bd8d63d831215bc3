import {
  allocTyped,
  type ArgReduceParams,
  type AxesParams,
  type DType,
  type Kernel,
  type KernelsFor,
  type TypedArray,
} from '@addax/core';
import { combineFn, fold, type CombineKind } from './fold.js';
import { forEachLane, lanesOf } from './lanes.js';

/** A reduction kernel: the step for the operand's dtype folded from `init`. */
function reduction(
  init: Record<DType, number>,
  kind: Record<DType, CombineKind>,
): Kernel<AxesParams, TypedArray> {
  return ([x], { axes }, [out]) => {
    const acc = fold(x!, axes, out!.size, init[x!.dtype], kind[x!.dtype]);
    const result = allocTyped(out!.dtype, acc.length);
    result.set(acc);
    return [result];
  };
}

const SUM: Record<DType, CombineKind> = {
  float32: 'sum',
  int32: 'sumInt32',
  uint32: 'sumUint32',
  bool: 'sum',
};
const PROD: Record<DType, CombineKind> = {
  float32: 'prod',
  int32: 'prodInt32',
  uint32: 'prodUint32',
  bool: 'prod',
};
const same = (kind: CombineKind): Record<DType, CombineKind> => ({
  float32: kind,
  int32: kind,
  uint32: kind,
  bool: kind,
});

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
  reduceSum: reduction(ZERO, SUM),
  reduceMax: reduction(LOWEST, same('max')),
  reduceMin: reduction(HIGHEST, same('min')),
  reduceProd: reduction(ONE, PROD),
  reduceAnd: reduction(ONE, same('and')),
  reduceOr: reduction(ZERO, same('or')),
  argmax: argReduce((a, b) => a > b),
  argmin: argReduce((a, b) => a < b),

  // Floats accumulate in float64 from -0 (so a leading -0 stays -0, as in numpy) and each output
  // rounds once; integers wrap at each step.
  cumsum: ([x], { axis, reverse }, [out]) => {
    const src = x!.buffer;
    const lanes = lanesOf(x!.shape, axis);
    const result = allocTyped(out!.dtype, src.length);
    const combine = combineFn(SUM[x!.dtype]);
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
