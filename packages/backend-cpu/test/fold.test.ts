import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { fold, foldReference, type CombineKind } from '../src/kernels/fold.js';
import { anyValue, typed } from './helpers.js';

/** The steps each dtype's reductions use, with the start value of one of them. */
const CASES: { dtype: ax.DType; kind: CombineKind; init: number }[] = [
  { dtype: 'float32', kind: 'sum', init: 0 },
  { dtype: 'float32', kind: 'prod', init: 1 },
  { dtype: 'float32', kind: 'max', init: -Infinity },
  { dtype: 'float32', kind: 'min', init: Infinity },
  { dtype: 'int32', kind: 'sumInt32', init: 0 },
  { dtype: 'int32', kind: 'prodInt32', init: 1 },
  { dtype: 'int32', kind: 'max', init: -(2 ** 31) },
  { dtype: 'uint32', kind: 'sumUint32', init: 0 },
  { dtype: 'uint32', kind: 'prodUint32', init: 1 },
  { dtype: 'uint32', kind: 'min', init: 2 ** 32 - 1 },
  { dtype: 'bool', kind: 'and', init: 1 },
  { dtype: 'bool', kind: 'or', init: 0 },
  { dtype: 'bool', kind: 'sum', init: 0 },
];

/** A random case, shape (rank 0 to 5, sizes 0 to 4, size-1 axes included), values of its dtype and axes. */
const problem = fc
  .record({
    which: fc.nat({ max: CASES.length - 1 }),
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
    picks: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  })
  .chain(({ which, shape, picks }) => {
    const c = CASES[which]!;
    const size = shape.reduce((a, b) => a * b, 1);
    return fc.record({
      c: fc.constant(c),
      shape: fc.constant(shape),
      axes: fc.constant(shape.map((_, i) => i).filter((i) => picks[i])),
      values: fc.array(anyValue(c.dtype), { minLength: size, maxLength: size }),
    });
  });

describe('fold (the fast reduction loop)', () => {
  it('equals the plain row-major loop bit for bit, over random shapes, axes, dtypes and steps (exact: same order of steps)', () => {
    fc.assert(
      fc.property(problem, ({ c, shape, axes, values }) => {
        const x = { buffer: typed(c.dtype, values), shape, dtype: c.dtype };
        const outSize = shape.filter((_, i) => !axes.includes(i)).reduce((a, b) => a * b, 1);
        const want = globalThis.Array.from(foldReference(x, axes, outSize, c.init, c.kind));
        const got = globalThis.Array.from(fold(x, axes, outSize, c.init, c.kind));
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('sums float32 in float64 along leading, trailing and interleaved axes (exact against the reference)', () => {
    const shape = [3, 5, 2, 7];
    const values = globalThis.Array.from({ length: 210 }, (_, i) => Math.fround(Math.sin(i) * 1e3));
    const x = { buffer: new Float32Array(values), shape, dtype: 'float32' as const };
    for (const axes of [
      [0, 1],
      [2, 3],
      [0, 2],
      [1, 3],
      [0, 1, 2, 3],
    ]) {
      const outSize = shape.filter((_, i) => !axes.includes(i)).reduce((a, b) => a * b, 1);
      expect(fold(x, axes, outSize, 0, 'sum'), `axes ${axes.join(',')}`).toEqual(
        foldReference(x, axes, outSize, 0, 'sum'),
      );
    }
  });
});
