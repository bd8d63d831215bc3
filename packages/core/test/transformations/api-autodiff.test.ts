import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { expectClose } from '../laws.js';

const values = (x: unknown): number[] => Array.from((x as ax.Array).dataSync());
const TIGHT = { rtol: 1e-6, atol: 1e-6 };

describe('grad and valueAndGrad', () => {
  const loss = (w: ax.Array, x: ax.Array, y: ax.Array): ax.Array =>
    ax.mean(ax.square(ax.matmul(x, w).sub(y)));
  const w = ax.array([0.5, -1, 2]);
  const x = ax.array([
    [1, 2, 3],
    [4, 5, 6],
  ]);
  const y = ax.array([1, -1]);

  it('differentiates a least-squares loss to its closed form 2/n X^T (Xw - y)', () => {
    const g = ax.grad(loss)(w, x, y);
    const expected = ax.matmul(ax.transpose(x), ax.matmul(x, w).sub(y)).mul(2 / 2);
    expect(g.shape).toEqual([3]);
    expectClose(g, expected, TIGHT, 'grad of least squares');
  });

  it('takes argnums as a list and returns one gradient per argument', () => {
    const [gw, gx] = ax.grad(loss, { argnums: [0, 1] })(w, x, y) as ax.Array[];
    expect(gw!.shape).toEqual([3]);
    expect(gx!.shape).toEqual([2, 3]);
    expectClose(gw!, ax.grad(loss)(w, x, y), TIGHT, 'argnums [0, 1] first entry');
  });

  it('returns the value with the gradient, and passes aux through', () => {
    const [value, g] = ax.valueAndGrad(loss)(w, x, y);
    expectClose(value, loss(w, x, y), TIGHT, 'value of valueAndGrad');
    expectClose(g, ax.grad(loss)(w, x, y), TIGHT, 'gradient of valueAndGrad');
    const withAux = (v: ax.Array): [ax.Array, { sq: ax.Array; tag: string }] => [
      ax.sum(v.mul(v)),
      { sq: v.mul(v), tag: 't' },
    ];
    const [[v2, aux], g2] = ax.valueAndGrad(withAux, { hasAux: true })(w) as [
      [ax.Array, { sq: ax.Array; tag: string }],
      ax.Array,
    ];
    expect(values(v2)).toEqual([5.25]);
    expect(values(aux.sq)).toEqual([0.25, 1, 4]);
    expect(aux.tag).toBe('t');
    expect(values(g2)).toEqual([1, -2, 4]);
  });

  it('differentiates twice: grad(grad(x^3)) = 6x', () => {
    const d2 = ax.grad(ax.grad((v: ax.Array) => v.mul(v).mul(v)))(ax.scalar(1.5));
    expect(values(d2)[0]).toBeCloseTo(9, 5);
  });

  it('refuses integer inputs and non-scalar outputs with errors that say so', () => {
    expect(() => ax.grad((v: ax.Array) => ax.sum(v))(ax.array([1, 2], 'int32'))).toThrow(
      /grad requires float32 inputs, but leaf 0 of the differentiated arguments is int32\[2\]/,
    );
    expect(() => ax.grad((v: ax.Array) => v.mul(2))(ax.array([1, 2]))).toThrow(
      /grad: the function must return a float32 scalar, got float32\[2\]/,
    );
    expect(() => ax.grad((v: ax.Array) => ax.sum(v), { argnums: 3 })(ax.array([1]))).toThrow(
      /argnums 3 is out of range/,
    );
  });

  it('gives zero gradient through stopGradient', () => {
    const g = ax.grad((v: ax.Array) => ax.sum(ax.lax.stopGradient(v).mul(v)))(ax.array([2, 3]));
    expect(values(g)).toEqual([2, 3]);
  });
});

describe('jvp, linearize and vjp', () => {
  it('jvp pushes a tangent forward through pytrees', () => {
    const f = (p: { a: ax.Array; b: ax.Array }): ax.Array[] => [p.a.mul(p.b), ax.sin(p.a)];
    const [out, tangent] = ax.jvp(
      f,
      [{ a: ax.scalar(0), b: ax.scalar(3) }],
      [{ a: ax.scalar(1), b: ax.scalar(0) }],
    );
    expect(values(out[0])).toEqual([0]);
    expect(values(tangent[0])).toEqual([3]);
    expect(values(tangent[1])).toEqual([1]);
  });

  it('jvp names a tangent whose structure or shape does not match', () => {
    expect(() => ax.jvp(ax.sin, [ax.ones([2])], [[ax.ones([2])]])).toThrow(/does not match the primals/);
    expect(() => ax.jvp(ax.sin, [ax.ones([2])], [ax.ones([3])])).toThrow(
      /tangent 0 is float32\[3\], its primal is float32\[2\]/,
    );
  });

  it('linearize evaluates once and applies the derivative to many tangents', () => {
    const [y, fJvp] = ax.linearize((v: ax.Array) => ax.exp(v), ax.array([0, 1]));
    expectClose(y as ax.Array, ax.exp(ax.array([0, 1])), TIGHT, 'primal of linearize');
    expectClose(fJvp(ax.array([1, 1])) as ax.Array, ax.exp(ax.array([0, 1])), TIGHT, 'tangent of linearize');
    expectClose(fJvp(ax.array([2, 0])) as ax.Array, ax.array([2, 0]), TIGHT, 'second tangent of linearize');
  });

  it('vjp pulls a cotangent back to one cotangent per primal', () => {
    const [, pullback] = ax.vjp((a: ax.Array, b: ax.Array) => a.mul(b), ax.array([1, 2]), ax.array([3, 4]));
    const [ga, gb] = pullback(ax.array([1, 10])) as ax.Array[];
    expect(values(ga)).toEqual([3, 40]);
    expect(values(gb)).toEqual([1, 20]);
    expect(() => pullback(ax.ones([3]))).toThrow(/cotangent 0 is float32\[3\], the output is float32\[2\]/);
  });
});

describe('jacobians', () => {
  it('jacfwd and jacrev agree on a vector function and lay out [...out, ...in]', () => {
    const f = (v: ax.Array): ax.Array => ax.sin(v).mul(v.sum());
    const x = ax.array([0.3, -0.7, 1.1]);
    const fwd = ax.jacfwd(f)(x) as ax.Array;
    const rev = ax.jacrev(f)(x) as ax.Array;
    expect(fwd.shape).toEqual([3, 3]);
    expectClose(fwd, rev, { rtol: 1e-5, atol: 1e-6 }, 'jacfwd == jacrev');
  });

  it('hessian of sum(x^3) is diag(6x)', () => {
    const h = ax.hessian((v: ax.Array) => ax.sum(v.mul(v).mul(v)))(ax.array([1, 2])) as ax.Array;
    expect(values(h)).toEqual([6, 0, 0, 12]);
  });

  it('gives a Jacobian per input leaf for pytree inputs', () => {
    const j = ax.jacrev((p: { a: ax.Array; b: ax.Array }) => p.a.mul(p.b))({
      a: ax.array([1, 2]),
      b: ax.array([3, 4]),
    }) as {
      a: ax.Array;
      b: ax.Array;
    };
    expect(values(j.a)).toEqual([3, 0, 0, 4]);
    expect(values(j.b)).toEqual([1, 0, 0, 2]);
  });
});
