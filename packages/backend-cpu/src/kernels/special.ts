/** Special functions in double precision, for the float32 kernels that have no `Math` builtin. */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * erf by its series with positive terms, `erf x = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) / (2n+1)!!`:
 * nothing cancels, so it is accurate to a few double ulp; used for |x| < 2, where it needs about 40
 * terms.
 */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; term > sum * 1e-17; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/**
 * erfc for x >= 2 by Laplace's continued fraction,
 * `erfc x = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))`, evaluated by the
 * modified Lentz method; it converges in a few dozen terms at x = 2 and faster beyond.
 */
function erfcFraction(x: number): number {
  let value = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    d = 1 / (x + a * d);
    c = x + a / c;
    const delta = c * d;
    value *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / value;
}

/**
 * The error function in double precision (relative error about 1e-15).
 *
 * @example
 * ```ts
 * erf(1); // 0.8427007929497149
 * ```
 */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a === Infinity) return Math.sign(x);
  if (!(a >= 2)) return a === 0 || Number.isNaN(x) ? x : Math.sign(x) * erfSeries(a);
  return Math.sign(x) * (1 - erfcFraction(a));
}

/**
 * The complementary error function `1 - erf x` in double precision, without the cancellation of
 * `1 - erf(x)` in the tail (relative error below 1e-12).
 *
 * @example
 * ```ts
 * erfc(4); // 1.541725790028002e-8
 * ```
 */
export function erfc(x: number): number {
  if (x === Infinity) return 0;
  return x >= 2 ? erfcFraction(x) : 1 - erf(x);
}

/** Winitzki's closed-form approximation of erfInv(a), a in (0, 1), to about 2e-3 relative. */
function erfInvGuess(a: number): number {
  const k = 0.147;
  const l = Math.log1p(-a * a);
  const b = 2 / (Math.PI * k) + l / 2;
  return Math.sqrt(Math.sqrt(b * b - l / k) - b);
}

/**
 * The inverse error function in double precision: Winitzki's approximation refined by Halley's
 * method on `erf x = a` (or `erfc x = 1 - a` past a = 0.5, where `1 - a` is exact and erfc keeps
 * the tail's digits). Cubic convergence takes the 2e-3 guess to double precision in three steps.
 *
 * @example
 * ```ts
 * erfInv(0.5); // 0.4769362762044699
 * ```
 */
export function erfInv(y: number): number {
  const a = Math.abs(y);
  if (!(a <= 1)) return NaN;
  if (a === 0) return y;
  if (a === 1) return y * Infinity;
  let x = erfInvGuess(a);
  for (let i = 0; i < 4; i++) {
    const residual = a <= 0.5 ? erf(x) - a : 1 - a - erfc(x);
    const newton = residual / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
    // Halley's correction: erf'' / erf' = -2x.
    const step = newton / (1 + x * newton);
    x -= step;
    if (Math.abs(step) <= 1e-15 * x) break;
  }
  return y < 0 ? -x : x;
}
