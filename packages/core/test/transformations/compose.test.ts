import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { expectClose, expectTreeClose } from '../laws.js';

const TOL = { rtol: 1e-5, atol: 1e-6 };

describe('transformations compose in any order', () => {
  const loss = (w: ax.Array, x: ax.Array, y: ax.Array): ax.Array =>
    ax.mean(ax.square(ax.matmul(x, w).sub(y)));
  const key = ax.random.key(3);
  const [k1, k2, k3] = ax.random.split(key, 3);
  const w = ax.random.normal(k1!, [4]);
  const xs = ax.random.normal(k2!, [5, 3, 4]);
  const ys = ax.random.normal(k3!, [5, 3]);

  it('vmap(grad) equals grad per example, and jit of it equals it', () => {
    const perExample = ax.vmap(ax.grad(loss), { inAxes: [null, 0, 0] });
    const batched = perExample(w, xs, ys);
    const rows = [...xs].map((x, i) => ax.grad(loss)(w, x, [...ys][i]!));
    expectClose(batched, ax.stack(rows), TOL, 'vmap(grad) vs loop of grad');
    expectClose(ax.jit(perExample)(w, xs, ys), batched, TOL, 'jit(vmap(grad))');
  });

  it('grad(vmap) equals the sum of per-example gradients, under jit too', () => {
    const total = (wt: ax.Array): ax.Array => ax.sum(ax.vmap(loss, { inAxes: [null, 0, 0] })(wt, xs, ys));
    const expected = ax.sum(ax.vmap(ax.grad(loss), { inAxes: [null, 0, 0] })(w, xs, ys), 0);
    expectClose(ax.grad(total)(w), expected, TOL, 'grad(vmap)');
    expectClose(ax.jit(ax.grad(total))(w), expected, TOL, 'jit(grad(vmap))');
  });

  it('a jitted valueAndGrad step over a params pytree equals the eager one', () => {
    const params = { w: ax.random.normal(k1!, [4, 2]), b: ax.zeros([2]) };
    const mlp = (p: typeof params, x: ax.Array): ax.Array => ax.sum(ax.tanh(ax.matmul(x, p.w).add(p.b)));
    const step = ax.jit((p: typeof params, x: ax.Array) => ax.valueAndGrad(mlp)(p, x));
    const x = [...xs][0]!;
    expectTreeClose(step(params, x), ax.valueAndGrad(mlp)(params, x), TOL, 'jit(valueAndGrad)');
    expectTreeClose(step(params, x), ax.valueAndGrad(mlp)(params, x), TOL, 'jit(valueAndGrad), cached');
    expect(step.cacheSize).toBe(1);
  });

  it('grad(grad) and grad(scan) agree with their direct forms', () => {
    const cube = (v: ax.Array): ax.Array => v.mul(v).mul(v);
    expectClose(ax.grad(ax.grad(cube))(ax.scalar(0.7)), ax.scalar(6 * 0.7), TOL, 'grad(grad(x^3))');
    const powScan = (v: ax.Array): ax.Array =>
      (
        ax.scan((c: ax.Array) => [c.mul(v), null], ax.scalar(1), null, { length: 4 }) as [ax.Array, unknown]
      )[0];
    expectClose(ax.grad(powScan)(ax.scalar(1.5)), ax.scalar(4 * 1.5 ** 3), TOL, 'grad(scan) of v^4');
  });

  it('makeIR of the loss prints a readable program', () => {
    const text = ax
      .makeIR(loss)(w, [...xs][0]!, [...ys][0]!)
      .toString();
    expect(text).toMatch(/^\{ lambda a:f32\[\]; b:f32\[4\] c:f32\[3,4\] d:f32\[3\]\. let/);
    expect(text).toContain('dotGeneral[contractingDims=[[1],[0]] batchDims=[[],[]]] c e');
  });
});
