import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { expectKernelMatchesDecomposition, grid, registerCpuMin, runOn } from './helpers.js';

registerCpuMin();

beforeEach(() => {
  ax.setBackend('cpu');
});

const { lax } = ax;

const ints = (v: number[][]): ax.Array => ax.array(v, 'int32');

const rows = { offsetDims: [1], collapsedSliceDims: [0], startIndexMap: [0], sliceSizes: [1, 4] };

describe('gather', () => {
  it('takes rows, columns, points and windows', () => {
    expect(lax.gather(grid(), ints([[2], [0]]), rows).arraySync()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
    ]);
    // Columns 3 and 0: the batch axis lands after the offset axis.
    const columns = { offsetDims: [0], collapsedSliceDims: [1], startIndexMap: [1], sliceSizes: [3, 1] };
    expect(lax.gather(grid(), ints([[3], [0]]), columns).arraySync()).toEqual([
      [3, 0],
      [7, 4],
      [11, 8],
    ]);
    const points = { offsetDims: [], collapsedSliceDims: [0, 1], startIndexMap: [0, 1], sliceSizes: [1, 1] };
    expect(
      lax
        .gather(
          grid(),
          ints([
            [0, 1],
            [2, 0],
          ]),
          points,
        )
        .arraySync(),
    ).toEqual([1, 8]);
    const windows = { offsetDims: [1, 2], collapsedSliceDims: [], startIndexMap: [0, 1], sliceSizes: [2, 2] };
    expect(lax.gather(grid(), ints([[1, 1]]), windows).arraySync()).toEqual([
      [
        [5, 6],
        [9, 10],
      ],
    ]);
  });

  it('maps index-vector entries through startIndexMap and accepts uint32 indices', () => {
    const swapped = { offsetDims: [], collapsedSliceDims: [0, 1], startIndexMap: [1, 0], sliceSizes: [1, 1] };
    expect(lax.gather(grid(), ints([[3, 2]]), swapped).arraySync()).toEqual([11]);
    expect(lax.gather(grid(), ax.array([[1]], 'uint32'), rows).arraySync()).toEqual([[4, 5, 6, 7]]);
  });

  it('clamps starts so the slice fits in clip mode', () => {
    expect(lax.gather(grid(), ints([[5], [-1]]), { ...rows, mode: 'clip' }).arraySync()).toEqual([
      [8, 9, 10, 11],
      [0, 1, 2, 3],
    ]);
    // A two-row window starting at row 2 is moved back to row 1.
    const window = {
      offsetDims: [1, 2],
      collapsedSliceDims: [],
      startIndexMap: [0],
      sliceSizes: [2, 4],
      mode: 'clip' as const,
    };
    expect(lax.gather(grid(), ints([[2]]), window).arraySync()).toEqual([
      [
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
    ]);
  });

  it('fills whole out-of-range slices in fill mode, the default, with the dtype default or fillValue', () => {
    const nan = [NaN, NaN, NaN, NaN];
    expect(lax.gather(grid(), ints([[3], [1], [-1]]), rows).arraySync()).toEqual([nan, [4, 5, 6, 7], nan]);
    // Row 2 exists, but the two-row window starting there does not fit: all of it is filled.
    const window = { offsetDims: [1, 2], collapsedSliceDims: [], startIndexMap: [0], sliceSizes: [2, 4] };
    expect(lax.gather(grid(), ints([[2]]), window).arraySync()).toEqual([[nan, nan]]);
    const one = { offsetDims: [], collapsedSliceDims: [0], startIndexMap: [0], sliceSizes: [1] };
    expect(lax.gather(ax.array([1, 2], 'int32'), ints([[2]]), one).arraySync()).toEqual([-2147483648]);
    expect(lax.gather(ax.array([1, 2], 'uint32'), ints([[2]]), one).arraySync()).toEqual([4294967295]);
    expect(lax.gather(ax.array([false]), ints([[1]]), one).arraySync()).toEqual([true]);
    expect(lax.gather(ax.array([1, 2]), ints([[-1], [0]]), { ...one, fillValue: -0 }).arraySync()).toEqual([
      -0, 1,
    ]);
  });

  it('handles empty index batches and scalar operands', () => {
    expect(lax.gather(grid(), ax.zeros([0, 1], 'int32'), rows).shape).toEqual([0, 4]);
    const whole = { offsetDims: [], collapsedSliceDims: [], startIndexMap: [], sliceSizes: [] };
    expect(lax.gather(ax.scalar(7), ax.zeros([0], 'int32'), whole).arraySync()).toBe(7);
  });

  it('names the parameter and the shapes when the dimension numbers are wrong', () => {
    const idx = ints([[0]]);
    expect(() => lax.gather(grid(), ax.array([[0]]), rows)).toThrow(
      /gather: indices float32\[1, 1\] must have dtype int32/,
    );
    expect(() => lax.gather(grid(), ax.scalar(0, 'int32'), rows)).toThrow(
      /gather: indices int32\[\] need at least one axis/,
    );
    expect(() => lax.gather(grid(), ints([[0, 0]]), rows)).toThrow(
      /gather: startIndexMap \[0\] must have one entry per element of an index vector .*int32\[1, 2\]/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, startIndexMap: [2] })).toThrow(
      /gather: startIndexMap \[2\] must be distinct axes of the operand float32\[3, 4\]/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, sliceSizes: [1, 5] })).toThrow(
      /gather: sliceSizes \[1, 5\]/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, sliceSizes: [2, 4], offsetDims: [1] })).toThrow(
      /gather: collapsedSliceDims \[0\] may only collapse axes of slice size 1, but sliceSizes\[0\] is 2/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, offsetDims: [0, 1] })).toThrow(
      /gather: offsetDims \[0, 1\] must have one entry per axis/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, offsetDims: [2] })).toThrow(
      /gather: offsetDims \[2\] must be strictly increasing axes of the rank-2 output/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, collapsedSliceDims: [0, 0] })).toThrow(
      /gather: collapsedSliceDims \[0, 0\]/,
    );
    expect(() => lax.gather(grid(), idx, { ...rows, mode: 'wrap' as 'clip' })).toThrow(/gather: mode "wrap"/);
    expect(() =>
      lax.gather(ax.array([1], 'int32'), idx, { ...rows, sliceSizes: [1], offsetDims: [], fillValue: 0.5 }),
    ).toThrow(/gather: fillValue 0.5 does not fit the dtype of the operand int32\[1\]/);
  });
});

const scalarUpdates = { updateWindowDims: [], insertedWindowDims: [0], scatterDimsToOperandDims: [0] };

describe('scatterAdd', () => {
  it('adds updates at indices, duplicates accumulating', () => {
    expect(
      lax.scatterAdd(ax.zeros([4]), ints([[1], [1], [3]]), ax.array([1, 1, 5]), scalarUpdates).arraySync(),
    ).toEqual([0, 2, 0, 5]);
    const rowUpdates = { updateWindowDims: [1], insertedWindowDims: [0], scatterDimsToOperandDims: [0] };
    const updates = ax.array([
      [1, 2],
      [3, 4],
      [10, 20],
    ]);
    expect(lax.scatterAdd(ax.ones([3, 2]), ints([[0], [2], [0]]), updates, rowUpdates).arraySync()).toEqual([
      [12, 23],
      [1, 1],
      [4, 5],
    ]);
  });

  it('drops out-of-range windows in fill mode (the default) and clamps them in clip mode', () => {
    const idx = ints([[1], [4], [-1]]);
    expect(lax.scatterAdd(ax.zeros([4]), idx, ax.array([1, 2, 3]), scalarUpdates).arraySync()).toEqual([
      0, 1, 0, 0,
    ]);
    expect(
      lax.scatterAdd(ax.zeros([4]), idx, ax.array([1, 2, 3]), { ...scalarUpdates, mode: 'clip' }).arraySync(),
    ).toEqual([3, 1, 0, 2]);
    // A window of two starting at 3 does not fit in 4: dropped whole, or moved to start at 2.
    const pairs = { updateWindowDims: [1], insertedWindowDims: [], scatterDimsToOperandDims: [0] };
    expect(lax.scatterAdd(ax.zeros([4]), ints([[3]]), ax.array([[1, 1]]), pairs).arraySync()).toEqual([
      0, 0, 0, 0,
    ]);
    expect(
      lax.scatterAdd(ax.zeros([4]), ints([[3]]), ax.array([[1, 1]]), { ...pairs, mode: 'clip' }).arraySync(),
    ).toEqual([0, 0, 1, 1]);
  });

  it('wraps int32 and uint32 sums', () => {
    const one = ints([[0]]);
    expect(
      lax.scatterAdd(ax.array([2147483647], 'int32'), one, ax.array([1], 'int32'), scalarUpdates).arraySync(),
    ).toEqual([-2147483648]);
    expect(
      lax
        .scatterAdd(ax.array([4294967295], 'uint32'), one, ax.array([1], 'uint32'), scalarUpdates)
        .arraySync(),
    ).toEqual([0]);
  });

  it('leaves the operand as it is for empty updates', () => {
    expect(
      lax.scatterAdd(ax.array([1, 2]), ax.zeros([0, 1], 'int32'), ax.zeros([0]), scalarUpdates).arraySync(),
    ).toEqual([1, 2]);
  });

  it('names the parameter and the shapes when the dimension numbers are wrong', () => {
    const x = ax.zeros([4]);
    const idx = ints([[1], [2]]);
    expect(() => lax.scatterAdd(ax.array([true]), ints([[0]]), ax.array([true]), scalarUpdates)).toThrow(
      /scatterAdd: operand bool\[1\] and updates bool\[1\] must share one of the dtypes float32, int32, uint32/,
    );
    expect(() => lax.scatterAdd(x, idx, ax.array([1, 2], 'int32'), scalarUpdates)).toThrow(
      /scatterAdd: operand float32\[4\]/,
    );
    expect(() => lax.scatterAdd(x, idx, ax.array([1, 2, 3]), scalarUpdates)).toThrow(
      /scatterAdd: the scatter axes of updates float32\[3\] .* must match the index batch shape \[2\]/,
    );
    expect(() =>
      lax.scatterAdd(x, ints([[0]]), ax.zeros([1, 5]), {
        ...scalarUpdates,
        updateWindowDims: [1],
        insertedWindowDims: [],
      }),
    ).toThrow(
      /scatterAdd: updates float32\[1, 5\] axis 1 \(a window of size 5\) is larger than axis 0 of the operand float32\[4\]/,
    );
    expect(() => lax.scatterAdd(x, idx, ax.zeros([2]), { ...scalarUpdates, insertedWindowDims: [] })).toThrow(
      /scatterAdd: updateWindowDims \[\] must have one entry per axis of the operand float32\[4\] not in insertedWindowDims \[\]/,
    );
    expect(() =>
      lax.scatterAdd(x, idx, ax.zeros([2]), { ...scalarUpdates, scatterDimsToOperandDims: [1] }),
    ).toThrow(/scatterAdd: scatterDimsToOperandDims \[1\] must be distinct axes/);
  });
});

describe('dynamicSlice', () => {
  it('slices at run-time starts, clamped so the slice fits', () => {
    expect(lax.dynamicSlice(ax.arange(5), [ax.scalar(1, 'int32')], [2]).arraySync()).toEqual([1, 2]);
    expect(lax.dynamicSlice(ax.arange(5), [ax.scalar(4, 'int32')], [2]).arraySync()).toEqual([3, 4]);
    expect(lax.dynamicSlice(ax.arange(5), [-2], [2]).arraySync()).toEqual([0, 1]);
    const expected = [
      [6, 7],
      [10, 11],
    ];
    expect(lax.dynamicSlice(grid(), [1, 2], [2, 2]).arraySync()).toEqual(expected);
    expect(lax.dynamicSlice(grid(), [2, 3], [2, 2]).arraySync()).toEqual(expected);
  });

  it('handles scalars and empty slices', () => {
    expect(lax.dynamicSlice(ax.scalar(5), [], []).arraySync()).toBe(5);
    expect(lax.dynamicSlice(ax.arange(3), [1], [0]).shape).toEqual([0]);
  });

  it('rejects the wrong number or dtype of starts and oversized slices', () => {
    expect(() => lax.dynamicSlice(grid(), [0], [1, 1])).toThrow(
      /dynamicSlice: got 1 start indices for the 2 axes of float32\[3, 4\]/,
    );
    expect(() => lax.dynamicSlice(grid(), [0, ax.scalar(1)], [1, 1])).toThrow(
      /dynamicSlice: start index 1 must be an int32 scalar, got float32\[\]/,
    );
    expect(() => lax.dynamicSlice(grid(), [0, 0], [4, 1])).toThrow(/dynamicSlice: sliceSizes \[4, 1\]/);
  });

  it('matches its decomposition exactly', () => {
    expectKernelMatchesDecomposition(() => lax.dynamicSlice(grid(), [2, -1], [2, 3]));
    expectKernelMatchesDecomposition(() => lax.dynamicSlice(ax.array([-0, NaN, 1]), [1], [2]));
    expectKernelMatchesDecomposition(() => lax.dynamicSlice(ax.scalar(3, 'int32'), [], []));
  });
});

describe('dynamicUpdateSlice', () => {
  it('writes the update at run-time starts, clamped so it fits', () => {
    expect(lax.dynamicUpdateSlice(ax.zeros([4]), ax.ones([2]), [1]).arraySync()).toEqual([0, 1, 1, 0]);
    expect(lax.dynamicUpdateSlice(ax.zeros([4]), ax.ones([2]), [3]).arraySync()).toEqual([0, 0, 1, 1]);
    expect(lax.dynamicUpdateSlice(ax.zeros([4]), ax.ones([2]), [ax.scalar(-5, 'int32')]).arraySync()).toEqual(
      [1, 1, 0, 0],
    );
    expect(lax.dynamicUpdateSlice(grid(), ax.array([[-1, -2]]), [2, 1]).arraySync()).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, -1, -2, 11],
    ]);
    expect(lax.dynamicUpdateSlice(ax.scalar(1), ax.scalar(2), []).arraySync()).toBe(2);
  });

  it('rejects mismatched dtypes, oversized updates and bad starts', () => {
    expect(() => lax.dynamicUpdateSlice(ax.zeros([2]), ax.ones([1], 'int32'), [0])).toThrow(
      /dynamicUpdateSlice: update int32\[1\] must have the dtype of the operand float32\[2\]/,
    );
    expect(() => lax.dynamicUpdateSlice(ax.zeros([2]), ax.ones([3]), [0])).toThrow(
      /dynamicUpdateSlice: update float32\[3\] .* fit inside/,
    );
    expect(() => lax.dynamicUpdateSlice(ax.zeros([2]), ax.ones([1]), [])).toThrow(
      /dynamicUpdateSlice: got 0 start indices/,
    );
  });

  it('matches its decomposition exactly, copying -0 and NaN and bool values', () => {
    const f = (): ax.Array => lax.dynamicUpdateSlice(ax.array([1, 2, 3]), ax.array([-0, NaN]), [1]);
    expect(runOn('cpu-min', f)).toEqual([1, -0, NaN]);
    expectKernelMatchesDecomposition(f);
    expectKernelMatchesDecomposition(() =>
      lax.dynamicUpdateSlice(ax.array([true, false, true]), ax.array([false, true]), [0]),
    );
    expectKernelMatchesDecomposition(() =>
      lax.dynamicUpdateSlice(ax.ones([3, 2], 'uint32'), ax.zeros([2, 1], 'uint32'), [5, 1]),
    );
  });
});

describe('dynamic slices against decompositions, property-based', () => {
  // A 2-D float32 operand (dims 0-4) of values from the whole float32 range incl. NaN, +-Infinity
  // and -0; starts in [-6, 6] (clamping exercised); kernel and decomposition agree exactly (tolerance 0).
  const operand = fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
    .chain(([r, c]) =>
      fc.tuple(fc.constant([r, c]), fc.array(fc.float(), { minLength: r * c, maxLength: r * c })),
    );
  const start = fc.integer({ min: -6, max: 6 });

  it('dynamicSlice and dynamicUpdateSlice agree with their decompositions', () => {
    fc.assert(
      fc.property(operand, start, start, fc.nat(), fc.nat(), ([shape, v], s0, s1, n0, n1) => {
        const sizes = shape.map((d, a) => [n0, n1][a]! % (d + 1));
        const x = (): ax.Array => ax.array(new Float32Array(v), { shape });
        expectKernelMatchesDecomposition(() => lax.dynamicSlice(x(), [s0, s1], sizes));
        const update = (): ax.Array => ax.full(sizes, -0);
        expectKernelMatchesDecomposition(() => lax.dynamicUpdateSlice(x(), update(), [s0, s1]));
      }),
      { numRuns: 60 },
    );
  });
});
