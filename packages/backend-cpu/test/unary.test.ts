import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { registerCpuMin } from './helpers.js';
import { firstMismatch, runOn } from './unary-helpers.js';

// Hand-checked values of every unary primitive. The CPU kernel must give them exactly (each is the
// float32 nearest the true value, computed in double and rounded once). The same inputs run through
// the decomposition on 'cpu-min' (only minimal kernels) within the per-primitive ulp tolerance
// stated in the table; zeros must keep their sign and NaN must stay NaN there too.
registerCpuMin();

const { lax } = ax;
const f = Math.fround;
const INF = Infinity;
const MIN_SUBNORMAL = 2 ** -149;
const FLOAT_MAX = 3.4028234663852886e38;
/** float32 pi, pi/2 and pi/4 lie above the true values by these amounts (hand-checked in double). */
const PI32 = f(Math.PI);
const HALF_PI32 = f(Math.PI / 2);
const QUARTER_PI32 = f(Math.PI / 4);

interface Case {
  name: string;
  fn: (x: ax.Array) => ax.Array;
  dtype: ax.DType;
  input: number[];
  expected: number[];
  /** Tolerance of the decomposition in float32 ulps; absent for minimal primitives (no decomposition). */
  decomposedUlps?: number;
}

const CASES: Case[] = [
  {
    name: 'neg',
    fn: lax.neg,
    dtype: 'float32',
    input: [1, -0, 0, INF, -INF, NaN, FLOAT_MAX],
    expected: [-1, 0, -0, -INF, INF, NaN, -FLOAT_MAX],
    decomposedUlps: 0,
  },
  {
    name: 'neg',
    fn: lax.neg,
    dtype: 'int32',
    input: [5, -2147483648, 0, 2147483647],
    expected: [-5, -2147483648, 0, -2147483647],
    decomposedUlps: 0,
  },
  {
    name: 'neg',
    fn: lax.neg,
    dtype: 'uint32',
    input: [1, 0, 4294967295],
    expected: [4294967295, 0, 1],
    decomposedUlps: 0,
  },
  {
    name: 'abs',
    fn: lax.abs,
    dtype: 'float32',
    input: [-2, -0, 0, -INF, NaN, -MIN_SUBNORMAL],
    expected: [2, 0, 0, INF, NaN, MIN_SUBNORMAL],
    decomposedUlps: 0,
  },
  {
    name: 'abs',
    fn: lax.abs,
    dtype: 'int32',
    input: [-3, -2147483648, 7, 0],
    expected: [3, -2147483648, 7, 0],
    decomposedUlps: 0,
  },
  {
    name: 'abs',
    fn: lax.abs,
    dtype: 'uint32',
    input: [4294967295, 0, 1],
    expected: [4294967295, 0, 1],
    decomposedUlps: 0,
  },
  {
    name: 'sign',
    fn: lax.sign,
    dtype: 'float32',
    input: [-3, -0, 0, 2.5, NaN, -INF, MIN_SUBNORMAL],
    expected: [-1, -0, 0, 1, NaN, -1, 1],
    decomposedUlps: 0,
  },
  {
    name: 'sign',
    fn: lax.sign,
    dtype: 'int32',
    input: [-7, 0, 9, -2147483648],
    expected: [-1, 0, 1, -1],
    decomposedUlps: 0,
  },
  {
    name: 'sign',
    fn: lax.sign,
    dtype: 'uint32',
    input: [0, 4294967295, 1],
    expected: [0, 1, 1],
    decomposedUlps: 0,
  },
  {
    name: 'exp',
    fn: lax.exp,
    dtype: 'float32',
    // exp(89) overflows float32; exp(-104) = 6.8e-46 is below half the smallest subnormal.
    input: [0, -0, 1, -INF, INF, NaN, 89, -104],
    expected: [1, 1, f(Math.E), 0, INF, NaN, INF, 0],
  },
  {
    name: 'exp2',
    fn: lax.exp2,
    dtype: 'float32',
    input: [3, -1, 0.5, 128, -149, -INF, NaN, -0],
    expected: [8, 0.5, f(Math.SQRT2), INF, MIN_SUBNORMAL, 0, NaN, 1],
    decomposedUlps: 0,
  },
  {
    name: 'log',
    fn: lax.log,
    dtype: 'float32',
    input: [1, 2, 0, -0, -1, INF, NaN],
    expected: [0, f(Math.LN2), -INF, -INF, NaN, INF, NaN],
  },
  {
    name: 'log1p',
    fn: lax.log1p,
    dtype: 'float32',
    // log1p(x) = x - x^2/2 and x^2/2 = 5e-21 is far below half an ulp of 1e-10.
    input: [0, -0, f(1e-10), -1, -2, INF, 1, NaN],
    expected: [0, -0, f(1e-10), -INF, NaN, INF, f(Math.LN2), NaN],
    decomposedUlps: 2,
  },
  {
    name: 'expm1',
    fn: lax.expm1,
    dtype: 'float32',
    input: [0, -0, f(1e-10), -INF, INF, 1, -100, NaN],
    expected: [0, -0, f(1e-10), -1, INF, f(Math.E - 1), -1, NaN],
    decomposedUlps: 2,
  },
  {
    name: 'sin',
    fn: lax.sin,
    dtype: 'float32',
    // float32 pi is pi + 8.742278e-8, so sin of it is -8.742278e-8; float32 pi/2 is pi/2 + 4.37e-8.
    input: [0, -0, PI32, INF, NaN, HALF_PI32],
    expected: [0, -0, f(-8.742278000372475e-8), NaN, NaN, 1],
  },
  {
    name: 'cos',
    fn: lax.cos,
    dtype: 'float32',
    input: [0, -0, PI32, INF, -INF, NaN, HALF_PI32],
    expected: [1, 1, -1, NaN, NaN, NaN, f(-4.371139000186243e-8)],
    decomposedUlps: 2,
  },
  {
    name: 'tan',
    fn: lax.tan,
    dtype: 'float32',
    // float32 pi/4 is pi/4 + 2.19e-8, so tan of it is 1 + 4.4e-8, below half an ulp above 1.
    input: [0, -0, QUARTER_PI32, NaN, INF],
    expected: [0, -0, 1, NaN, NaN],
    decomposedUlps: 4,
  },
  {
    name: 'tanh',
    fn: lax.tanh,
    dtype: 'float32',
    input: [0, -0, INF, -INF, NaN, 20, 0.5],
    expected: [0, -0, 1, -1, NaN, 1, f(0.46211715726000974)],
    decomposedUlps: 4,
  },
  {
    name: 'logistic',
    fn: lax.logistic,
    dtype: 'float32',
    // 1 / (1 + e^20) = 1 / 485165196.4097903.
    input: [0, INF, -INF, NaN, -20, 20],
    expected: [0.5, 1, 0, NaN, f(2.0611536181902037e-9), 1],
    decomposedUlps: 2,
  },
  {
    name: 'sqrt',
    fn: lax.sqrt,
    dtype: 'float32',
    input: [4, 2, 0, -0, -1, INF, NaN, -INF],
    expected: [2, f(Math.SQRT2), 0, -0, NaN, INF, NaN, NaN],
  },
  {
    name: 'rsqrt',
    fn: lax.rsqrt,
    dtype: 'float32',
    input: [4, 0, -0, INF, -1, 2],
    expected: [0.5, INF, -INF, 0, NaN, f(Math.SQRT1_2)],
    decomposedUlps: 1,
  },
  {
    name: 'reciprocal',
    fn: lax.reciprocal,
    dtype: 'float32',
    input: [4, 0, -0, INF, -INF, 3, NaN],
    expected: [0.25, INF, -INF, 0, -0, f(1 / 3), NaN],
    decomposedUlps: 0,
  },
  {
    name: 'floor',
    fn: lax.floor,
    dtype: 'float32',
    input: [1.5, -1.5, -0.5, -0, 0.5, INF, -INF, NaN, 8388607.5],
    expected: [1, -2, -1, -0, 0, INF, -INF, NaN, 8388607],
  },
  {
    name: 'ceil',
    fn: lax.ceil,
    dtype: 'float32',
    input: [1.5, -1.5, -0.5, 0.5, -0, INF, NaN, 8388607.5],
    expected: [2, -1, -0, 1, -0, INF, NaN, 8388608],
    decomposedUlps: 0,
  },
  {
    name: 'round (halfToEven)',
    fn: (x) => lax.round(x, 'halfToEven'),
    dtype: 'float32',
    input: [0.5, 1.5, 2.5, -0.5, -2.5, -0.3, f(0.49999997), 8388607.5, INF, NaN, -0, 16777216],
    expected: [0, 2, 2, -0, -2, -0, 0, 8388608, INF, NaN, -0, 16777216],
    decomposedUlps: 0,
  },
  {
    name: 'round (halfAwayFromZero, the default)',
    fn: (x) => lax.round(x),
    dtype: 'float32',
    input: [0.5, 1.5, 2.5, -0.5, -2.5, -0.3, f(0.49999997), 8388607.5, INF, NaN, -0, 16777216],
    expected: [1, 2, 3, -1, -3, -0, 0, 8388608, INF, NaN, -0, 16777216],
    decomposedUlps: 0,
  },
  {
    name: 'isFinite',
    fn: lax.isFinite,
    dtype: 'float32',
    input: [0, FLOAT_MAX, INF, -INF, NaN, -0],
    expected: [1, 1, 0, 0, 0, 1],
    decomposedUlps: 0,
  },
  {
    name: 'erf',
    fn: lax.erf,
    dtype: 'float32',
    // erf(4) = 1 - 1.5e-8 rounds to 1 in float32.
    input: [0, -0, 0.5, 1, -2, 4, INF, -INF, NaN],
    expected: [0, -0, f(0.5204998778130465), f(0.8427007929497149), f(-0.9953222650189527), 1, 1, -1, NaN],
    decomposedUlps: 3,
  },
  {
    name: 'erfInv',
    fn: lax.erfInv,
    dtype: 'float32',
    // erfInv(0.25) = probit(0.625) / sqrt 2 and erfInv(0.75) = probit(0.875) / sqrt 2.
    input: [0, -0, 0.5, 0.25, -0.75, 1, -1, 1.5, NaN],
    expected: [
      0,
      -0,
      f(0.4769362762044699),
      f(0.2253120550121781),
      f(-0.8134198475976185),
      INF,
      -INF,
      NaN,
      NaN,
    ],
    decomposedUlps: 3,
  },
  { name: 'not', fn: lax.not, dtype: 'bool', input: [1, 0], expected: [0, 1], decomposedUlps: 0 },
  {
    name: 'not',
    fn: lax.not,
    dtype: 'int32',
    input: [0, 5, -1, 2147483647],
    expected: [-1, -6, 0, -2147483648],
    decomposedUlps: 0,
  },
  {
    name: 'not',
    fn: lax.not,
    dtype: 'uint32',
    input: [0, 5, 4294967295],
    expected: [4294967295, 4294967290, 0],
    decomposedUlps: 0,
  },
];

describe('unary primitives: hand-checked values', () => {
  for (const c of CASES) {
    it(`${c.name} on ${c.dtype}: the cpu kernel gives them exactly`, () => {
      expect(runOn('cpu', c.fn, c.dtype, c.input)).toEqual(c.expected);
    });
    const ulps = c.decomposedUlps;
    if (ulps === undefined) continue;
    it(`${c.name} on ${c.dtype}: the decomposition gives them within ${ulps} ulp`, () => {
      const got = runOn('cpu-min', c.fn, c.dtype, c.input);
      const i = firstMismatch(got, c.expected, { ulps });
      expect(
        i === -1 ? 'all within tolerance' : `at x = ${c.input[i]}: got ${got[i]}, expected ${c.expected[i]}`,
      ).toBe('all within tolerance');
    });
  }

  it('erfInv in the tail: the kernel inverts erf at 3 to within 2 ulp', () => {
    // y is erf(3) = 0.9999779095030014 rounded to float32; to first order erfInv(y) moves from 3 by
    // (y - erf(3)) / erf'(3), erf'(3) = 2/sqrt(pi) e^-9. The second-order term is below 1e-8.
    const erf3 = 0.9999779095030014;
    const y = f(erf3);
    const expected = 3 + (y - erf3) / ((2 / Math.sqrt(Math.PI)) * Math.exp(-9));
    const [got] = runOn('cpu', lax.erfInv, 'float32', [y]);
    expect(Math.abs(got! - expected)).toBeLessThanOrEqual(2 * 2 ** -22);
  });
});

describe('unary primitives: shapes', () => {
  const FLOAT_OPS: [string, (x: ax.Array) => ax.Array][] = [
    ['neg', lax.neg],
    ['abs', lax.abs],
    ['sign', lax.sign],
    ['exp', lax.exp],
    ['exp2', lax.exp2],
    ['log', lax.log],
    ['log1p', lax.log1p],
    ['expm1', lax.expm1],
    ['sin', lax.sin],
    ['cos', lax.cos],
    ['tan', lax.tan],
    ['tanh', lax.tanh],
    ['logistic', lax.logistic],
    ['sqrt', lax.sqrt],
    ['rsqrt', lax.rsqrt],
    ['reciprocal', lax.reciprocal],
    ['floor', lax.floor],
    ['ceil', lax.ceil],
    ['round', (x) => lax.round(x, 'halfToEven')],
    ['isFinite', lax.isFinite],
    ['erf', lax.erf],
    ['erfInv', lax.erfInv],
  ];

  for (const backend of ['cpu', 'cpu-min']) {
    for (const [name, fn] of FLOAT_OPS) {
      it(`${name} on ${backend} keeps zero-size shapes and scalars`, () => {
        ax.setBackend(backend);
        try {
          ax.tidy(() => {
            for (const shape of [[0], [2, 0, 3]]) {
              const y = fn(ax.zeros(shape));
              expect(y.shape).toEqual(shape);
              expect(y.size).toBe(0);
            }
            const s = fn(ax.scalar(0.25));
            expect(s.shape).toEqual([]);
            expect(s.size).toBe(1);
          });
        } finally {
          ax.setBackend('cpu');
        }
      });
    }
  }

  it('a scalar gives the same value as a one-element vector (exp, round, not)', () => {
    expect(lax.exp(ax.scalar(1)).item()).toBe(f(Math.E));
    expect(lax.round(ax.scalar(-2.5), 'halfToEven').item()).toBe(-2);
    expect(lax.not(ax.scalar(7, 'int32')).item()).toBe(-8);
  });

  it('keeps a 2-D shape and row-major order', () => {
    expect(
      lax
        .neg(
          ax.array([
            [1, 2],
            [3, 4],
          ]),
        )
        .arraySync(),
    ).toEqual([
      [-1, -2],
      [-3, -4],
    ]);
  });
});

describe('unary primitives: errors name the primitive and the dtype', () => {
  it('rejects dtypes outside each primitive’s set', () => {
    expect(() => lax.exp(ax.array([true]))).toThrow(/exp: operand 0 has dtype bool; exp accepts float32/);
    expect(() => lax.neg(ax.array([true]))).toThrow(/neg: .*bool.*neg accepts float32, int32, uint32/);
    expect(() => lax.not(ax.array([1.5]))).toThrow(/not: .*float32.*not accepts int32, uint32, bool/);
    expect(() => lax.floor(ax.array([1], 'int32'))).toThrow(/floor: .*int32/);
    expect(() => lax.isFinite(ax.array([1], 'int32'))).toThrow(/isFinite: .*int32/);
    expect(() => lax.erfInv(ax.array([1], 'uint32'))).toThrow(/erfInv: .*uint32/);
    expect(() => lax.round(ax.array([1], 'int32'))).toThrow(/round: .*int32/);
  });

  it('raises the dtype error before any kernel or decomposition runs', () => {
    ax.setBackend('cpu-min');
    try {
      expect(() => lax.tanh(ax.array([1], 'int32'))).toThrow(ax.DTypeError);
    } finally {
      ax.setBackend('cpu');
    }
  });

  it('round rejects an unknown method, naming it', () => {
    const bad = 'nearest' as unknown as 'halfToEven';
    expect(() => lax.round(ax.array([1.5]), bad)).toThrow(ax.ParameterError);
    expect(() => lax.round(ax.array([1.5]), bad)).toThrow(
      /round: method "nearest" is not one of halfToEven, halfAwayFromZero/,
    );
  });
});
