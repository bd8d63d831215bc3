import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from '../helpers.js';
import { FD, TIGHT } from './control-tolerances.js';
import { checkJit, checkJvp, checkVmap, expectClose } from '../laws.js';

type Halving = [ax.Array, ax.Array];
/** Halves v until it is below 1, counting the steps: the trip count depends on the value. */
const halve = (v: ax.Array): Halving =>
  ax.whileLoop(
    ([x]: Halving) => ax.greaterEqual(x, 1),
    ([x, n]: Halving): Halving => [x.div(2), n.add(1)],
    [v, ax.scalar(0, 'int32')],
  );

/** Five steps of x <- x + w sin(x), stopped by an integer counter, so smooth in x and w. */
const fiveSteps = (x: ax.Array, w: ax.Array): ax.Array =>
  ax.whileLoop(
    ([, i]: [ax.Array, ax.Array]) => ax.less(i, 5),
    ([v, i]: [ax.Array, ax.Array]): [ax.Array, ax.Array] => [v.add(w.mul(ax.sin(v))), i.add(1)],
    [x, ax.scalar(0, 'int32')],
  )[0];

const fiveStepsUnrolled = (x: ax.Array, w: ax.Array): ax.Array => {
  let v = x;
  for (let i = 0; i < 5; i++) v = v.add(w.mul(ax.sin(v)));
  return v;
};

describe('whileLoop', () => {
  it('runs as a JS while loop does (values in [0.25, 1000])', () => {
    fc.assert(
      fc.property(fc.float({ min: Math.fround(0.25), max: 1000, noNaN: true }), (v) => {
        let x = Math.fround(v);
        let n = 0;
        while (x >= 1) {
          x = Math.fround(x / 2);
          n += 1;
        }
        const [y, steps] = halve(ax.scalar(v));
        expect(values(y)).toEqual([x]);
        expect(values(steps)).toEqual([n]);
      }),
      { numRuns: 25 },
    );
  });

  it('says when the predicate is not a bool scalar or the body changes the carry', () => {
    const init = [ax.scalar(1), ax.scalar(0, 'int32')];
    expect(() =>
      ax.whileLoop(
        ([x]: ax.Array[]) => x!.sub(1),
        (c: ax.Array[]) => c,
        init,
      ),
    ).toThrow(/whileLoop: condFn must return a bool scalar array, got float32\[\]/);
    expect(() =>
      ax.whileLoop(
        () => ax.scalar(false),
        ([x]: ax.Array[]) => [x!],
        init,
      ),
    ).toThrow(/whileLoop: the carry bodyFn returns has structure \[\*\], but init has \[\*, \*\]/);
    expect(() =>
      ax.whileLoop(
        () => ax.scalar(false),
        ([x, n]: ax.Array[]) => [x!.mul(ax.ones([2])), n!],
        init,
      ),
    ).toThrow(/whileLoop: the carry bodyFn returns leaf 0 is float32\[2\], but init has float32\[\]/);
  });

  it('matches central differences and the unrolled loop in forward mode, closed-over values included', () => {
    const x = ax.array([0.3, -0.8, 1]);
    const w = ax.array([0.5, 0.2, -0.4]);
    const tangents = [ax.array([1, 0.5, -1]), ax.array([0.2, -0.3, 0.1])];
    checkJvp(fiveSteps, [x, w], tangents, 1e-2, FD);
    const [, dy] = ax.jvp(fiveSteps, [x, w], tangents);
    const [, expected] = ax.jvp(fiveStepsUnrolled, [x, w], tangents);
    expectClose(dy, expected, TIGHT, 'jvp(whileLoop) vs unrolled');
  });

  it('refuses reverse mode with an error that names whileLoop and suggests scan or forLoop', () => {
    const f = (x: ax.Array): ax.Array => ax.sum(fiveSteps(x, ax.scalar(0.5)));
    expect(() => ax.grad(f)(ax.array([0.3, 0.4]))).toThrow(
      /reverse-mode differentiation \(grad, vjp, linearize\) does not support whileLoop.*use scan or forLoop/,
    );
  });

  it('under vmap with a mapped predicate, stops each element on its own', () => {
    checkVmap((v) => halve(v)[0], [ax.array([0.5, 3, 1000, 1])], [0], 0, TIGHT);
    checkVmap((v) => halve(v)[1], [ax.array([0.5, 3, 1000, 1])], [0], 0, TIGHT);
    // Nested, mapped along the columns: counts of [[7, 0.1], [64, 2]] taken column by column.
    const counts = ax.vmap(
      ax.vmap((v: ax.Array) => halve(v)[1]),
      { inAxes: 1 },
    )(
      ax.array([
        [7, 0.1],
        [64, 2],
      ]),
    );
    expect(values(counts)).toEqual([3, 7, 0, 2]);
  });

  it('under vmap with an unmapped predicate, runs one loop of the batched body', () => {
    const rows = ax.array([
      [0.3, -0.8],
      [1, 0.1],
    ]);
    checkVmap(fiveSteps, [rows, ax.array([0.5, 0.2])], [0, null], 0, TIGHT);
    checkVmap(fiveSteps, [ax.array([0.3, -0.8]), rows], [null, 1], 1, TIGHT);
    const ir = ax.makeIR(ax.vmap((v: ax.Array) => fiveSteps(v, ax.scalar(0.5))))(rows);
    expect(ir.toString()).not.toContain('select');
  });

  it('composes jvp with vmap', () => {
    const xs = ax.array([0.3, -0.8, 1]);
    const dOne = (x: ax.Array): ax.Array =>
      ax.jvp((v: ax.Array) => fiveSteps(v, ax.scalar(0.5)), [x], [ax.scalar(1)])[1];
    checkVmap(dOne, [xs], [0], 0, TIGHT);
  });

  it('is staged by jit as one whileLoop equation and runs as it does eagerly', () => {
    checkJit((v) => halve(v)[0], [ax.scalar(37)], TIGHT);
    checkJit(fiveSteps, [ax.array([0.3, -0.8]), ax.scalar(0.5)], TIGHT);
    const ir = ax.makeIR(halve)(ax.scalar(37));
    expect(ir.eqns.map((e) => e.primitive.name)).toEqual(['whileLoop']);
  });
});

describe('forLoop', () => {
  const poly = (x: ax.Array): ax.Array =>
    ax.forLoop(0, 4, (i, acc: ax.Array) => acc.mul(x).add(i.astype('float32')), ax.scalar(1));
  // Horner's rule of the loop above, written out: x^4 + 0 x^3 + 1 x^2 + 2 x + 3.
  const polyUnrolled = (x: ax.Array): ax.Array => {
    let acc = ax.scalar(1);
    for (let i = 0; i < 4; i++) acc = acc.mul(x).add(i);
    return acc;
  };

  it('runs body(i, carry) for i from lower up to upper, none when upper <= lower', () => {
    const at = (x: number): number => values(poly(ax.scalar(x)))[0]!;
    expect([at(2), at(-1)]).toEqual([16 + 4 + 4 + 3, 1 + 1 - 2 + 3]);
    const count = (lo: number, hi: number): number[] =>
      values(ax.forLoop(lo, hi, (i, acc: ax.Array) => acc.add(i), ax.scalar(0, 'int32')));
    expect(count(3, 7)).toEqual([3 + 4 + 5 + 6]);
    expect(count(5, 5)).toEqual([0]);
    expect(count(5, 2)).toEqual([0]);
  });

  it('with static bounds is a scan, so grad equals grad of the unrolled loop (x in [-2, 2])', () => {
    fc.assert(
      fc.property(fc.float({ min: -2, max: 2, noNaN: true }), (v) => {
        const x = ax.scalar(v);
        expectClose(ax.grad(poly)(x), ax.grad(polyUnrolled)(x), TIGHT, 'grad(forLoop) vs unrolled');
      }),
      { numRuns: 20 },
    );
    expect(
      ax
        .makeIR(poly)(ax.scalar(1))
        .eqns.map((e) => e.primitive.name),
    ).toContain('scan');
    checkJit(poly, [ax.scalar(1.5)], TIGHT);
  });

  it('with array bounds is a whileLoop: forward mode and vmap work, reverse mode is refused', () => {
    const power = (x: ax.Array, n: ax.Array): ax.Array =>
      ax.forLoop(0, n, (_i, acc: ax.Array) => acc.mul(x), ax.scalar(1));
    const five = ax.scalar(5, 'int32');
    expect(values(power(ax.scalar(2), five))).toEqual([32]);
    expect(values(ax.jvp((x: ax.Array) => power(x, five), [ax.scalar(2)], [ax.scalar(1)])[1])).toEqual([80]);
    expect(
      ax
        .makeIR(power)(ax.scalar(2), five)
        .eqns.map((e) => e.primitive.name),
    ).toContain('whileLoop');
    expect(values(ax.vmap(power)(ax.array([2, 3, 0.5]), ax.array([5, 2, 0], 'int32')))).toEqual([32, 9, 1]);
    expect(() => ax.grad((x: ax.Array) => power(x, five))(ax.scalar(2))).toThrow(
      /does not support whileLoop/,
    );
  });

  it('rejects bounds that are not integers', () => {
    const body = (_i: ax.Array, c: ax.Array): ax.Array => c;
    expect(() => ax.forLoop(0, 2.5, body, ax.scalar(0))).toThrow(
      /forLoop: upper must be an integer, got 2.5/,
    );
    expect(() => ax.forLoop(ax.scalar(0), 3, body, ax.scalar(0))).toThrow(
      /forLoop: lower must be an int32 scalar or a JS integer, got float32\[\]/,
    );
  });
});
