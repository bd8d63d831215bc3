import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { constantLike } from '../lax/constant.js';
import { add, div, lt, mul, select } from '../lax/elementwise.js';
import { copysign } from '../lax/float-math.js';
import * as lax from '../lax/unary.js';
import { asArray } from './convert.js';

/** `x` as float32, as jnp promotes integer and bool inputs of floating-point functions. */
function float(x: ArrayLike): Array {
  return asArray(x, 'float32');
}

/** A float32 function of one argument, promoting its input and freeing its intermediates. */
function floating(f: (a: Array) => Array): (x: ArrayLike) => Array {
  return op((x: ArrayLike): Array => f(float(x)));
}

/**
 * `jnp.exp`: `e^x`, float32 (integer and bool inputs are converted).
 *
 * @example
 * ```ts
 * ax.exp(ax.array([0, 1], 'int32')); // [1, 2.7182817] float32
 * ```
 */
export const exp = floating(lax.exp);

/**
 * `jnp.exp2`: `2^x`, float32.
 *
 * @example
 * ```ts
 * ax.exp2(ax.array([3, -1])); // [8, 0.5]
 * ```
 */
export const exp2 = floating(lax.exp2);

/**
 * `jnp.log`: the natural logarithm, float32 (`log(0) = -Infinity`, negatives give NaN).
 *
 * @example
 * ```ts
 * ax.log(ax.array([1, Math.E])); // [0, 1]
 * ```
 */
export const log = floating(lax.log);

/**
 * `jnp.log2`: the base-2 logarithm, `log(x) / log(2)` as in JAX (exact at powers of two).
 *
 * @example
 * ```ts
 * ax.log2(ax.array([8, 0.5])); // [3, -1]
 * ```
 */
export const log2 = floating((a) => div(lax.log(a), constantLike(a, Math.LN2)));

/**
 * `jnp.log10`: the base-10 logarithm, `log(x) / log(10)` as in JAX.
 *
 * @example
 * ```ts
 * ax.log10(ax.array([1000, 0.01])); // [3, -2]
 * ```
 */
export const log10 = floating((a) => div(lax.log(a), constantLike(a, Math.LN10)));

/**
 * `jnp.log1p`: `log(1 + x)`, accurate for `x` near 0.
 *
 * @example
 * ```ts
 * ax.log1p(ax.array([1e-10])); // [1e-10]
 * ```
 */
export const log1p = floating(lax.log1p);

/**
 * `jnp.expm1`: `e^x - 1`, accurate for `x` near 0.
 *
 * @example
 * ```ts
 * ax.expm1(ax.array([1e-10])); // [1e-10]
 * ```
 */
export const expm1 = floating(lax.expm1);

/**
 * `jnp.sqrt`: the square root, float32 (`sqrt(-1) = NaN`).
 *
 * @example
 * ```ts
 * ax.sqrt(ax.array([4, 9], 'int32')); // [2, 3] float32
 * ```
 */
export const sqrt = floating(lax.sqrt);

/**
 * `lax.rsqrt`: `1 / sqrt(x)`, float32.
 *
 * @example
 * ```ts
 * ax.rsqrt(ax.array([4])); // [0.5]
 * ```
 */
export const rsqrt = floating(lax.rsqrt);

/**
 * `jnp.reciprocal`: `1 / x`, float32 (integer inputs are converted first, as in JAX).
 *
 * @example
 * ```ts
 * ax.reciprocal(ax.array([4, -0])); // [0.25, -Infinity]
 * ```
 */
export const reciprocal = floating(lax.reciprocal);

/**
 * `jnp.sin`: the sine of `x` radians, float32.
 *
 * @example
 * ```ts
 * ax.sin(ax.array([0, Math.PI / 2])); // [0, 1]
 * ```
 */
export const sin = floating(lax.sin);

/**
 * `jnp.cos`: the cosine of `x` radians, float32.
 *
 * @example
 * ```ts
 * ax.cos(ax.array([0, Math.PI])); // [1, -1]
 * ```
 */
export const cos = floating(lax.cos);

/**
 * `jnp.tan`: the tangent of `x` radians, float32.
 *
 * @example
 * ```ts
 * ax.tan(ax.array([0, Math.PI / 4])); // [0, 1]
 * ```
 */
export const tan = floating(lax.tan);

/**
 * `jnp.tanh`: the hyperbolic tangent, float32.
 *
 * @example
 * ```ts
 * ax.tanh(ax.array([0, 20])); // [0, 1]
 * ```
 */
export const tanh = floating(lax.tanh);

/** Past this |x|, e^-|x| is below half an ulp of e^|x| and cosh, sinh are e^|x| / 2. */
const ONE_SIDED = 9;

/** e^|x| / 2 without overflowing before the result does: (e^(|x|/2) / 2) * e^(|x|/2). */
function halfExp(magnitude: Array): Array {
  const e = lax.exp(mul(magnitude, constantLike(magnitude, 0.5)));
  return mul(mul(e, constantLike(magnitude, 0.5)), e);
}

/**
 * `jnp.sinh`: the hyperbolic sine, float32. Near 0 it is `(t + t / (t + 1)) / 2` with
 * `t = expm1(|x|)`, which does not cancel; the sign is copied back, so `sinh(-0) = -0`.
 *
 * @example
 * ```ts
 * ax.sinh(ax.array([0, 1])); // [0, 1.1752012]
 * ```
 */
export const sinh = floating((a) => {
  const magnitude = lax.abs(a);
  const t = lax.expm1(magnitude);
  const near = mul(add(t, div(t, add(t, constantLike(a, 1)))), constantLike(a, 0.5));
  const result = select(lt(magnitude, constantLike(a, ONE_SIDED)), near, halfExp(magnitude));
  return copysign(result, a);
});

/**
 * `jnp.cosh`: the hyperbolic cosine, float32, finite up to |x| of about 89.4.
 *
 * @example
 * ```ts
 * ax.cosh(ax.array([0, 1])); // [1, 1.5430806]
 * ```
 */
export const cosh = floating((a) => {
  const magnitude = lax.abs(a);
  const e = lax.exp(magnitude);
  const near = mul(add(e, div(constantLike(a, 1), e)), constantLike(a, 0.5));
  return select(lt(magnitude, constantLike(a, ONE_SIDED)), near, halfExp(magnitude));
});

/**
 * `jax.scipy.special.erf`: the error function, float32.
 *
 * @example
 * ```ts
 * ax.erf(ax.array([0, 1])); // [0, 0.8427008]
 * ```
 */
export const erf = floating(lax.erf);

/**
 * `jax.scipy.special.erfinv`: the inverse error function on `[-1, 1]`, float32 (`erfInv(1) =
 * Infinity`, NaN outside).
 *
 * @example
 * ```ts
 * ax.erfInv(ax.array([0, 0.5])); // [0, 0.4769363]
 * ```
 */
export const erfInv = floating(lax.erfInv);
