import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { convIm2col, convReference } from '@addax/backend-cpu';
import { maxAbsDiff, onBoth, operand, type Operand } from './linalg-helpers.js';

const { lax } = ax;

beforeEach(() => {
  ax.setBackend('cpu');
});

/** A `[1, 1, n]` signal. */
const signal = (...v: number[]): ax.Array => ax.array([[v]]);

describe('conv, hand-checked', () => {
  const x = signal(1, 2, 3, 4, 5);
  const w = signal(1, 2, 3);

  it('cross-correlates a 1-D signal (no kernel flip)', () => {
    // out[i] = x[i] + 2 x[i+1] + 3 x[i+2]
    expect(lax.conv(x, w, [1], [[0, 0]]).arraySync()).toEqual([[[14, 20, 26]]]);
  });

  it('applies stride and zero padding', () => {
    // padded [0, 1, 2, 3, 4, 5, 0], windows at 0, 2, 4
    expect(lax.conv(x, w, [2], [[1, 1]]).arraySync()).toEqual([[[8, 20, 14]]]);
    // negative padding crops: [2, 3, 4, 5]
    expect(lax.conv(x, w, [1], [[-1, 0]]).arraySync()).toEqual([[[20, 26]]]);
  });

  it('dilates the kernel (rhsDilation) and the input (lhsDilation)', () => {
    // taps at 0, 2, 4: 1 * 1 + 3 * 2 + 5 * 3
    expect(lax.conv(x, w, [1], [[0, 0]], { rhsDilation: [2] }).arraySync()).toEqual([[[22]]]);
    // input [1, 0, 2, 0, 3, 0, 4, 0, 5]
    expect(lax.conv(x, w, [1], [[0, 0]], { lhsDilation: [2] }).arraySync()).toEqual([
      [[7, 4, 11, 6, 15, 8, 19]],
    ]);
  });

  const image = ax.array([
    [
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    ],
  ]);
  const kernel = ax.array([
    [
      [
        [1, 2],
        [3, 4],
      ],
    ],
  ]);

  it('convolves in 2-D with padding and stride', () => {
    expect(
      lax
        .conv(
          image,
          kernel,
          [1, 1],
          [
            [0, 0],
            [0, 0],
          ],
        )
        .arraySync(),
    ).toEqual([
      [
        [
          [37, 47],
          [67, 77],
        ],
      ],
    ]);
    // SAME-style padding for a 2x2 kernel: one zero row and column after.
    expect(
      lax
        .conv(
          image,
          kernel,
          [1, 1],
          [
            [0, 1],
            [0, 1],
          ],
        )
        .arraySync(),
    ).toEqual([
      [
        [
          [37, 47, 21],
          [67, 77, 33],
          [23, 26, 9],
        ],
      ],
    ]);
    expect(
      lax
        .conv(
          image,
          kernel,
          [2, 2],
          [
            [1, 1],
            [1, 1],
          ],
        )
        .arraySync(),
    ).toEqual([
      [
        [
          [4, 18],
          [36, 77],
        ],
      ],
    ]);
  });

  it('reads and writes other layouts through dimensionNumbers (NHWC, HWIO)', () => {
    const nhwc = ax.array([
      [
        [[1], [2], [3]],
        [[4], [5], [6]],
        [[7], [8], [9]],
      ],
    ]);
    const hwio = ax.array([
      [[[1]], [[2]]],
      [[[3]], [[4]]],
    ]);
    const out = lax.conv(
      nhwc,
      hwio,
      [1, 1],
      [
        [0, 0],
        [0, 0],
      ],
      {
        dimensionNumbers: { lhsSpec: [0, 3, 1, 2], rhsSpec: [3, 2, 0, 1], outSpec: [0, 3, 1, 2] },
      },
    );
    expect(out.shape).toEqual([1, 2, 2, 1]);
    expect(out.arraySync()).toEqual([
      [
        [[37], [47]],
        [[67], [77]],
      ],
    ]);
  });

  it('sums input features and maps batch and output features', () => {
    const xs = ax.array([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    const ws = ax.array([
      [[1], [1]],
      [[1], [-1]],
    ]);
    expect(lax.conv(xs, ws, [1], [[0, 0]]).arraySync()).toEqual([
      [
        [4, 6],
        [-2, -2],
      ],
      [
        [12, 14],
        [-2, -2],
      ],
    ]);
  });

  it('splits features into groups (featureGroupCount), depthwise included', () => {
    const xs = ax.array([
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    ]);
    // group 0 reads channels 0-1 with [1, 10]; group 1 reads channels 2-3 with [2, 0]
    const grouped = lax.conv(
      xs,
      ax.array([
        [[1], [10]],
        [[2], [0]],
      ]),
      [1],
      [[0, 0]],
      { featureGroupCount: 2 },
    );
    expect(grouped.arraySync()).toEqual([
      [
        [31, 42],
        [10, 12],
      ],
    ]);
    const depthwise = lax.conv(xs, ax.array([[[1]], [[2]], [[3]], [[4]]]), [1], [[0, 0]], {
      featureGroupCount: 4,
    });
    expect(depthwise.arraySync()).toEqual([
      [
        [1, 2],
        [6, 8],
        [15, 18],
        [28, 32],
      ],
    ]);
  });

  it('computes int32 and uint32 with wrapping', () => {
    const xi = ax.array([[[2 ** 30, 2 ** 30, 3]]], 'int32');
    const wi = ax.array([[[2, 1]]], 'int32');
    // 2 * 2^30 + 2^30 = 3 * 2^30 wraps to -2^30; 2 * 2^30 + 3 wraps to -2^31 + 3
    expect(lax.conv(xi, wi, [1], [[0, 0]]).arraySync()).toEqual([[[-(2 ** 30), -(2 ** 31) + 3]]]);
    const xu = ax.array([[[2 ** 31, 5]]], 'uint32');
    expect(lax.conv(xu, ax.array([[[2, 1]]], 'uint32'), [1], [[0, 0]]).arraySync()).toEqual([[[5]]]);
  });

  it('handles zero-size batch, features and outputs, and no spatial axes', () => {
    expect(lax.conv(ax.zeros([0, 1, 4]), ax.zeros([2, 1, 3]), [1], [[0, 0]]).shape).toEqual([0, 2, 2]);
    expect(lax.conv(ax.zeros([1, 1, 2]), ax.zeros([2, 1, 3]), [1], [[0, 0]]).shape).toEqual([1, 2, 0]);
    expect(lax.conv(ax.zeros([1, 0, 2]), ax.zeros([2, 0, 1]), [1], [[0, 0]]).arraySync()).toEqual([
      [
        [0, 0],
        [0, 0],
      ],
    ]);
    // No spatial axes: x @ w^T
    const plain = lax.conv(
      ax.array([
        [1, 2],
        [3, 4],
      ]),
      ax.array([
        [1, 0],
        [1, 1],
        [0, 2],
      ]),
      [],
      [],
    );
    expect(plain.arraySync()).toEqual([
      [1, 3, 4],
      [3, 7, 8],
    ]);
  });

  it('multiplies padding zeros like values, so 0 * Infinity is NaN (as XLA)', () => {
    const out = lax.conv(signal(1), signal(Infinity, 1), [1], [[1, 0]]).dataSync();
    expect(Number.isNaN(out[0])).toBe(true);
    expect(lax.conv(signal(NaN, 1), signal(1), [1], [[0, 0]]).dataSync()[0]).toBeNaN();
  });
});

describe('conv errors', () => {
  const x = ax.zeros([1, 4, 5]);
  const w = ax.zeros([2, 4, 3]);

  it('names conv, both shapes and the offending sizes', () => {
    expect(() => lax.conv(x, ax.zeros([2, 3, 3]), [1], [[0, 0]])).toThrow(
      /conv: lhs float32\[1, 4, 5\] and rhs float32\[2, 3, 3\]: lhs feature size 4 \(axis 1\) must equal featureGroupCount 1 times the rhs input-feature size 3/,
    );
    expect(() => lax.conv(x, ax.zeros([3, 2, 3]), [1], [[0, 0]], { featureGroupCount: 2 })).toThrow(
      /conv: .*rhs output-feature size 3 \(axis 0\) must be divisible by featureGroupCount 2/,
    );
    expect(() => lax.conv(x, ax.zeros([2, 4]), [1], [[0, 0]])).toThrow(
      /conv: lhs float32\[1, 4, 5\] and rhs float32\[2, 4\] must have one rank/,
    );
    expect(() => lax.conv(x, ax.zeros([2, 4, 0]), [1], [[0, 0]])).toThrow(
      /conv: .*kernel's spatial sizes \[0\] must be positive/,
    );
    expect(() => lax.conv(x, ax.zeros([2, 4, 0]), [1], [[0, 0]])).toThrow(ax.ShapeError);
  });

  it('names the parameter that is malformed', () => {
    expect(() => lax.conv(x, w, [1, 1], [[0, 0]])).toThrow(
      /conv: windowStrides must have 1 entries, got \[1, 1\]/,
    );
    expect(() => lax.conv(x, w, [0], [[0, 0]])).toThrow(/conv: windowStrides \[0\] must hold integers >= 1/);
    expect(() => lax.conv(x, w, [1], [[0, 0]], { rhsDilation: [0] })).toThrow(/conv: rhsDilation \[0\]/);
    expect(() => lax.conv(x, w, [1], [])).toThrow(/conv: padding must be 1 integer \[low, high\] pairs/);
    expect(() => lax.conv(x, w, [1], [[0, 0]], { featureGroupCount: 0 })).toThrow(
      /conv: featureGroupCount must be a positive integer, got 0/,
    );
    expect(() =>
      lax.conv(x, w, [1], [[0, 0]], {
        dimensionNumbers: { lhsSpec: [0, 1, 1], rhsSpec: [0, 1, 2], outSpec: [0, 1, 2] },
      }),
    ).toThrow(/dimensionNumbers.lhsSpec \[0, 1, 1\] is not a permutation/);
    expect(() => lax.conv(x, w, [1], [[0, 0]], { lhsDilation: [1.5] })).toThrow(ax.ParameterError);
  });

  it('rejects bool and mixed dtypes', () => {
    expect(() => lax.conv(ax.zeros([1, 1, 2], 'bool'), ax.zeros([1, 1, 1], 'bool'), [1], [[0, 0]])).toThrow(
      /conv: lhs bool\[1, 1, 2\] has dtype bool; conv accepts float32, int32, uint32/,
    );
    expect(() => lax.conv(x, ax.zeros([2, 4, 3], 'int32'), [1], [[0, 0]])).toThrow(
      /conv: operands must have equal dtypes/,
    );
  });
});

/** A random conv configuration: operands and the lax.conv call. */
interface ConvCase {
  readonly lhs: Operand;
  readonly rhs: Operand;
  readonly run: (x: ax.Array, y: ax.Array) => ax.Array;
  readonly raw: ax.ConvParams;
}

const convCase = (dtype: ax.DType): fc.Arbitrary<ConvCase> =>
  fc
    .record({
      spatial: fc.integer({ min: 1, max: 2 }),
      batch: fc.integer({ min: 0, max: 2 }),
      groups: fc.integer({ min: 1, max: 2 }),
      groupIn: fc.integer({ min: 1, max: 2 }),
      groupOut: fc.integer({ min: 1, max: 2 }),
      sizes: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 2 }),
      kernel: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
      strides: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
      padding: fc.array(fc.tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 2 })), {
        minLength: 2,
        maxLength: 2,
      }),
      lhsDilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
      rhsDilation: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
      channelsLast: fc.boolean(),
      seed: fc.integer(),
    })
    .map((c) => {
      const n = c.spatial;
      const spatialAxes = globalThis.Array.from({ length: n }, (_, i) => i + 1);
      // channelsLast: NWC / WIO / NWC (spatial first in the kernel); otherwise NCW / OIW / NCW.
      const lhsSpec = c.channelsLast
        ? [0, n + 1, ...spatialAxes]
        : globalThis.Array.from({ length: n + 2 }, (_, i) => i);
      const rhsSpec = c.channelsLast
        ? [n + 1, n, ...spatialAxes.map((a) => a - 1)]
        : globalThis.Array.from({ length: n + 2 }, (_, i) => i);
      const place = (spec: number[], canonical: number[]): number[] => {
        const shape = canonical.map(() => 0);
        spec.forEach((axis, i) => {
          shape[axis] = canonical[i]!;
        });
        return shape;
      };
      const lo = dtype === 'float32' ? -1 : -50;
      const hi = dtype === 'float32' ? 1 : 50;
      const lhs = operand(
        place(lhsSpec, [c.batch, c.groups * c.groupIn, ...c.sizes.slice(0, n)]),
        dtype,
        c.seed,
        lo,
        hi,
      );
      const rhs = operand(
        place(rhsSpec, [c.groups * c.groupOut, c.groupIn, ...c.kernel.slice(0, n)]),
        dtype,
        c.seed + 1,
        lo,
        hi,
      );
      const raw: ax.ConvParams = {
        windowStrides: c.strides.slice(0, n),
        padding: c.padding.slice(0, n),
        lhsDilation: c.lhsDilation.slice(0, n),
        rhsDilation: c.rhsDilation.slice(0, n),
        dimensionNumbers: { lhsSpec, rhsSpec, outSpec: lhsSpec },
        featureGroupCount: c.groups,
      };
      const run = (x: ax.Array, y: ax.Array): ax.Array =>
        lax.conv(x, y, raw.windowStrides, raw.padding, {
          lhsDilation: raw.lhsDilation,
          rhsDilation: raw.rhsDilation,
          dimensionNumbers: raw.dimensionNumbers,
          featureGroupCount: raw.featureGroupCount,
        });
      return { lhs, rhs, run, raw };
    });

describe('conv kernel vs its decomposition', () => {
  // Values uniform in [-1, 1), at most 2 * 9 summed terms. The kernel sums in float64 and rounds
  // once; the decomposition rounds each kernel tap's partial sum to float32 and adds those in
  // float32, an error of a few ulp of values below 18: tolerance 1e-5 absolute.
  it('agrees on random strides, padding, dilations, groups and layouts (float32, tol 1e-5)', () => {
    fc.assert(
      fc.property(convCase('float32'), ({ lhs, rhs, run }) => {
        const { kernel, decomposed } = onBoth((x, y) => run(x!, y!), [lhs, rhs]);
        expect(kernel.length).toBe(decomposed.length);
        expect(maxAbsDiff(kernel, decomposed)).toBeLessThanOrEqual(1e-5);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees exactly on int32 (integers in [-50, 50])', () => {
    fc.assert(
      fc.property(convCase('int32'), ({ lhs, rhs, run }) => {
        const { kernel, decomposed } = onBoth((x, y) => run(x!, y!), [lhs, rhs]);
        expect(kernel).toEqual(decomposed);
      }),
      { numRuns: 30 },
    );
  });
});

describe('conv fast path (im2col + blocked matmul) vs the reference loop', () => {
  // Both sum each output in float64 over (input feature, kernel position) ascending and round
  // once, so the results must be bit-identical: tolerance 0, values uniform in [-1, 1).
  it('is bit-identical on random configurations', () => {
    fc.assert(
      fc.property(convCase('float32'), ({ lhs, rhs, raw }) => {
        const avals = [new ax.ShapeDtype(lhs.shape, 'float32'), new ax.ShapeDtype(rhs.shape, 'float32')];
        const params = lax.convP.params!(raw, avals);
        const [out] = lax.convP.abstractEval(avals, params);
        const args = [lhs, rhs].map((o) => ({
          buffer: o.data as Float32Array,
          shape: o.shape,
          dtype: o.dtype,
        }));
        const fast = convIm2col(args[0]!, args[1]!, params, out!);
        const reference = convReference(args[0]!, args[1]!, params, out!);
        expect(globalThis.Array.from(fast)).toEqual(globalThis.Array.from(reference));
      }),
      { numRuns: 100 },
    );
  });
});
