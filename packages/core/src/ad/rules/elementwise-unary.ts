import { add, div, mul, sub } from '../../lax/arithmetic.js';
import { constantLike } from '../../lax/constant.js';
import { erf, erfInv } from '../../lax/unary-erf.js';
import { exp, exp2, expm1, log, log1p, logistic, tanh } from '../../lax/unary-exponential.js';
import { reciprocal, rsqrt, sqrt } from '../../lax/unary-power.js';
import { abs, neg, sign } from '../../lax/unary-sign.js';
import { cos, sin, tan } from '../../lax/unary-trigonometric.js';
import type { Array } from '../../array.js';
import { unaryJvp } from './elementwise-tangent.js';
import type { ElementwisePrimitiveName } from '../../primitives/params.js';
import type { JvpTable } from './types.js';

const c = constantLike;
const square = (x: Array): Array => mul(x, x);

/** jvps of the differentiable unary primitives (JAX's rules in lax.py and special.py). */
export const unaryJvps = {
  // sign(0) = 0 picks the zero subgradient at the kink.
  abs: unaryJvp(abs, (x) => sign(x)),
  exp: unaryJvp(exp, (_, y) => y),
  exp2: unaryJvp(exp2, (x, y) => mul(y, c(x, Math.LN2))),
  log: unaryJvp(log, (x) => reciprocal(x)),
  log1p: unaryJvp(log1p, (x) => reciprocal(add(x, c(x, 1)))),
  expm1: unaryJvp(expm1, (x, y) => add(y, c(x, 1))),
  sin: unaryJvp(sin, (x) => cos(x)),
  cos: unaryJvp(cos, (x) => neg(sin(x))),
  tan: unaryJvp(tan, (x, y) => add(c(x, 1), square(y))),
  tanh: unaryJvp(tanh, (x, y) => sub(c(x, 1), square(y))),
  logistic: unaryJvp(logistic, (x, y) => mul(y, sub(c(x, 1), y))),
  sqrt: unaryJvp(sqrt, (x, y) => div(c(x, 0.5), y)),
  rsqrt: unaryJvp(rsqrt, (x, y) => mul(c(x, -0.5), div(y, x))),
  reciprocal: unaryJvp(reciprocal, (_, y) => neg(square(y))),
  erf: unaryJvp(erf, (x) => mul(c(x, 2 / Math.sqrt(Math.PI)), exp(neg(square(x))))),
  erfInv: unaryJvp(erfInv, (x, y) => mul(c(x, Math.sqrt(Math.PI) / 2), exp(square(y)))),
} satisfies Partial<JvpTable<ElementwisePrimitiveName>>;
