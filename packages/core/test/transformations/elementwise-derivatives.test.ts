/**
 * Derivatives of the elementwise family where the laws in elementwise-laws.test.ts do not reach:
 * max/min ties, pow and abs at 0, second derivatives, and where gradients must be exactly zero.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { expectClose, floatArray, shapeArb, type Tolerance } from '../laws.js';
import { f32, values } from '../helpers.js';

const lax = ax.lax;
const sumOf =
  (f: (x: ax.Array) => ax.Array) =>
  (x: ax.Array): ax.Array =>
    ax.sum(f(x));
/** Gradients computed two ways in float32 agree to a few ulps of their size. */
const CLOSE: Tolerance = { rtol: 1e-5, atol: 1e-6 };

describe('max and min at a tie', () => {
  test.each([
    ['max', lax.max],
    ['min', lax.min],
  ])('%s splits the derivative half to each operand', (_, f) => {
    const x = f32(-1, 0, 2.5);
    const [, dx] = ax.jvp(f, [x, x], [f32(1, 1, 1), f32(0, 0, 0)]);
    expect(values(dx)).toEqual([0.5, 0.5, 0.5]);
    const [gx, gy] = ax.grad((a: ax.Array, b: ax.Array) => ax.sum(f(a, b)), { argnums: [0, 1] })(
      x,
      x,
    ) as ax.Array[];
    expect(values(gx!)).toEqual([0.5, 0.5, 0.5]);
    expect(values(gy!)).toEqual([0.5, 0.5, 0.5]);
  });

  test('max(x, x) has derivative 1 in x', () => {
    expect(values(ax.grad(sumOf((x) => lax.max(x, x)))(f32(-2, 0, 3)))).toEqual([1, 1, 1]);
  });
});

describe('pow at x = 0', () => {
  const zeros = f32(0, 0, 0);
  const y = f32(0, 1, 2);

  test('d/dx of x^y is y x^(y-1): 0 for y = 0 and y = 2, 1 for y = 1, never NaN', () => {
    expect(values(ax.grad((x: ax.Array) => ax.sum(lax.pow(x, y)))(zeros))).toEqual([0, 1, 0]);
  });

  test('d/dy of x^y is log(x) x^y, taken as 0 where x = 0', () => {
    expect(values(ax.grad((e: ax.Array) => ax.sum(lax.pow(zeros, e)))(y))).toEqual([0, 0, 0]);
  });
});

test('abs has derivative sign(x): 0 at the kink', () => {
  expect(values(ax.grad(sumOf(lax.abs))(f32(-2, 0, 3)))).toEqual([-1, 0, 1]);
});

describe('second derivatives: grad(grad(f)) on [-3, 3] (log on [0.1, 5]) equals f″ (rtol 1e-4, atol 1e-5)', () => {
  const cases: [string, (x: ax.Array) => ax.Array, (x: number) => number, number, number][] = [
    ['sin', lax.sin, (x) => -Math.sin(x), -3, 3],
    ['tanh', lax.tanh, (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2), -3, 3],
    [
      'logistic',
      lax.logistic,
      (x) => {
        const s = 1 / (1 + Math.exp(-x));
        return s * (1 - s) * (1 - 2 * s);
      },
      -3,
      3,
    ],
    ['log', lax.log, (x) => -1 / (x * x), 0.1, 5],
    ['exp', lax.exp, Math.exp, -3, 3],
  ];
  test.each(cases)('%s', (_, f, second, min, max) => {
    const gradGrad = ax.grad(sumOf(ax.grad(sumOf(f))));
    fc.assert(
      fc.property(
        shapeArb(1, 2, 4).chain((s) => floatArray(s, min, max)),
        (x) => {
          const expected = ax.array(values(x).map(second)).reshape([...x.shape]);
          expectClose(gradGrad(x), expected, { rtol: 1e-4, atol: 1e-5 }, `grad(grad(${f.name}))`);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('zero gradients', () => {
  const x = f32(-1.5, 0.25, 2);

  test('nothing flows through stopGradient', () => {
    expect(values(ax.grad(sumOf(lax.stopGradient))(x))).toEqual([0, 0, 0]);
    expect(values(ax.grad(sumOf((v) => lax.mul(lax.stopGradient(v), v)))(x))).toEqual(values(x));
  });

  test('nothing flows through a round trip via int32', () => {
    expect(values(ax.grad(sumOf((v) => lax.cast(lax.cast(v, 'int32'), 'float32')))(x))).toEqual([0, 0, 0]);
  });

  test.each([
    ['floor', lax.floor],
    ['ceil', lax.ceil],
    ['round', (v: ax.Array) => lax.round(v)],
    ['sign', lax.sign],
  ])('%s has gradient 0', (_, f) => {
    expect(values(ax.grad(sumOf(f))(x))).toEqual([0, 0, 0]);
  });

  test('a comparison steers select but adds no gradient of its own', () => {
    const absViaSelect = sumOf((v) => lax.select(lax.gt(v, ax.zerosLike(v)), v, lax.neg(v)));
    expect(values(ax.grad(absViaSelect)(x))).toEqual([-1, 1, 1]);
  });

  test('select with a constant branch passes the cotangent to the other branch only', () => {
    const p = ax.array([true, false, true]);
    const g = ax.grad(sumOf((v) => lax.select(p, v, f32(7, 7, 7))))(x);
    expect(values(g)).toEqual([1, 0, 1]);
  });
});

test('vmap(grad(f)) equals grad of each row, for f mixing the family', () => {
  const f = (v: ax.Array, w: ax.Array): ax.Array =>
    ax.sum(lax.div(lax.mul(lax.sin(v), lax.max(v, w)), lax.add(lax.exp(w), lax.pow(lax.abs(v), w))));
  const g = ax.grad(f);
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 3 })
        .chain((n) => fc.tuple(floatArray([n, 3], -2, 2), floatArray([3], -1, 1))),
      ([v, w]) => {
        const batched = ax.vmap(g, { inAxes: [0, null] })(v, w);
        const rows = [...v].map((row) => g(row, w));
        expectClose(batched, ax.stack(rows), CLOSE, 'vmap(grad(f))');
      },
    ),
    { numRuns: 10 },
  );
});
