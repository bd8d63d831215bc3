import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { xor } from './bitwise.js';
import { allOnesLike, constantLike } from './constant.js';
import { FLOATING, NUMERIC } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';

export const addP = elementwisePrimitive('add', NUMERIC);

/**
 * `lax.add`: elementwise sum of two arrays of one shape and dtype (integers wrap).
 *
 * @example
 * ```ts
 * ax.lax.add(ax.array([1, 2]), ax.array([3, 4])); // [4, 6]
 * ```
 */
export function add(x: Array, y: Array): Array {
  return bind1(addP, [x, y], {});
}

export const subP = elementwisePrimitive('sub', NUMERIC, {
  // x - y is x + (-y) exactly in IEEE arithmetic and modulo 2^32; -y is y * -1 (2^32 - 1 for uint32).
  decompose: ([x, y]) => [add(x!, mul(y!, allOnesLike(y!)))],
});

/**
 * `lax.sub`: elementwise difference of two arrays of one shape and dtype (integers wrap).
 *
 * @example
 * ```ts
 * ax.lax.sub(ax.array([5, 2]), ax.array([3, 4])); // [2, -2]
 * ```
 */
export function sub(x: Array, y: Array): Array {
  return bind1(subP, [x, y], {});
}

export const mulP = elementwisePrimitive('mul', NUMERIC);

/**
 * `lax.mul`: elementwise product of two arrays of one shape and dtype (integers wrap mod 2^32).
 *
 * @example
 * ```ts
 * ax.lax.mul(ax.array([2, 3]), ax.array([4, 5])); // [8, 15]
 * ```
 */
export function mul(x: Array, y: Array): Array {
  return bind1(mulP, [x, y], {});
}

export const divP = elementwisePrimitive('div', NUMERIC);

/**
 * `lax.div`: elementwise quotient. float32 is IEEE division (`1 / 0 = Infinity`, `0 / 0 = NaN`).
 * Integers truncate toward zero; as in XLA, `x / 0` is -1 (all bits set, so 2^32 - 1 for uint32)
 * and `INT32_MIN / -1` wraps to `INT32_MIN`.
 *
 * @example
 * ```ts
 * ax.lax.div(ax.array([-7, 7], 'int32'), ax.array([2, 0], 'int32')); // [-3, -1]
 * ```
 */
export function div(x: Array, y: Array): Array {
  return bind1(divP, [x, y], {});
}

export const remP = elementwisePrimitive('rem', NUMERIC);

/**
 * `lax.rem`: elementwise remainder of truncating division, with the dividend's sign (C's `%` and
 * `fmod`). As in XLA, an integer `x rem 0` is `x`; float `x rem 0` is NaN.
 *
 * @example
 * ```ts
 * ax.lax.rem(ax.array([-7, 7], 'int32'), ax.array([2, 0], 'int32')); // [-1, 7]
 * ```
 */
export function rem(x: Array, y: Array): Array {
  return bind1(remP, [x, y], {});
}

export const powP = elementwisePrimitive('pow', NUMERIC);

/**
 * `lax.pow`: `x ** y` elementwise. float32 follows C's `pow` (`pow(1, NaN) = 1`, `pow(x, 0) = 1`,
 * `pow(-1, ±Infinity) = 1`). int32 and uint32 multiply by repeated squaring and wrap mod 2^32;
 * `0 ** 0 = 1`, and a negative int32 exponent gives 1 for base 1, ±1 for base -1 (by the
 * exponent's parity) and 0 otherwise, as in XLA.
 *
 * @example
 * ```ts
 * ax.lax.pow(ax.array([2, -1, 3], 'int32'), ax.array([10, -3, -1], 'int32')); // [1024, -1, 0]
 * ```
 */
export function pow(x: Array, y: Array): Array {
  return bind1(powP, [x, y], {});
}

export const maxP = elementwisePrimitive('max', NUMERIC);

/**
 * `lax.max`: elementwise maximum. A NaN in either operand gives NaN (as in JAX), and +0 is taken
 * as greater than -0.
 *
 * @example
 * ```ts
 * ax.lax.max(ax.array([1, NaN]), ax.array([2, 0])); // [2, NaN]
 * ```
 */
export function max(x: Array, y: Array): Array {
  return bind1(maxP, [x, y], {});
}

export const minP = elementwisePrimitive('min', NUMERIC, {
  // Negation (floats) and bitwise not (integers) reverse the order, turning max into min; the
  // float form keeps NaN and orders -0 below +0.
  decompose: ([x, y]) => {
    if (x!.dtype === 'float32') {
      const minusOne = constantLike(x!, -1);
      return [mul(max(mul(x!, minusOne), mul(y!, minusOne)), minusOne)];
    }
    const ones = allOnesLike(x!);
    return [xor(max(xor(x!, ones), xor(y!, ones)), ones)];
  },
});

/**
 * `lax.min`: elementwise minimum. A NaN in either operand gives NaN (as in JAX), and -0 is taken
 * as less than +0.
 *
 * @example
 * ```ts
 * ax.lax.min(ax.array([1, NaN]), ax.array([2, 0])); // [1, NaN]
 * ```
 */
export function min(x: Array, y: Array): Array {
  return bind1(minP, [x, y], {});
}

export const atan2P = elementwisePrimitive('atan2', FLOATING);

/**
 * `lax.atan2`: the angle of the point `(x, y)` = `atan2(y, x)` in `[-pi, pi]`, float32 only;
 * signed zeros pick the quadrant as in C (`atan2(0, -1) = pi`, `atan2(-0, -1) = -pi`).
 *
 * @example
 * ```ts
 * ax.lax.atan2(ax.array([1]), ax.array([1])); // [0.7853982]
 * ```
 */
export function atan2(y: Array, x: Array): Array {
  return bind1(atan2P, [y, x], {});
}
