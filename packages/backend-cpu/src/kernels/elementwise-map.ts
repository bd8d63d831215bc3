import {
  allocTyped,
  BackendError,
  type DType,
  type Kernel,
  type NoParams,
  type TypedArray,
} from '@addax/core';

/** A function on two stored values, for one operand dtype. */
export type BinaryFn = (a: number, b: number) => number;

/**
 * A kernel applying `fnFor(dtype)` at each position of two same-shaped operands of `dtype`, storing
 * the result in the output's dtype.
 */
export function binaryKernel(fnFor: (dtype: DType) => BinaryFn): Kernel<NoParams, TypedArray> {
  return ([x, y], _, [out]) => {
    const fn = fnFor(x!.dtype);
    const a = x!.buffer;
    const b = y!.buffer;
    const result = allocTyped(out!.dtype, a.length);
    for (let i = 0; i < a.length; i++) result[i] = fn(a[i]!, b[i]!);
    return [result];
  };
}

/** One function per accepted dtype; abstractEval has already rejected the others. */
export function byDType(fns: Partial<Record<DType, BinaryFn>>): (dtype: DType) => BinaryFn {
  return (dtype) => {
    const fn = fns[dtype];
    if (!fn) throw new BackendError(`cpu: no elementwise kernel for dtype ${dtype}`);
    return fn;
  };
}
