import { lit } from './literal.js';

/**
 * 2/π's bits after the point, 12 at a time: the 216 that reducing |x| < 2^128 reaches (x's top
 * limb weighs up to 2^120, and products are kept down to 2^-96, the high halves of those at 2^-84).
 */
const TWO_OVER_PI = [
  2607, 2435, 1764, 3652, 338, 2556, 629, 2001, 3923, 1245, 3085, 2914, 2393, 2364, 1081, 65, 4069, 355,
];

/** π/2 as `HALF_PI[0] + HALF_PI[1] 2^-12 + ...`, to 2^-72. */
const HALF_PI = [1, 2337, 4021, 1092, 721, 2118, 2441];

/**
 * Limbs of x·2/π's fraction kept, 12 bits each: the float32 nearest a multiple of π/2
 * (16367173·2^72) is 2^-29.86 from one in units of π/2, so 84 bits leave 54 significant ones.
 */
const FRACTION_LIMBS = 7;

/** A product of two 12-bit integers, landing at weight 2^(-12 position). */
interface Product {
  readonly position: number;
  readonly factors: string;
}

/**
 * GLSL declaring `${name}${first}` ... `${name}${last}`: the products summed into 12-bit limbs at
 * their positions. Each product (exact: below 2^24) is split into 12-bit halves before any sum,
 * the high half going one position up, and carries then move up limb by limb, so every sum as
 * written stays below 2^17 and is exact. A product at `last + 1` gives its high half only; carries
 * out of `first` are dropped.
 */
function limbSums(name: string, products: readonly Product[], first: number, last: number): string {
  const lines: string[] = [];
  const terms = new Map<number, string[]>();
  const add = (position: number, term: string): void => {
    if (position >= first && position <= last) terms.set(position, [...(terms.get(position) ?? []), term]);
  };
  products.forEach(({ position, factors }, k) => {
    lines.push(`vec2 ${name}p${k} = sin_split(${factors});`);
    add(position, `${name}p${k}.y`);
    add(position - 1, `${name}p${k}.x`);
  });
  for (let p = first; p <= last; p++)
    lines.push(`float ${name}${p} = ${(terms.get(p) ?? ['0.0']).join(' + ')};`);
  for (let p = last; p > first; p--) {
    lines.push(`c = floor(${name}${p} / 4096.0); ${name}${p} -= c * 4096.0; ${name}${p - 1} += c;`);
  }
  return lines.join('\n  ');
}

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/**
 * x·2/π: x's limbs `x0 x1 x2` (weights 2^(12q), 2^(12q-12), 2^(12q-24)) times 2/π's chunks,
 * the window `w0 w1 ...` starting at chunk q - 3. Positions above 0 weigh multiples of 4 and are
 * left out; the integer part mod 4 is the quadrant.
 */
const REDUCTION = limbSums(
  'f',
  range(FRACTION_LIMBS + 2).flatMap((j) =>
    range(3).map((i) => ({ position: j, factors: `x${i} * w${j + 2 - i}` })),
  ),
  0,
  FRACTION_LIMBS,
);

/** g·π/2 for the fraction g = Σ g_j 2^-12j in [0, 1/2]: below π/4, so nothing reaches position 0. */
const TIMES_HALF_PI = limbSums(
  'r',
  range(FRACTION_LIMBS).flatMap((t) =>
    range(t + 1).map((i) => ({ position: t + 1, factors: `g${t + 1 - i} * ${lit(HALF_PI[i]!)}` })),
  ),
  1,
  FRACTION_LIMBS,
);

/**
 * r's first nonzero limb (r ≥ 2^-29.2, so one of r1..r3) and the next as `hi` (13 to 24 bits), the
 * two after as `lo`, at weights `w` and `w` 2^-24.
 */
const LEADING = [3, 2, 1]
  .map((a) => {
    const pair = (k: number): string => `r${k} * 4096.0 + r${k + 1}`;
    const w = lit(2 ** (-12 * (a + 1)));
    return a === 3
      ? `float hi = ${pair(a)};\n  float lo = ${pair(a + 2)};\n  float w = ${w};`
      : `if (r${a} > 0.0) { hi = ${pair(a)}; lo = ${pair(a + 2)}; w = ${w}; }`;
  })
  .join('\n  ');

/**
 * `float ax_sin(float x, float nan, float inf)`: the float32 sine, within 1 ulp of the correctly
 * rounded result for every float32; NaN for NaN and ±inf.
 *
 * GLSL's own `sin` is far outside 2 ulp, and the shader compilers here optimise like fast-math
 * (they reassociate sums and fold `(1 + a) - 1` to `a`), so error-free transformations such as a
 * Cody-Waite reduction with π/2 split in parts are not reliable. This reduction (Payne-Hanek)
 * computes x·2/π using only integers below 2^24 held in floats: x = m 2^e as three 12-bit limbs,
 * 2/π as 12-bit chunks, each product of a limb and a chunk (exact) split into halves and summed
 * into 12-bit limbs. The fraction, rounded to the nearest quadrant, is multiplied by π/2 the same
 * way, and r = rh + rl goes to Cephes' sinf or cosf polynomial, with rl's first-order term.
 * |x| ≤ π/4 takes the polynomial directly, and |x| < 2^-12 is its own sine.
 *
 * Measured: this GLSL compiled as C (gcc, float32 literals, no contraction) against glibc's `sin`
 * rounded to float32, over all 2^31 non-negative float32 (the function is odd): at most 1 ulp,
 * 63,015,087 of them (2.9%) off by one. llvmpipe returned the same bits as that C on 65,536
 * arguments; on 4.2 million, llvmpipe and SwiftShader were both within 1 ulp of
 * `Math.fround(Math.sin(x))`.
 */
export const SIN = ((): string => {
  const signature = 'float ax_sin(float x, float nan, float inf)';
  const chunks = TWO_OVER_PI.map((c, k) => `if (k == ${lit(k)}) return ${lit(c)};`).join('\n  ');
  const window = range(FRACTION_LIMBS + 4)
    .map((t) => `float w${t} = sin_chunk(q + ${lit(t - 3)});`)
    .join('\n  ');
  const fraction = range(FRACTION_LIMBS)
    .map((j) => `float g${j + 1} = up ? 4095.0 - f${j + 1} : f${j + 1};`)
    .join('\n  ');
  return `${signature};
float sin_chunk(float k) {
  ${chunks}
  return 0.0;
}
// v = m 2^e with m in [1, 2), for a normal v > 0: log2 may be off by one at a power of two.
float sin_exponent(float v) {
  float e = floor(log2(v));
  if (exp2(e) > v) e -= 1.0;
  if (v * 0.5 >= exp2(e)) e += 1.0;
  return e;
}
vec2 sin_split(float p) {
  float h = floor(p / 4096.0);
  return vec2(h, p - h * 4096.0);
}
// sin(h + l) and cos(h + l) for |h + l| <= pi/4, |l| at most about half h's last bit (l / h need
// not be exact: its term is below 2^-24 of the result). Each ends in one addition of two terms,
// which the compilers here keep as written: llvmpipe's turned Cephes' 1 + ((y - l h) - z/2) into
// a sum rounded in a worse order, 2 ulp off.
float sin_sin(float h, float l) {
  float z = h * h;
  float q = ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z + l / h * (1.0 - 0.5 * z);
  return h + h * q;
}
float sin_cos(float h, float l) {
  float z = h * h;
  float v = 0.5 - (((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z - l / h);
  return 1.0 - z * v;
}
${signature} {
  float a = abs(x);
  // NaN and the infinities.
  if (!(a < inf)) return nan;
  if (a < 2.44140625e-4) return x;
  if (a <= 0.7853981633974483) return sin_sin(x, 0.0);
  // a = m 2^(e - 23), m an integer in [2^23, 2^24).
  float e = sin_exponent(a);
  float m = a * exp2(23.0 - e);
  // a = (x0 2^24 + x1 2^12 + x2) 2^(12q - 24): the 12-bit limbs of m 2^s, s in [0, 12).
  float q = floor((e + 1.5) / 12.0);
  float s = exp2(e + 1.0 - 12.0 * q);
  vec2 low = sin_split(mod(m, 4096.0) * s);
  vec2 high = sin_split(floor(m / 4096.0) * s);
  vec2 mid = sin_split(high.y + low.x);
  float x0 = high.x + mid.x;
  float x1 = mid.y;
  float x2 = low.y;
  ${window}
  float c;
  ${REDUCTION}
  // To the nearest quadrant: a fraction f of 1/2 or more goes to the next, r = -(1 - f) pi/2.
  bool up = f1 >= 2048.0;
  float n = mod(f0 + (up ? 1.0 : 0.0), 4.0);
  ${fraction}
  ${TIMES_HALF_PI}
  ${LEADING}
  // rh is r rounded to 24 bits and rl the rest, both exact: should the compiler add rh + rl
  // first, r is still rounded only once.
  float k = sin_exponent(hi) + 1.0;
  float t = floor(lo * exp2(-k) + 0.5);
  float rh = (hi * exp2(24.0 - k) + t) * exp2(k - 24.0) * w;
  float rl = (lo - t * exp2(k)) * w * ${lit(2 ** -24)};
  if (up) { rh = -rh; rl = -rl; }
  float y = mod(n, 2.0) == 0.0 ? sin_sin(rh, rl) : sin_cos(rh, rl);
  if (n >= 2.0) y = -y;
  return x < 0.0 ? -y : y;
}`;
})();
