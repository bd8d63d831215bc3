import type { KernelsFor, TypedArray } from '@addax/core';
import { elementwise, sameForAll } from './elementwise.js';

/** JavaScript masks shift amounts to 5 bits; Addax defines amounts outside [0, 32) to shift everything out. */
const inRange = (amount: number): boolean => amount >= 0 && amount < 32;

/**
 * and, or, xor (bool, int32, uint32) and the two shifts every other bit operation decomposes
 * into. Results are stored into the output's TypedArray, which reads JavaScript's signed 32-bit
 * results as uint32 where needed.
 */
export const bitwiseKernels: KernelsFor<
  'and' | 'or' | 'xor' | 'shiftLeft' | 'shiftRightLogical',
  TypedArray
> = {
  and: sameForAll((a, b) => a & b),
  or: sameForAll((a, b) => a | b),
  xor: sameForAll((a, b) => a ^ b),
  shiftLeft: sameForAll((a, s) => (inRange(s) ? a << s : 0)),
  // `>>>` reads its operand as uint32, which is right for int32 bits too.
  shiftRightLogical: elementwise(() => (a, s) => (inRange(s) ? a >>> s : 0)),
};
