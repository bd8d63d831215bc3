import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { expectClose, expectTreeClose, sliceAt } from '../laws.js';
import { values } from '../helpers.js';

const arr = (x: unknown): ax.Array => x as ax.Array;
const TOL = { rtol: 1e-5, atol: 1e-5 };

/** An affine map `x @ w + b` with w drawn from initKey and b zeros. */
const affine = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => {
  const w = ax.state.variable(ax.random.normal(initKey, [x.shape[0]!, 2]), { name: 'w' });
  const b = ax.state.variable(ax.zeros([2]), { name: 'b' });
  return ax.matmul(x, w).add(b);
};

/** Oryx's ensemble function: a dot product with w drawn from initKey. */
const dotW = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
  ax.dot(ax.state.variable(ax.random.normal(initKey, x.shape), { name: 'w' }), x);

describe('a module is a pytree', () => {
  test('grad of a loss of the module is a module-shaped gradient, equal to the hand-derived one', () => {
    const m = ax.state.init(affine)(ax.random.key(0), ax.ones([3]));
    const x = ax.array([0.5, -1, 2]);
    const loss = (mod: ax.state.FunctionModule): ax.Array => ax.square(arr(mod.call(x))).sum();
    const g = ax.grad(loss)(m);
    expect(g).toBeInstanceOf(ax.state.FunctionModule);
    expect(Object.keys(g.variables()).sort()).toEqual(['b', 'w']);
    // L = sum((x w + b)^2): dL/db = 2 (x w + b), dL/dw = outer(x, dL/db).
    const { w, b } = m.variables() as { w: ax.Array; b: ax.Array };
    const r = ax.matmul(x, w).add(b).mul(2);
    expectClose(arr(g.variables().b), r, TOL, 'dL/db');
    expectClose(arr(g.variables().w), ax.outer(x, r), TOL, 'dL/dw');
  });

  test('jit of a function of the module equals the function, and may return the updated module', () => {
    const counter = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      const n = ax.state.variable(ax.zeros([]), { name: 'n' });
      ax.state.assign(n.add(x.sum()), { name: 'n' });
      return x.mul(n.add(1));
    };
    const m = ax.state.init(counter)(ax.random.key(0), ax.ones([2]));
    const x = ax.array([1, 2]);
    const step = ax.jit((mod: ax.state.FunctionModule, v: ax.Array) => mod.callAndUpdate(v));
    const [y, next] = step(m, x);
    const [yEager, nextEager] = m.callAndUpdate(x);
    expectClose(arr(y), arr(yEager), TOL, 'jit output');
    expect(next).toBeInstanceOf(ax.state.FunctionModule);
    expectTreeClose(next, nextEager, TOL, 'jit update');
    expect(values(arr(step(next, x)[1].variables().n))).toEqual([6]);
  });

  test('vmap over inputs with the module unmapped (inAxes null) equals a loop of calls', () => {
    const m = ax.state.init(affine)(ax.random.key(1), ax.ones([3]));
    const xs = ax.random.normal(ax.random.key(2), [4, 3]);
    const ys = ax.vmap((mod: ax.state.FunctionModule, x: ax.Array) => arr(mod.call(x)), {
      inAxes: [null, 0],
    })(m, xs);
    expectClose(ys, ax.stack([0, 1, 2, 3].map((i) => arr(m.call(sliceAt(xs, 0, i))))), TOL, 'vmap of call');
  });
});

describe('ensembles (Oryx VmapModuleTest)', () => {
  const keys = (): ax.Array => ax.random.split(ax.random.key(0));
  const direct = (inAxes: [number, number | null], xs: ax.Array): ax.Array =>
    ax.vmap((k: ax.Array, x: ax.Array) => dotW(x, { initKey: k }), { inAxes })(keys(), xs);

  function checkEnsemble(ensemble: ax.state.FunctionModule): void {
    expect(arr(ensemble.variables().w).shape).toEqual([2, 5]);
    const callEach = (inAxes: [number, number | null], xs: ax.Array): ax.Array =>
      ax.vmap((m: ax.state.FunctionModule, x: ax.Array) => arr(ax.state.call(m, x)), { inAxes })(
        ensemble,
        xs,
      );
    expectClose(callEach([0, null], ax.ones([5])), direct([0, null], ax.ones([5])), TOL, 'shared input');
    const xs = ax.arange(10).reshape([2, 5]).astype('float32');
    expectClose(callEach([0, 0], xs), direct([0, 0], xs), TOL, 'one input per member');
  }

  test('vmap of init over keys gives an ensemble whose members are the function with each key', () => {
    checkEnsemble(ax.vmap(ax.state.init(dotW))(keys(), ax.ones([2, 5])));
  });

  test('init inside vmap gives the same ensemble', () => {
    const initOne = (k: ax.Array, x: ax.Array): ax.state.FunctionModule => ax.state.init(dotW)(k, x);
    checkEnsemble(ax.vmap(initOne, { inAxes: [0, 0] })(keys(), ax.ones([2, 5])));
  });
});
