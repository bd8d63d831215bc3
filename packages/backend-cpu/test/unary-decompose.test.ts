import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { anyValue, registerCpuMin } from './helpers.js';
import { firstMismatch, runOn, type Tolerance } from './unary-helpers.js';

// Every non-minimal unary primitive's CPU kernel (double precision, rounded once) against its
// decomposition run on 'cpu-min'. Each entry states its tolerance in float32 ulps and the input range;
// zeros must agree in sign and NaN must meet NaN whatever the tolerance.
registerCpuMin();

const { lax } = ax;
type Unary = (x: ax.Array) => ax.Array;

interface Entry {
  fn: Unary;
  dtypes: ax.DType[];
  tolerance: (x: number) => Tolerance;
  /** The float32 inputs covered, when not every float32 value. */
  range?: { min: number; max: number };
}

const exact = (): Tolerance => ({ ulps: 0 });
const within = (ulps: number) => (): Tolerance => ({ ulps });

const DECOMPOSED: Record<string, Entry> = {
  neg: { fn: lax.neg, dtypes: ['float32', 'int32', 'uint32'], tolerance: exact },
  abs: { fn: lax.abs, dtypes: ['float32', 'int32', 'uint32'], tolerance: exact },
  sign: { fn: lax.sign, dtypes: ['float32', 'int32', 'uint32'], tolerance: exact },
  not: { fn: lax.not, dtypes: ['bool', 'int32', 'uint32'], tolerance: exact },
  ceil: { fn: lax.ceil, dtypes: ['float32'], tolerance: exact },
  'round (halfToEven)': { fn: (x) => lax.round(x, 'halfToEven'), dtypes: ['float32'], tolerance: exact },
  'round (halfAwayFromZero)': { fn: (x) => lax.round(x), dtypes: ['float32'], tolerance: exact },
  isFinite: { fn: lax.isFinite, dtypes: ['float32'], tolerance: exact },
  // One correctly rounded operation each, like the kernel.
  reciprocal: { fn: lax.reciprocal, dtypes: ['float32'], tolerance: exact },
  exp2: { fn: lax.exp2, dtypes: ['float32'], tolerance: exact },
  // 1 / sqrt(x) rounds twice where the kernel rounds once.
  rsqrt: { fn: lax.rsqrt, dtypes: ['float32'], tolerance: within(1) },
  log1p: { fn: lax.log1p, dtypes: ['float32'], tolerance: within(2) },
  expm1: { fn: lax.expm1, dtypes: ['float32'], tolerance: within(2) },
  logistic: { fn: lax.logistic, dtypes: ['float32'], tolerance: within(2) },
  tanh: { fn: lax.tanh, dtypes: ['float32'], tolerance: within(4) },
  // 2 ulp below 2^127; beyond, where 2x would overflow, 2^-22 absolute.
  cos: {
    fn: lax.cos,
    dtypes: ['float32'],
    tolerance: (x) => (Math.abs(x) < 2 ** 127 ? { ulps: 2 } : { ulps: 2, abs: 2 ** -22 }),
  },
  // sin / cos compounds cos's error; only below 2^127, where cos keeps relative accuracy.
  tan: { fn: lax.tan, dtypes: ['float32'], tolerance: within(4), range: { min: -(2 ** 126), max: 2 ** 126 } },
  erf: { fn: lax.erf, dtypes: ['float32'], tolerance: within(3) },
  erfInv: { fn: lax.erfInv, dtypes: ['float32'], tolerance: within(3), range: { min: -1, max: 1 } },
};

const SPECIAL: Record<ax.DType, number[]> = {
  float32: [
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    1.5,
    -2.5,
    3.4028234663852886e38,
    2 ** -149,
    -(2 ** -149),
    Infinity,
    -Infinity,
    NaN,
  ],
  int32: [0, 1, -1, 2147483647, -2147483648],
  uint32: [0, 1, 2147483648, 4294967295],
  bool: [0, 1],
};

/** Values of `dtype` in `range`: special values mixed with arbitrary ones (float32: any bit pattern). */
function element(dtype: ax.DType, range?: { min: number; max: number }): fc.Arbitrary<number> {
  const inRange = (v: number): boolean => !range || Number.isNaN(v) || (v >= range.min && v <= range.max);
  const special = fc.constantFrom(...SPECIAL[dtype].filter(inRange));
  return fc.oneof(special, anyValue(dtype, range));
}

/**
 * About 200000 float32 values spread evenly over the bit patterns of both signs (every exponent,
 * subnormals included), kept to `range`.
 */
function sweep(range?: { min: number; max: number }): number[] {
  const word = new Uint32Array(1);
  const value = new Float32Array(word.buffer);
  const out: number[] = [];
  for (let b = 0; b <= 0x7f800000; b += 20879) {
    for (const signBit of [0, 0x80000000]) {
      word[0] = (b | signBit) >>> 0;
      const v = value[0]!;
      if (!range || (v >= range.min && v <= range.max)) out.push(v);
    }
  }
  return out;
}

/** A description of the first input where the decomposition misses the kernel, or 'agree'. */
function compare(entry: Entry, dtype: ax.DType, input: readonly number[]): string {
  const kernel = runOn('cpu', entry.fn, dtype, input);
  const decomposed = runOn('cpu-min', entry.fn, dtype, input);
  const bad = input.findIndex(
    (x, i) => firstMismatch([decomposed[i]!], [kernel[i]!], entry.tolerance(x)) !== -1,
  );
  return bad === -1
    ? 'agree'
    : `at x = ${input[bad]}: decomposition ${decomposed[bad]}, kernel ${kernel[bad]}`;
}

describe('unary kernels against their decompositions', () => {
  it('cpu-min has no kernel for the decomposed primitives', () => {
    const kernels = ax.findBackend('cpu-min').kernels as Record<string, unknown>;
    for (const name of ['neg', 'abs', 'sign', 'not', 'ceil', 'round', 'isFinite', 'reciprocal', 'exp2']) {
      expect(kernels[name]).toBeUndefined();
    }
    for (const name of ['rsqrt', 'log1p', 'expm1', 'logistic', 'tanh', 'cos', 'tan', 'erf', 'erfInv']) {
      expect(kernels[name]).toBeUndefined();
    }
    expect(kernels['exp']).toBeDefined();
  });

  for (const [name, entry] of Object.entries(DECOMPOSED)) {
    const span = entry.range ? `[${entry.range.min}, ${entry.range.max}]` : 'the whole range';
    const bound = `${entry.tolerance(1).ulps} ulp`;
    for (const dtype of entry.dtypes) {
      it(`${name} on ${dtype}: special values and random vectors over ${span}, within ${bound}`, () => {
        expect(compare(entry, dtype, SPECIAL[dtype])).toBe('agree');
        fc.assert(
          fc.property(fc.array(element(dtype, entry.range), { maxLength: 16 }), (xs) => {
            expect(compare(entry, dtype, xs)).toBe('agree');
          }),
          { numRuns: 60 },
        );
      });
    }
    if (entry.dtypes.includes('float32')) {
      it(`${name}: a sweep of 200000 float32 values over ${span}, within ${bound}`, () => {
        expect(compare(entry, 'float32', sweep(entry.range))).toBe('agree');
      });
    }
  }

  it('cos past 2^127 stays within 2^-22 of the kernel', () => {
    const huge = [2 ** 127, -(2 ** 127), 2.1825468959165005e38, 3.4028234663852886e38, -3e38];
    expect(compare(DECOMPOSED['cos']!, 'float32', huge)).toBe('agree');
  });
});
