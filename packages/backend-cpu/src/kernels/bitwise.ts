import type { KernelsFor, TypedArray } from '@addax/core';
import { binaryKernel, byDType } from './elementwise-map.js';

/** Whether a shift amount is one JS's 32-bit shifts honour; JS would take it mod 32 otherwise. */
function inRange(amount: number): boolean {
  return amount >= 0 && amount < 32;
}

/** Arithmetic right shift of an int32; out-of-range amounts give the sign fill. */
function sra(a: number, s: number): number {
  if (inRange(s)) return a >> s;
  return a < 0 ? -1 : 0;
}

export const bitwiseKernels: KernelsFor<
  'and' | 'or' | 'xor' | 'shiftLeft' | 'shiftRightLogical' | 'shiftRightArithmetic',
  TypedArray
> = {
  and: binaryKernel(
    byDType({ bool: (a, b) => a & b, int32: (a, b) => a & b, uint32: (a, b) => (a & b) >>> 0 }),
  ),
  or: binaryKernel(
    byDType({ bool: (a, b) => a | b, int32: (a, b) => a | b, uint32: (a, b) => (a | b) >>> 0 }),
  ),
  xor: binaryKernel(
    byDType({ bool: (a, b) => a ^ b, int32: (a, b) => a ^ b, uint32: (a, b) => (a ^ b) >>> 0 }),
  ),
  shiftLeft: binaryKernel(
    byDType({
      int32: (a, s) => (inRange(s) ? a << s : 0),
      uint32: (a, s) => (inRange(s) ? (a << s) >>> 0 : 0),
    }),
  ),
  shiftRightLogical: binaryKernel(
    byDType({
      int32: (a, s) => (inRange(s) ? (a >>> s) | 0 : 0),
      uint32: (a, s) => (inRange(s) ? a >>> s : 0),
    }),
  ),
  // uint32 bits are read as int32 (`| 0`), as XLA does.
  shiftRightArithmetic: binaryKernel(
    byDType({
      int32: sra,
      uint32: (a, s) => sra(a | 0, s) >>> 0,
    }),
  ),
};
