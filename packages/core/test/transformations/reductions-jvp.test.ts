import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { checkJvp, checkVjp, floatArray, type Tolerance } from '../laws.js';
import { axesCase, axisCase, distinctArb, shapeOf, valuesArb, withZerosArb } from './reductions-cases.js';

const RUNS = 100;

/** What a differentiation law needs: the primal, a tangent, and a cotangent of the output. */
interface Point {
  readonly x: ax.Array;
  readonly t: ax.Array;
  /** Values for the cotangent, at least as many as the output has elements. */
  readonly ct: number[];
}

/** `x` from `primal`, a tangent in [-1, 1], and cotangent values in [-1, 1], for a case of `shape`. */
function pointOf<C extends { readonly shape: readonly number[] }>(
  cases: fc.Arbitrary<C>,
  primal: (shape: readonly number[]) => fc.Arbitrary<ax.Array>,
): fc.Arbitrary<C & Point> {
  return cases.chain((c) => {
    const n = c.shape.reduce((a, b) => a * b, 1);
    return fc
      .record({
        x: primal(c.shape),
        t: floatArray(c.shape, -1, 1),
        ct: fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      })
      .map((p) => ({ ...c, ...p }));
  });
}

/** The cotangent of `f`'s output at `x`, from the first of `values`. */
function cotangentOf(f: (x: ax.Array) => ax.Array, x: ax.Array, values: readonly number[]): ax.Array {
  const { shape } = f(x);
  return ax.array(values.slice(0, ax.sizeOf(shape))).reshape([...shape]);
}

/**
 * jvp agrees with central differences of step `eps`, and the vjp is its transpose
 * (`<ct, J t> == <J^T ct, t>`), at one point.
 */
function checkDerivatives(
  f: (x: ax.Array) => ax.Array,
  { x, t, ct }: Point,
  eps: number,
  jvpTol: Tolerance,
  vjpTol: Tolerance,
): void {
  ax.tidy(() => {
    checkJvp(f, [x], [t], eps, jvpTol);
    checkVjp(f, [x], [t], cotangentOf(f, x, ct), vjpTol);
  });
}

// Tolerances: central differences in float32 lose about ulp(f) / eps, and the two inner products
// of the vjp law differ by float32 rounding of sums of at most 27 terms.
const VJP_TOL = { rtol: 1e-4, atol: 1e-4 };

describe('reduceSum', () => {
  it('jvp matches central differences and vjp is its transpose, for random shapes and axes (x in [-3, 3])', () => {
    fc.assert(
      fc.property(
        pointOf(axesCase(), (s) => floatArray(s)),
        (p) =>
          checkDerivatives((x) => ax.lax.reduceSum(x, p.axes), p, 1e-2, { rtol: 1e-3, atol: 2e-3 }, VJP_TOL),
      ),
      { numRuns: RUNS },
    );
  });
});

describe.each([
  ['reduceMax', ax.lax.reduceMax],
  ['reduceMin', ax.lax.reduceMin],
] as const)('%s', (_, reduce) => {
  it('jvp matches central differences and vjp is its transpose, on inputs without ties (at least 0.05 apart in [-3, 3])', () => {
    fc.assert(
      fc.property(pointOf(axesCase(), distinctArb), (p) =>
        checkDerivatives((x) => reduce(x, p.axes), p, 1e-3, { rtol: 1e-3, atol: 1e-3 }, VJP_TOL),
      ),
      { numRuns: RUNS },
    );
  });

  it('jvp averages the tangent over tied extremes', () => {
    const x = ax.array([
      [1, 5, 5, 2],
      [-4, -4, -4, 0],
    ]);
    const t = ax.array([
      [10, 2, 4, 10],
      [3, 6, 9, 10],
    ]);
    const [, dy] = ax.jvp((v: ax.Array) => reduce(v, [1]), [x], [t]);
    expect(Array.from(dy.dataSync())).toEqual(reduce === ax.lax.reduceMax ? [3, 10] : [10, 6]);
  });
});

describe('reduceProd', () => {
  it('jvp matches central differences and vjp is its transpose, with exact zeros among the inputs', () => {
    const small = axesCase(3, 3).filter(({ shape }) => shape.reduce((a, b) => a * b, 1) <= 12);
    fc.assert(
      fc.property(pointOf(small, withZerosArb), (p) =>
        checkDerivatives((x) => ax.lax.reduceProd(x, p.axes), p, 1e-3, { rtol: 1e-2, atol: 1e-2 }, VJP_TOL),
      ),
      { numRuns: RUNS },
    );
  });

  it('jvp is the product of the other elements: exact for one zero, zero for two', () => {
    const x = ax.array([
      [2, 0, 3, 4],
      [0, 5, 0, 7],
      [1, 2, 3, 4],
    ]);
    const [, dy] = ax.jvp((v: ax.Array) => ax.lax.reduceProd(v, [1]), [x], [ax.onesLike(x)]);
    expect(Array.from(dy.dataSync())).toEqual([24, 0, 24 + 12 + 8 + 6]);
  });
});

describe('reductions over an empty axis', () => {
  it('have zero tangents, not NaN: max, min and prod of nothing are constants', () => {
    const x = ax.zeros([2, 0]);
    for (const reduce of [ax.lax.reduceMax, ax.lax.reduceMin, ax.lax.reduceProd, ax.lax.reduceSum]) {
      const [y, dy] = ax.jvp((v: ax.Array) => reduce(v, [1]), [x], [ax.zerosLike(x)]);
      expect(dy.shape).toEqual([2]);
      expect(Array.from(dy.dataSync())).toEqual([0, 0]);
      expect(y.shape).toEqual([2]);
    }
  });
});

describe('cumsum', () => {
  it('jvp matches central differences and vjp is its transpose, in both directions (x in [-3, 3])', () => {
    const cases = axisCase().chain((c) => fc.boolean().map((reverse) => ({ ...c, reverse })));
    fc.assert(
      fc.property(
        pointOf(cases, (s) => floatArray(s)),
        (p) =>
          checkDerivatives(
            (x) => ax.lax.cumsum(x, p.axis, p.reverse),
            p,
            1e-2,
            { rtol: 1e-3, atol: 2e-3 },
            VJP_TOL,
          ),
      ),
      { numRuns: RUNS },
    );
  });
});

describe('sort', () => {
  it('jvp matches central differences and vjp is its transpose, for keys without ties (at least 3/64 apart) and the values they carry', () => {
    // The keys are the differentiated input; a float32 payload and an int32 one ride along.
    const cases = pointOf(axisCase(), distinctArb).chain((p) =>
      fc
        .record({
          payload: floatArray(p.shape),
          ints: valuesArb(p.shape, 'int32'),
          pick: fc.integer({ min: 0, max: 1 }),
        })
        .map((extra) => ({ ...p, ...extra })),
    );
    fc.assert(
      fc.property(cases, (p) => {
        const f = (keys: ax.Array): ax.Array =>
          ax.lax.sort([keys, p.payload.mul(keys), p.ints], p.axis, 1)[p.pick]!;
        checkDerivatives(f, p, 1e-3, { rtol: 1e-3, atol: 2e-3 }, VJP_TOL);
      }),
      { numRuns: RUNS },
    );
  });

  it('jvp carries every float operand tangent along the permutation, and none for integer operands', () => {
    const keys = ax.array([3, 1, 2]);
    const ints = ax.array([30, 10, 20], 'int32');
    const [out, dout] = ax.jvp(
      (k: ax.Array, v: ax.Array) => ax.lax.sort([k, v, ints], 0, 1),
      [keys, ax.array([0.3, 0.1, 0.2])],
      [ax.array([1, 2, 3]), ax.array([4, 5, 6])],
    );
    expect(out.map((o) => Array.from(o.dataSync()))).toEqual([
      [1, 2, 3],
      [Math.fround(0.1), Math.fround(0.2), Math.fround(0.3)],
      [10, 20, 30],
    ]);
    expect(dout.map((o) => Array.from(o.dataSync()))).toEqual([
      [2, 3, 1],
      [5, 6, 4],
      [0, 0, 0],
    ]);
    expect(dout[2]!.dtype).toBe('int32');
  });
});

describe.each([
  ['argmax', (x: ax.Array) => ax.lax.argmax(x, -1)],
  ['argmin', (x: ax.Array) => ax.lax.argmin(x, 0)],
  ['reduceAnd', (x: ax.Array) => ax.lax.reduceAnd(ax.lax.gt(x, ax.zerosLike(x)), [0])],
  ['reduceOr', (x: ax.Array) => ax.lax.reduceOr(ax.lax.gt(x, ax.zerosLike(x)), [1])],
] as const)('%s', (_, f) => {
  it('has a zero tangent of its integer or bool output, and evaluates as without jvp', () => {
    fc.assert(
      fc.property(
        shapeOf(2, 2, 4).chain((s) => fc.tuple(floatArray(s), floatArray(s, -1, 1))),
        ([x, t]) =>
          ax.tidy(() => {
            const [y, dy] = ax.jvp(f, [x], [t]);
            expect(Array.from(y.dataSync())).toEqual(Array.from(f(x).dataSync()));
            expect(dy.dtype).toBe(y.dtype);
            expect(Array.from(dy.dataSync()).every((v) => v === 0)).toBe(true);
          }),
      ),
      { numRuns: 10 },
    );
  });
});
