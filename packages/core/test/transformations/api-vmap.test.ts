import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

const values = (x: unknown): number[] => Array.from((x as ax.Array).dataSync());

describe('vmap', () => {
  const x = ax.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('maps along inAxes and stacks along outAxes', () => {
    expect(values(ax.vmap((r: ax.Array) => ax.lax.reduceSum(r, [0]))(x))).toEqual([6, 15]);
    expect(values(ax.vmap((c: ax.Array) => ax.lax.reduceSum(c, [0]), { inAxes: 1 })(x))).toEqual([5, 7, 9]);
    const doubled = ax.vmap((c: ax.Array) => c.mul(2), { inAxes: 1, outAxes: 1 })(x);
    expect(values(doubled)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(values(ax.vmap((c: ax.Array) => c.mul(2), { inAxes: -1, outAxes: -1 })(x))).toEqual(
      values(doubled),
    );
  });

  it('leaves null-axis arguments unmapped and takes pytree inAxes', () => {
    const f = (p: { w: ax.Array; v: ax.Array }, s: ax.Array): ax.Array => p.w.mul(p.v).add(s);
    const out = ax.vmap(f, { inAxes: [{ w: null, v: 0 }, null] })(
      { w: ax.array([1, 10, 100]), v: x },
      ax.scalar(1),
    );
    expect(values(out)).toEqual([2, 21, 301, 5, 51, 601]);
  });

  it('nests: vmap(vmap(f)) maps over two axes', () => {
    const outer = ax.vmap(ax.vmap((e: ax.Array) => e.mul(e)));
    expect(values(outer(x))).toEqual([1, 4, 9, 16, 25, 36]);
  });

  it('returns pytrees and broadcasts unmapped outputs when outAxes asks', () => {
    const out = ax.vmap((r: ax.Array) => ({ r, c: ax.scalar(7) }))(x) as { r: ax.Array; c: ax.Array };
    expect(out.c.shape).toEqual([2]);
    expect(values(out.c)).toEqual([7, 7]);
  });

  it('names inconsistent batch sizes and unmapped outputs that are batched', () => {
    expect(() => ax.vmap((a: ax.Array, b: ax.Array) => a.add(b))(ax.ones([2, 3]), ax.ones([3, 3]))).toThrow(
      /vmap got inconsistent sizes for the mapped axes: leaf 0 has size 2 along axis 0; leaf 1 has size 3 along axis 0/,
    );
    expect(() => ax.vmap((r: ax.Array) => r, { outAxes: null })(x)).toThrow(
      /outAxes null but depends on the mapped inputs/,
    );
    expect(() => ax.vmap((r: ax.Array) => r, { inAxes: 2 })(x)).toThrow(/axis 2, out of range for rank 2/);
    expect(() => ax.vmap((_: ax.Array) => ax.scalar(1), { inAxes: null })(x)).toThrow(/pass axisSize/);
  });

  it('composes with grad both ways: per-example gradients', () => {
    const w = ax.array([0.5, -1, 2]);
    const ys = ax.array([1, -1]);
    const loss = (wt: ax.Array, xi: ax.Array, yi: ax.Array): ax.Array =>
      ax.square(ax.sum(wt.mul(xi)).sub(yi));
    const perExample = ax.vmap(ax.grad(loss), { inAxes: [null, 0, 0] })(w, x, ys);
    expect(perExample.shape).toEqual([2, 3]);
    const rows = [0, 1].map((i) => ax.grad(loss)(w, [...x][i]!, [...ys][i]!));
    expect(values(perExample)).toEqual([...values(rows[0]), ...values(rows[1])]);
    const total = ax.grad((wt: ax.Array) => ax.sum(ax.vmap(loss, { inAxes: [null, 0, 0] })(wt, x, ys)))(w);
    const summed = ax.sum(perExample, 0);
    expect(values(total)).toEqual(values(summed));
  });
});
