import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { expectKernelMatchesDecomposition, grid, registerCpuMin, runOn } from './helpers.js';

registerCpuMin();

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

describe('broadcastInDim', () => {
  it('repeats along new and size-1 axes', () => {
    expect(lax.broadcastInDim(ax.array([1, 2]), [2, 2], [1]).arraySync()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(lax.broadcastInDim(ax.array([[1], [2]]), [2, 3], [0, 1]).arraySync()).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
  });
});

describe('transpose', () => {
  it('permutes axes', () => {
    expect(lax.transpose(grid(), [1, 0]).arraySync()).toEqual([
      [0, 4, 8],
      [1, 5, 9],
      [2, 6, 10],
      [3, 7, 11],
    ]);
    // out[i][j][k] = x[j][k][i] = 12j + 4k + i for x = arange(24) of shape [2, 3, 4].
    const t = lax.transpose(lax.reshape(ax.arange(24), [2, 3, 4]), [2, 0, 1]);
    expect(t.shape).toEqual([4, 2, 3]);
    const v = t.arraySync() as number[][][];
    expect(v[1]![1]![2]).toBe(21);
    expect(v[3]![0]![1]).toBe(7);
    expect(v[0]![1]![0]).toBe(12);
  });

  it('handles scalars and zero-size arrays', () => {
    expect(lax.transpose(ax.scalar(5), []).arraySync()).toBe(5);
    expect(lax.transpose(ax.zeros([0, 3]), [1, 0]).shape).toEqual([3, 0]);
  });

  it('names transpose, the permutation and the shape for a bad permutation', () => {
    expect(() => lax.transpose(grid(), [0, 0])).toThrow(/transpose: permutation \[0, 0\].*float32\[3, 4\]/);
    expect(() => lax.transpose(grid(), [0])).toThrow(/transpose: permutation \[0\]/);
    expect(() => lax.transpose(grid(), [1, 2])).toThrow(ax.ParameterError);
  });
});

describe('slice', () => {
  it('takes strided ranges', () => {
    expect(lax.slice(ax.arange(10), [1], [8], [3]).arraySync()).toEqual([1, 4, 7]);
    expect(lax.slice(ax.arange(10), [1], [9], [3]).arraySync()).toEqual([1, 4, 7]);
    expect(lax.slice(grid(), [0, 1], [3, 4], [2, 2]).arraySync()).toEqual([
      [1, 3],
      [9, 11],
    ]);
    expect(lax.slice(grid(), [1, 0], [2, 4]).arraySync()).toEqual([[4, 5, 6, 7]]);
  });

  it('gives empty slices and slices scalars', () => {
    expect(lax.slice(ax.arange(10), [2], [2]).shape).toEqual([0]);
    expect(lax.slice(ax.zeros([0, 2]), [0, 1], [0, 2]).shape).toEqual([0, 1]);
    expect(lax.slice(ax.scalar(3), [], []).arraySync()).toBe(3);
  });

  it('rejects out-of-range bounds and non-positive strides, naming them', () => {
    expect(() => lax.slice(grid(), [2, 0], [1, 4])).toThrow(
      /slice: startIndices \[2, 0\] and limitIndices \[1, 4\]/,
    );
    expect(() => lax.slice(grid(), [0, 0], [3, 5])).toThrow(/axis 1: 0, 5, size 4/);
    expect(() => lax.slice(grid(), [0], [3])).toThrow(
      /slice: startIndices \[0\] must give one integer per axis/,
    );
    expect(() => lax.slice(grid(), [0, 0], [3, 4], [1, 0])).toThrow(
      /slice: strides \[1, 0\] must be positive/,
    );
  });
});

describe('pad', () => {
  it('pads low, high and interior, and crops with negative low/high', () => {
    expect(lax.pad(ax.array([1, 2, 3]), ax.scalar(0), [[1, -1, 1]]).arraySync()).toEqual([0, 1, 0, 2, 0]);
    expect(lax.pad(ax.array([1, 2, 3]), ax.scalar(9), [[-1, 2, 0]]).arraySync()).toEqual([2, 3, 9, 9]);
    expect(
      lax
        .pad(
          ax.array([
            [1, 2],
            [3, 4],
          ]),
          ax.scalar(-1),
          [
            [1, 0, 0],
            [0, 1, 1],
          ],
        )
        .arraySync(),
    ).toEqual([
      [-1, -1, -1, -1],
      [1, -1, 2, -1],
      [3, -1, 4, -1],
    ]);
  });

  it('crops to empty, pads empty arrays and scalars', () => {
    expect(lax.pad(ax.array([1, 2, 3]), ax.scalar(0), [[-2, -1, 0]]).shape).toEqual([0]);
    expect(lax.pad(ax.zeros([0]), ax.scalar(7), [[2, 1, 3]]).arraySync()).toEqual([7, 7, 7]);
    expect(lax.pad(ax.scalar(5), ax.scalar(0), []).arraySync()).toBe(5);
  });

  it('keeps the padding value exactly (-0, NaN) and works on int32 and bool', () => {
    expect(lax.pad(ax.array([1]), ax.scalar(-0), [[1, 0, 0]]).arraySync()).toEqual([-0, 1]);
    expect(lax.pad(ax.array([1]), ax.scalar(NaN), [[0, 1, 0]]).arraySync()).toEqual([1, NaN]);
    expect(lax.pad(ax.array([-5], 'int32'), ax.scalar(7, 'int32'), [[1, 1, 0]]).arraySync()).toEqual([
      7, -5, 7,
    ]);
    expect(lax.pad(ax.array([true]), ax.scalar(false), [[0, 1, 0]]).arraySync()).toEqual([true, false]);
  });

  it('rejects a non-scalar or mistyped padding value and bad configs', () => {
    const x = ax.array([1, 2]);
    expect(() => lax.pad(x, ax.array([0]), [[0, 0, 0]])).toThrow(
      /pad: the padding value must be a scalar, got float32\[1\]/,
    );
    expect(() => lax.pad(x, ax.scalar(0, 'int32'), [[0, 0, 0]])).toThrow(/pad: the padding value int32\[\]/);
    expect(() => lax.pad(x, ax.scalar(0), [])).toThrow(/pad: config \[\] must give \[low, high, interior\]/);
    expect(() => lax.pad(x, ax.scalar(0), [[0, 0, -1]])).toThrow(/pad: config \[\[0, 0, -1\]\] axis 0/);
    expect(() => lax.pad(x, ax.scalar(0), [[-2, -1, 0]])).toThrow(/pad: .*negative size -1/);
  });
});

describe('concatenate', () => {
  const a = (): ax.Array =>
    ax.array([
      [1, 2],
      [3, 4],
    ]);

  it('joins along an axis, negative axes counting from the end', () => {
    const expected = [
      [1, 2, 5],
      [3, 4, 6],
    ];
    expect(lax.concatenate([a(), ax.array([[5], [6]])], 1).arraySync()).toEqual(expected);
    expect(lax.concatenate([a(), ax.array([[5], [6]])], -1).arraySync()).toEqual(expected);
    expect(lax.concatenate([ax.array([[0, 9]]), a()], 0).arraySync()).toEqual([
      [0, 9],
      [1, 2],
      [3, 4],
    ]);
  });

  it('skips zero-size operands and takes a single operand', () => {
    expect(lax.concatenate([ax.zeros([0, 2]), ax.array([[1, 2]])], 0).arraySync()).toEqual([[1, 2]]);
    expect(lax.concatenate([ax.array([1, 2])], 0).arraySync()).toEqual([1, 2]);
  });

  it('rejects mixed dtypes, mismatched shapes and bad dimensions', () => {
    expect(() => lax.concatenate([a(), ax.array([[1]], 'int32')], 1)).toThrow(
      /concatenate: operands must share one dtype/,
    );
    expect(() => lax.concatenate([a(), ax.array([[1, 2, 3]])], 1)).toThrow(
      /concatenate: .*except on dimension 1, got float32\[2, 2\], float32\[1, 3\]/,
    );
    expect(() => lax.concatenate([a()], 2)).toThrow(/concatenate: dimension 2 is out of range/);
    expect(() => lax.concatenate([ax.scalar(1), ax.scalar(2)], 0)).toThrow(/concatenate: dimension 0/);
    expect(() => lax.concatenate([], 0)).toThrow(/concatenate: needs at least one operand/);
  });

  it('matches its decomposition exactly, keeping -0 and NaN', () => {
    const f = (): ax.Array =>
      lax.concatenate([ax.array([-0, NaN]), ax.array([1]), ax.array([-Infinity, -0])], 0);
    expect(runOn('cpu-min', f)).toEqual([-0, NaN, 1, -Infinity, -0]);
    expectKernelMatchesDecomposition(f);
    expectKernelMatchesDecomposition(() =>
      lax.concatenate(
        [
          ax.array([[true], [false]]),
          ax.array([
            [false, true],
            [true, true],
          ]),
        ],
        1,
      ),
    );
    expectKernelMatchesDecomposition(() =>
      lax.concatenate([ax.zeros([2, 0], 'int32'), ax.ones([2, 3], 'int32')], 1),
    );
  });
});

describe('rev', () => {
  const x = (): ax.Array =>
    ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);

  it('reverses the given axes', () => {
    expect(lax.rev(x(), [1]).arraySync()).toEqual([
      [3, 2, 1],
      [6, 5, 4],
    ]);
    expect(lax.rev(x(), [0, -1]).arraySync()).toEqual([
      [6, 5, 4],
      [3, 2, 1],
    ]);
    expect(lax.rev(x(), []).arraySync()).toEqual(x().arraySync());
    expect(lax.rev(ax.scalar(2), []).arraySync()).toBe(2);
    expect(lax.rev(ax.zeros([0, 2]), [0, 1]).shape).toEqual([0, 2]);
  });

  it('rejects axes out of range or repeated', () => {
    expect(() => lax.rev(x(), [2])).toThrow(/rev: dimensions 2 is out of range for an array of rank 2/);
    expect(() => lax.rev(x(), [1, -1])).toThrow(/rev: dimensions \[1, -1\] contains a repeated axis/);
  });

  it('matches its decomposition exactly', () => {
    expectKernelMatchesDecomposition(() =>
      lax.rev(
        ax.array([
          [-0, NaN, 1],
          [Infinity, 2, -3],
        ]),
        [0, 1],
      ),
    );
    expectKernelMatchesDecomposition(() => lax.rev(lax.reshape(ax.arange(24), [2, 3, 4]), [2, 0]));
    expectKernelMatchesDecomposition(() => lax.rev(ax.array([true, false, false]), [0]));
  });
});

describe('iota', () => {
  it('counts along one axis', () => {
    expect(lax.iota('int32', [2, 3], 1).arraySync()).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(lax.iota('uint32', [2, 3], 0).arraySync()).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect(lax.iota('float32', [4], -1).arraySync()).toEqual([0, 1, 2, 3]);
    expect(lax.iota('int32', [0], 0).shape).toEqual([0]);
  });

  it('rejects bool, a dimension out of range and scalar shapes', () => {
    expect(() => lax.iota('bool', [3], 0)).toThrow(/iota: dtype bool is not supported/);
    expect(() => lax.iota('int32', [3], 1)).toThrow(
      /iota: dimension 1 is out of range for an array of rank 1/,
    );
    expect(() => lax.iota('int32', [], 0)).toThrow(/iota: dimension 0/);
  });
});

describe('kernels against decompositions, property-based', () => {
  // Shapes of rank 1-3 with dims 0-3; float32 values from the whole range, NaN, +-Infinity and -0
  // included; kernels and decompositions must agree exactly (tolerance 0).
  const shape = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 });
  const values = (n: number): fc.Arbitrary<number[]> => fc.array(fc.float(), { minLength: n, maxLength: n });
  const size = (s: readonly number[]): number => s.reduce((p, d) => p * d, 1);
  const withValues = (s: number[]): fc.Arbitrary<[number[], number[]]> => values(size(s)).map((v) => [s, v]);

  it('concatenate and rev agree with their decompositions', () => {
    fc.assert(
      fc.property(
        shape.chain(withValues),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        ([s, v], extra, axisSeed) => {
          const axis = axisSeed % s.length;
          const other = s.map((d, a) => (a === axis ? extra : d));
          const w = globalThis.Array.from({ length: size(other) }, (_, i) => (i % 3) - 1 + 0.5);
          expectKernelMatchesDecomposition(() =>
            lax.concatenate(
              [ax.array(new Float32Array(v), { shape: s }), ax.array(new Float32Array(w), { shape: other })],
              axis,
            ),
          );
          expectKernelMatchesDecomposition(() =>
            lax.rev(ax.array(new Float32Array(v), { shape: s }), [axis]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
