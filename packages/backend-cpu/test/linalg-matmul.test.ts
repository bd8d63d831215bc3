import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { dotGeneralFast, dotGeneralReference, matmulBlocked, matmulReference } from '@addax/backend-cpu';
import { operand } from './linalg-helpers.js';

describe('matmulReference', () => {
  it('multiplies [2, 3] by [3, 2] and batches', () => {
    const a = new Float32Array([1, 2, 3, 4, 5, 6]);
    const b = new Float32Array([7, 8, 9, 10, 11, 12]);
    expect(globalThis.Array.from(matmulReference(a, b, 1, 2, 3, 2))).toEqual([58, 64, 139, 154]);
    const twice = matmulReference(new Float32Array([1, 2, 3, 4]), new Float32Array([5, 6, 7, 8]), 2, 1, 2, 1);
    expect(globalThis.Array.from(twice)).toEqual([1 * 5 + 2 * 6, 3 * 7 + 4 * 8]);
  });
});

describe('matmulBlocked vs matmulReference', () => {
  // Both sum in float64 over ascending k and round once (JS has no fused multiply-add), so they
  // must agree bit for bit: tolerance 0. Values uniform in [-1, 1); m, k, n in 1..70 cover the
  // 4x4 tiles, the leftover rows and columns, and more than one 64-row block.
  it('is bit-identical for m, k, n in 1..70 and batch 1..2', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer(),
        (batch, m, k, n, seed) => {
          const a = operand([batch, m, k], 'float32', seed).data as Float32Array;
          const b = operand([batch, k, n], 'float32', seed + 1).data as Float32Array;
          expect(matmulBlocked(a, b, batch, m, k, n)).toEqual(matmulReference(a, b, batch, m, k, n));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('handles zero sizes and keeps NaN and Infinity in place (padding columns are dropped)', () => {
    expect(matmulBlocked(new Float32Array(0), new Float32Array(6), 1, 2, 0, 3)).toEqual(new Float32Array(6));
    expect(matmulBlocked(new Float32Array(0), new Float32Array(0), 1, 0, 3, 0)).toEqual(new Float32Array(0));
    // a = [[1], [2]], b = [[Infinity, NaN, 1]]: the third column must stay finite.
    const c = matmulBlocked(new Float32Array([1, 2]), new Float32Array([Infinity, NaN, 1]), 1, 2, 1, 3);
    expect(globalThis.Array.from(c)).toEqual([Infinity, NaN, 1, Infinity, NaN, 2]);
  });
});

describe('dotGeneralFast vs dotGeneralReference', () => {
  // The fast path gathers the operands into [batch, M, K] x [batch, K, N] and runs the blocked
  // matmul, which sums in the reference's order: tolerance 0. Values uniform in [-1, 1).
  it('is bit-identical with batch and contracting axes in any position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.integer(),
        (batch, m, k, n, transposed, seed) => {
          // lhs [k, batch, m] or [batch, m, k]; rhs [n, k, batch] or [batch, k, n]
          const lhs = operand(transposed ? [k, batch, m] : [batch, m, k], 'float32', seed);
          const rhs = operand(transposed ? [n, k, batch] : [batch, k, n], 'float32', seed + 1);
          const params: ax.DotGeneralParams = transposed
            ? { contractingDims: [[0], [1]], batchDims: [[1], [2]] }
            : { contractingDims: [[2], [1]], batchDims: [[0], [0]] };
          const out = new ax.ShapeDtype([batch, m, n], 'float32');
          const args = [lhs, rhs].map((o) => ({
            buffer: o.data as Float32Array,
            shape: o.shape,
            dtype: o.dtype,
          }));
          const fast = dotGeneralFast(args[0]!, args[1]!, params);
          expect(fast).toEqual(dotGeneralReference(args[0]!, args[1]!, params, out));
        },
      ),
      { numRuns: 60 },
    );
  });
});
