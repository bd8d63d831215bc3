import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { generator, maxAbsDiff, onBoth, operand } from './linalg-helpers.js';

const { lax } = ax;

beforeEach(() => {
  ax.setBackend('cpu');
});

describe('dotGeneral', () => {
  it('multiplies [2, 3] by [3, 2]', () => {
    const a = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = ax.array([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(lax.dotGeneral(a, b, [[1], [0]]).arraySync()).toEqual([
      [58, 64],
      [139, 154],
    ]);
    expect(lax.dotGeneral(a, b, [[-1], [-2]]).arraySync()).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('maps over batch dims, which lead the output', () => {
    const a = ax.array([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    const b = ax.array([
      [
        [1, 0],
        [0, 1],
      ],
      [
        [2, 1],
        [1, 2],
      ],
    ]);
    expect(lax.dotGeneral(a, b, [[2], [1]], [[0], [0]]).arraySync()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [16, 17],
        [22, 23],
      ],
    ]);
  });

  it('contracts leading axes (a transpose times b)', () => {
    const a = ax.array([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    const b = ax.array([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(lax.dotGeneral(a, b, [[0], [0]]).arraySync()).toEqual([
      [6, 8],
      [8, 10],
    ]);
  });

  it('takes batch and contracting axes anywhere: out[b] = sum_i a[i, b] * c[b, i]', () => {
    const a = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const c = ax.array([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(lax.dotGeneral(a, c, [[0], [1]], [[1], [0]]).arraySync()).toEqual([9, 26, 51]);
  });

  it('orders the output batch, lhs free, rhs free; no contraction is an outer product', () => {
    const a = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = ax.array([
      [1, 10],
      [2, 20],
    ]);
    const out = lax.dotGeneral(a, b, [[], []], [[0], [0]]);
    expect(out.shape).toEqual([2, 3, 2]);
    expect(out.arraySync()).toEqual([
      [
        [1, 10],
        [2, 20],
        [3, 30],
      ],
      [
        [8, 80],
        [10, 100],
        [12, 120],
      ],
    ]);
    expect(lax.dotGeneral(ax.array([1, 2]), ax.array([3, 4, 5]), [[], []]).shape).toEqual([2, 3]);
  });

  it('handles scalars and several contracting axes', () => {
    expect(lax.dotGeneral(ax.scalar(3), ax.scalar(4), [[], []]).arraySync()).toBe(12);
    const a = ax.array([
      [1, 2],
      [3, 4],
    ]);
    expect(
      lax
        .dotGeneral(a, a, [
          [0, 1],
          [0, 1],
        ])
        .arraySync(),
    ).toBe(30);
    // Pairs are matched in order: a[i, j] * a[j, i] summed is the trace of a @ a.
    expect(
      lax
        .dotGeneral(a, a, [
          [0, 1],
          [1, 0],
        ])
        .arraySync(),
    ).toBe(29);
  });

  it('gives zeros for an empty contraction and empty outputs for empty free axes', () => {
    expect(lax.dotGeneral(ax.zeros([2, 0]), ax.zeros([0, 3]), [[1], [0]]).arraySync()).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(lax.dotGeneral(ax.zeros([0, 3]), ax.zeros([3, 2]), [[1], [0]]).shape).toEqual([0, 2]);
    expect(
      lax.dotGeneral(ax.zeros([0, 2, 3], 'int32'), ax.zeros([0, 3], 'int32'), [[2], [1]], [[0], [0]]).shape,
    ).toEqual([0, 2]);
  });

  it('propagates NaN and infinities (0 * Infinity is NaN)', () => {
    const out = lax.dotGeneral(
      ax.array([
        [Infinity, 1],
        [NaN, 0],
        [Infinity, 2],
      ]),
      ax.array([[0], [1]]),
      [[1], [0]],
    );
    const v = out.dataSync();
    expect(Number.isNaN(v[0])).toBe(true);
    expect(Number.isNaN(v[1])).toBe(true);
    expect(lax.dotGeneral(ax.array([Infinity, 2]), ax.array([2, 3]), [[0], [0]]).item()).toBe(Infinity);
  });

  it('wraps int32 and uint32 products and sums', () => {
    const i32 = (v: number[][]): ax.Array => ax.array(v, 'int32');
    // 46341^2 = 2147488281 = 2^31 + 4633, which wraps to -2147479015.
    expect(lax.dotGeneral(i32([[46341]]), i32([[46341]]), [[1], [0]]).item()).toBe(-2147479015);
    expect(lax.dotGeneral(i32([[2 ** 31 - 1, 1]]), i32([[1], [1]]), [[1], [0]]).item()).toBe(-(2 ** 31));
    expect(lax.dotGeneral(i32([[-3, 4]]), i32([[5], [6]]), [[1], [0]]).item()).toBe(9);
    // 65536 * 65537 = 2^32 + 65536, which wraps to 65536.
    const u = lax.dotGeneral(ax.array([65536], 'uint32'), ax.array([65537], 'uint32'), [[0], [0]]);
    expect(u.item()).toBe(65536);
    expect(u.dtype).toBe('uint32');
    expect(
      lax.dotGeneral(ax.array([2 ** 32 - 1], 'uint32'), ax.array([1], 'uint32'), [[0], [0]]).item(),
    ).toBe(2 ** 32 - 1);
  });

  it('rejects mismatched sizes, naming the primitive, both shapes and the axes', () => {
    const a = ax.zeros([2, 3]);
    const b = ax.zeros([4, 5]);
    expect(() => lax.dotGeneral(a, b, [[1], [0]])).toThrow(
      /dotGeneral: contracting dimension sizes differ: lhs float32\[2, 3\] axis 1 has size 3, rhs float32\[4, 5\] axis 0 has size 4/,
    );
    expect(() => lax.dotGeneral(a, b, [[], []], [[0], [0]])).toThrow(
      /dotGeneral: batch dimension sizes differ/,
    );
    expect(() => lax.dotGeneral(a, b, [[1], [0]])).toThrow(ax.ShapeError);
  });

  it('rejects bad axes and dtypes', () => {
    const a = ax.zeros([2, 3]);
    expect(() => lax.dotGeneral(a, a, [[2], [0]])).toThrow(
      /dotGeneral: axis 2 in contractingDims \(lhs\) is out of range for operand float32\[2, 3\]/,
    );
    expect(() => lax.dotGeneral(a, a, [[0], []])).toThrow(
      /dotGeneral: contractingDims must be \[lhsAxes, rhsAxes\] of equal length/,
    );
    expect(() => lax.dotGeneral(a, a, [[0], [0]], [[0], [0]])).toThrow(
      /dotGeneral: lhs axes repeat across contractingDims \[0\] and batchDims \[0\]/,
    );
    expect(() => lax.dotGeneral(a, ax.zeros([3, 2], 'int32'), [[1], [0]])).toThrow(
      /dotGeneral: operands must have equal dtypes, got float32\[2, 3\] and int32\[3, 2\]/,
    );
    expect(() => lax.dotGeneral(ax.array([true]), ax.array([true]), [[0], [0]])).toThrow(
      /dotGeneral: lhs bool\[1\] has dtype bool; dotGeneral accepts float32, int32, uint32/,
    );
  });
});

describe('dotGeneral kernel vs its decomposition', () => {
  /** A seeded permutation of `0..n-1`: operand axis `i` holds logical axis `perm[i]`. */
  function shuffled(n: number, seed: number): number[] {
    const next = generator(seed);
    const perm = globalThis.Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    return perm;
  }

  // Operands uniform in [-1, 1), at most 9 summed terms. The kernel rounds once from a float64
  // sum; the decomposition rounds each product to float32 first (error <= 2^-24 per unit term),
  // so results may differ by about 9 * 2^-24 + 2 ulp: tolerance 2e-6 absolute.
  it('agrees on shuffled layouts of batch, contracting and free axes (float32, tol 2e-6)', () => {
    fc.assert(
      fc.property(
        fc.record({
          batch: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 1 }),
          contract: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
          lhsFree: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
          rhsFree: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 1 }),
          seed: fc.integer(),
        }),
        ({ batch, contract, lhsFree, rhsFree, seed }) => {
          const lhsAxes = [...batch, ...lhsFree, ...contract];
          const rhsAxes = [...batch, ...rhsFree, ...contract];
          const lPerm = shuffled(lhsAxes.length, seed);
          const rPerm = shuffled(rhsAxes.length, seed + 1);
          const lhs = operand(
            lPerm.map((i) => lhsAxes[i]!),
            'float32',
            seed + 2,
          );
          const rhs = operand(
            rPerm.map((i) => rhsAxes[i]!),
            'float32',
            seed + 3,
          );
          const nb = batch.length;
          const lc = contract.map((_, j) => lPerm.indexOf(nb + lhsFree.length + j));
          const rc = contract.map((_, j) => rPerm.indexOf(nb + rhsFree.length + j));
          const lb = batch.map((_, j) => lPerm.indexOf(j));
          const rb = batch.map((_, j) => rPerm.indexOf(j));
          const { kernel, decomposed } = onBoth(
            (x, y) => lax.dotGeneral(x!, y!, [lc, rc], [lb, rb]),
            [lhs, rhs],
          );
          expect(kernel.length).toBe(decomposed.length);
          expect(maxAbsDiff(kernel, decomposed)).toBeLessThanOrEqual(2e-6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('agrees exactly on int32 and uint32 over the full value range, wrapping included', () => {
    for (const dtype of ['int32', 'uint32'] as const) {
      const lo = dtype === 'int32' ? -(2 ** 31) : 0;
      const hi = dtype === 'int32' ? 2 ** 31 - 1 : 2 ** 32 - 1;
      const lhs = operand([2, 3, 4], dtype, 7, lo, hi);
      const rhs = operand([4, 2, 5], dtype, 8, lo, hi);
      const { kernel, decomposed } = onBoth(
        (x, y) => lax.dotGeneral(x!, y!, [[2], [0]], [[0], [1]]),
        [lhs, rhs],
      );
      expect(kernel).toHaveLength(2 * 3 * 5);
      expect(kernel).toEqual(decomposed);
    }
  });

  it('agrees on zero-size operands and scalars (exact)', () => {
    const zeroContract = onBoth(
      (x, y) => lax.dotGeneral(x!, y!, [[1], [0]]),
      [operand([2, 0], 'float32', 1), operand([0, 3], 'float32', 2)],
    );
    expect(zeroContract.kernel).toEqual([0, 0, 0, 0, 0, 0]);
    expect(zeroContract.decomposed).toEqual(zeroContract.kernel);
    const scalars = onBoth(
      (x, y) => lax.dotGeneral(x!, y!, [[], []]),
      [
        { shape: [], dtype: 'float32', data: new Float32Array([1.5]) },
        { shape: [], dtype: 'float32', data: new Float32Array([-4]) },
      ],
    );
    expect(scalars).toEqual({ kernel: [-6], decomposed: [-6] });
  });
});
