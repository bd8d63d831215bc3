import type { GpujsBuffer } from '../buffer.js';
import { lit } from '../glsl.js';
import type { GpuKernels } from './kernel.js';

const ROTATIONS = [13, 15, 26, 6, 17, 29, 16, 24] as const;

/**
 * uint32 arithmetic on GLSL floats: a word is `vec2(high 16 bits, low 16 bits)`, and every
 * intermediate an integer below 2^24, so float32 holds it exactly even where the shader compiler
 * reassociates (llvmpipe does: a product above 2^24 lost its low bits in a sum).
 */
const WORDS = `vec2 tf_add(vec2 a, vec2 b) {
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

/** Threefry-2x32 with 20 rounds (Random123's, as backend-cpu's), unrolled; returns word `plane`. */
function threefrySource(): string {
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
${signature} {
  vec2 ks0 = vec2(k0h, k0l);
  vec2 ks1 = vec2(k1h, k1l);
  vec2 ks2 = tf_xor(tf_xor(ks0, ks1), vec2(7121.0, 7130.0));
  vec2 a = tf_add(vec2(x0h, x0l), ks0);
  vec2 b = tf_add(vec2(x1h, x1l), ks1);
  ${rounds.join('\n  ')}
  return plane < 0.5 ? a.x : (plane < 1.5 ? a.y : (plane < 2.5 ? b.x : b.y));
}`;
}

const HASH = threefrySource();

/**
 * `threefry2x32` on the device: its uint32 operands live on the host (see GpujsBuffer), so they go
 * up as 16-bit halves, one kernel computes the four output half-words of every element, and the
 * two uint32 results come back.
 */
export const randomKernels: GpuKernels = {
  threefry2x32: {
    accepts: () => true,
    run: (rt, operands, _params, [out]) => {
      const n = out!.size;
      // Sizes round up to a power of two, so the long shader compiles once per bucket, not per size.
      const m = 2 ** Math.ceil(Math.log2(Math.max(n, 64)));
      const halves = new Float32Array(8 * m);
      operands.forEach((o, q) => {
        const words = rt.readSync(o.buffer, o.dtype);
        for (let j = 0; j < n; j++) {
          halves[2 * q * m + j] = Math.floor(words[j]! / 65536);
          halves[(2 * q + 1) * m + j] = words[j]! % 65536;
        }
      });
      const at = `float tf_at(float i, float q) { float p = floor((i + 0.5) / ${lit(m)}); return q * ${lit(m)} + i - p * ${lit(m)}; }`;
      const plane = `float tf_plane(float i) { return floor((i + 0.5) / ${lit(m)}); }`;
      const loads = Array.from({ length: 8 }, (_, q) => `a0[tf_at(i, ${q})]`).join(', ');
      const words = rt.run(
        { main: `return tf_hash(${loads}, tf_plane(i));`, natives: [at, plane, HASH] },
        4 * m,
        [halves],
      );
      const planes = rt.readSync(words, 'float32');
      rt.dispose(words);
      const word = (hi: number, lo: number): GpujsBuffer => ({
        kind: 'host',
        data: Uint32Array.from({ length: n }, (_, j) => planes[hi * m + j]! * 65536 + planes[lo * m + j]!),
      });
      return [word(0, 1), word(2, 3)];
    },
  },
};
