import type { Array, ArrayLike } from '../array.js';
import { op } from '../eager.js';
import { ParameterError } from '../errors.js';
import { constantLike } from '../lax/constant.js';
import { add, ge, gt, max, min, mul, select } from '../lax/elementwise.js';
import * as lax from '../lax/unary.js';
import { asArray, promoteOperands } from './convert.js';

/** `x` as float32, as the smooth activations compute. */
function float(x: ArrayLike): Array {
  return asArray(x, 'float32');
}

function checkFinite(where: string, name: string, value: number): void {
  if (!Number.isFinite(value))
    throw new ParameterError(`${where}: ${name} must be a finite number, got ${value}`);
}

/**
 * `jax.nn.relu`: `max(x, 0)`, keeping integer dtypes (bool computes as int32); NaN stays NaN.
 *
 * @example
 * ```ts
 * ax.relu(ax.array([-1, 0, 2])); // [0, 0, 2]
 * ```
 */
export const relu = op((x: ArrayLike): Array => {
  const [a, zero] = promoteOperands('relu', [x, 0]);
  return max(a!, zero!);
});

/**
 * `jax.nn.relu6`: `min(max(x, 0), 6)`, keeping integer dtypes.
 *
 * @example
 * ```ts
 * ax.relu6(ax.array([-1, 3, 8])); // [0, 3, 6]
 * ```
 */
export const relu6 = op((x: ArrayLike): Array => {
  const [a, zero, six] = promoteOperands('relu6', [x, 0, 6]);
  return min(max(a!, zero!), six!);
});

/**
 * `jax.nn.sigmoid`: `1 / (1 + e^-x)`, float32, accurate in both tails.
 *
 * @example
 * ```ts
 * ax.sigmoid(ax.array([0, 20])); // [0.5, 1]
 * ```
 */
export const sigmoid = op((x: ArrayLike): Array => lax.logistic(float(x)));

/** `log(1 + e^x)` without overflow: `max(x, 0) + log1p(e^-|x|)`. */
function stableSoftplus(a: Array): Array {
  return add(max(a, constantLike(a, 0)), lax.log1p(lax.exp(lax.neg(lax.abs(a)))));
}

/**
 * `jax.nn.softplus`: `log(1 + e^x)`, float32, computed as `max(x, 0) + log1p(e^-|x|)` so it
 * neither overflows for large x nor loses the tail for very negative x.
 *
 * @example
 * ```ts
 * ax.softplus(ax.array([0, 100, -100])); // [0.6931472, 100, 3.7835059e-44]
 * ```
 */
export const softplus = op((x: ArrayLike): Array => stableSoftplus(float(x)));

/**
 * `jax.nn.log_sigmoid`: `log(sigmoid(x)) = -softplus(-x)`, float32, finite for every finite x.
 *
 * @example
 * ```ts
 * ax.logSigmoid(ax.array([0, -100])); // [-0.6931472, -100]
 * ```
 */
export const logSigmoid = op((x: ArrayLike): Array => lax.neg(stableSoftplus(lax.neg(float(x)))));

/**
 * `jax.nn.silu` (swish): `x * sigmoid(x)`, float32.
 *
 * @example
 * ```ts
 * ax.silu(ax.array([0, 1])); // [0, 0.7310586]
 * ```
 */
export const silu = op((x: ArrayLike): Array => {
  const a = float(x);
  return mul(a, lax.logistic(a));
});

/** sqrt(2 / pi), the scale of the tanh approximation of gelu. */
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * `jax.nn.gelu`: `x * Phi(x)`, float32. With `approximate` (the default, as in JAX) Phi is the tanh
 * form `(1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2`; otherwise the exact `(1 + erf(x/sqrt 2)) / 2`.
 *
 * @example
 * ```ts
 * ax.gelu(ax.array([0, 1]));        // [0, 0.8411920]
 * ax.gelu(ax.array([0, 1]), false); // [0, 0.8413447]
 * ```
 */
export const gelu = op((x: ArrayLike, approximate: boolean = true): Array => {
  const a = float(x);
  const half = constantLike(a, 0.5);
  const one = constantLike(a, 1);
  if (!approximate) return mul(mul(a, add(lax.erf(mul(a, constantLike(a, Math.SQRT1_2))), one)), half);
  const cube = mul(mul(a, a), a);
  const inner = mul(constantLike(a, SQRT_2_OVER_PI), add(a, mul(constantLike(a, 0.044715), cube)));
  return mul(a, mul(half, add(one, lax.tanh(inner))));
});

/**
 * `jax.nn.elu`: `x` for `x > 0`, else `alpha * (e^x - 1)` (by expm1, accurate near 0), float32.
 *
 * @example
 * ```ts
 * ax.elu(ax.array([-1, 2])); // [-0.6321206, 2]
 * ```
 */
export const elu = op((x: ArrayLike, alpha: number = 1): Array => {
  checkFinite('elu', 'alpha', alpha);
  const a = float(x);
  const positive = gt(a, constantLike(a, 0));
  // expm1 only sees the non-positive side, so it cannot overflow where it is not selected.
  const negativePart = lax.expm1(select(positive, constantLike(a, 0), a));
  return select(positive, a, mul(constantLike(a, alpha), negativePart));
});

/**
 * `jax.nn.leaky_relu`: `x` for `x >= 0`, else `negativeSlope * x` (default 0.01). The dtype
 * promotes with the slope, so integer inputs with a fractional slope give float32.
 *
 * @example
 * ```ts
 * ax.leakyRelu(ax.array([-2, 3])); // [-0.02, 3]
 * ```
 */
export const leakyRelu = op((x: ArrayLike, negativeSlope: number = 0.01): Array => {
  checkFinite('leakyRelu', 'negativeSlope', negativeSlope);
  const [a, slope] = promoteOperands('leakyRelu', [x, negativeSlope]);
  return select(ge(a!, constantLike(a!, 0)), a!, mul(slope!, a!));
});
