import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { maxAbsDiff, onBoth, operand } from './linalg-helpers.js';

const { lax } = ax;

beforeEach(() => {
  ax.setBackend('cpu');
});

const x = ax.array([1, 2, 3, 4, 5]);
const grid = ax.array([
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
  [13, 14, 15, 16],
]);

describe('reduceWindowSum and reduceWindowMax, hand-checked', () => {
  it('slide a window with strides', () => {
    expect(lax.reduceWindowSum(x, { windowDimensions: [2] }).arraySync()).toEqual([3, 5, 7, 9]);
    expect(lax.reduceWindowSum(x, { windowDimensions: [2], windowStrides: [2] }).arraySync()).toEqual([3, 7]);
    expect(lax.reduceWindowMax(x, { windowDimensions: [3], windowStrides: [2] }).arraySync()).toEqual([3, 5]);
  });

  it('pad with 0 for sum and -Infinity for max', () => {
    // padded [p, 1, 2, 3, 4, 5, p], windows at 0, 2, 4
    const opts = { windowDimensions: [3], windowStrides: [2], padding: [[1, 1]] as const };
    expect(lax.reduceWindowSum(ax.array([-1, -2, -3, -4, -5]), opts).arraySync()).toEqual([-3, -9, -9]);
    expect(lax.reduceWindowMax(ax.array([-1, -2, -3, -4, -5]), opts).arraySync()).toEqual([-1, -2, -4]);
    const allPadding = { windowDimensions: [1], padding: [[1, 0]] as const };
    expect(lax.reduceWindowMax(ax.array([1]), allPadding).arraySync()).toEqual([-Infinity, 1]);
    expect(lax.reduceWindowMax(ax.array([1], 'int32'), allPadding).arraySync()).toEqual([-(2 ** 31), 1]);
    expect(lax.reduceWindowMax(ax.array([1], 'uint32'), allPadding).arraySync()).toEqual([0, 1]);
  });

  it('dilate the base (holes count as padding) and the window', () => {
    // base [1, h, 2, h, 3]
    const base = { windowDimensions: [2], baseDilation: [2] };
    expect(lax.reduceWindowSum(ax.array([1, 2, 3]), base).arraySync()).toEqual([1, 2, 2, 3]);
    expect(lax.reduceWindowMax(ax.array([-1, -2, -3]), base).arraySync()).toEqual([-1, -2, -2, -3]);
    // taps i and i + 2
    const dilated = { windowDimensions: [2], windowDilation: [2] };
    expect(lax.reduceWindowSum(x, dilated).arraySync()).toEqual([4, 6, 8]);
    expect(lax.reduceWindowMax(ax.array([5, 1, 2, 4, 3]), dilated).arraySync()).toEqual([5, 4, 3]);
  });

  it('pool 2x2 windows of a 2-D array', () => {
    const opts = { windowDimensions: [2, 2], windowStrides: [2, 2] };
    expect(lax.reduceWindowMax(grid, opts).arraySync()).toEqual([
      [6, 8],
      [14, 16],
    ]);
    expect(lax.reduceWindowSum(grid, opts).arraySync()).toEqual([
      [14, 22],
      [46, 54],
    ]);
    expect(lax.reduceWindowSum(grid, { windowDimensions: [4, 1] }).arraySync()).toEqual([[28, 32, 36, 40]]);
  });

  it('propagate NaN in max and order -0 below 0', () => {
    expect(lax.reduceWindowMax(ax.array([1, NaN, 2]), { windowDimensions: [2] }).dataSync()).toEqual(
      new Float32Array([NaN, NaN]),
    );
    expect(Object.is(lax.reduceWindowMax(ax.array([-0, 0]), { windowDimensions: [2] }).item(), 0)).toBe(true);
    expect(lax.reduceWindowSum(ax.array([Infinity, -Infinity]), { windowDimensions: [2] }).item()).toBeNaN();
  });

  it('wrap int32 and uint32 sums', () => {
    expect(lax.reduceWindowSum(ax.array([2 ** 31 - 1, 1], 'int32'), { windowDimensions: [2] }).item()).toBe(
      -(2 ** 31),
    );
    expect(lax.reduceWindowSum(ax.array([2 ** 32 - 1, 2], 'uint32'), { windowDimensions: [2] }).item()).toBe(
      1,
    );
    expect(lax.reduceWindowMax(ax.array([2 ** 32 - 1, 2], 'uint32'), { windowDimensions: [2] }).item()).toBe(
      2 ** 32 - 1,
    );
  });

  it('handle zero-size operands and scalars', () => {
    expect(lax.reduceWindowSum(ax.zeros([2, 0]), { windowDimensions: [1, 1] }).shape).toEqual([2, 0]);
    expect(
      lax.reduceWindowSum(ax.zeros([0]), { windowDimensions: [1], padding: [[1, 1]] }).arraySync(),
    ).toEqual([0, 0]);
    expect(
      lax.reduceWindowMax(ax.zeros([0]), { windowDimensions: [1], padding: [[1, 1]] }).arraySync(),
    ).toEqual([-Infinity, -Infinity]);
    expect(lax.reduceWindowSum(ax.zeros([1]), { windowDimensions: [2] }).shape).toEqual([0]);
    expect(lax.reduceWindowMax(ax.scalar(7), { windowDimensions: [] }).arraySync()).toBe(7);
  });

  it('reject malformed parameters and bool, naming the primitive and parameter', () => {
    expect(() => lax.reduceWindowSum(grid, { windowDimensions: [2] })).toThrow(
      /reduceWindowSum: windowDimensions must have 2 entries, got \[2\]/,
    );
    expect(() => lax.reduceWindowMax(x, { windowDimensions: [0] })).toThrow(
      /reduceWindowMax: windowDimensions \[0\] must hold integers >= 1/,
    );
    expect(() => lax.reduceWindowMax(x, { windowDimensions: [1], windowStrides: [0] })).toThrow(
      /reduceWindowMax: windowStrides \[0\]/,
    );
    expect(() => lax.reduceWindowSum(x, { windowDimensions: [1], padding: [[1]] as never })).toThrow(
      /reduceWindowSum: padding must be 1 integer \[low, high\] pairs/,
    );
    expect(() => lax.reduceWindowSum(ax.array([true]), { windowDimensions: [1] })).toThrow(
      /reduceWindowSum: operand bool\[1\] has dtype bool; reduceWindowSum accepts float32, int32, uint32/,
    );
  });
});

const windowCase = fc.record({
  shape: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
  window: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
  strides: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
  padding: fc.array(fc.tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 2 })), {
    minLength: 3,
    maxLength: 3,
  }),
  baseDilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
  windowDilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
  seed: fc.integer(),
});

describe('reduceWindow kernels vs their decompositions', () => {
  for (const dtype of ['float32', 'int32', 'uint32'] as const) {
    // float32 values in [-1, 1), integers in [-1000, 1000] (uint32: [0, 1000]). Max is exact;
    // float32 sums of at most 27 terms differ by the float32 rounding of each partial sum in the
    // decomposition: tolerance 1e-5 absolute. Integer sums are exact.
    it(`agree on random windows (${dtype}; max exact, sum tol ${dtype === 'float32' ? '1e-5' : '0'})`, () => {
      fc.assert(
        fc.property(windowCase, (c) => {
          const n = c.shape.length;
          const lo = dtype === 'float32' ? -1 : dtype === 'int32' ? -1000 : 0;
          const hi = dtype === 'float32' ? 1 : 1000;
          const input = operand(c.shape, dtype, c.seed, lo, hi);
          const opts = {
            windowDimensions: c.window.slice(0, n),
            windowStrides: c.strides.slice(0, n),
            padding: c.padding.slice(0, n),
            baseDilation: c.baseDilation.slice(0, n),
            windowDilation: c.windowDilation.slice(0, n),
          };
          const max = onBoth((v) => lax.reduceWindowMax(v!, opts), [input]);
          expect(max.kernel).toEqual(max.decomposed);
          const sum = onBoth((v) => lax.reduceWindowSum(v!, opts), [input]);
          expect(sum.kernel.length).toBe(sum.decomposed.length);
          expect(maxAbsDiff(sum.kernel, sum.decomposed)).toBeLessThanOrEqual(dtype === 'float32' ? 1e-5 : 0);
        }),
        { numRuns: 50 },
      );
    });
  }
});
