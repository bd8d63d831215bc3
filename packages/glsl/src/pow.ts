import { lit } from './literal.js';

/**
 * A float literal for a constant whose last bit does not matter: ANGLE (headless-gl's) prints the
 * constants of the shader it passes on with 8 significant digits, one short of float32's 9.
 */
const f32 = (v: number): string => lit(Math.fround(v));

/**
 * `if` tree over `key` in [lo, hi] (integers), each leaf returning `leaf(key)`: GLSL ES 1.00
 * has no array initialisers, and a tree makes a lookup a handful of comparisons.
 */
function lookup(key: string, lo: number, hi: number, leaf: (k: number) => string): string {
  if (lo === hi) return `return ${leaf(lo)};`;
  const mid = Math.floor((lo + hi) / 2);
  return `if (${key} < ${lit(mid + 0.5)}) { ${lookup(key, lo, mid, leaf)} } else { ${lookup(key, mid + 1, hi, leaf)} }`;
}

// log2(e) = 2954 / 2048 + LOG2E_REST: the first part has 12 bits, for exact products with s1.
const LOG2E_HI = 2954;
const LOG2E_REST = Math.LOG2E - LOG2E_HI / 2048;

/**
 * `vec3 pw_log2c(float c)`: log2(c / 64) for c in [45, 91] as integers to scale by 2^-12, 2^-24
 * and 2^-48 (the first two parts' products with a 12-bit part of y are exact). Integers, as ANGLE
 * (headless-gl's) prints float constants into the shader it compiles with 8 significant digits,
 * which rounds most 12-bit fractions; an integer below 2^24 survives, and so do the scales.
 */
const LOG2_TABLE = `vec3 pw_log2c(float c) {
  ${lookup('c', 45, 91, (c) => {
    const t = Math.log2(c / 64);
    const hi = Math.round(t * 2 ** 12);
    const mid = Math.round((t - hi / 2 ** 12) * 2 ** 24);
    return `vec3(${lit(hi)}, ${lit(mid)}, ${lit(Math.round((t - hi / 2 ** 12 - mid / 2 ** 24) * 2 ** 48))})`;
  })}
}`;

/** `vec2 pw_exp2j(float j)`: 2^(j/32) for j in [0, 31] as integers to scale by 2^-23 and 2^-48. */
const EXP2_TABLE = `vec2 pw_exp2j(float j) {
  ${lookup('j', 0, 31, (j) => {
    const v = 2 ** (j / 32);
    const hi = Math.fround(v) * 2 ** 23;
    return `vec2(${lit(hi)}, ${lit(Math.round((v - hi / 2 ** 23) * 2 ** 48))})`;
  })}
}`;

const SIGNATURE = 'float ax_pow(float x, float y, float nan, float inf)';

/**
 * `float ax_pow(float x, float y, float nan, float inf)`: C's `pow` on float32 (every IEEE special
 * case), to the conformance suite's 2 ulp; results below 2^-126 flush to a zero of their sign.
 *
 * x^y = 2^t, t = y log2|x|, and 2^t for |t| up to 151 needs t to about 2^-27, beyond float32. The
 * shader compilers reassociate, factor and contract, so error-free transformations (TwoSum,
 * Dekker's split) do not survive them. Instead each term of t that needs more than float precision
 * is a product of two factors of at most 12 significant bits, exact in whatever order it is done,
 * and every term is split at 2^-12 (`pw_acc`): the coarse parts sum exactly (all below 2^12), the
 * remainders, each below 2^-12, to far better than 2^-27.
 *
 * |x| = m 2^e with m in (0.7071, 1.4142], c/64 the multiple of 1/64 nearest m, s = m/(c/64) - 1 as
 * s1 (12 bits, so that s1 c/64 is exact) plus s2 = (m - c/64 - s1 c/64) / (c/64), |s| < 2^-6.5;
 * log2|x| = e + log2(c/64) (a table) + ln(1 + s) / ln 2, of whose series the first two terms go in
 * 12-bit parts and the rest in float. y = y1 + y2 in 12-bit parts. Then 2^t = 2^n 2^(j/32) 2^r,
 * |r| < 2^-5: a table, a Taylor polynomial, and 2^n applied in two steps so that neither factor
 * leaves the normal range.
 */
export const POW = `${SIGNATURE};
${LOG2_TABLE}
${EXP2_TABLE}
float pw_exponent(float v) {
  float e = floor(log2(v));
  if (v < exp2(e)) e -= 1.0;
  if (v >= exp2(e + 1.0)) e += 1.0;
  return e;
}
// Adds p to sum.x (its part on the grid 2^-12) and sum.y (the rest, below 2^-12). The rest is
// rounded to 2^-40: left as p - coarse, the compiler cancels the coarse parts between sum.x and
// sum.y and adds the terms themselves in float, losing all the precision this is for.
vec2 pw_acc(vec2 sum, float p) {
  float coarse = floor(p * 4096.0) * 0.000244140625;
  return vec2(sum.x + coarse, sum.y + floor((p - coarse) * 1099511627776.0 + 0.5) * 9.094947017729282e-13);
}
float pw_pow(float ax, float y, float inf) {
  float e = floor(log2(ax));
  float h = floor(e * 0.5);
  float m = ax * exp2(-h) * exp2(h - e);
  if (m >= 2.0) { m *= 0.5; e += 1.0; }
  if (m < 1.0) { m *= 2.0; e -= 1.0; }
  if (m > 1.4142135) { m *= 0.5; e += 1.0; }
  float c = floor(m * 64.0 + 0.5);
  float ck = c * 0.015625;
  vec3 tk = pw_log2c(c) * vec3(0.000244140625, 5.9604644775390625e-8, 3.552713678800501e-15);
  float d = m - ck;
  float sa = d / ck;
  // s1 = s1i g, s1i an integer of 12 bits (s is 0 where m is a multiple of 1/64).
  float es = pw_exponent(max(abs(sa), 1e-30));
  float g = exp2(es - 11.0);
  float s1i = floor(sa * exp2(11.0 - es) + 0.5);
  float s1 = s1i * g;
  float s2 = (d - s1 * ck) / ck;
  // t in float, to 2^-20 or so: beyond these bounds x^y overflows or is far below 2^-126, and
  // within them every term below stays under 2^9.
  float tr = y * (e + (tk.x + tk.y) + ${f32(Math.LOG2E)} * (s1 + s2));
  if (tr > 129.5) return inf;
  if (tr < -151.0) return 0.0;
  float ey = pw_exponent(abs(y));
  float y1 = floor(y * exp2(11.0 - ey) + 0.5) * exp2(ey - 11.0);
  float y2 = y - y1;
  // log2(e) s = wh + wl + wr: the product of the 12-bit parts s1 and LOG2E_HI split in 12-bit halves.
  float pw = s1i * ${lit(LOG2E_HI)};
  float pwh = floor(pw * 0.000244140625) * 4096.0;
  float gw = g * 0.00048828125;
  float wh = pwh * gw;
  float wl = (pw - pwh) * gw;
  float wr = ${f32(LOG2E_REST)} * s1 + ${f32(Math.LOG2E)} * s2;
  // log2(e) s^2 / 2 = qh + qr, qh the 12-bit high part of LOG2E_HI's product with s1^2's high half.
  float ss = s1i * s1i;
  float ssh = floor(ss * 0.000244140625);
  float pq = ssh * ${lit(LOG2E_HI)};
  float pqh = floor(pq * 0.000244140625) * 4096.0;
  float g2 = g * g;
  float qh = pqh * g2;
  float qr = ((pq - pqh) * g2 + (ss - ssh * 4096.0) * ${lit(LOG2E_HI)} * (g2 * 0.000244140625))
    + ${f32(LOG2E_REST)} * (s1 * s1) * 0.5 + ${f32(Math.LOG2E)} * s2 * (s1 + 0.5 * s2);
  float sf = s1 + s2;
  float cubic = ${f32(Math.LOG2E)} * (sf * sf * sf) * ((0.2 * sf - 0.25) * sf + ${f32(1 / 3)});
  vec2 sum = vec2(0.0);
  sum = pw_acc(sum, y1 * e);
  sum = pw_acc(sum, y2 * e);
  sum = pw_acc(sum, y1 * tk.x);
  sum = pw_acc(sum, y1 * tk.y);
  sum = pw_acc(sum, y2 * tk.x);
  sum = pw_acc(sum, y1 * wh);
  sum = pw_acc(sum, y1 * wl);
  sum = pw_acc(sum, y2 * wh);
  sum = pw_acc(sum, -(y1 * qh));
  sum = pw_acc(sum, y2 * tk.y + y * tk.z);
  sum = pw_acc(sum, y2 * wl);
  sum = pw_acc(sum, y * wr);
  sum = pw_acc(sum, -(y2 * qh) - y * qr);
  sum = pw_acc(sum, y * cubic);
  float n32 = floor(sum.x * 32.0 + 0.5);
  float r = (sum.x - n32 * 0.03125) + sum.y;
  float n = floor(n32 * 0.03125);
  vec2 tj = pw_exp2j(n32 - n * 32.0) * vec2(1.1920928955078125e-7, 3.552713678800501e-15);
  float q = r * (${f32(Math.LN2)} + r * (${f32(Math.LN2 ** 2 / 2)} + r * (${f32(Math.LN2 ** 3 / 6)} + r * ${f32(Math.LN2 ** 4 / 24)})));
  float p = tj.x + (tj.x * q + tj.y);
  float nh = floor(n * 0.5);
  return p * exp2(nh) * exp2(n - nh);
}
${SIGNATURE} {
  if (y == 0.0 || x == 1.0) return 1.0;
  if (x != x || y != y) return nan;
  float ax = abs(x);
  float ay = abs(y);
  bool integral = floor(y) == y;
  bool odd = integral && ay < 16777216.0 && floor(y * 0.5) * 2.0 != y;
  if (ay == inf) return ax == 1.0 ? 1.0 : ((ax < 1.0) == (y > 0.0) ? 0.0 : inf);
  bool negative = (x < 0.0 || (x == 0.0 && 1.0 / x < 0.0)) && odd;
  float r;
  if (ax == 0.0 || ax == inf) {
    r = (ax == inf) == (y > 0.0) ? inf : 0.0;
  } else if (x < 0.0 && !integral) {
    return nan;
  } else if (ax == 1.0 || ay < 9.094947017729282e-13) {
    r = 1.0;
  } else {
    r = pw_pow(ax, y, inf);
  }
  return negative ? -r : r;
}`;
