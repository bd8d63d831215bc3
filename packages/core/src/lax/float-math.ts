import type { Array } from '../array.js';
import { add, mul } from './arithmetic.js';
import { and, or } from './bitwise.js';
import { constantLike } from './constant.js';
import { bitcast } from './conversion.js';

const MAGNITUDE_BITS = 0x7fffffff;
const SIGN_BIT = 0x80000000;

/**
 * `|x|` for float32 by clearing the sign bit: exact for every input, `abs(-0) = +0`, NaN stays NaN.
 *
 * @example
 * ```ts
 * floatAbs(ax.array([-0, -2])); // [0, 2]
 * ```
 */
export function floatAbs(x: Array): Array {
  const bits = bitcast(x, 'uint32');
  return bitcast(and(bits, constantLike(bits, MAGNITUDE_BITS)), 'float32');
}

/**
 * C's `copysign` on float32: the magnitude of `magnitude` with the sign bit of `sign`, so signed
 * zeros carry through (`copysign(0, -0.3) = -0`).
 *
 * @example
 * ```ts
 * copysign(ax.array([2, 0]), ax.array([-1, -0])); // [-2, -0]
 * ```
 */
export function copysign(magnitude: Array, sign: Array): Array {
  const m = bitcast(magnitude, 'uint32');
  const s = bitcast(sign, 'uint32');
  return bitcast(or(and(m, constantLike(m, MAGNITUDE_BITS)), and(s, constantLike(s, SIGN_BIT))), 'float32');
}

/**
 * The polynomial with `coefficients` (highest degree first) at `z`, by Horner's rule.
 *
 * @example
 * ```ts
 * horner(z, [1, 0, -1]); // z^2 - 1
 * ```
 */
export function horner(z: Array, coefficients: readonly number[]): Array {
  let p = constantLike(z, coefficients[0]!);
  for (const c of coefficients.slice(1)) p = add(mul(p, z), constantLike(z, c));
  return p;
}
