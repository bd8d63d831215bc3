import type { KernelsFor, TypedArray } from '@addax/core';
import { byDType, binaryKernel } from './elementwise-map.js';

/** C's `pow`: unlike `Math.pow`, `1 ** y` and `(-1) ** ±Infinity` are 1 even for NaN or infinite y. */
function cPow(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

/** Integer power by repeated squaring, wrapping mod 2^32; negative exponents as XLA does. */
function intPow(base: number, exponent: number): number {
  if (exponent < 0) {
    if (base === 1) return 1;
    if (base === -1) return exponent % 2 === 0 ? 1 : -1;
    return 0;
  }
  let result = 1;
  let square = base;
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = Math.imul(result, square);
    square = Math.imul(square, square);
  }
  return result;
}

export const elementwiseKernels: KernelsFor<
  'add' | 'sub' | 'mul' | 'div' | 'rem' | 'pow' | 'max' | 'min' | 'atan2',
  TypedArray
> = {
  add: binaryKernel(
    byDType({ float32: (a, b) => a + b, int32: (a, b) => (a + b) | 0, uint32: (a, b) => (a + b) >>> 0 }),
  ),
  sub: binaryKernel(
    byDType({ float32: (a, b) => a - b, int32: (a, b) => (a - b) | 0, uint32: (a, b) => (a - b) >>> 0 }),
  ),
  mul: binaryKernel(
    byDType({
      float32: (a, b) => a * b,
      int32: (a, b) => Math.imul(a, b),
      uint32: (a, b) => Math.imul(a, b) >>> 0,
    }),
  ),
  div: binaryKernel(
    byDType({
      float32: (a, b) => a / b,
      // `| 0` wraps INT32_MIN / -1 = 2^31 back to INT32_MIN.
      int32: (a, b) => (b === 0 ? -1 : Math.trunc(a / b) | 0),
      uint32: (a, b) => (b === 0 ? 0xffffffff : Math.trunc(a / b)),
    }),
  ),
  rem: binaryKernel(
    byDType({
      float32: (a, b) => a % b,
      // INT32_MIN % -1 is -0 in JS, which the Int32Array stores as 0.
      int32: (a, b) => (b === 0 ? a : a % b),
      uint32: (a, b) => (b === 0 ? a : a % b),
    }),
  ),
  pow: binaryKernel(
    byDType({ float32: cPow, int32: (a, b) => intPow(a, b), uint32: (a, b) => intPow(a, b) >>> 0 }),
  ),
  // Math.max and Math.min propagate NaN and order -0 below +0.
  max: binaryKernel(byDType({ float32: Math.max, int32: Math.max, uint32: Math.max })),
  min: binaryKernel(byDType({ float32: Math.min, int32: Math.min, uint32: Math.min })),
  atan2: binaryKernel(byDType({ float32: Math.atan2 })),
};
