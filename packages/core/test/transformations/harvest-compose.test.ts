import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';
import { checkJvp, checkVjp, expectClose, expectTreeClose, floatArray, type Tolerance } from '../laws.js';

const T = { tag: 'inter' } as const;
const arr = (x: unknown): ax.Array => x as ax.Array;
const EXACT: Tolerance = { rtol: 0, atol: 0 };

/** y = sow(sin x), a constant sown too, and appends; the output is a scalar. */
const f = (x: ax.Array): ax.Array => {
  const y = ax.sow(ax.sin(x), { ...T, name: 'y' });
  ax.sow(ax.ones([2]), { ...T, name: 'c' });
  ax.sow(y.mul(2), { ...T, name: 'ys', mode: 'append' });
  ax.sow(y.mul(3), { ...T, name: 'ys', mode: 'append' });
  return y.mul(x).sum();
};

describe('reap with jit', () => {
  const x = f32(0.5, -1, 2);

  test('jit(reap(f)) and reap(jit(f)) equal reap(f)', () => {
    const expected = ax.reap(f, T)(x);
    // The jitted program fuses sin and mul into one loop, which rounds its last bit differently.
    expectTreeClose(ax.jit(ax.reap(f, T))(x), expected, { rtol: 1e-6, atol: 0 }, 'jit(reap(f))');
    expectTreeClose(ax.reap(ax.jit(f), T)(x), expected, EXACT, 'reap(jit(f))');
  });

  test('a sow is staged into the program, and reaping evalIR of it gives what reaping f gives', () => {
    const ir = ax.makeIR(f)(x);
    expect(ir.eqns.filter((e) => e.primitive === ax.sowP)).toHaveLength(4);
    const [out, reaped] = ax.reap((a: ax.Array) => ax.evalIR(ir, [a])[0]!, T)(x);
    const [expectedOut, expectedReaped] = ax.reap(f, T)(x);
    expectTreeClose([out, reaped], [expectedOut, expectedReaped], EXACT, 'reap(evalIR(makeIR(f)))');
  });
});

describe('reap with vmap', () => {
  const xs = ax.array([
    [0.5, -1, 2],
    [1, 0, -0.25],
  ]);
  const loop = (g: (x: ax.Array) => unknown, batch: ax.Array): unknown[] => [...batch].map((row) => g(row));

  test('vmap(reap(f)) reaps each example’s values, stacked along axis 0', () => {
    const [outs, reaped] = ax.vmap(ax.reap(f, T))(xs);
    const rows = loop(ax.reap(f, T), xs) as [ax.Array, ax.Reaped][];
    expectClose(outs, ax.stack(rows.map((r) => r[0])), EXACT, 'vmap(reap(f)) output');
    for (const name of ['y', 'c', 'ys']) {
      expectClose(
        arr(reaped[name]),
        ax.stack(rows.map((r) => arr(r[1][name]))),
        EXACT,
        `vmap(reap(f)) ${name}`,
      );
    }
  });

  test('reap(vmap(f)) reaps batched values with the batch axis first, whatever inAxes was', () => {
    const [, reaped] = ax.reap(ax.vmap(f, { inAxes: 1 }), T)(xs.T);
    const rows = loop(ax.reap(f, T), xs) as [ax.Array, ax.Reaped][];
    expectClose(arr(reaped.y), ax.stack(rows.map((r) => arr(r[1].y))), EXACT, 'reap(vmap(f)) y');
    // An append stack is [sows, batch, ...]: each sown value is batched, then stacked.
    expectClose(
      arr(reaped.ys),
      ax.stack(
        rows.map((r) => arr(r[1].ys)),
        1,
      ),
      EXACT,
      'reap(vmap(f)) ys',
    );
    // A value that does not depend on the mapped inputs is sown once, unbatched.
    expect(arr(reaped.c).shape).toEqual([2]);
  });

  test('vmap of a sowing function, with no harvest, equals the loop (the sow batch rule)', () => {
    const batched = ax.vmap(f, { inAxes: 1 })(xs.T);
    expectClose(batched, ax.stack(loop(f, xs) as ax.Array[]), EXACT, 'vmap(f)');
  });

  test('plant(vmap(f)) takes plants batched along axis 0; vmap(plant(f)) maps them', () => {
    const g = (x: ax.Array): ax.Array => ax.sow(x.mul(2), { ...T, name: 'y' }).add(x);
    const plants = ax.array([
      [10, 20, 30],
      [40, 50, 60],
    ]);
    const expected = plants.add(xs);
    expectClose(ax.plant(ax.vmap(g), T)({ y: plants }, xs), expected, EXACT, 'plant(vmap(g))');
    expectClose(ax.vmap(ax.plant(g, T))({ y: plants }, xs), expected, EXACT, 'vmap(plant(g))');
  });
});

describe('reap and plant with grad', () => {
  const x = f32(0.5, -1, 2);

  test('grad of a reaped function: the reaped values pass out as aux, the gradient is unchanged', () => {
    const [[value, reaped], g] = ax.valueAndGrad((a: ax.Array) => ax.reap(f, T)(a), { hasAux: true })(x) as [
      [ax.Array, ax.Reaped],
      ax.Array,
    ];
    expectClose(value, f(x), EXACT, 'value');
    expectClose(arr(reaped.y), ax.sin(x), EXACT, 'reaped y');
    // d/dx sum(sin(x) x) = cos(x) x + sin(x)
    expectClose(g, ax.cos(x).mul(x).add(ax.sin(x)), { rtol: 1e-6, atol: 1e-6 }, 'grad');
  });

  test('reap(grad(f)) reaps the primal values of the forward pass', () => {
    const [g, reaped] = ax.reap(ax.grad(f), T)(x);
    expectClose(g, ax.grad(f)(x), EXACT, 'gradient');
    expectClose(arr(reaped.y), ax.sin(x), EXACT, 'reaped y');
    expect(arr(reaped.ys).shape).toEqual([2, 3]);
  });

  test('grad through a planted value: d/dp of plant(g)({y: p}, x)', () => {
    const g = (a: ax.Array): ax.Array =>
      ax
        .sow(ax.sin(a), { ...T, name: 'y' })
        .mul(a)
        .sum();
    const dp = ax.grad((p: ax.Array) => ax.plant(g, T)({ y: p }, x))(f32(0, 0, 0));
    expectClose(dp, x, EXACT, 'd/dp sum(p x) = x');
    const dx = ax.grad((a: ax.Array) => ax.plant(g, T)({ y: f32(1, 2, 3) }, a))(x);
    expectClose(dx, f32(1, 2, 3), EXACT, 'a planted value is a constant for x');
  });

  // Inputs in [-2, 2]; the laws' tolerances are those of float32 central differences (eps 1e-2).
  test('jvp and vjp laws hold through sow and through a planted value', () => {
    const g = (p: ax.Array, a: ax.Array): ax.Array =>
      ax.plant(
        (b: ax.Array) => ax.sow(ax.tanh(b), { ...T, name: 'y' }).mul(ax.sow(b, { ...T, name: 'z' })),
        T,
      )({ y: p.mul(p) }, a);
    const v = floatArray([3], -2, 2);
    fc.assert(
      fc.property(v, v, v, v, v, (p, a, tp, ta, ct) => {
        checkJvp(g, [p, a], [tp, ta], 1e-2, { rtol: 2e-2, atol: 2e-2 });
        checkVjp(g, [p, a], [tp, ta], ct, { rtol: 1e-5, atol: 1e-5 });
        checkJvp(f, [a], [ta], 1e-2, { rtol: 2e-2, atol: 2e-2 });
      }),
      { numRuns: 20 },
    );
  });

  test('a staged sow on a linear path transposes to the identity on cotangents', () => {
    const ir = ax.makeIR((t: ax.Array) => ax.sow(t, { ...T, name: 't' }).mul(3))(f32(0, 0));
    const [ct] = ax.backwardPass(ir, [null], [f32(1, 2)]);
    expect(values(arr(ct))).toEqual([3, 6]);
  });
});
