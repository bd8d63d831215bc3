import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { lt, select } from './comparison.js';
import { allOnesLike, constantLike } from './constant.js';
import { INTEGER, INTEGRAL } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';

export const andP = elementwisePrimitive('and', INTEGRAL);

/**
 * `lax.bitwise_and`: logical and on bool, bitwise and on int32 and uint32.
 *
 * @example
 * ```ts
 * ax.lax.and(ax.array([12], 'int32'), ax.array([10], 'int32')); // [8]
 * ```
 */
export function and(x: Array, y: Array): Array {
  return bind1(andP, [x, y], {});
}

export const orP = elementwisePrimitive('or', INTEGRAL);

/**
 * `lax.bitwise_or`: logical or on bool, bitwise or on int32 and uint32.
 *
 * @example
 * ```ts
 * ax.lax.or(ax.array([12], 'int32'), ax.array([10], 'int32')); // [14]
 * ```
 */
export function or(x: Array, y: Array): Array {
  return bind1(orP, [x, y], {});
}

export const xorP = elementwisePrimitive('xor', INTEGRAL);

/**
 * `lax.bitwise_xor`: logical xor on bool, bitwise xor on int32 and uint32.
 *
 * @example
 * ```ts
 * ax.lax.xor(ax.array([12], 'int32'), ax.array([10], 'int32')); // [6]
 * ```
 */
export function xor(x: Array, y: Array): Array {
  return bind1(xorP, [x, y], {});
}

export const shiftLeftP = elementwisePrimitive('shiftLeft', INTEGER);

/**
 * `lax.shift_left`: `x << amount` on int32 or uint32 (both operands one dtype); bits shifted out
 * are lost, and an amount outside `[0, 32)` gives 0.
 *
 * @example
 * ```ts
 * ax.lax.shiftLeft(ax.array([1, 1, 1], 'int32'), ax.array([31, 32, -1], 'int32')); // [-2147483648, 0, 0]
 * ```
 */
export function shiftLeft(x: Array, amount: Array): Array {
  return bind1(shiftLeftP, [x, amount], {});
}

export const shiftRightLogicalP = elementwisePrimitive('shiftRightLogical', INTEGER);

/**
 * `lax.shift_right_logical`: `x >>> amount` on int32 or uint32, filling with zeros; an amount
 * outside `[0, 32)` gives 0.
 *
 * @example
 * ```ts
 * ax.lax.shiftRightLogical(ax.array([-8], 'int32'), ax.array([1], 'int32')); // [2147483644]
 * ```
 */
export function shiftRightLogical(x: Array, amount: Array): Array {
  return bind1(shiftRightLogicalP, [x, amount], {});
}

/**
 * Whether each element's top bit is set: `x < 0` for int32, `x >= 2^31` for uint32 (whose bits an
 * arithmetic shift reads as int32, as XLA does).
 */
function signBitSet(x: Array): Array {
  if (x.dtype === 'uint32') return lt(constantLike(x, 0x7fffffff), x);
  return lt(x, constantLike(x, 0));
}

export const shiftRightArithmeticP = elementwisePrimitive('shiftRightArithmetic', INTEGER, {
  // With the sign bit set, ~x has it clear, so ~(~x >>> s) shifts ones in; an out-of-range amount
  // gives ~0, the sign fill.
  decompose: ([x, amount]) => {
    const ones = allOnesLike(x!);
    const negative = xor(shiftRightLogical(xor(x!, ones), amount!), ones);
    return [select(signBitSet(x!), negative, shiftRightLogical(x!, amount!))];
  },
});

/**
 * `lax.shift_right_arithmetic`: `x >> amount`, filling with copies of the sign bit (uint32 bits
 * are read as int32, as in XLA); an amount outside `[0, 32)` gives the sign fill, 0 or all ones.
 *
 * @example
 * ```ts
 * ax.lax.shiftRightArithmetic(ax.array([-8, -8], 'int32'), ax.array([1, 40], 'int32')); // [-4, -1]
 * ```
 */
export function shiftRightArithmetic(x: Array, amount: Array): Array {
  return bind1(shiftRightArithmeticP, [x, amount], {});
}
