import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { DTypeError } from '../errors.js';
import { constantLike } from '../lax/constant.js';
import * as lax from '../lax/elementwise.js';
import { round } from '../lax/unary.js';
import { asArray, promoteOperands } from './convert.js';
import { numericDType } from './promote.js';

/**
 * `jnp.add`: `x + y` with numpy broadcasting and JAX promotion (JS numbers are weakly typed, so
 * `int32Array + 1` stays int32); integers wrap, and bool adds as logical or.
 *
 * @example
 * ```ts
 * ax.add(ax.array([[1], [2]]), ax.array([10, 20, 30])); // [[11, 21, 31], [12, 22, 32]]
 * ```
 */
export const add = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('add', [x, y]);
  return a!.dtype === 'bool' ? lax.or(a!, b!) : lax.add(a!, b!);
});

/**
 * `jnp.subtract`: `x - y`, broadcasting and promoting; integers wrap. bool operands are an error,
 * as in numpy (use `logicalXor`).
 *
 * @example
 * ```ts
 * ax.subtract(ax.array([5, 7], 'int32'), 2); // [3, 5] int32
 * ```
 */
export const subtract = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('subtract', [x, y]);
  if (a!.dtype === 'bool') {
    throw new DTypeError('subtract: bool operands are not supported (as in numpy); use logicalXor');
  }
  return lax.sub(a!, b!);
});

/**
 * `jnp.multiply`: `x * y`, broadcasting and promoting; integers wrap, bool multiplies as logical and.
 *
 * @example
 * ```ts
 * ax.multiply(ax.array([1, 2, 3]), 0.5); // [0.5, 1, 1.5]
 * ```
 */
export const multiply = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('multiply', [x, y]);
  return a!.dtype === 'bool' ? lax.and(a!, b!) : lax.mul(a!, b!);
});

/**
 * `jnp.divide` (true division): `x / y` in float32 whatever the operands' dtypes, IEEE semantics
 * (`1 / 0 = Infinity`, `0 / 0 = NaN`).
 *
 * @example
 * ```ts
 * ax.divide(ax.array([1, 3], 'int32'), 2); // [0.5, 1.5] float32
 * ```
 */
export const divide = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('divide', [x, y], 'float32');
  return lax.div(a!, b!);
});

/**
 * `jnp.true_divide`: the same as {@link divide}.
 *
 * @example
 * ```ts
 * ax.trueDivide(1, ax.array([4])); // [0.25]
 * ```
 */
export const trueDivide = divide;

/** Whether `a` and `b` lie on different sides of zero (both compared as `< 0`). */
function signsDiffer(a: Array, b: Array): Array {
  const zero = constantLike(a, 0);
  return lax.ne(lax.lt(a, zero), lax.lt(b, zero));
}

/**
 * `jnp.floor_divide`: `floor(x / y)`, broadcasting and promoting (bool as int32). Integers round
 * toward negative infinity (`-7 // 2 = -4`); as in JAX, an integer divided by 0 gives -1 for 0 and
 * -2 otherwise (uint32: 2^32 - 1). Floats use numpy's divmod, so `1 // 0.1 = 9` where `floor(1 / 0.1)`
 * would give 10, and division by 0 gives NaN.
 *
 * @example
 * ```ts
 * ax.floorDivide(ax.array([-7, 7], 'int32'), 2); // [-4, 3]
 * ```
 */
export const floorDivide = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('floorDivide', [x, y], numericDType([x, y]));
  if (a!.dtype === 'uint32') return lax.div(a!, b!);
  const one = constantLike(a!, 1);
  const zero = constantLike(a!, 0);
  if (a!.dtype === 'int32') {
    const quotient = lax.div(a!, b!);
    const inexact = lax.ne(lax.rem(a!, b!), zero);
    // JAX compares sign(a) with sign(b); a is nonzero here, so they differ iff b is 0 or of the other sign.
    const roundDown = lax.and(inexact, lax.or(lax.eq(b!, zero), signsDiffer(a!, b!)));
    return lax.select(roundDown, lax.sub(quotient, one), quotient);
  }
  // numpy's divmod: (a - fmod(a, b)) / b is a whole number up to rounding, one too high when the
  // remainder's sign differs from b's.
  const mod = lax.rem(a!, b!);
  const quotient = lax.div(lax.sub(a!, mod), b!);
  const adjust = lax.and(lax.ne(mod, zero), signsDiffer(mod, b!));
  return round(lax.select(adjust, lax.sub(quotient, one), quotient));
});

/**
 * `jnp.remainder` (numpy's `%`): `x - floor(x / y) * y`, with the sign of the divisor (`-7 % 2 = 1`),
 * broadcasting and promoting (bool as int32). An integer remainder by 0 is 0 as in numpy; a float
 * one is NaN.
 *
 * @example
 * ```ts
 * ax.remainder(ax.array([-7, 7], 'int32'), ax.array([2, -2], 'int32')); // [1, -1]
 * ```
 */
export const remainder = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('remainder', [x, y], numericDType([x, y]));
  const zero = constantLike(a!, 0);
  const divisor = a!.dtype === 'float32' ? b! : lax.select(lax.eq(b!, zero), constantLike(b!, 1), b!);
  const truncated = lax.rem(a!, divisor);
  const wrongSign = lax.and(lax.ne(truncated, zero), signsDiffer(truncated, divisor));
  return lax.select(wrongSign, lax.add(truncated, divisor), truncated);
});

/**
 * `jnp.mod`: the same as {@link remainder}.
 *
 * @example
 * ```ts
 * ax.mod(ax.array([-1.5]), 1); // [0.5]
 * ```
 */
export const mod = remainder;

/**
 * `jnp.fmod`: C's remainder, with the dividend's sign (`fmod(-7, 2) = -1`), broadcasting and
 * promoting (bool as int32). An integer remainder by 0 is 0, as in JAX; a float one is NaN.
 *
 * @example
 * ```ts
 * ax.fmod(ax.array([-7, 7], 'int32'), 2); // [-1, 1]
 * ```
 */
export const fmod = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('fmod', [x, y], numericDType([x, y]));
  if (a!.dtype === 'float32') return lax.rem(a!, b!);
  return lax.rem(a!, lax.select(lax.eq(b!, constantLike(b!, 0)), constantLike(b!, 1), b!));
});

/**
 * `jnp.power`: `x ** y`, broadcasting and promoting (bool as int32). Floats follow C's `pow`;
 * integers wrap, and a negative integer exponent gives 0 unless the base is 1 or -1 (see `lax.pow`).
 *
 * @example
 * ```ts
 * ax.power(ax.array([2, 3], 'int32'), 2); // [4, 9] int32
 * ```
 */
export const power = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('power', [x, y], numericDType([x, y]));
  return lax.pow(a!, b!);
});

/**
 * `jnp.maximum`: the elementwise larger, broadcasting and promoting; NaN propagates, and bool
 * takes logical or.
 *
 * @example
 * ```ts
 * ax.maximum(ax.array([1, NaN, 5]), 2); // [2, NaN, 5]
 * ```
 */
export const maximum = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('maximum', [x, y]);
  return a!.dtype === 'bool' ? lax.or(a!, b!) : lax.max(a!, b!);
});

/**
 * `jnp.minimum`: the elementwise smaller, broadcasting and promoting; NaN propagates, and bool
 * takes logical and.
 *
 * @example
 * ```ts
 * ax.minimum(ax.array([1, NaN, 5]), 2); // [1, NaN, 2]
 * ```
 */
export const minimum = op((x: ArrayLike, y: ArrayLike): Array => {
  const [a, b] = promoteOperands('minimum', [x, y]);
  return a!.dtype === 'bool' ? lax.and(a!, b!) : lax.min(a!, b!);
});

/**
 * `jnp.arctan2`: the angle of the point `(x, y)`, in `[-pi, pi]`, computed in float32 whatever the
 * operands' dtypes; broadcasts.
 *
 * @example
 * ```ts
 * ax.arctan2(ax.array([1, -1]), -1); // [2.3561945, -2.3561945]
 * ```
 */
export const arctan2 = op((y: ArrayLike, x: ArrayLike): Array => {
  const [a, b] = promoteOperands('arctan2', [y, x], 'float32');
  return lax.atan2(a!, b!);
});

/**
 * `jnp.clip`: `x` limited to `[min, max]` (either bound may be omitted), as `minimum(max,
 * maximum(min, x))`: bounds broadcast and promote, NaN in `x` stays NaN, and `min > max` gives `max`.
 *
 * @example
 * ```ts
 * ax.clip(ax.array([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 * ```
 */
export const clip = op((x: ArrayLike, min?: ArrayLike, max?: ArrayLike): Array => {
  const lower = min === undefined ? x : maximum(min, x);
  const clipped = max === undefined ? lower : minimum(max, lower);
  return asArray(clipped);
});
