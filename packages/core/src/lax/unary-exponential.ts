import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { add, div, mul, pow, sub } from './arithmetic.js';
import { or } from './bitwise.js';
import { eq, lt, select } from './comparison.js';
import { constantLike } from './constant.js';
import { FLOATING } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';
import { copysign, floatAbs } from './float-math.js';
import { neg } from './unary-sign.js';

export const expP = elementwisePrimitive('exp', FLOATING);

/**
 * `lax.exp`: `e^x` elementwise, float32.
 *
 * @example
 * ```ts
 * ax.lax.exp(ax.array([0, 1])); // [1, 2.7182817]
 * ```
 */
export function exp(x: Array): Array {
  return bind1(expP, [x], {});
}

export const exp2P = elementwisePrimitive('exp2', FLOATING, {
  // pow rounds once; exp(x * ln 2) would carry the rounding of x * ln 2 into the exponent.
  decompose: ([x]) => [pow(constantLike(x!, 2), x!)],
});

/**
 * `lax.exp2`: `2^x` elementwise, float32 (exact at integers in range).
 *
 * @example
 * ```ts
 * ax.lax.exp2(ax.array([3, -1])); // [8, 0.5]
 * ```
 */
export function exp2(x: Array): Array {
  return bind1(exp2P, [x], {});
}

export const logP = elementwisePrimitive('log', FLOATING);

/**
 * `lax.log`: the natural logarithm, float32 (`log(0) = -Infinity`, negative inputs give NaN).
 *
 * @example
 * ```ts
 * ax.lax.log(ax.array([1, Math.E])); // [0, 1]
 * ```
 */
export function log(x: Array): Array {
  return bind1(logP, [x], {});
}

export const log1pP = elementwisePrimitive('log1p', FLOATING, {
  // Kahan: with u = fl(1 + x), log(u) * (x / (u - 1)) cancels the rounding of 1 + x (u - 1 is
  // exact), a few ulp from the true value. Where u is 1 the answer is x itself (keeping -0), and
  // where u overflows it is x (Infinity).
  decompose: ([x]) => {
    const one = constantLike(x!, 1);
    const u = add(x!, one);
    const kahan = mul(log(u), div(x!, sub(u, one)));
    return [select(or(eq(u, one), eq(u, constantLike(x!, Infinity))), x!, kahan)];
  },
});

/**
 * `lax.log1p`: `log(1 + x)`, accurate for `x` near 0; float32.
 *
 * @example
 * ```ts
 * ax.lax.log1p(ax.array([1e-10, -1])); // [1e-10, -Infinity]
 * ```
 */
export function log1p(x: Array): Array {
  return bind1(log1pP, [x], {});
}

export const expm1P = elementwisePrimitive('expm1', FLOATING, {
  // Kahan's companion to log1p: with u = fl(e^x), (u - 1) * (x / log(u)) cancels the rounding of
  // u. Where u is 1 the answer is x (keeping -0); where u - 1 is -1 it is -1; where u overflows it
  // is Infinity. Dividing x by log(u) first keeps the product from overflowing near x = 88.7.
  decompose: ([x]) => {
    const one = constantLike(x!, 1);
    const minusOne = constantLike(x!, -1);
    const u = exp(x!);
    const uMinusOne = sub(u, one);
    const kahan = mul(uMinusOne, div(x!, log(u)));
    const finite = select(eq(uMinusOne, minusOne), minusOne, kahan);
    return [select(eq(u, one), x!, select(eq(u, constantLike(x!, Infinity)), u, finite))];
  },
});

/**
 * `lax.expm1`: `e^x - 1`, accurate for `x` near 0; float32.
 *
 * @example
 * ```ts
 * ax.lax.expm1(ax.array([1e-10, -Infinity])); // [1e-10, -1]
 * ```
 */
export function expm1(x: Array): Array {
  return bind1(expm1P, [x], {});
}

export const tanhP = elementwisePrimitive('tanh', FLOATING, {
  // tanh|x| = -t / (t + 2) with t = expm1(-2|x|) in (-1, 0], which neither overflows nor cancels;
  // the sign is copied back bitwise so tanh(-0) = -0.
  decompose: ([x]) => {
    const t = expm1(mul(floatAbs(x!), constantLike(x!, -2)));
    return [copysign(div(neg(t), add(t, constantLike(x!, 2))), x!)];
  },
});

/**
 * `lax.tanh`: the hyperbolic tangent, float32.
 *
 * @example
 * ```ts
 * ax.lax.tanh(ax.array([0, Infinity])); // [0, 1]
 * ```
 */
export function tanh(x: Array): Array {
  return bind1(tanhP, [x], {});
}

export const logisticP = elementwisePrimitive('logistic', FLOATING, {
  // With e = exp(-|x|) <= 1 nothing overflows: 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0,
  // which keeps full relative accuracy far into the negative tail.
  decompose: ([x]) => {
    const e = exp(neg(floatAbs(x!)));
    const denominator = add(constantLike(x!, 1), e);
    return [select(lt(x!, constantLike(x!, 0)), div(e, denominator), div(constantLike(x!, 1), denominator))];
  },
});

/**
 * `lax.logistic`: the sigmoid `1 / (1 + e^-x)`, float32, accurate in both tails.
 *
 * @example
 * ```ts
 * ax.lax.logistic(ax.array([0, -20])); // [0.5, 2.0611537e-9]
 * ```
 */
export function logistic(x: Array): Array {
  return bind1(logisticP, [x], {});
}
