import type { Array } from '../array.js';
import { bind1 } from '../interpreters.js';
import { add, div, mul, sub } from './arithmetic.js';
import { eq, lt, select } from './comparison.js';
import { constantLike } from './constant.js';
import { FLOATING } from './elementwise-eval.js';
import { elementwisePrimitive } from './elementwise-primitive.js';
import { copysign, floatAbs, horner } from './float-math.js';
import { exp, log, log1p } from './unary-exponential.js';
import { sqrt } from './unary-power.js';
import { neg } from './unary-sign.js';

// Cephes' single-precision erf, as XLA uses it: erf x = x T(x^2) for |x| < 1, and
// erfc x = e^(-x^2) / x * P(1/x^2) (|x| < 2) or R(1/x^2) (|x| >= 2) beyond. Within 3 ulp of erf.
const ERF_T = [
  7.853861353153693e-5, -8.010193625184903e-4, 5.188327685732524e-3, -2.685381193529856e-2,
  1.128358514861418e-1, -3.7612625823833e-1, 1.12837916572671,
];
const ERFC_P = [
  2.326819970068386e-2, -1.387039388740657e-1, 3.687424674597105e-1, -5.824733027278666e-1,
  6.210004621745983e-1, -4.944515323274145e-1, 3.404879937665872e-1, -2.741127028184656e-1,
  5.638259427386472e-1,
];
const ERFC_R = [
  -1.047766399936249e1, 1.297719955372516e1, -7.495518717768503, 2.921019019210786, -1.0152652792027,
  4.218463358204948e-1, -2.820767439740514e-1, 5.641895067754075e-1,
];

export const erfP = elementwisePrimitive('erf', FLOATING, {
  decompose: ([x]) => {
    const one = constantLike(x!, 1);
    const a = floatAbs(x!);
    const inner = mul(x!, horner(mul(x!, x!), ERF_T));
    const q = div(one, a);
    const z = mul(q, q);
    const tail = select(lt(a, constantLike(x!, 2)), horner(z, ERFC_P), horner(z, ERFC_R));
    const erfc = mul(mul(exp(neg(mul(a, a))), q), tail);
    return [select(lt(a, one), inner, copysign(sub(one, erfc), x!))];
  },
});

/**
 * `lax.erf`: the error function `2/sqrt(pi) * integral from 0 to x of e^(-t^2) dt`, float32.
 *
 * @example
 * ```ts
 * ax.lax.erf(ax.array([0, 1, -Infinity])); // [0, 0.8427008, -1]
 * ```
 */
export function erf(x: Array): Array {
  return bind1(erfP, [x], {});
}

// Giles, "Approximating the erfinv function" (GPU Computing Gems, 2011), single precision, as XLA
// uses it: erfInv y = y * p(w - 2.5) for w = -log(1 - y^2) < 5, else y * q(sqrt(w) - 3).
const ERF_INV_CENTRAL = [
  2.81022636e-8, 3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164,
  0.246640727, 1.50140941,
];
const ERF_INV_TAIL = [
  -0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047,
  1.00167406, 2.83297682,
];

export const erfInvP = elementwisePrimitive('erfInv', FLOATING, {
  // w needs 1 - y^2 to full relative accuracy: for |y| < 0.5 log1p(-y^2) gives it; nearer 1 the
  // rounding of y^2 would swamp 1 - y^2, so it is formed as (1 - |y|)(1 + |y|), where 1 - |y| is
  // exact. That keeps the result within 3 ulp up to 1 - 2^-24; XLA's log1p(-y^2) alone drifts to
  // tens of ulp there. erfInv(+-1) = +-Infinity explicitly, since the polynomial cannot reach it.
  decompose: ([y]) => {
    const one = constantLike(y!, 1);
    const a = floatAbs(y!);
    const wNearZero = neg(log1p(neg(mul(y!, y!))));
    const wNearOne = neg(log(mul(sub(one, a), add(one, a))));
    const w = select(lt(a, constantLike(y!, 0.5)), wNearZero, wNearOne);
    const central = horner(sub(w, constantLike(y!, 2.5)), ERF_INV_CENTRAL);
    const tail = horner(sub(sqrt(w), constantLike(y!, 3)), ERF_INV_TAIL);
    const p = select(lt(w, constantLike(y!, 5)), central, tail);
    return [select(eq(a, one), mul(y!, constantLike(y!, Infinity)), mul(p, y!))];
  },
});

/**
 * `lax.erf_inv`: the inverse of {@link erf} on `[-1, 1]`, float32; `erfInv(+-1) = +-Infinity` and
 * NaN outside.
 *
 * @example
 * ```ts
 * ax.lax.erfInv(ax.array([0, 0.5, 1])); // [0, 0.4769363, Infinity]
 * ```
 */
export function erfInv(x: Array): Array {
  return bind1(erfInvP, [x], {});
}
