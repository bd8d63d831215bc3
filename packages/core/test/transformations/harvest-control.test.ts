import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';
import { expectClose, expectTreeClose, type Tolerance } from '../laws.js';

const T = { tag: 'inter' } as const;
const arr = (x: unknown): ax.Array => x as ax.Array;
const EXACT: Tolerance = { rtol: 0, atol: 0 };

/** A running sum whose body appends each partial sum (twice, the second times 10) and clobbers its square. */
const cumsum = (xs: ax.Array, options: ax.ScanOptions = {}): [ax.Array, ax.Array] =>
  ax.scan(
    (c: ax.Array, x: ax.Array) => {
      const s = ax.sow(c.add(x), { ...T, name: 'partial', mode: 'append' });
      ax.sow(s.mul(10), { ...T, name: 'partial', mode: 'append' });
      ax.sow(s.mul(s), { ...T, name: 'square', mode: 'clobber' });
      return [s, s.neg()];
    },
    ax.scalar(0),
    xs,
    options,
  );

describe('reap inside scan', () => {
  test('append values come out stacked per iteration, in iteration order; clobber gives the last', () => {
    const [[total, ys], reaped] = ax.reap(cumsum, T)(f32(1, 2, 3));
    expect(values(total)).toEqual([6]);
    expect(values(ys)).toEqual([-1, -3, -6]);
    expect(arr(reaped.partial).shape).toEqual([6]);
    expect(values(arr(reaped.partial))).toEqual([1, 10, 3, 30, 6, 60]);
    expect(values(arr(reaped.square))).toEqual([36]);
  });

  test('a reverse scan stacks by row, and clobber keeps the value of the last iteration run (row 0)', () => {
    const [, reaped] = ax.reap((xs: ax.Array) => cumsum(xs, { reverse: true }), T)(f32(1, 2, 3));
    expect(values(arr(reaped.partial))).toEqual([6, 60, 5, 50, 3, 30]);
    expect(values(arr(reaped.square))).toEqual([36]);
  });

  test('appends before and after the loop join the same stack, in order', () => {
    const f = (xs: ax.Array): ax.Array => {
      ax.sow(ax.scalar(-1), { ...T, name: 'partial', mode: 'append' });
      const [total] = cumsum(xs);
      return ax.sow(total, { ...T, name: 'partial', mode: 'append' });
    };
    expect(values(arr(ax.reap(f, T)(f32(1, 2))[1].partial))).toEqual([-1, 1, 10, 3, 30, 3]);
  });

  test('a loop that never runs reaps an empty stack and no clobber value', () => {
    const [, reaped] = ax.reap(cumsum, T)(ax.zeros([0]));
    expect(Object.keys(reaped).sort()).toEqual(['partial']);
    expect(arr(reaped.partial).shape).toEqual([0]);
  });

  test('strict mode inside scan is an error naming the value', () => {
    const f = (xs: ax.Array): ax.Array =>
      ax.scan((c: ax.Array, x: ax.Array) => [ax.sow(c.add(x), { ...T, name: 'y' }), x], ax.scalar(0), xs)[0];
    expect(() => ax.reap(f, T)(f32(1, 2))).toThrow(/^Cannot use strict mode for 'y' inside scan$/);
  });

  test('sows of another tag inside the loop reach the reap of their tag below', () => {
    const f = (xs: ax.Array): ax.Array =>
      ax.scan(
        (c: ax.Array, x: ax.Array) => {
          ax.sow(x, { tag: 'other', name: 'x', mode: 'append' });
          return [ax.sow(c.add(x), { ...T, name: 'c', mode: 'clobber' }), x];
        },
        ax.scalar(0),
        xs,
      )[0];
    const [[, inner], outer] = ax.reap(ax.reap(f, T), { tag: 'other' })(f32(4, 5));
    expect(values(arr(inner.c))).toEqual([9]);
    expect(values(arr(outer.x))).toEqual([4, 5]);
  });

  test('names sown in a loop under nest are reaped in its scope', () => {
    const f = ax.nest((xs: ax.Array) => cumsum(xs)[0], { scope: 'sum' });
    const reaped = ax.reap(f, T)(f32(1, 2))[1] as Record<string, ax.Reaped>;
    expect(values(arr(reaped.sum!.square))).toEqual([9]);
  });

  test('composes with jit, vmap and grad in either order', () => {
    const xs = f32(1, 2, 3);
    const expected = ax.reap(cumsum, T)(xs);
    expectTreeClose(ax.jit(ax.reap(cumsum, T))(xs), expected, EXACT, 'jit(reap(scan))');
    expectTreeClose(ax.reap(ax.jit(cumsum), T)(xs), expected, EXACT, 'reap(jit(scan))');
    const batch = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const rows = [...batch].map((row) => ax.reap(cumsum, T)(row)[1]);
    const [, outside] = ax.vmap(ax.reap(cumsum, T))(batch);
    expectClose(
      arr(outside.partial),
      ax.stack(rows.map((r) => arr(r.partial))),
      EXACT,
      'vmap(reap(scan)) partial',
    );
    expectClose(
      arr(outside.square),
      ax.stack(rows.map((r) => arr(r.square))),
      EXACT,
      'vmap(reap(scan)) square',
    );
    const [, inside] = ax.reap(ax.vmap(cumsum), T)(batch);
    expectClose(
      arr(inside.partial),
      ax.stack(
        rows.map((r) => arr(r.partial)),
        1,
      ),
      EXACT,
      'reap(vmap(scan)) partial',
    );
    const [g, primal] = ax.reap(
      ax.grad((v: ax.Array) => cumsum(v)[1].sum()),
      T,
    )(xs);
    expect(values(g)).toEqual([-3, -2, -1]);
    expectClose(arr(primal.partial), arr(expected[1].partial), EXACT, 'reap(grad(scan))');
  });
});

describe('plant inside scan', () => {
  test('each iteration takes its rows of an append stack; a clobber plant holds in every iteration', () => {
    const [total, ys] = ax.plant(cumsum, T)({ partial: f32(100, 0, 200, 0, 300, 0) }, f32(1, 2, 3));
    // The body's carry is the planted partial sum, so each iteration returns its planted value.
    expect(values(total)).toEqual([300]);
    expect(values(ys)).toEqual([-100, -200, -300]);
    const clobbered = (xs: ax.Array): ax.Array =>
      ax.scan(
        (c: ax.Array, x: ax.Array) => [c.add(ax.sow(x, { ...T, name: 'x', mode: 'clobber' })), x],
        ax.scalar(0),
        xs,
      )[0];
    expect(values(ax.plant(clobbered, T)({ x: ax.scalar(5) }, f32(1, 2, 3)))).toEqual([15]);
  });

  test('a planted stack too short for the loop is an error naming it', () => {
    expect(() => ax.plant(cumsum, T)({ partial: f32(1, 2) }, f32(1, 2, 3))).toThrow(
      "plant: the append-mode value 'partial' is sown at least 6 times, but the planted float32[2] stacks 2 values",
    );
  });

  test('harvest plants some names of a loop and reaps the others', () => {
    const [[total], reaped] = ax.harvest(cumsum, T)({ square: ax.scalar(0) }, f32(1, 2));
    expect(values(total)).toEqual([3]);
    expect(Object.keys(reaped)).toEqual(['partial']);
  });

  test('grad with respect to a stack planted into a loop', () => {
    const loss = (stack: ax.Array): ax.Array =>
      ax
        .plant(cumsum, T)({ partial: stack }, f32(1, 2, 3))[1]
        .sum();
    // ys are the negated planted partial sums (the even rows); the odd rows are sown but unused.
    expect(values(ax.grad(loss)(ax.zeros([6])))).toEqual([-1, 0, -1, 0, -1, 0]);
  });
});

describe('harvest inside cond', () => {
  const f = (p: ax.Array, x: ax.Array): ax.Array =>
    ax.cond(
      p,
      (v: ax.Array) => ax.sow(v.mul(2), { ...T, name: 'y' }).add(1),
      (v: ax.Array) => ax.sow(v.neg(), { ...T, name: 'y' }).add(1),
      x,
    );

  test('reaps the value of the branch taken, eagerly, under jit and per element under vmap', () => {
    expect(values(arr(ax.reap(f, T)(ax.scalar(true), f32(1, 2))[1].y))).toEqual([2, 4]);
    expect(values(arr(ax.reap(f, T)(ax.scalar(false), f32(1, 2))[1].y))).toEqual([-1, -2]);
    expect(values(arr(ax.jit(ax.reap(f, T))(ax.scalar(false), f32(1, 2))[1].y))).toEqual([-1, -2]);
    const [, batched] = ax.vmap(ax.reap(f, T))(ax.array([true, false]), f32(1, 2));
    expect(values(arr(batched.y))).toEqual([2, -2]);
  });

  test('plants into whichever branch is taken', () => {
    for (const p of [true, false]) {
      expect(values(ax.plant(f, T)({ y: f32(7, 7) }, ax.scalar(p), f32(1, 2)))).toEqual([8, 8]);
    }
  });

  test('branches that sow different names, or a name differently, are errors saying so', () => {
    const names = (p: ax.Array, x: ax.Array): ax.Array =>
      ax.cond(
        p,
        (v: ax.Array) => ax.sow(v, { ...T, name: 'y' }),
        (v: ax.Array) => ax.sow(v, { ...T, name: 'z' }),
        x,
      );
    expect(() => ax.reap(names, T)(ax.scalar(true), f32(1))).toThrow(
      "cond: every branch must sow the same names of tag 'inter', but branch 0 sows [z] and branch 1 sows [y]",
    );
    expect(() => ax.plant(names, T)({ y: f32(0) }, ax.scalar(true), f32(1))).toThrow(
      "cond: every branch must sow the planted names of tag 'inter' alike, but branch 0 uses nothing and branch 1 y",
    );
    const shapes = (p: ax.Array, x: ax.Array): ax.Array =>
      ax.cond(
        p,
        (v: ax.Array) => ax.sow(v, { ...T, name: 'y' }),
        (v: ax.Array) => {
          ax.sow(v.sum(), { ...T, name: 'y' });
          return v;
        },
        x,
      );
    expect(() => ax.reap(shapes, T)(ax.scalar(true), f32(1, 2))).toThrow(
      "cond: the branches sow 'y' differently: strict * (float32[]) in branch 0, strict * (float32[2]) in branch 1",
    );
  });

  test('a strict name sown in a branch and again after the cond is reaped once too many', () => {
    const twice = (p: ax.Array, x: ax.Array): ax.Array => ax.sow(f(p, x), { ...T, name: 'y' });
    expect(() => ax.reap(twice, T)(ax.scalar(true), f32(1))).toThrow(/^Variable has already been reaped: y$/);
  });
});

describe('harvest inside whileLoop', () => {
  /** Doubles until at least `limit`, clobbering the value each iteration. */
  const doubling = (x: ax.Array, mode: ax.SowMode = 'clobber'): ax.Array =>
    ax.whileLoop(
      (v: ax.Array) => ax.less(v, 10),
      (v: ax.Array) => ax.sow(v.mul(2), { ...T, name: 'v', mode }),
      x,
    );

  test('reaps the last iteration’s clobber value, zeros if the loop never ran', () => {
    expect(values(arr(ax.reap(doubling, T)(ax.scalar(1))[1].v))).toEqual([16]);
    expect(values(arr(ax.reap(doubling, T)(ax.scalar(50))[1].v))).toEqual([0]);
    expect(values(arr(ax.jit(ax.reap(doubling, T))(ax.scalar(3))[1].v))).toEqual([12]);
  });

  test('plants a clobber value into every iteration', () => {
    // Each iteration's result is replaced by 11, which ends the loop after one iteration.
    expect(values(ax.plant(doubling, T)({ v: ax.scalar(11) }, ax.scalar(1)))).toEqual([11]);
  });

  test('other modes are errors, as an unknown number of iterations cannot be stacked', () => {
    expect(() => ax.reap((x: ax.Array) => doubling(x, 'append'), T)(ax.scalar(1))).toThrow(
      /^Must use clobber mode for 'v' inside whileLoop$/,
    );
  });
});

test('a primitive with no harvest rule that holds sows of the tag is an error naming them', () => {
  const f = ax.customJvp(
    (x: ax.Array) => ax.sow(ax.sin(x), { ...T, name: 'inner' }),
    ([x], [t]) => [ax.sin(x), t.mul(ax.cos(x))],
  );
  expect(() => ax.reap(f, T)(f32(1))).toThrow(
    "customJvpCall: the harvest of tag 'inter' cannot reach the values sown inside it (inner); sow them outside it",
  );
  expect(values(ax.reap(f, { tag: 'other' })(f32(0))[0])).toEqual([0]);
});

describe('harvest of control flow and memory', () => {
  test('reap of a scan leaves only its outputs and reaped values alive', () => {
    const xs = f32(1, 2, 3);
    const before = ax.memory().cpu!.buffers;
    const [[total, ys], reaped] = ax.reap(cumsum, T)(xs);
    const results = [total, ys, arr(reaped.partial), arr(reaped.square)];
    expect(ax.memory().cpu!.buffers).toBe(before + results.length);
    for (const r of results) r.dispose();
    expect(ax.memory().cpu!.buffers).toBe(before);
  });
});
