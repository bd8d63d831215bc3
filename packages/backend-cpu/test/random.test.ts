import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { registerCpuMin } from './helpers.js';

registerCpuMin();

afterEach(() => ax.setBackend('cpu'));

const u32 = (v: readonly number[], shape: readonly number[] = [v.length]): ax.Array =>
  ax.fromTyped(Uint32Array.from(v), shape, 'uint32');

/** threefry2x32 of four flat uint32 lists on `backend`, read back as plain numbers. */
function hashOn(
  backend: string,
  k0: number[],
  k1: number[],
  x0: number[],
  x1: number[],
): [number[], number[]] {
  ax.setBackend(backend);
  return ax.tidy(() => {
    const [y0, y1] = ax.lax.threefry2x32(u32(k0), u32(k1), u32(x0), u32(x1));
    return [globalThis.Array.from(y0.dataSync()), globalThis.Array.from(y1.dataSync())];
  });
}

describe('threefry2x32 kernel', () => {
  // Known answers of Random123's test_threefry.cpp (threefry2x32_R(20)), which JAX's
  // tests/random_test.py testThreefry2x32 also checks.
  const known = [
    { k: [0, 0], x: [0, 0], y: [0x6b200159, 0x99ba4efe] },
    { k: [0xffffffff, 0xffffffff], x: [0xffffffff, 0xffffffff], y: [0x1cb996fc, 0xbb002be7] },
    { k: [0x13198a2e, 0x03707344], x: [0x243f6a88, 0x85a308d3], y: [0xc4923a9c, 0x483df7a0] },
  ];

  for (const backend of ['cpu', 'cpu-min']) {
    it(`gives Random123's known answers on ${backend}`, () => {
      for (const { k, x, y } of known) {
        expect(hashOn(backend, [k[0]!], [k[1]!], [x[0]!], [x[1]!])).toEqual([[y[0]], [y[1]]]);
      }
      // All three at once, elementwise.
      const col = (rows: number[][], i: number): number[] => rows.map((r) => r[i]!);
      const ks = known.map((c) => c.k);
      const xs = known.map((c) => c.x);
      const ys = known.map((c) => c.y);
      expect(hashOn(backend, col(ks, 0), col(ks, 1), col(xs, 0), col(xs, 1))).toEqual([
        col(ys, 0),
        col(ys, 1),
      ]);
    });
  }

  it('keeps the operand shape, including scalars and zero-size arrays', () => {
    for (const shape of [[], [0], [2, 0, 3], [2, 3]]) {
      const n = shape.reduce((a, b) => a * b, 1);
      const z = u32(new globalThis.Array<number>(n).fill(0), shape);
      const [y0, y1] = ax.lax.threefry2x32(z, z, z, z);
      expect(y0.shape).toEqual(shape);
      expect(y1.shape).toEqual(shape);
      expect(y0.dtype).toBe('uint32');
      expect(globalThis.Array.from(y0.dataSync())).toEqual(new globalThis.Array<number>(n).fill(0x6b200159));
    }
  });

  // Exact agreement (tolerance 0: integer outputs) of the kernel and the decomposition into
  // add/xor/shifts/or on cpu-min, for uint32 words over the whole range [0, 2^32).
  it('agrees exactly with its decomposition on random uint32 inputs', () => {
    const word = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word, word, word), { minLength: 1, maxLength: 16 }), (rows) => {
        const cols = [0, 1, 2, 3].map((i) => rows.map((r) => r[i]!));
        const [a, b, c, d] = cols as [number[], number[], number[], number[]];
        expect(hashOn('cpu', a, b, c, d)).toEqual(hashOn('cpu-min', a, b, c, d));
      }),
      { numRuns: 50 },
    );
  });

  it('rejects non-uint32 operands and unequal shapes, naming the primitive and shapes', () => {
    const k = u32([0, 0]);
    expect(() => ax.lax.threefry2x32(k, k, k, ax.array([0, 0]))).toThrow(
      /threefry2x32: operand 3 has dtype float32.*accepts uint32/,
    );
    expect(() => ax.lax.threefry2x32(k, k, k, u32([0, 0, 0]))).toThrow(
      /threefry2x32: operands must have equal shapes, got uint32\[2\] and uint32\[2\] and uint32\[2\] and uint32\[3\]/,
    );
    expect(() => ax.bind(ax.lax.threefry2x32P, [k, k, k], {})).toThrow(
      /threefry2x32: expects 4 operands \(k0, k1, x0, x1\), got 3/,
    );
  });
});

describe('ax.random on a backend with only the minimal kernels', () => {
  /** Every sampler's output for one key, made and read back on `backend`. */
  function samples(backend: string): Record<string, number[]> {
    ax.setBackend(backend);
    return ax.tidy(() => {
      const key = ax.random.key(42);
      const read = (x: ax.Array): number[] => globalThis.Array.from(x.dataSync());
      return {
        split: read(ax.random.split(key, 3)),
        foldIn: read(ax.random.foldIn(key, 7)),
        bits: read(ax.random.bits(key, [5])),
        uniform: read(ax.random.uniform(key, [5], { minval: -2, maxval: 3 })),
        bernoulli: read(ax.random.bernoulli(key, 0.3, [5])),
        randint: read(ax.random.randint(key, [5], -4, 9)),
        permutation: read(ax.random.permutation(key, 7)),
        normal: read(ax.random.normal(key, [5])),
        categorical: read(ax.random.categorical(key, ax.array([0.5, 1, 2]), { shape: [5] })),
      };
    });
  }

  // Everything built on the hash alone is exact; normal's erfInv may round differently when
  // decomposed, so it is compared to 1e-6 (relative, floor 1).
  it('draws the same samples as the full cpu backend', () => {
    const full = samples('cpu');
    const min = samples('cpu-min');
    const { normal, ...exact } = full;
    for (const [name, values] of Object.entries(exact)) expect(min[name], name).toEqual(values);
    normal!.forEach((v, i) =>
      expect(Math.abs(min.normal![i]! - v)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v))),
    );
  });
});
