/**
 * exp and log in GLSL to float32's 2 ulp: GLSL's own (llvmpipe's, SwiftShader's) are 3 ulp off or
 * worse, and lose relative accuracy near 1, which log1p's and expm1's decompositions depend on.
 * Cephes' single-precision algorithms (Cody-Waite range reduction and a minimax polynomial);
 * `exp2` of an integer is exact on these devices, and scaling is split in two so 2^n never
 * leaves the normal range.
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

export const LOG = `float ax_log(float x, float nan, float inf) {
  if (x != x || x < 0.0) return nan;
  if (x == 0.0) return -inf;
  if (x == inf) return inf;
  float e = floor(log2(x)) + 1.0;
  float h = floor(e * 0.5);
  float m = x * exp2(-h) * exp2(h - e);
  if (m >= 1.0) { m = m * 0.5; e = e + 1.0; }
  if (m < 0.5) { m = m * 2.0; e = e - 1.0; }
  if (m < 0.707106781186547524) { e = e - 1.0; m = m + m - 1.0; } else { m = m - 1.0; }
  float z = m * m;
  float y = ((((((((7.0376836292e-2 * m - 1.1514610310e-1) * m + 1.1676998740e-1) * m - 1.2420140846e-1) * m
    + 1.4249322787e-1) * m - 1.6668057665e-1) * m + 2.0000714765e-1) * m - 2.4999993993e-1) * m
    + 3.3333331174e-1) * m * z;
  y = y + -2.12194440e-4 * e;
  y = y + -0.5 * z;
  float r = m + y;
  return r + 0.693359375 * e;
}`;

/** Cephes' tanhf: a polynomial below 0.625, `1 - 2 / (e^2x + 1)` above (within 6 ulp). */
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
