import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from '../helpers.js';
import { TIGHT } from './control-tolerances.js';
import { checkJit, checkVmap, expectClose, expectTreeClose, floatArray } from '../laws.js';

const plain = (x: ax.Array): ax.Array => ax.log1p(ax.exp(x));
/** log(1 + e^x) with the derivative 1 - 1/(1 + e^x), finite where e^x overflows. */
const log1pexp = ax.customJvp(plain, ([x], [t]) => [
  plain(x),
  t.mul(ax.subtract(1, ax.reciprocal(ax.exp(x).add(1)))),
]);
const sigmoid = (x: ax.Array): ax.Array => ax.reciprocal(ax.exp(x.neg()).add(1));

/** sin with a deliberately different rule (tangent 2t), so a test can tell which derivative ran. */
const marked = ax.customJvp(
  (x: ax.Array) => ax.sin(x),
  ([x], [t]) => [ax.sin(x), t.mul(2)],
);

describe('customJvp', () => {
  it('evaluates f itself', () => {
    const x = ax.array([-3, 0, 2]);
    expectClose(log1pexp(x), plain(x), TIGHT, 'customJvp(f) == f');
    expectClose(marked(x), ax.sin(x), TIGHT, 'customJvp(sin) == sin');
  });

  it('gives grad the rule, finite where the plain derivative is NaN (x in [-20, 20], and 100)', () => {
    const g = (x: ax.Array): ax.Array => ax.grad((v: ax.Array) => ax.sum(log1pexp(v)))(x);
    expect(values(g(ax.scalar(100)))).toEqual([1]);
    expect(Number.isNaN(values(ax.grad(plain)(ax.scalar(100)))[0])).toBe(true);
    fc.assert(
      fc.property(floatArray([4], -20, 20), (x) => {
        expectClose(g(x), sigmoid(x), { rtol: 1e-5, atol: 1e-6 }, 'grad(log1pexp) vs sigmoid');
      }),
      { numRuns: 20 },
    );
  });

  it('uses the rule, not the derivative of f, in forward and reverse mode', () => {
    const [y, dy] = ax.jvp(marked, [ax.scalar(0.5)], [ax.scalar(3)]);
    expect(values(y)[0]).toBeCloseTo(Math.sin(0.5), 6);
    expect(values(dy)).toEqual([6]);
    expect(values(ax.grad(marked)(ax.scalar(0.5)))).toEqual([2]);
    expect(values(ax.grad((v: ax.Array) => marked(v.mul(v)))(ax.scalar(3)))).toEqual([12]);
  });

  it('differentiates twice through the rule', () => {
    // d/dx sigmoid(x) = sigmoid(x) (1 - sigmoid(x)).
    const second = ax.grad(ax.grad(log1pexp))(ax.scalar(0.5));
    const s = 1 / (1 + Math.exp(-0.5));
    expect(values(second)[0]).toBeCloseTo(s * (1 - s), 6);
  });

  it('takes and returns pytrees, with a tangent for every argument', () => {
    const f = ax.customJvp(
      ({ a, b }: { a: ax.Array; b: ax.Array }) => [a.mul(b), a],
      ([{ a, b }], [{ a: ta, b: tb }]) => [
        [a.mul(b), a],
        [ta.mul(b).add(tb.mul(a)), ta],
      ],
    );
    const [out, tangent] = ax.jvp(
      f,
      [{ a: ax.scalar(2), b: ax.scalar(3) }],
      [{ a: ax.scalar(1), b: ax.scalar(10) }],
    );
    expect(out.map(values)).toEqual([[6], [2]]);
    expect(tangent.map(values)).toEqual([[23], [1]]);
    const g = ax.grad((a: ax.Array) => f({ a, b: ax.scalar(3) })[0]!)(ax.scalar(2));
    expect(values(g)).toEqual([3]);
  });

  it('is one equation under jit and gives the same value and gradient', () => {
    const ir = ax.makeIR(log1pexp)(ax.scalar(1));
    expect(ir.eqns.map((e) => e.primitive.name)).toEqual(['customJvpCall']);
    checkJit(log1pexp, [ax.array([-3, 0, 100])], TIGHT);
    checkJit(
      ax.grad((v: ax.Array) => ax.sum(log1pexp(v))),
      [ax.array([-3, 0, 100])],
      TIGHT,
    );
  });

  it('under vmap runs f batched and keeps the rule: vmap(grad) = grad(sum(vmap))', () => {
    const xs = ax.array([-3, 0, 2, 100]);
    checkVmap(log1pexp, [xs], [0], 0, TIGHT);
    const vmapOfGrad = ax.vmap(ax.grad(log1pexp))(xs);
    const gradOfVmap = ax.grad((v: ax.Array) => ax.sum(ax.vmap(log1pexp)(v)))(xs);
    expectTreeClose(vmapOfGrad, gradOfVmap, TIGHT, 'vmap(grad) vs grad(vmap)');
    expectClose(vmapOfGrad, sigmoid(xs), TIGHT, 'vmap(grad(log1pexp)) vs sigmoid');
    const [, tangents] = ax.jvp(ax.vmap(marked), [xs], [ax.onesLike(xs)]);
    expect(values(tangents)).toEqual([2, 2, 2, 2]);
    const scaled = (x: ax.Array, w: ax.Array): ax.Array => marked(x.mul(w));
    checkVmap(ax.grad(scaled), [xs, ax.scalar(3)], [0, null], 0, TIGHT);
  });

  it('refuses to differentiate a closed-over value and checks what the rule returns', () => {
    const closes = (w: ax.Array): ax.Array =>
      ax.customJvp(
        (x: ax.Array) => x.mul(w),
        ([x], [t]) => [x.mul(w), t.mul(w)],
      )(ax.scalar(1));
    expect(() => ax.grad(closes)(ax.scalar(2))).toThrow(
      /customJvp: the function or its rules close over a value that is being differentiated/,
    );
    const badShape = ax.customJvp(
      (x: ax.Array) => x,
      ([x]) => [x, ax.sum(x)],
    );
    expect(() => badShape(ax.ones([2]))).toThrow(
      /customJvp: the jvp rule's tangent leaf 0 is float32\[\], but f's output has float32\[2\]/,
    );
    const badPair = ax.customJvp(
      (x: ax.Array) => x,
      ([x]) => x as never,
    );
    expect(() => badPair(ax.ones([2]))).toThrow(
      /customJvp: the jvp rule must return \[output, outputTangent\]/,
    );
  });
});
