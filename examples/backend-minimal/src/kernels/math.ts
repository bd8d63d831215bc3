import type { KernelsFor, TypedArray } from '@addax/core';
import { elementwise, sameForAll } from './elementwise.js';

/** C's `pow` where it differs from JavaScript's: `pow(1, y)` is 1 for every y, NaN included, and so is `pow(-1, ±Infinity)`. */
function floatPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && !Number.isFinite(y) && !Number.isNaN(y))) return 1;
  return Math.pow(x, y);
}

/**
 * Integer power by repeated squaring, wrapping at 32 bits as it goes (`Math.imul`). A negative
 * exponent gives 1 for base 1, ±1 for base -1, and 0 for every other base.
 */
function intPow(base: number, exponent: number): number {
  if (exponent < 0) return base === 1 ? 1 : base === -1 ? (exponent % 2 === 0 ? 1 : -1) : 0;
  let result = 1;
  for (let b = base, e = exponent; e > 0; e = Math.floor(e / 2), b = Math.imul(b, b)) {
    if (e % 2 === 1) result = Math.imul(result, b);
  }
  return result;
}

/**
 * The float32 functions of the minimal set. They compute in float64 (JavaScript's `Math`) and
 * round once when the result is stored; `pow` also takes integers.
 */
export const mathKernels: KernelsFor<'exp' | 'log' | 'sin' | 'sqrt' | 'floor' | 'pow' | 'atan2', TypedArray> =
  {
    exp: sameForAll(Math.exp),
    log: sameForAll(Math.log),
    sin: sameForAll(Math.sin),
    sqrt: sameForAll(Math.sqrt),
    floor: sameForAll(Math.floor),
    atan2: sameForAll(Math.atan2),
    pow: elementwise((dtype) => (dtype === 'float32' ? floatPow : intPow)),
  };
