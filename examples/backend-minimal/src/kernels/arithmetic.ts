import type { DType, KernelsFor, TypedArray } from '@addax/core';
import { elementwise, type ElementFn } from './elementwise.js';

/** int32 division truncates toward zero; dividing by zero gives -1 (all bits set), as in XLA. */
const divInt32: ElementFn = (a, b) => (b === 0 ? -1 : Math.trunc(a / b));
const divUint32: ElementFn = (a, b) => (b === 0 ? 0xffffffff : Math.trunc(a / b));

/** The remainder takes the dividend's sign (C's `%` and `fmod`, which is JavaScript's `%`); `x rem 0` is `x` for integers. */
const remInt: ElementFn = (a, b) => (b === 0 ? a : a % b);

function byDType(float32: ElementFn, int32: ElementFn, uint32: ElementFn): (dtype: DType) => ElementFn {
  return (dtype) => (dtype === 'float32' ? float32 : dtype === 'int32' ? int32 : uint32);
}

/**
 * add, mul, div, rem and max on float32, int32 and uint32. Storing into an Int32Array or
 * Uint32Array wraps modulo 2^32, so `a + b` is right for integers as long as it is exact in
 * float64; a product can exceed 2^53, so integers multiply with `Math.imul`.
 */
export const arithmeticKernels: KernelsFor<'add' | 'mul' | 'div' | 'rem' | 'max', TypedArray> = {
  add: elementwise(() => (a, b) => a + b),
  mul: elementwise(byDType((a, b) => a * b, Math.imul, Math.imul)),
  div: elementwise(byDType((a, b) => a / b, divInt32, divUint32)),
  rem: elementwise(byDType((a, b) => a % b, remInt, remInt)),
  // Math.max returns NaN if either is NaN and ranks +0 above -0, as Addax's max does.
  max: elementwise(() => Math.max),
};
