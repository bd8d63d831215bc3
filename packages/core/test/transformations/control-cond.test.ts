import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from '../helpers.js';
import { FD, TIGHT } from './control-tolerances.js';
import {
  checkJit,
  checkJvp,
  checkVjp,
  checkVmap,
  expectClose,
  expectTreeClose,
  floatArray,
} from '../laws.js';

const onTrue = (v: ax.Array): ax.Array => ax.sin(v).mul(v);
const onFalse = (v: ax.Array): ax.Array => ax.exp(v.mul(0.5)).sub(v);
/** sin(v) v where sum(v) > 0, else exp(v/2) - v: two branches with different derivatives. */
const piecewise = (v: ax.Array): ax.Array => ax.cond(ax.greater(ax.sum(v), 0), onTrue, onFalse, v);
/** The same function with the predicate fixed by JS, so each branch can be checked on its own. */
const taken = (v: ax.Array): ((x: ax.Array) => ax.Array) => (values(ax.sum(v))[0]! > 0 ? onTrue : onFalse);

describe('cond and switch, eagerly', () => {
  it('returns the branch the predicate picks, as a JS if would (inputs in [-2, 2])', () => {
    fc.assert(
      fc.property(floatArray([3], -2, 2), (x) => {
        expectClose(piecewise(x), taken(x)(x), TIGHT, 'cond vs JS branch');
      }),
      { numRuns: 30 },
    );
  });

  it('takes a JS boolean or a nonzero number as the predicate', () => {
    const pick = (p: ax.Array | boolean): number[] =>
      values(
        ax.cond(
          p,
          () => ax.scalar(1),
          () => ax.scalar(2),
        ),
      );
    expect(pick(true)).toEqual([1]);
    expect(pick(false)).toEqual([2]);
    expect(pick(ax.scalar(-0.5))).toEqual([1]);
    expect(pick(ax.scalar(0, 'int32'))).toEqual([2]);
  });

  it('clamps the switch index into range, as JAX does', () => {
    const branches = [(x: ax.Array) => x.add(1), (x: ax.Array) => x.mul(2), (x: ax.Array) => x.neg()];
    const at = (i: number | ax.Array): number => values(ax.switch(i, branches, ax.scalar(3)))[0]!;
    expect([at(-2), at(0), at(1), at(2), at(7)]).toEqual([4, 4, 6, -3, -3]);
    expect(at(ax.scalar(1, 'int32'))).toBe(6);
  });

  it('passes pytrees of operands in and out', () => {
    const ops = { a: ax.array([1, 2]), b: [ax.scalar(3)] };
    type Ops = typeof ops;
    const out = ax.cond(
      true,
      ({ a, b }: Ops) => ({ sum: a.add(b[0]!), n: ax.scalar(1, 'int32') }),
      ({ a }: Ops) => ({ sum: a, n: ax.scalar(0, 'int32') }),
      ops,
    );
    expect(values(out.sum)).toEqual([4, 5]);
    expect(values(out.n)).toEqual([1]);
  });

  it('names the branch whose output does not match, and rejects a non-scalar predicate', () => {
    const x = ax.array([1, 2]);
    expect(() =>
      ax.cond<[ax.Array], unknown>(
        true,
        (v: ax.Array) => v,
        (v: ax.Array) => [v, v],
        x,
      ),
    ).toThrow(/cond: trueFn returns \*, but falseFn returns \[\*, \*\]/);
    expect(() =>
      ax.cond(
        true,
        (v: ax.Array) => v,
        (v: ax.Array) => v.sum(),
        x,
      ),
    ).toThrow(/cond: trueFn output leaf 0 is float32\[2\], but falseFn returns float32\[\]/);
    expect(() => ax.switch(0, [(v: ax.Array) => v, (v: ax.Array) => v.astype('int32')], x)).toThrow(
      /switch: branch 1 output leaf 0 is int32\[2\], but branch 0 returns float32\[2\]/,
    );
    expect(() =>
      ax.cond(
        x,
        (v: ax.Array) => v,
        (v: ax.Array) => v,
        x,
      ),
    ).toThrow(/cond: pred must be a scalar/);
    expect(() => ax.switch(ax.scalar(1), [(v: ax.Array) => v, (v: ax.Array) => v], x)).toThrow(
      /switch: index must be an int32 scalar/,
    );
  });
});

describe('cond under transformations', () => {
  it('grad on either branch equals grad of that branch alone (inputs in [-2, 2])', () => {
    fc.assert(
      fc.property(floatArray([3], -2, 2), (x) => {
        const loss = (v: ax.Array): ax.Array => ax.sum(piecewise(v));
        const alone = (v: ax.Array): ax.Array => ax.sum(taken(x)(v));
        expectClose(ax.grad(loss)(x), ax.grad(alone)(x), TIGHT, 'grad(cond) vs grad(branch)');
      }),
      { numRuns: 30 },
    );
  });

  it('differentiates only the branch taken: no NaN from the other one', () => {
    const safeLog = (v: ax.Array): ax.Array =>
      ax.cond(ax.greater(v, 0), (u: ax.Array) => ax.log(u), ax.zerosLike, v);
    expect(values(ax.grad(safeLog)(ax.scalar(-1)))).toEqual([0]);
    expect(values(ax.grad(safeLog)(ax.scalar(4)))).toEqual([0.25]);
  });

  it('matches central differences in forward mode and is its transpose in reverse mode, on both branches', () => {
    const t = ax.array([0.3, -0.7, 0.2]);
    const ct = ax.array([1, -2, 0.5]);
    for (const x of [ax.array([0.5, 1, -0.2]), ax.array([-1, 0.25, -0.5])]) {
      checkJvp(piecewise, [x], [t], 1e-2, FD);
      checkVjp(piecewise, [x], [t], ct, { rtol: 1e-5, atol: 1e-5 });
    }
  });

  it('differentiates closed-over values and integer outputs get no tangent', () => {
    const w = ax.scalar(1.5);
    const f = (s: ax.Array): ax.Array => {
      const [y] = ax.cond(
        ax.greater(s, 0),
        (u: ax.Array) => [u.mul(s), ax.scalar(1, 'int32')],
        (u: ax.Array) => [u.neg(), ax.scalar(0, 'int32')],
        w,
      );
      return y!;
    };
    expect(values(ax.grad(f)(ax.scalar(2)))).toEqual([1.5]);
    expect(values(ax.grad(f)(ax.scalar(-2)))).toEqual([0]);
  });

  it('is vmapped as a select of both branches when the predicate is mapped', () => {
    const rows = ax.array([
      [0.5, 1, -0.2],
      [-1, 0.25, -0.5],
      [2, -1, 0.5],
    ]);
    checkVmap(piecewise, [rows], [0], 0, TIGHT);
    checkVmap(piecewise, [ax.transpose(rows)], [1], 0, TIGHT);
  });

  it('is vmapped as one cond of the batched branches when only the operands are mapped', () => {
    const choose = (p: ax.Array, v: ax.Array): ax.Array => ax.cond(p, onTrue, onFalse, v);
    const rows = ax.array([
      [0.5, 1],
      [-1, 0.25],
    ]);
    for (const p of [ax.scalar(true), ax.scalar(false)]) checkVmap(choose, [p, rows], [null, 0], 1, TIGHT);
    const ir = ax.makeIR(ax.vmap((v: ax.Array) => choose(ax.scalar(true), v)))(rows);
    expect(ir.eqns.filter((e) => e.primitive.name === 'cond')).toHaveLength(1);
  });

  it('is staged by jit as one cond equation and runs as it does eagerly', () => {
    checkJit(piecewise, [ax.array([0.5, 1, -0.2])], TIGHT);
    checkJit(piecewise, [ax.array([-1, 0.25, -0.5])], TIGHT);
    const ir = ax.makeIR(piecewise)(ax.zeros([3]));
    expect(ir.eqns.map((e) => e.primitive.name)).toContain('cond');
    checkJit(
      ax.grad((v: ax.Array) => ax.sum(piecewise(v))),
      [ax.array([-1, 0.25, -0.5])],
      TIGHT,
    );
  });

  it('grad of vmap equals vmap of grad, with a mapped predicate', () => {
    const rows = ax.array([
      [0.5, 1, -0.2],
      [-1, 0.25, -0.5],
    ]);
    const perRow = (v: ax.Array): ax.Array => ax.sum(piecewise(v));
    const gradOfVmap = ax.grad((m: ax.Array) => ax.sum(ax.vmap(perRow)(m)))(rows);
    expectTreeClose(gradOfVmap, ax.vmap(ax.grad(perRow))(rows), TIGHT, 'grad(vmap) vs vmap(grad)');
  });

  it('takes second derivatives through the branch taken', () => {
    const cube = (v: ax.Array): ax.Array =>
      ax.cond(ax.greater(v, 0), (u: ax.Array) => u.mul(u).mul(u), ax.negative, v);
    expect(values(ax.grad(ax.grad(cube))(ax.scalar(2)))[0]).toBeCloseTo(12, 5);
    expect(values(ax.grad(ax.grad(cube))(ax.scalar(-2)))).toEqual([0]);
  });
});
