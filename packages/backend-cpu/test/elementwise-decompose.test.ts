import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { runOn } from './elementwise-helpers.js';
import { anyValue, registerCpuMin } from './helpers.js';

// Every non-minimal binary primitive's CPU kernel against its decomposition run on 'cpu-min'. The
// decompositions are exact, so the tolerance is zero: results must agree bit for bit, NaN and -0
// included.
registerCpuMin();

const { lax } = ax;
type Binary = (x: ax.Array, y: ax.Array) => ax.Array;

const DECOMPOSED: Record<string, { fn: Binary; dtypes: ax.DType[] }> = {
  sub: { fn: lax.sub, dtypes: ['float32', 'int32', 'uint32'] },
  min: { fn: lax.min, dtypes: ['float32', 'int32', 'uint32'] },
  ne: { fn: lax.ne, dtypes: ['float32', 'int32', 'uint32', 'bool'] },
  le: { fn: lax.le, dtypes: ['float32', 'int32', 'uint32', 'bool'] },
  gt: { fn: lax.gt, dtypes: ['float32', 'int32', 'uint32', 'bool'] },
  ge: { fn: lax.ge, dtypes: ['float32', 'int32', 'uint32', 'bool'] },
  shiftRightArithmetic: { fn: lax.shiftRightArithmetic, dtypes: ['int32', 'uint32'] },
};

const SPECIAL: Record<ax.DType, number[]> = {
  float32: [0, -0, 1, -1, 0.5, -2.5, 3.4028234663852886e38, 1e-45, Infinity, -Infinity, NaN],
  int32: [0, 1, -1, 2, 31, 32, 33, -32, 2147483647, -2147483648],
  uint32: [0, 1, 2, 31, 32, 33, 2147483647, 2147483648, 4294967295],
  bool: [0, 1],
};

/** Every pair of special values, as two operand columns. */
function allPairs(v: readonly number[]): [number[], number[]] {
  return [v.flatMap((a) => v.map(() => a)), v.flatMap(() => v)];
}

/** Values of `dtype`: special values mixed with the whole range (float32: every bit pattern's value). */
function element(dtype: ax.DType): fc.Arbitrary<number> {
  const special = fc.constantFrom(...SPECIAL[dtype]);
  return fc.oneof(special, anyValue(dtype));
}

describe('binary kernels against their decompositions (exact)', () => {
  it('cpu-min has no kernel for the decomposed primitives', () => {
    const kernels = ax.findBackend('cpu-min').kernels as Record<string, unknown>;
    for (const name of Object.keys(DECOMPOSED)) expect(kernels[name]).toBeUndefined();
    expect(kernels['add']).toBeDefined();
  });

  for (const [name, { fn, dtypes }] of Object.entries(DECOMPOSED)) {
    for (const dtype of dtypes) {
      it(`${name} on ${dtype}: every pair of special values`, () => {
        const data = allPairs(SPECIAL[dtype]);
        expect(runOn('cpu-min', fn, [dtype, dtype], data)).toEqual(runOn('cpu', fn, [dtype, dtype], data));
      });

      it(`${name} on ${dtype}: random vectors over the whole ${dtype} range, exact`, () => {
        const pairs = fc.array(fc.tuple(element(dtype), element(dtype)), { maxLength: 12 });
        fc.assert(
          fc.property(pairs, (ps) => {
            const data = [ps.map((p) => p[0]), ps.map((p) => p[1])];
            expect(runOn('cpu-min', fn, [dtype, dtype], data)).toEqual(
              runOn('cpu', fn, [dtype, dtype], data),
            );
          }),
          { numRuns: 50 },
        );
      });
    }
  }
});
