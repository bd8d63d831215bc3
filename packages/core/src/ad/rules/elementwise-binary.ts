import type { Array } from '../../array.js';
import { add, atan2, div, max, min, mul, pow, rem, sub } from '../../lax/arithmetic.js';
import { eq, select } from '../../lax/comparison.js';
import { constantLike } from '../../lax/constant.js';
import { log } from '../../lax/unary-exponential.js';
import { floor } from '../../lax/unary-rounding.js';
import { abs, neg, sign } from '../../lax/unary-sign.js';
import { binaryJvp } from './elementwise-tangent.js';
import type { JvpTable } from './types.js';

const c = constantLike;

/** `x` with its zeros replaced by ones, so `log` and `pow` at 0 stay finite where they are multiplied by 0. */
function replaceZero(x: Array): Array {
  return select(eq(x, c(x, 0)), c(x, 1), x);
}

/**
 * d max(x, y) / dx, or of min: 1 where `x` is the result, halved where `y` ties with it (JAX's
 * `_balanced_eq`), so the two partials of a tie sum to 1.
 */
function balanced(x: Array, out: Array, other: Array): Array {
  const wins = select(eq(x, out), c(x, 1), c(x, 0));
  return div(wins, select(eq(other, out), c(x, 2), c(x, 1)));
}

/** The partials of max and min in each operand. */
const TIE_SPLIT = [
  (x: Array, y: Array, out: Array) => balanced(x, out, y),
  (x: Array, y: Array, out: Array) => balanced(y, out, x),
] as const;

/** x^2 + y^2, the denominator of both partials of atan2. */
function norm2(x: Array, y: Array): Array {
  return add(mul(x, x), mul(y, y));
}

/** jvps of the differentiable binary primitives (JAX's rules in lax.py). */
export const binaryJvps = {
  // x rem y = x - y trunc(x / y), and trunc(x / y) is locally constant.
  rem: binaryJvp(
    rem,
    (x) => c(x, 1),
    (x, y) => {
      const q = div(x, y);
      return neg(mul(sign(q), floor(abs(q))));
    },
  ),
  // y x^(y-1), with the exponent 1 where y = 0 so that 0^0 differentiates to 0 rather than 0 * inf.
  pow: binaryJvp(
    pow,
    (x, y) => mul(y, pow(x, select(eq(y, c(y, 0)), c(y, 1), sub(y, c(y, 1))))),
    (x, _, out) => mul(log(replaceZero(x)), out),
  ),
  max: binaryJvp(max, ...TIE_SPLIT),
  min: binaryJvp(min, ...TIE_SPLIT),
  // atan2(x, y) = atan(x / y): d/dx = y / (x^2 + y^2), d/dy = -x / (x^2 + y^2).
  atan2: binaryJvp(
    atan2,
    (x, y) => div(y, norm2(x, y)),
    (x, y) => neg(div(x, norm2(x, y))),
  ),
} satisfies JvpTable<'rem' | 'pow' | 'max' | 'min' | 'atan2'>;
