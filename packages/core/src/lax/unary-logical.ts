import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { xor } from './bitwise.js';
import { lt } from './comparison.js';
import { allOnesLike, constantLike } from './constant.js';
import { FLOATING, INTEGRAL } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';
import { floatAbs } from './float-math.js';

export const isFiniteP = elementwisePrimitive('isFinite', FLOATING, {
  outDType: 'bool',
  // NaN compares false, so only finite magnitudes are below Infinity.
  decompose: ([x]) => [lt(floatAbs(x!), constantLike(x!, Infinity))],
});

/**
 * `lax.is_finite`: bool, true where float32 `x` is neither infinite nor NaN.
 *
 * @example
 * ```ts
 * ax.lax.isFinite(ax.array([1, Infinity, NaN])); // [true, false, false]
 * ```
 */
export function isFinite(x: Array): Array {
  return bind1(isFiniteP, [x], {});
}

export const notP = elementwisePrimitive('not', INTEGRAL, {
  decompose: ([x]) => [xor(x!, allOnesLike(x!))],
});

/**
 * `lax.bitwise_not`: logical not on bool, bitwise not (`~x`) on int32 and uint32.
 *
 * @example
 * ```ts
 * ax.lax.not(ax.array([true, false])); // [false, true]
 * ax.lax.not(ax.array([0, 5], 'int32')); // [-1, -6]
 * ```
 */
export function not(x: Array): Array {
  return bind1(notP, [x], {});
}
