import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from '../helpers.js';
import { TIGHT } from './control-tolerances.js';
import { checkJit, checkVmap, expectClose, expectTreeClose } from '../laws.js';

/** The identity, whose incoming gradient is clipped to [-1, 1] on the way back. */
const clipGradient = ax.customVjp(
  (x: ax.Array) => x,
  (x: ax.Array) => [x, null],
  (_res, g: ax.Array) => [ax.clip(g, -1, 1)],
);

/** x y with residuals saved as a pytree and the gradient of y deliberately doubled. */
const product = ax.customVjp(
  (x: ax.Array, y: ax.Array) => x.mul(y),
  (x: ax.Array, y: ax.Array) => [x.mul(y), { x, y }],
  ({ x, y }: { x: ax.Array; y: ax.Array }, g: ax.Array) => [g.mul(y), g.mul(x).mul(2)],
);

describe('customVjp', () => {
  it('evaluates f itself', () => {
    const x = ax.array([-3, 0.5, 2]);
    expectClose(clipGradient(x), x, TIGHT, 'customVjp(identity) == identity');
    expectClose(product(x, x), x.mul(x), TIGHT, 'customVjp(mul) == mul');
  });

  it('gives grad the backward rule: a clipped gradient', () => {
    const g = (scale: number, x: number): number[] =>
      values(ax.grad((v: ax.Array) => ax.sum(clipGradient(v).mul(scale)))(ax.scalar(x)));
    expect(g(5, 2)).toEqual([1]);
    expect(g(-5, 2)).toEqual([-1]);
    expect(g(0.5, 2)).toEqual([0.5]);
    // The clipped path and a direct one add up: d/dx (clip(x) x) = clip(x) + x (clip only on one path).
    const both = ax.grad((v: ax.Array) => ax.sum(clipGradient(v).mul(v)))(ax.array([2, 0.3, -4]));
    expect(values(both)).toEqual([3, Math.fround(0.6), -5]);
  });

  it('takes several arguments, pytree residuals, and null for a zero cotangent', () => {
    const [gx, gy] = ax.grad(product, { argnums: [0, 1] })(ax.scalar(3), ax.scalar(4)) as ax.Array[];
    expect([values(gx!), values(gy!)]).toEqual([[4], [6]]);
    const onlyFirst = ax.customVjp(
      (x: ax.Array, n: ax.Array) => x.mul(n.astype('float32')),
      (x: ax.Array, n: ax.Array) => [x.mul(n.astype('float32')), n],
      (n: ax.Array, g: ax.Array) => [g.mul(n.astype('float32')), null],
    );
    expect(values(ax.grad(onlyFirst)(ax.scalar(1.5), ax.scalar(3, 'int32')))).toEqual([3]);
  });

  it('refuses forward mode with an error that says why, as JAX does', () => {
    expect(() => ax.jvp(clipGradient, [ax.scalar(1)], [ax.scalar(1)])).toThrow(
      /customVjp: a function with a custom VJP cannot be differentiated in forward mode/,
    );
  });

  it('is one equation under jit, and jit(grad) equals grad', () => {
    const ir = ax.makeIR(product)(ax.scalar(1), ax.scalar(2));
    expect(ir.eqns.map((e) => e.primitive.name)).toEqual(['customVjpCall']);
    const loss = (v: ax.Array): ax.Array => ax.sum(clipGradient(v.mul(v)).mul(3));
    checkJit(ax.grad(loss), [ax.array([0.1, 2, -0.4])], TIGHT);
    expect(values(ax.jit(ax.grad(loss))(ax.array([0.1, 2, -0.4])))).toEqual(
      [0.2, 2 * 2, -0.8].map(Math.fround),
    );
  });

  it('under vmap keeps the rules; an unbatched argument gets its cotangent summed over the batch', () => {
    const xs = ax.array([3, 5, -1]);
    const y = ax.scalar(4);
    checkVmap(product, [xs, y], [0, null], 0, TIGHT);
    const total = (a: ax.Array, b: ax.Array): ax.Array =>
      ax.sum(ax.vmap(product, { inAxes: [0, null] })(a, b));
    const [gx, gy] = ax.grad(total, { argnums: [0, 1] })(xs, y) as ax.Array[];
    expect(values(gx!)).toEqual([4, 4, 4]);
    expect(values(gy!)).toEqual([2 * (3 + 5 - 1)]);
    const perExample = ax.vmap(ax.grad(product, { argnums: [0, 1] }), { inAxes: [0, null] })(
      xs,
      y,
    ) as ax.Array[];
    expectTreeClose(perExample, [ax.full([3], 4), xs.mul(2)], TIGHT, 'vmap(grad(customVjp))');
    const clipped = ax.vmap(ax.grad((v: ax.Array) => ax.sum(clipGradient(v).mul(v))))(ax.array([2, 0.3, -4]));
    expect(values(clipped)).toEqual([3, Math.fround(0.6), -5]);
  });

  it('refuses to differentiate a closed-over value and checks what bwd returns', () => {
    const closes = (w: ax.Array): ax.Array =>
      ax.customVjp(
        (x: ax.Array) => x.mul(w),
        (x: ax.Array) => [x.mul(w), null],
        (_r, g: ax.Array) => [g],
      )(ax.scalar(1));
    expect(() => ax.grad(closes)(ax.scalar(2))).toThrow(
      /customVjp: the function or its rules close over a value that is being differentiated/,
    );
    const tooMany = ax.customVjp(
      (x: ax.Array) => x,
      (x: ax.Array) => [x, null],
      (_r, g: ax.Array) => [g, g],
    );
    expect(() => tooMany(ax.scalar(1))).toThrow(
      /customVjp: bwd must return a list of 1 cotangents, one per argument/,
    );
    const wrongShape = ax.customVjp(
      (x: ax.Array) => ax.sum(x),
      (x: ax.Array) => [ax.sum(x), null],
      (_r, g: ax.Array) => [g],
    );
    expect(() => wrongShape(ax.ones([3]))).toThrow(
      /customVjp: bwd's cotangent 0 leaf 0 is float32\[\], but argument 0 has float32\[3\]/,
    );
  });
});
