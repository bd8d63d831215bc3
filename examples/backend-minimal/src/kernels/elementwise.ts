import { allocTyped, type DType, type Kernel, type NoParams, type TypedArray } from '@addax/core';

/** What one element of an elementwise kernel's output is, from its operands' elements. */
export type ElementFn = (...xs: number[]) => number;

/**
 * An elementwise kernel: every operand has the output's shape, so element `i` of the output comes
 * from element `i` of each operand. `fnFor` picks the function by the operands' dtype; writing the
 * result into the output's TypedArray rounds float32 and wraps int32, uint32 and bool (0/1 values).
 */
export function elementwise(fnFor: (dtype: DType) => ElementFn): Kernel<NoParams, TypedArray> {
  return (operands, _params, [out]) => {
    const fn = fnFor(operands[0]!.dtype);
    const buffers = operands.map((x) => x.buffer);
    const result = allocTyped(out!.dtype, out!.size);
    for (let i = 0; i < result.length; i++) result[i] = fn(...buffers.map((b) => b[i]!));
    return [result];
  };
}

/** An elementwise kernel with one function for every dtype. */
export const sameForAll = (fn: ElementFn): Kernel<NoParams, TypedArray> => elementwise(() => fn);
