import type { Array, ArrayLike } from '../array.js';
import { fullLike } from '../creation.js';
import { isFloat } from '../dtype.js';
import { op } from '../eager.js';
import { DTypeError, ParameterError } from '../errors.js';
import { constantLike } from '../lax/constant.js';
import { div, eq, lt, mul, ne, select } from '../lax/elementwise.js';
import * as lax from '../lax/unary.js';
import { asArray } from './convert.js';
import { promotedIn } from './promote.js';

/** `x` as an array, raising a DTypeError naming `where` for bool, which has no arithmetic sign. */
function signedOperand(where: string, x: ArrayLike): Array {
  const a = asArray(x);
  if (a.dtype === 'bool') {
    throw new DTypeError(`${where}: bool arrays are not supported (as in numpy); use logicalNot`);
  }
  return a;
}

/**
 * `jnp.negative`: `-x`, keeping the dtype; integers wrap (`-INT32_MIN = INT32_MIN`, uint32 negates
 * mod 2^32). bool is an error, as in numpy.
 *
 * @example
 * ```ts
 * ax.negative(ax.array([1, -0])); // [-1, 0]
 * ```
 */
export const negative = op((x: ArrayLike): Array => lax.neg(signedOperand('negative', x)));

/**
 * `jnp.positive`: `x` itself, as an array of its own dtype.
 *
 * @example
 * ```ts
 * ax.positive(ax.array([-1, 2])); // [-1, 2]
 * ```
 */
export function positive(x: ArrayLike): Array {
  return asArray(x);
}

/**
 * `jnp.abs`: `|x|`, keeping the dtype. bool and uint32 are returned as they are; `abs(-0) = 0` and
 * `abs(INT32_MIN)` wraps to `INT32_MIN`, as in numpy.
 *
 * @example
 * ```ts
 * ax.abs(ax.array([-2, -0, 3])); // [2, 0, 3]
 * ```
 */
export const abs = op((x: ArrayLike): Array => {
  const a = asArray(x);
  return a.dtype === 'bool' || a.dtype === 'uint32' ? a : lax.abs(a);
});

/**
 * `jnp.absolute`: the same as {@link abs}.
 *
 * @example
 * ```ts
 * ax.absolute(ax.array([-1.5])); // [1.5]
 * ```
 */
export const absolute = abs;

/**
 * `jnp.sign`: -1, 0 or 1 by the sign of `x`, keeping the dtype; `sign(-0) = -0` and
 * `sign(NaN) = NaN` as in JAX. bool is an error.
 *
 * @example
 * ```ts
 * ax.sign(ax.array([-3, 0, 2], 'int32')); // [-1, 0, 1]
 * ```
 */
export const sign = op((x: ArrayLike): Array => lax.sign(signedOperand('sign', x)));

/**
 * `jnp.square`: `x * x`, keeping numeric dtypes (integers wrap); bool computes as int32.
 *
 * @example
 * ```ts
 * ax.square(ax.array([-3, 0.5])); // [9, 0.25]
 * ```
 */
export const square = op((x: ArrayLike): Array => {
  const a = asArray(x);
  const b = a.dtype === 'bool' ? asArray(a, 'int32') : a;
  return mul(b, b);
});

/** `x` unchanged if it holds integers or bool (already whole), else `round(x)` on float32. */
function wholeOrRounded(x: ArrayLike, rounded: (a: Array) => Array): Array {
  const a = asArray(x);
  return isFloat(a.dtype) ? rounded(a) : a;
}

/**
 * `jnp.floor`: the largest integer not above `x`. Integer and bool arrays are returned as they are,
 * as in JAX; floats keep the sign of zero (`floor(-0) = -0`).
 *
 * @example
 * ```ts
 * ax.floor(ax.array([1.5, -1.5])); // [1, -2]
 * ```
 */
export const floor = op((x: ArrayLike): Array => wholeOrRounded(x, lax.floor));

/**
 * `jnp.ceil`: the smallest integer not below `x` (`ceil(-0.5) = -0`); integers as they are.
 *
 * @example
 * ```ts
 * ax.ceil(ax.array([1.5, -1.5])); // [2, -1]
 * ```
 */
export const ceil = op((x: ArrayLike): Array => wholeOrRounded(x, lax.ceil));

/**
 * `jnp.trunc`: `x` rounded toward zero (`trunc(-0.5) = -0`); integers as they are.
 *
 * @example
 * ```ts
 * ax.trunc(ax.array([1.7, -1.7])); // [1, -1]
 * ```
 */
export const trunc = op((x: ArrayLike): Array =>
  wholeOrRounded(x, (a) => select(lt(a, constantLike(a, 0)), lax.ceil(a), lax.floor(a))),
);

/**
 * `jnp.round`: the nearest multiple of `10^-decimals`, ties to even (`round(2.5) = 2`), keeping the
 * sign of zero (`round(-0.3) = -0`). Integer and bool arrays are returned as they are for
 * `decimals >= 0`. With decimals the value is scaled, rounded and scaled back, as in numpy, so the
 * result can be off by the rounding of the scaling.
 *
 * @example
 * ```ts
 * ax.round(ax.array([0.5, 1.5, 2.5])); // [0, 2, 2]
 * ax.round(ax.array([1.2345]), 2);      // [1.23]
 * ```
 */
export const round = op((x: ArrayLike, decimals: number = 0): Array => {
  if (!Number.isInteger(decimals)) {
    throw new ParameterError(`round: decimals must be an integer, got ${decimals}`);
  }
  const a = asArray(x);
  if (!isFloat(a.dtype)) {
    if (decimals < 0) {
      throw new ParameterError(
        `round: decimals ${decimals} < 0 is not supported for ${a.dtype} arrays (as in JAX)`,
      );
    }
    return a;
  }
  const even = (v: Array): Array => lax.round(v, 'halfToEven');
  if (decimals === 0) return even(a);
  // A negative power of ten is inexact, so negative decimals divide by the exact 10^-decimals.
  const factor = constantLike(a, 10 ** Math.abs(decimals));
  return decimals > 0 ? div(even(mul(a, factor)), factor) : mul(even(div(a, factor)), factor);
});

/**
 * `jnp.isfinite`: bool, true where `x` is neither infinite nor NaN (always true for integers).
 *
 * @example
 * ```ts
 * ax.isFinite(ax.array([1, Infinity, NaN])); // [true, false, false]
 * ```
 */
export const isFinite = op((x: ArrayLike): Array => {
  const a = asArray(x);
  return isFloat(a.dtype) ? lax.isFinite(a) : fullLike(a, true, 'bool');
});

/**
 * `jnp.isnan`: bool, true where `x` is NaN (never for integers).
 *
 * @example
 * ```ts
 * ax.isNan(ax.array([1, NaN])); // [false, true]
 * ```
 */
export const isNan = op((x: ArrayLike): Array => {
  const a = asArray(x);
  return isFloat(a.dtype) ? ne(a, a) : fullLike(a, false, 'bool');
});

/**
 * `jnp.isinf`: bool, true where `x` is +Infinity or -Infinity (never for integers).
 *
 * @example
 * ```ts
 * ax.isInf(ax.array([-Infinity, 1, NaN])); // [true, false, false]
 * ```
 */
export const isInf = op((x: ArrayLike): Array => {
  const a = asArray(x);
  return isFloat(a.dtype) ? eq(lax.abs(a), constantLike(a, Infinity)) : fullLike(a, false, 'bool');
});

/**
 * `jnp.logical_not`: bool, true where `x` is false or zero (NaN counts as true, so gives false).
 *
 * @example
 * ```ts
 * ax.logicalNot(ax.array([0, 2, NaN])); // [true, false, false]
 * ```
 */
export const logicalNot = op((x: ArrayLike): Array => lax.not(asArray(x, 'bool')));

/**
 * `jnp.bitwise_not`: `~x` on int32 and uint32, logical not on bool; float is an error. A JS integer
 * is taken as int32.
 *
 * @example
 * ```ts
 * ax.bitwiseNot(ax.array([0, 5], 'int32')); // [-1, -6]
 * ```
 */
export const bitwiseNot = op((x: ArrayLike): Array => {
  const a = typeof x === 'number' && Number.isInteger(x) ? asArray(x, 'int32') : asArray(x);
  promotedIn('bitwiseNot', [a], ['bool', 'int32', 'uint32']);
  return lax.not(a);
});

/**
 * `jnp.invert`: the same as {@link bitwiseNot}.
 *
 * @example
 * ```ts
 * ax.invert(ax.array([true, false])); // [false, true]
 * ```
 */
export const invert = bitwiseNot;
