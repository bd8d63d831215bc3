import fc from 'fast-check';
import type * as ax from '@addax/core';
import { sizeUpTo } from './shapes.js';

/**
 * `slice` parameters for `shape`: per axis a start and limit with `0 <= start <= limit <= size`
 * (an empty slice one time in six) and a stride of 1 to 3.
 *
 * @example
 * ```ts
 * fc.sample(sliceParamsArb([5]), 1); // e.g. [{ startIndices: [1], limitIndices: [4], strides: [2] }]
 * ```
 */
export function sliceParamsArb(shape: readonly number[]): fc.Arbitrary<ax.SliceParams> {
  const axis = (d: number): fc.Arbitrary<[number, number, number]> =>
    fc.integer({ min: 0, max: d }).chain((start) =>
      fc.tuple(
        fc.constant(start),
        sizeUpTo(d - start).map((n) => start + n),
        fc.integer({ min: 1, max: 3 }),
      ),
    );
  return fc.tuple(...shape.map(axis)).map((axes) => ({
    startIndices: axes.map(([s]) => s),
    limitIndices: axes.map(([, l]) => l),
    strides: axes.map(([, , st]) => st),
  }));
}

/**
 * `pad` configurations for `shape`: per axis `[low, high, interior]` with low and high in
 * `[-2, 2]` (negative crops) and interior in `[0, 2]`, never cropping an axis below size 0.
 *
 * @example
 * ```ts
 * fc.sample(padConfigArb([3]), 1); // e.g. [[[1, -1, 2]]]
 * ```
 */
export function padConfigArb(shape: readonly number[]): fc.Arbitrary<[number, number, number][]> {
  const edge = fc.integer({ min: -2, max: 2 });
  const axis = (d: number): fc.Arbitrary<[number, number, number]> =>
    fc
      .tuple(edge, edge, fc.integer({ min: 0, max: 2 }))
      .filter(([lo, hi, interior]) => lo + hi + d + Math.max(d - 1, 0) * interior >= 0);
  return fc.tuple(...shape.map(axis));
}

/**
 * Slice sizes for `shape` (each at most the axis) and start indices that may fall outside the
 * array (dynamicSlice clamps them).
 *
 * @example
 * ```ts
 * fc.sample(dynamicSliceArb([4]), 1); // e.g. [{ sliceSizes: [2], starts: [5] }]
 * ```
 */
export function dynamicSliceArb(
  shape: readonly number[],
): fc.Arbitrary<{ sliceSizes: number[]; starts: number[] }> {
  return fc.record({
    sliceSizes: fc.tuple(...shape.map(sizeUpTo)),
    starts: fc.tuple(...shape.map((d) => fc.integer({ min: -2, max: d + 2 }))),
  });
}
