import { lit } from './literal.js';

const ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24] as const;

/**
 * uint32 arithmetic on GLSL floats: a word is `vec2(high 16 bits, low 16 bits)`, and every
 * intermediate an integer below 2^24, so float32 holds it exactly even where the shader compiler
 * reassociates (llvmpipe does: a product above 2^24 lost its low bits in a sum).
 */
export const WORDS = `vec2 tf_add(vec2 a, vec2 b) {
  float lo = a.y + b.y;
  float carry = floor(lo / 65536.0);
  return vec2(mod(a.x + b.x + carry, 65536.0), lo - carry * 65536.0);
}
float tf_xor16(float a, float b) {
  float r = 0.0;
  float p = 1.0;
  for (int k = 0; k < 16; k++) {
    if (mod(a, 2.0) != mod(b, 2.0)) r += p;
    a = floor(a * 0.5);
    b = floor(b * 0.5);
    p *= 2.0;
  }
  return r;
}
vec2 tf_xor(vec2 a, vec2 b) { return vec2(tf_xor16(a.x, b.x), tf_xor16(a.y, b.y)); }
vec2 tf_rotl(vec2 v, float swap, float up, float down) {
  if (swap > 0.5) v = v.yx;
  return vec2(mod(v.x, down) * up + floor(v.y / down), mod(v.y, down) * up + floor(v.x / down));
}`;

/**
 * Threefry-2x32 with 20 rounds (Random123's, as backend-cpu's), unrolled, on keys and counts given
 * as 16-bit halves: `vec4 tf_hash4(k0h, k0l, k1h, k1l, x0h, x0l, x1h, x1l)` returns the result's
 * four half-words (the first word's high and low halves, then the second's), and
 * `float tf_hash(..., float plane)` the one numbered `plane`, for a shader writing one float per
 * output. tf_hash's prototype comes first, as gpu.js reads a native function's signature from its
 * start.
 */
export const THREEFRY = ((): string => {
  const rounds: string[] = [];
  for (let block = 0; block < 5; block++) {
    for (let j = 0; j < 4; j++) {
      const r = ROTATIONS[(block % 2) * 4 + j]! % 16;
      const swap = ROTATIONS[(block % 2) * 4 + j]! >= 16 ? '1.0' : '0.0';
      // The shifts' powers of two as literals: compilers fold exp2 of a constant inexactly.
      rounds.push(
        `a = tf_add(a, b); b = tf_xor(tf_rotl(b, ${swap}, ${lit(2 ** r)}, ${lit(2 ** (16 - r))}), a);`,
      );
    }
    rounds.push(`a = tf_add(a, ks${(block + 1) % 3});`);
    rounds.push(`b = tf_add(tf_add(b, ks${(block + 2) % 3}), vec2(0.0, ${lit(block + 1)}));`);
  }
  const signature =
    'float tf_hash(float k0h, float k0l, float k1h, float k1l, float x0h, float x0l, float x1h, float x1l, float plane)';
  return `${signature};
${WORDS}
vec4 tf_hash4(float k0h, float k0l, float k1h, float k1l, float x0h, float x0l, float x1h, float x1l) {
  vec2 ks0 = vec2(k0h, k0l);
  vec2 ks1 = vec2(k1h, k1l);
  vec2 ks2 = tf_xor(tf_xor(ks0, ks1), vec2(7121.0, 7130.0));
  vec2 a = tf_add(vec2(x0h, x0l), ks0);
  vec2 b = tf_add(vec2(x1h, x1l), ks1);
  ${rounds.join('\n  ')}
  return vec4(a, b);
}
${signature} {
  vec4 h = tf_hash4(k0h, k0l, k1h, k1l, x0h, x0l, x1h, x1l);
  return plane < 0.5 ? h.x : (plane < 1.5 ? h.y : (plane < 2.5 ? h.z : h.w));
}`;
})();
