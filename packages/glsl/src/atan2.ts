import { lit } from './literal.js';

/**
 * The angle `atan2` adds to ±atan(v) in each case (`v` the reduced ratio of the smaller magnitude
 * to the larger), as float32 high and low parts: cases 0 to 3 are |y| <= |x| with x > 0 (0 + t),
 * with x < 0 (π - t), |y| > |x| with x > 0 (π/2 - t), with x < 0 (π/2 + t); the reduction adds 0,
 * atan(1/2) or π/4 to t (fdlibm's atanf breakpoints).
 */
const OFFSETS = [0, Math.atan(0.5), Math.PI / 4];
const CASES = [
  { base: 0, sign: 1 },
  { base: Math.PI, sign: -1 },
  { base: Math.PI / 2, sign: -1 },
  { base: Math.PI / 2, sign: 1 },
];

function hiLo(k: number): string {
  const hi = Math.fround(k);
  return `vec2(${lit(hi)}, ${lit(Math.fround(k - hi))})`;
}

const ANGLES = CASES.flatMap(({ base, sign }) => OFFSETS.map((off) => hiLo(base + sign * off)));
const selectAngle = [
  ...ANGLES.slice(0, -1).map((k, n) => `if (n < ${lit(n + 0.5)}) k = ${k};`),
  `k = ${ANGLES.at(-1)!};`,
].join('\n    else ');

/**
 * `float ax_atan2(float y, float x, float nan, float inf)`: `Math.atan2` to within 2 ulp of float32
 * for every pair, signed zeros and infinities included (1 ulp measured in a float32 model of the
 * order written; 2 if a compiler adds each angle's low part to its high part first).
 *
 * The ratio of the smaller magnitude to the larger lies in [0, 1]; above 7/16 it is reduced as
 * fdlibm's atanf does, to `(2z - 1) / (2 + z)` or `(z - 1) / (z + 1)`, but computed from the two
 * magnitudes themselves (the differences are exact by Sterbenz's lemma, scaled by powers of two
 * out of overflow and subnormal range), so the ratio's own rounding does not enter them. Cephes'
 * atanf reduction (one breakpoint, at tan(π/8)) left up to 3 ulp near π/8 in the same model.
 * fdlibm's odd polynomial then gives atan of the reduced value, and the case's angle is added as a
 * high and a low part.
 */
export const ATAN2 = `float ax_atan2(float y, float x, float nan, float inf) {
  if (x != x || y != y) return nan;
  float a = abs(x);
  float b = abs(y);
  if (b == 0.0) {
    if (x > 0.0 || (x == 0.0 && 1.0 / x > 0.0)) return y;
    return 1.0 / y > 0.0 ? ${lit(Math.fround(Math.PI))} : ${lit(-Math.fround(Math.PI))};
  }
  float r;
  if (a == inf && b == inf) {
    r = x > 0.0 ? ${lit(Math.fround(Math.PI / 4))} : ${lit(Math.fround((3 * Math.PI) / 4))};
  } else {
    bool swap = b > a;
    float sm = swap ? a : b;
    float lg = swap ? b : a;
    float z = sm / lg;
    float id = 0.0;
    if (z >= 0.4375) {
      if (lg > 1e30) {
        sm = sm * ${lit(2 ** -40)};
        lg = lg * ${lit(2 ** -40)};
      } else if (lg < 1e-24) {
        sm = sm * ${lit(2 ** 40)};
        lg = lg * ${lit(2 ** 40)};
      }
      if (z >= 0.6875) {
        id = 2.0;
        z = (sm - lg) / (sm + lg);
      } else {
        id = 1.0;
        z = (sm + sm - lg) / (lg + lg + sm);
      }
    }
    float zz = z * z;
    float ww = zz * zz;
    float s1 = zz * (3.3333328366e-1 + ww * (1.4253635705e-1 + ww * 6.1687607318e-2));
    float s2 = ww * (-1.9999158382e-1 + ww * -1.0648017377e-1);
    float t = z - z * (s1 + s2);
    float c = swap ? (x > 0.0 ? 2.0 : 3.0) : (x > 0.0 ? 0.0 : 1.0);
    float n = c * 3.0 + id;
    vec2 k;
    ${selectAngle}
    r = k.x + ((c == 1.0 || c == 2.0 ? -t : t) + k.y);
  }
  return y < 0.0 ? -r : r;
}`;
