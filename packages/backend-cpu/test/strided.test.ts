import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { pad, padReference } from '../src/kernels/pad.js';
import { copyStrided, copyStridedReference } from '../src/kernels/strided.js';

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 });
const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const iota = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => i + 1);

describe('copyStrided (the fast strided copy)', () => {
  it('equals the plain per-element loop for random shapes and strides (negative, zero and merged axes included; exact)', () => {
    const problem = shapeArb.chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        strides: fc.array(fc.integer({ min: -6, max: 6 }), {
          minLength: shape.length,
          maxLength: shape.length,
        }),
      }),
    );
    fc.assert(
      fc.property(problem, ({ shape, strides }) => {
        // The base puts the lowest offset the walk reaches at 0; the source holds every reachable one.
        const low = shape.reduce((sum, d, a) => sum + Math.min(0, (d - 1) * strides[a]!), 0);
        const high = shape.reduce((sum, d, a) => sum + Math.max(0, (d - 1) * strides[a]!), 0);
        const src = iota(high - low + 1);
        const want = new Float32Array(sizeOf(shape));
        const got = new Float32Array(sizeOf(shape));
        copyStridedReference(src, want, shape, strides, -low);
        copyStrided(src, got, shape, strides, -low);
        expect(got).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('pad (the fast block copy)', () => {
  it('equals the plain per-element loop for random shapes and configs (low/high in [-3, 3], interior in [0, 2]; exact)', () => {
    const problem = shapeArb.chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        config: fc.tuple(
          ...shape.map((size) =>
            fc
              .tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), fc.nat({ max: 2 }))
              .filter(([lo, hi, interior]) => lo + hi + size + Math.max(0, size - 1) * interior >= 0),
          ),
        ),
      }),
    );
    fc.assert(
      fc.property(problem, ({ shape, config }) => {
        const outShape = shape.map((size, a) => {
          const [lo, hi, interior] = config[a]!;
          return lo + hi + size + Math.max(0, size - 1) * interior;
        });
        const out = new ax.ShapeDtype(outShape, 'float32');
        const x = { buffer: iota(sizeOf(shape)), shape, dtype: 'float32' as const };
        const value = { buffer: new Float32Array([-7]), shape: [], dtype: 'float32' as const };
        expect(pad(x, value, { config }, out)).toEqual(padReference(x, value, { config }, out));
      }),
      { numRuns: 500 },
    );
  });
});
