/**
 * `n` float32 values uniform in [-1, 1) from a seeded generator, so every lane sees the same inputs.
 *
 * @example
 * ```ts
 * randomFloats(4, 1); // the same four values on every call
 * ```
 */
export function randomFloats(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}
