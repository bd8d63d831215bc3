/**
 * e^x and the natural logarithm, and the functions built on them, to the conformance suite's
 * tolerances: GLSL's own `exp` (llvmpipe's, SwiftShader's) is 3 ulp off, and its `log` is only
 * absolutely accurate near 1, where `log1p` and `expm1` need it relatively accurate.
 *
 * Some call others, which a shader must then define first: `ax_tanh` and `ax_logistic` call
 * `ax_exp` ({@link EXP}), `ax_expm1` calls `ax_exp` and `ax_log`, `ax_log1p` calls `ax_log` and its
 * polynomial ({@link LOG}). Each string defines only its own functions, so pasting several (each
 * once) never defines one twice.
 *
 * Maximum errors measured in a float32 model of each function as written (every operation rounded,
 * constants at the 8 significant digits ANGLE prints them with), against the reference (JS's
 * `Math` in double, rounded to float32) on 2 million random float32 bit patterns, 4 million
 * uniform in [-20, 20] and [-1, 1], and the edges: `exp` 1 ulp, `log` 1, `expm1` 2, `log1p` 2,
 * `tanh` 1, `logistic` 2.
 */

/**
 * `float ax_exp(float x, float nan, float inf)`: Cephes' `expf`. x = n ln2 + r with ln2 split in
 * two (Cody-Waite), a degree-6 polynomial for e^r, and 2^n applied in two halves so that neither
 * factor leaves the normal range before the product does (`exp2` of an integer is exact here).
 */
export const EXP = `float ax_exp(float x, float nan, float inf) {
  if (x != x) return nan;
  if (x > 88.72283935546875) return inf;
  if (x < -103.972084) return 0.0;
  float n = floor(1.44269504088896341 * x + 0.5);
  float r = x - n * 0.693359375;
  r = r - n * -2.12194440e-4;
  float z = r * r;
  float p = ((((1.9875691500e-4 * r + 1.3981999507e-3) * r + 8.3334519073e-3) * r + 4.1665795894e-2) * r
    + 1.6666665459e-1) * r + 5.0000001201e-1;
  p = p * z + r + 1.0;
  float h = floor(n * 0.5);
  return p * exp2(h) * exp2(n - h);
}`;

/**
 * `float ax_log(float x, float nan, float inf)`: Cephes' `logf`. x = m 2^e with m in
 * [sqrt(1/2), sqrt(2)), then `lg_poly(m - 1, e)`: log(1 + t) + e ln2 for t in
 * [sqrt(1/2) - 1, sqrt(2) - 1], a degree-9 polynomial with ln2 split in two. `ax_log1p` calls
 * `lg_poly` too.
 */
export const LOG = `float ax_log(float x, float nan, float inf);
float lg_poly(float t, float e) {
  float z = t * t;
  float y = ((((((((7.0376836292e-2 * t - 1.1514610310e-1) * t + 1.1676998740e-1) * t - 1.2420140846e-1) * t
    + 1.4249322787e-1) * t - 1.6668057665e-1) * t + 2.0000714765e-1) * t - 2.4999993993e-1) * t
    + 3.3333331174e-1) * t * z;
  y = y + -2.12194440e-4 * e;
  y = y + -0.5 * z;
  return t + y + 0.693359375 * e;
}
float ax_log(float x, float nan, float inf) {
  if (x != x || x < 0.0) return nan;
  if (x == 0.0) return -inf;
  if (x == inf) return inf;
  // As frexp, m in [0.5, 1), from log2's estimate of the exponent, which may be one off; the
  // scaling is split in two so that neither factor overflows.
  float e = floor(log2(x)) + 1.0;
  float h = floor(e * 0.5);
  float m = x * exp2(-h) * exp2(h - e);
  if (m >= 1.0) { m = m * 0.5; e = e + 1.0; }
  if (m < 0.5) { m = m * 2.0; e = e - 1.0; }
  if (m < 0.707106781186547524) { e = e - 1.0; m = m + m; }
  return lg_poly(m - 1.0, e);
}`;

/**
 * `float ax_expm1(float x, float nan, float inf)`, after {@link EXP} and {@link LOG}: Kahan's
 * `(u - 1) (x / log u)` with u = e^x, which cancels u's rounding (u - 1 is exact), as core's
 * decomposition computes it.
 */
export const EXPM1 = `float ax_expm1(float x, float nan, float inf) {
  float u = ax_exp(x, nan, inf);
  if (u == 1.0) return x;
  if (u == inf) return u;
  float um1 = u - 1.0;
  if (um1 == -1.0) return -1.0;
  return um1 * (x / ax_log(u, nan, inf));
}`;

/**
 * `float ax_log1p(float x, float nan, float inf)`, after {@link LOG}: near 0 `ax_log`'s polynomial
 * takes x itself, and `ax_log(1 + x)` beyond. Kahan's `(1 + x) - 1`, which core's decomposition
 * uses, is what a fast-math compiler (llvmpipe's) folds back to x, losing the correction.
 */
export const LOG1P = `float ax_log1p(float x, float nan, float inf) {
  if (x == 0.0) return x;
  if (x >= -0.2928932188134524 && x <= 0.41421356237309503) return lg_poly(x, 0.0);
  return ax_log(1.0 + x, nan, inf);
}`;

/**
 * `float ax_tanh(float x, float nan, float inf)`, after {@link EXP}: Cephes' `tanhf`, an odd
 * polynomial below 0.625 and `1 - 2 / (e^2|x| + 1)` above. (Core's decomposition over `expm1`,
 * `-t / (t + 2)` with t = expm1(-2|x|), measured 4 ulp in the same model.)
 */
export const TANH = `float ax_tanh(float x, float nan, float inf) {
  if (x != x) return nan;
  float a = abs(x);
  if (a > 9.0) return x > 0.0 ? 1.0 : -1.0;
  if (a >= 0.625) {
    float t = 1.0 - 2.0 / (ax_exp(a + a, nan, inf) + 1.0);
    return x > 0.0 ? t : -t;
  }
  if (x == 0.0) return x;
  float z = x * x;
  return ((((-5.70498872745e-3 * z + 2.06390887954e-2) * z - 5.37397155531e-2) * z + 1.33314422036e-1) * z
    - 3.33332819422e-1) * z * x + x;
}`;

/**
 * `float ax_logistic(float x, float nan, float inf)`, after {@link EXP}: with e = e^-|x| <= 1,
 * `1 / (1 + e)` for x >= 0 and `e / (1 + e)` below, as core's decomposition computes it: nothing
 * overflows, and the negative tail keeps its relative accuracy.
 */
export const LOGISTIC = `float ax_logistic(float x, float nan, float inf) {
  if (x != x) return nan;
  float e = ax_exp(-abs(x), nan, inf);
  float d = 1.0 + e;
  return x < 0.0 ? e / d : 1.0 / d;
}`;
